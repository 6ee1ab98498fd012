/**
 * File-system walking for module trees: follows symlinks inside a module, reports loops and
 * links that leave it, decodes UTF-8
 * strictly (a non-UTF-8 file is reported with the line of its first bad byte).
 * Synchronous calls on purpose: thousands of small reads through the thread pool left the CPU
 * idle a quarter of the time (bench/analysis.ts); the functions stay async for callers.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { errnoOf, fsTrouble } from '../core/fs-error.js';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { firstBadUtf8 } from '../core/utf8.js';
import type { SourceProblem } from './types.js';

/** Never read: tests (reported as coverage), data generators for load tests, upgrade scripts, translations, caches. */
export const SKIP_DIRS: ReadonlySet<string> = new Set(['__pycache__', 'tests', 'populate', 'i18n', 'i18n_extra', 'migrations', 'upgrades', 'node_modules']);

/** Manifest file names, newest first: a folder holding one is an Odoo module. */
export const MANIFESTS = ['__manifest__.py', '__openerp__.py'] as const;

/**
 * Whether the analysis reads a module file's content (path relative to the module, '/'-separated).
 * Staleness hashes exactly these; every other file counts by its name only, so an image or a
 * font that changes never makes a step stale, while adding or removing any file does.
 */
export function readsContent(relInModule: string): boolean {
  const dot = relInModule.lastIndexOf('.');
  const ext = dot === -1 ? '' : relInModule.slice(dot);
  if (relInModule.startsWith('static/')) return ext === '.js' || ext === '.scss';
  return ext === '.py' || ext === '.xml' || ext === '.csv';
}

export const displayPath = (base: string, abs: string): string => relative(base, abs).split(sep).join('/') || '.';

/**
 * Files of a module (absolute paths: each folder's entries sorted, linked folders last), skipping
 * tests, translations and caches. A link to a folder is followed only inside the module, and no
 * link to what was read already: a folder link that leaves the module (say, to the addons folder)
 * or a link that reaches a folder or file a second time is reported and not followed, so nothing
 * is analysed twice. A link to a single file elsewhere (a shared LICENSE) is read.
 */
export async function listModuleFiles(
  dir: string,
  base: string,
  problems: SourceProblem[],
): Promise<string[]> {
  const out: string[] = [];
  const shown = (abs: string) => displayPath(base, abs);
  let moduleReal: string;
  try {
    moduleReal = realpathSync(dir);
  } catch (e) {
    problems.push(fsProblem(e, shown(dir)));
    return out;
  }
  const inModule = (real: string) => real === moduleReal || real.startsWith(moduleReal + sep);
  const seen = new Set<string>();
  // Links wait until every real folder is read, so a real path is listed under its own name.
  const links: { path: string; ancestors: ReadonlySet<string> }[] = [];
  const walk = (d: string, real: string, ancestors: ReadonlySet<string>): void => {
    seen.add(real);
    let listed: Dirent[];
    try {
      listed = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      problems.push(fsProblem(e, shown(d)));
      return;
    }
    const next = new Set(ancestors).add(real);
    for (const entry of listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = entry.name;
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const p = join(d, name);
      if (entry.isSymbolicLink()) links.push({ path: p, ancestors: next });
      else if (entry.isDirectory()) walk(p, join(real, name), next);
      else if (entry.isFile()) {
        seen.add(join(real, name));
        out.push(p);
      }
    }
  };
  const follow = (p: string, ancestors: ReadonlySet<string>): void => {
    let st: ReturnType<typeof statSync>;
    let real: string;
    try {
      st = statSync(p);
      real = realpathSync(p);
    } catch (e) {
      problems.push(fsProblem(e, shown(p)));
      return;
    }
    if (!st.isDirectory() && !st.isFile()) return;
    const skip = (message: string) => problems.push({ kind: 'symlink-loop', file: shown(p), message });
    if (ancestors.has(real)) return void skip('a symbolic link loops back to one of its parent folders; it was not followed');
    if (st.isDirectory() && !inModule(real)) return void skip(`a symbolic link leaves the module (to ${shown(real)}); it was not followed, so nothing outside the module is read as part of it`);
    if (seen.has(real)) return void skip(`a symbolic link to ${shown(real)}, which is already read; it was not followed, so nothing is counted twice`);
    if (st.isFile()) {
      seen.add(real);
      out.push(p);
    } else walk(p, real, ancestors);
  };
  walk(dir, moduleReal, new Set());
  for (let i = 0; i < links.length; i++) follow(links[i].path, links[i].ancestors);
  return out;
}

export function fsProblem(e: unknown, file: string): SourceProblem {
  if (errnoOf(e) === 'ELOOP') return { kind: 'symlink-loop', file, message: 'a symbolic link points to itself (loop); it was skipped' };
  if (errnoOf(e) === 'ENOENT') return { kind: 'missing-file', file, message: 'not found (a dangling link, or removed while reading); it was skipped' };
  const t = fsTrouble(e, file);
  return { kind: 'unreadable', file, message: `cannot read it (${t.what}); it was skipped. ${t.hint[0].toUpperCase()}${t.hint.slice(1)}` };
}

/**
 * Bytes of files already read on this thread (by absolute path), taken by readText instead of
 * reading them again: the staleness check hands over what it hashed (see worker.ts).
 */
export const readAhead = new Map<string, Buffer>();

/** Reads a text file as strict UTF-8. */
export async function readText(abs: string, file: string): Promise<Result<string, SourceProblem>> {
  let bytes: Buffer;
  try {
    bytes = readAhead.get(abs) ?? readFileSync(abs);
  } catch (e) {
    return err(fsProblem(e, file));
  }
  // isUtf8 (simdutf) + toString is several times faster than a fatal TextDecoder; same rules:
  // strict UTF-8, a leading byte order mark dropped.
  const bad = firstBadUtf8(bytes);
  if (!bad) {
    const s = bytes.toString('utf8');
    return ok(s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
  }
  return err({ kind: 'encoding', file, ...bad, message: 'not UTF-8 text; save it as UTF-8. The file was skipped' });
}

export function isFileSync(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Why a folder cannot be listed (EACCES...), or undefined when it can. */
export function listingError(p: string): unknown {
  try {
    readdirSync(p);
    return undefined;
  } catch (e) {
    return e;
  }
}

/** A folder with no entries at all (an unreadable one is not empty: the walk reports it). */
export function isEmptyDir(p: string): boolean {
  try {
    return readdirSync(p).length === 0;
  } catch {
    return false;
  }
}

export async function isDirectory(p: string): Promise<boolean> {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export async function isFile(p: string): Promise<boolean> {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
