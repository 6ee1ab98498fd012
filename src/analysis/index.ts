/**
 * Static analysis of Odoo addons paths. Bad sources are reported per file and skipped; the
 * analysis always goes on.
 */
import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { displayPath, fsProblem, isDirectory, isFile } from './files.js';
import { analyseModules } from './pool.js';
import type { AddonsAnalysis, ModuleAnalysis, SourceProblem } from './types.js';

export type * from './types.js';

export interface AnalyseOptions {
  /** Paths in results are relative to this folder. */
  base: string;
  signal?: AbortSignal;
  onModule?: (name: string, done: number, total: number) => void;
}

/** Module directories of an addons path: the path itself if it is a module, else its sub-folders. */
async function moduleDirs(path: string, base: string, problems: SourceProblem[]): Promise<string[]> {
  if ((await isFile(join(path, '__manifest__.py'))) || (await isFile(join(path, '__openerp__.py')))) return [path];
  let names: string[];
  try {
    names = (await readdir(path)).sort();
  } catch (e) {
    problems.push(fsProblem(e, displayPath(base, path)));
    return [];
  }
  const dirs: string[] = [];
  for (const n of names) {
    if (n.startsWith('.') || n === '__pycache__') continue;
    const p = join(path, n);
    if (await isDirectory(p)) dirs.push(p);
    else if (n.endsWith('.py') || n.endsWith('.xml')) continue;
  }
  return dirs;
}

export async function analyseAddons(paths: readonly string[], opts: AnalyseOptions): Promise<AddonsAnalysis> {
  const problems: SourceProblem[] = [];
  const dirs: string[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    for (const d of await moduleDirs(resolve(opts.base, p), opts.base, problems)) {
      if (!seen.has(d)) dirs.push(d);
      seen.add(d);
    }
  }
  const modules: ModuleAnalysis[] = [];
  let done = 0;
  const results = await analyseModules(dirs, opts.base, (i) => opts.onModule?.(basename(dirs[i]), ++done, dirs.length), opts.signal);
  for (const r of results) {
    if (r.module) modules.push(r.module);
    problems.push(...r.problems);
  }
  modules.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines = modules.reduce((s, m) => s + m.lines.python + m.lines.xml, 0);
  const files = modules.reduce((s, m) => s + m.manifest.data.length, 0) + modules.reduce((s, m) => s + new Set(m.models.map((x) => x.file)).size, 0);
  return { modules, problems, lines, files };
}
