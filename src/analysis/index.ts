/**
 * Static analysis of Odoo addons paths. Bad sources are reported per file and skipped; the
 * analysis always goes on.
 */
import { readdirSync, realpathSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { displayPath, fsProblem, isDirectory, isFile, isFileSync, MANIFESTS } from './files.js';
import { analyseModules } from './pool.js';
import type { AddonsAnalysis, ModuleAnalysis, SourceProblem, TestModule } from './types.js';

export type * from './types.js';

export interface AnalyseOptions {
  /** Paths in results are relative to this folder. */
  base: string;
  signal?: AbortSignal;
  /** After each module: how many modules are done, of how many, and how many files were read so far. */
  onModule?: (name: string, done: number, total: number, files: number, work?: { done: number; total: number }) => void;
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

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export async function analyseAddons(paths: readonly string[], opts: AnalyseOptions): Promise<AddonsAnalysis> {
  const problems: SourceProblem[] = [];
  const dirs: string[] = [];
  // By real path: a module reached twice (two addons paths, a link beside the folder) is read once.
  const seen = new Map<string, string>();
  const found: string[] = [];
  for (const p of paths) found.push(...(await moduleDirs(resolve(opts.base, p), opts.base, problems)));
  // The real folder keeps its own name; the link to it is the one reported.
  const isLink = (d: string) => realPath(d) !== d;
  for (const d of [...found.filter((d) => !isLink(d)), ...found.filter(isLink)]) {
    const real = realPath(d);
    const first = seen.get(real);
    if (first === undefined) {
      dirs.push(d);
      seen.set(real, d);
    } else if (first !== d) {
      problems.push({ kind: 'symlink-loop', file: displayPath(opts.base, d), message: `the same folder as ${displayPath(opts.base, first)} (a symbolic link); it was read once, as ${basename(first)}` });
    }
  }
  const modules: ModuleAnalysis[] = [];
  const testModules: TestModule[] = [];
  let done = 0;
  let files = 0;
  const results = await analyseModules(dirs, opts.base, (i, read, work) => opts.onModule?.(basename(dirs[i]), ++done, dirs.length, (files += read), work && { ...work }), opts.signal);
  for (const r of results) {
    if (r.module && 'kind' in r.module) testModules.push(r.module);
    else if (r.module) modules.push(r.module);
    problems.push(...r.problems);
  }
  modules.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines = modules.reduce((s, m) => s + m.lines.python + m.lines.xml, 0);
  const fileCount = modules.reduce((s, m) => s + m.manifest.data.length, 0) + modules.reduce((s, m) => s + new Set(m.models.map((x) => x.file)).size, 0);
  const fromCheck = results.length > 0 && results.every((r) => r.fromCheck);
  return { modules, problems, lines, files: fileCount, folders: dirs.length, testModules, ...(fromCheck ? { fromCheck } : {}) };
}

/**
 * Folders below `path` that hold modules, for the hint when an addons path holds none (a checkout
 * root, a parent folder). Bounded: at most `maxDepth` levels and `maxDirs` folders listed, so a
 * path such as /usr is answered at once.
 */
export function findAddonsBelow(path: string, maxDepth = 3, maxDirs = 2000): string[] {
  const found: string[] = [];
  let listed = 0;
  let level = [path];
  for (let depth = 0; depth < maxDepth && level.length > 0 && listed < maxDirs; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (listed++ >= maxDirs) break;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      const subs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && e.name !== '__pycache__');
      const modules = subs.filter((e) => MANIFESTS.some((m) => isFileSync(join(dir, e.name, m))));
      if (modules.length > 0 && dir !== path) found.push(dir);
      else if (modules.length === 0) next.push(...subs.map((e) => join(dir, e.name)));
    }
    level = next;
  }
  return found;
}
