/**
 * Finds the lines of module sources that match given patterns (e.g. syntax an Odoo version
 * removed). Reads text only; the code is never run. Same skips as the analysis (tests, i18n, ...).
 */
import { extname, resolve } from 'node:path';
import { listModuleFiles, readText } from './files.js';
import type { SourceProblem } from './types.js';

export interface LinePattern {
  id: string;
  ext: readonly string[];
  pattern: RegExp;
}

export interface LineHit {
  id: string;
  /** Relative to the analysis base, posix separators. */
  file: string;
  line: number;
  /** The line as written, trimmed (at most 160 characters). */
  text: string;
}

/** Hits in one module folder (`dir` relative to `base`), in file then line order. */
export async function scanModuleLines(dir: string, base: string, patterns: readonly LinePattern[], problems: SourceProblem[] = []): Promise<LineHit[]> {
  if (patterns.length === 0) return [];
  const abs = resolve(base, dir);
  const files = await listModuleFiles(abs, base, problems);
  const hits: LineHit[] = [];
  for (const f of files) {
    const ext = extname(f);
    const wanted = patterns.filter((p) => p.ext.includes(ext));
    if (wanted.length === 0) continue;
    const file = `${dir}/${f.slice(abs.length + 1).split(/[\\/]/).join('/')}`;
    // Third-party libraries shipped in static/lib are not the module's own code.
    if (file.includes('/static/lib/')) continue;
    const text = await readText(f, file);
    if (!text.ok) {
      problems.push(text.error);
      continue;
    }
    const lines = text.value.split(/\r?\n/);
    lines.forEach((l, i) => {
      for (const p of wanted) {
        if (p.pattern.test(l)) hits.push({ id: p.id, file, line: i + 1, text: l.trim().slice(0, 160) });
      }
    });
  }
  return hits;
}
