/**
 * The hash a step's input is recorded with, for staleness. A file: the sha256 of its content. A
 * folder of modules (an addons path, modules/): a digest of exactly what the analysis reads, laid
 * out as the analysis finds modules (the folder itself, or its sub-folders with a manifest), so a
 * folder with no module is answered after one directory listing, and images, fonts and other
 * files the analysis never reads count by their name only. File hashes come through the stat
 * cache: an unchanged tree costs a stat per file.
 */
import { createHash } from 'node:crypto';
import { readlinkSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { isFileSync, MANIFESTS, readsContent, SKIP_DIRS } from '../analysis/files.js';
import { hashOnWorkers, readModulesOnWorkers, warmUp, type Hashed } from '../analysis/warm-pool.js';
import type { DirEntries, HashCache } from './hash-cache.js';
import { isNotFound } from './artifact-store.js';

export interface DigestProgress {
  (done: number, total: number): void;
}

const isModule = (dir: string): boolean => MANIFESTS.some((m) => isFileSync(join(dir, m)));

/** One line per file of a module: content hash for what the analysis reads, else the name. */
interface Item {
  line: string;
  abs?: string;
  /** The module folder the file belongs to (with abs). */
  module?: string;
}

/**
 * The files of a module as the analysis walks them (listModuleFiles: dot names and SKIP_DIRS
 * skipped), with listings from the cache. A link to a file counts as that file; a link to a
 * folder counts by its target's name: inside the module the target is walked under its own
 * name, and the analysis never follows one that leaves the module.
 */
function moduleItems(dir: string, prefix: string, cache: HashCache, out: Item[]): void {
  const walk = (d: string, rel: string): void => {
    let entries: DirEntries;
    try {
      entries = cache.listDir(d, statSync(d));
    } catch {
      // The analysis reports it (file and what to do); here it only has to count as a change.
      out.push({ line: `${prefix}${rel}\0unreadable\n` });
      return;
    }
    for (const [name, kind] of entries) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const p = `${d}${sep}${name}`;
      const r = `${rel}${name}`;
      let k = kind;
      if (k === 'l') {
        const target = statOrUndefined(p);
        if (target?.isDirectory()) {
          out.push({ line: `${prefix}${r}\0link ${linkText(p)}\n` });
          continue;
        }
        k = target?.isFile() ? 'f' : 'o';
      }
      if (k === 'd') walk(p, `${r}/`);
      else if (k === 'f') out.push(readsContent(r) ? { line: `${prefix}${r}\0`, abs: p, module: dir } : { line: `${prefix}${r}\0name\n` });
    }
  };
  walk(dir, '');
}

function linkText(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return '?';
  }
}

function childDirs(dir: string, cache: HashCache): string[] {
  let entries: DirEntries;
  try {
    entries = cache.listDir(dir, statSync(dir));
  } catch {
    return []; // the analysis reports the folder it cannot read
  }
  return entries
    .filter(([name]) => !name.startsWith('.') && name !== '__pycache__')
    .filter(([name, kind]) => kind === 'd' || (kind === 'l' && statOrUndefined(join(dir, name))?.isDirectory()))
    .map(([name]) => name);
}

