/**
 * A case of the bad-input corpus: __tests__/fixtures/corpus/<name>/case.json, plus an optional
 * files/ folder copied as the user's folder. See /work/coord/notes/corpus-harness.md (and the
 * README in the corpus folder) for how to add one. Unknown keys are refused, so a typo in a case
 * fails loudly instead of silently checking less.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = join(process.cwd(), '__tests__', 'fixtures', 'corpus');

/** Builds the user's folder, in order. Paths are relative to it and may not leave it. */
export type SetupOp =
  | { copy: string; to: string } // from the repository (e.g. "examples/addons/helpdesk_lite")
  | { write: string; text: string } // JSON escapes give any character: "\u202e", "\n"
  | { write: string; base64: string } // any bytes
  | { append: string; text: string } // e.g. a user's edit of a file an earlier run wrote
  | { append: string; base64: string }
  | { mkdir: string }
  | { symlink: string; target: string }
  | { rename: string; to: string }
  | { chmod: string; mode: string }; // octal, e.g. "000": the run then needs an unprivileged user

export interface FileCheck {
  path: string;
  exists?: boolean;
  /** Regexes (flag m) the file's text must match. */
  matches?: string[];
  notMatches?: string[];
}

export interface Run {
  /** Ops applied just before this run (a user's edit between two runs); what they touch is the user's. */
  before?: SetupOp[];
  args: string[];
  /** Working folder of the run, relative to the user's folder (default: the folder itself). */
  cwd?: string;
  env?: Record<string, string>;
  exit: number;
  /**
   * Literal text of the place the message must name: "file:line" or a server URL. On a failed
   * run it must be on the line just above the "  -> next step" line.
   */
  where?: string;
  /** Regexes (flag m) that stdout+stderr must match, and must not. */
  output?: string[];
  notOutput?: string[];
  files?: FileCheck[];
}

export interface ServerSpec {
  /** A kind registered in servers.ts ("emulator", "dead", ...). */
  kind: string;
  [option: string]: unknown;
}

export interface CorpusCase {
  name: string;
  /** The class of bad input (the report lists cases by class). */
  class: string;
  about: string;
  /** e.g. "10.15": the issue item the case holds to. */
  issue?: string;
  server?: ServerSpec;
  setup: SetupOp[];
  runs: Run[];
}

const CASE_KEYS = new Set(['class', 'about', 'issue', 'server', 'setup', 'runs']);
const RUN_KEYS = new Set(['before', 'args', 'cwd', 'env', 'exit', 'where', 'output', 'notOutput', 'files']);
const FILE_KEYS = new Set(['path', 'exists', 'matches', 'notMatches']);
const OP_SHAPES: string[][] = [['copy', 'to'], ['write', 'text'], ['write', 'base64'], ['append', 'text'], ['append', 'base64'], ['mkdir'], ['symlink', 'target'], ['rename', 'to'], ['chmod', 'mode']];

function only(obj: object, keys: Set<string>, what: string): void {
  for (const k of Object.keys(obj)) if (!keys.has(k)) throw new Error(`${what}: unknown key "${k}"`);
}

function checkCase(name: string, raw: Record<string, unknown>): CorpusCase {
  const at = `corpus/${name}/case.json`;
  only(raw, CASE_KEYS, at);
  if (typeof raw.class !== 'string' || typeof raw.about !== 'string') throw new Error(`${at}: "class" and "about" are required strings`);
  const checkOps = (ops: SetupOp[]): void => {
    for (const op of ops) {
      const keys = Object.keys(op).sort().join(',');
      if (!OP_SHAPES.some((s) => [...s].sort().join(',') === keys)) throw new Error(`${at}: setup op with keys ${keys} is none of ${OP_SHAPES.map((s) => s.join('+')).join(', ')}`);
    }
  };
  const setup = (raw.setup ?? []) as SetupOp[];
  checkOps(setup);
  const runs = raw.runs as Run[];
  if (!Array.isArray(runs) || runs.length === 0) throw new Error(`${at}: "runs" needs at least one run`);
  for (const r of runs) {
    only(r, RUN_KEYS, `${at} run`);
    checkOps(r.before ?? []);
    if (!Array.isArray(r.args) || typeof r.exit !== 'number') throw new Error(`${at}: a run needs "args" (array) and "exit" (number)`);
    for (const f of r.files ?? []) only(f, FILE_KEYS, `${at} files`);
  }
  return { name, ...(raw as Omit<CorpusCase, 'name' | 'setup'>), setup };
}

export function loadCases(): CorpusCase[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS_DIR, d.name, 'case.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => checkCase(name, JSON.parse(readFileSync(join(CORPUS_DIR, name, 'case.json'), 'utf8')) as Record<string, unknown>));
}
