/** The contract every run of a corpus case is held to (see corpus.test.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Run } from './case.js';

const STACK = [/^\s+at \S/m, /internal error/i, /\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/, /\bnode:internal\b/];

/** Everything wrong with one run, as sentences (empty when it holds to the contract). */
export function judge(run: Run, r: { exitCode?: number; stdout: string; stderr: string }, user: string, fill: (s: string) => string): string[] {
  const bad: string[] = [];
  const all = `${r.stdout}\n${r.stderr}`;
  if (r.exitCode !== run.exit) bad.push(`exit code ${r.exitCode}, expected ${run.exit}`);
  for (const re of STACK) if (re.test(all)) bad.push(`output shows a stack trace or internal error (${re})`);
  const where = run.where === undefined ? undefined : fill(run.where);
  if (run.exit !== 0) {
    const lines = r.stderr.split('\n');
    const hint = lines.findIndex((l) => /^ {2}-> \S/.test(l));
    if (hint < 1 || lines[hint - 1].trim() === '') bad.push('no one-line message followed by "  -> <next step>" on stderr');
    else if (where !== undefined && !lines[hint - 1].includes(where)) bad.push(`the message line does not name ${JSON.stringify(where)}: ${JSON.stringify(lines[hint - 1])}`);
  } else if (where !== undefined && !all.includes(where)) bad.push(`the output never names ${JSON.stringify(where)}`);
  for (const re of run.output ?? []) if (!new RegExp(fill(re), 'm').test(all)) bad.push(`output does not match /${re}/`);
  for (const re of run.notOutput ?? []) if (new RegExp(fill(re), 'm').test(all)) bad.push(`output matches /${re}/`);
  for (const f of run.files ?? []) {
    let text: string | undefined;
    try {
      text = readFileSync(join(user, f.path), 'utf8');
    } catch {
      text = undefined;
    }
    if (f.exists !== undefined && f.exists !== (text !== undefined)) bad.push(`${f.path} ${f.exists ? 'is missing' : 'exists'}`);
    for (const re of f.matches ?? []) if (text === undefined || !new RegExp(re, 'm').test(text)) bad.push(`${f.path} does not match /${re}/`);
    for (const re of f.notMatches ?? []) if (text !== undefined && new RegExp(re, 'm').test(text)) bad.push(`${f.path} matches /${re}/`);
  }
  if (bad.length) bad.push(`--- stdout:\n${r.stdout}\n--- stderr:\n${r.stderr}`);
  return bad;
}