function statOrUndefined(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/**
 * The digest of a workspace input (absolute path), or undefined when it does not exist.
 * `progress` is called as files are hashed (the total is known after the listing).
 * `analyseFor`: the step that asked analyses the modules next, with paths relative to this
 * folder; the modules whose files have to be read are analysed by the workers that read them
 * (see readModulesOnWorkers).
 */
export async function inputDigest(abs: string, cache: HashCache, progress?: DigestProgress, analyseFor?: string): Promise<string | undefined> {
  let st: Stats;
  try {
    st = statSync(abs);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  if (!st.isDirectory()) return cache.hashFile(abs, st);
  const items: Item[] = [];
  if (isModule(abs)) {
    moduleItems(abs, '', cache, items);
  } else {
    const seen = cache.knowsFolder(abs);
    const names = childDirs(abs, cache);
    // A tree never seen, with modules enough for the workers: they will read it all, and start meanwhile.
    if (analyseFor !== undefined && !seen && names.length >= MODULES_ON_WORKERS) warmUp();
    for (const name of names) {
      const dir = join(abs, name);
      if (isModule(dir)) moduleItems(dir, `${name}/`, cache, items);
      else items.push({ line: `${name}/\0not a module\n` });
    }
  }
  const hashes = await contentHashes(items, cache, progress, analyseFor);
  const h = createHash('sha256');
  items.forEach((item, i) => h.update(item.abs ? `${item.line}${hashes[i]}\n` : item.line));
  return h.digest('hex');
}

/** Below this many files to read, starting worker threads costs more than it saves. */
const READ_ON_WORKERS = 1000;

/** From this many modules on, the analysis runs on worker threads (MIN_MODULES_FOR_POOL in pool.ts). */
const MODULES_ON_WORKERS = 24;

/** The content hash of each item that has a file: by stat from the cache, else read (on worker threads when many). */
async function contentHashes(items: readonly Item[], cache: HashCache, progress?: DigestProgress, analyseFor?: string): Promise<string[]> {
  const hashes: string[] = new Array(items.length);
  const total = items.filter((i) => i.abs).length;
  let done = 0;
  const toRead: { i: number; abs: string; st: Stats; module?: string }[] = [];
  items.forEach((item, i) => {
    if (!item.abs) return;
    let st: Stats;
    try {
      st = statSync(item.abs);
    } catch {
      hashes[i] = UNREADABLE;
      return void progress?.(++done, total);
    }
    const hit = cache.lookup(item.abs, st);
    if (hit === undefined) return void toRead.push({ i, abs: item.abs, st, module: item.module });
    hashes[i] = hit;
    progress?.(++done, total);
  });
  // A tree seen for the first time: the analysis workers read it while they load the parser.
  const onRead = (n: number) => progress?.((done += n), total);
  // Files the step would read and parse right after: on the workers as soon as the analysis would use them.
  const forAnalysis = analyseFor !== undefined && (toRead.length >= READ_ON_WORKERS || new Set(toRead.map((f) => f.module)).size >= MODULES_ON_WORKERS);
  const read = forAnalysis ? await readModules(toRead, analyseFor, onRead) : toRead.length >= READ_ON_WORKERS ? await hashOnWorkers(toRead.map((f) => f.abs), onRead) : [];
  toRead.forEach((f, k) => {
    const r = read[k];
    if (r) {
      if (r.hash === undefined) hashes[f.i] = UNREADABLE;
      else {
        cache.learn(f.abs, f.st, r.hash, r.at);
        hashes[f.i] = r.hash;
      }
      return;
    }
    try {
      hashes[f.i] = cache.hashFile(f.abs, f.st);
    } catch {
      hashes[f.i] = UNREADABLE;
    }
    progress?.(++done, total);
  });
  return hashes;
}

/** What reading a byte costs the analysis, roughly, by kind: Python is parsed, XML read by SAX, web assets only scanned. */
const BYTE_WEIGHT: Record<string, number> = { py: 3, xml: 2, csv: 1 };

/** The files to read, by module, read and analysed on the workers: hashes in the order of `files`. */
async function readModules(files: readonly { abs: string; st: Stats; module?: string }[], base: string, onRead: (n: number) => void): Promise<(Hashed | undefined)[]> {
  const byModule = new Map<string, { dir: string; paths: string[]; weight: number }>();
  for (const f of files) {
    if (f.module === undefined) continue;
    let m = byModule.get(f.module);
    if (!m) byModule.set(f.module, (m = { dir: f.module, paths: [], weight: 0 }));
    m.paths.push(f.abs);
    const dot = f.abs.lastIndexOf('.');
    m.weight += f.st.size * (BYTE_WEIGHT[f.abs.slice(dot + 1)] ?? 0.5);
  }
  const hashed = await readModulesOnWorkers([...byModule.values()], base, onRead);
  return files.map((f) => hashed.get(f.abs));
}

/** What an unreadable file counts as: the analysis reports it; a fix changes the digest. */
const UNREADABLE = 'unreadable';
