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
import { hashOnWorkers, readModulesOnWorkers, warmUp, type Hashed, type ModuleReader, type ModuleToRead } from '../analysis/warm-pool.js';
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
  const files: File[] = [];
  const count = { done: 0, total: 0 };
  let reader: ModuleReader | undefined;
  const addModule = (dir: string, prefix: string) => {
    const from = items.length;
    moduleItems(dir, prefix, cache, items);
    const toRead = statItems(items, from, cache, files);
    // Handed out as soon as it is listed: the workers start on it while the rest is listed.
    if (reader && toRead.length > 0) reader.add(moduleToRead(dir, toRead));
  };
  if (isModule(abs)) {
    addModule(abs, '');
  } else {
    const seen = cache.knowsFolder(abs);
    const names = childDirs(abs, cache);
    // A tree never seen, with modules enough for the workers: they read it all, starting while it is listed.
    if (analyseFor !== undefined && !seen && names.length >= MODULES_ON_WORKERS) {
      warmUp();
      reader = readModulesOnWorkers(analyseFor, (n) => {
        count.done += n;
        if (count.total) progress?.(count.done, count.total);
      });
    }
    for (const name of names) {
      const dir = join(abs, name);
      if (isModule(dir)) addModule(dir, `${name}/`);
      else items.push({ line: `${name}/\0not a module\n` });
    }
  }
  const hashes = await contentHashes(files, cache, count, progress, analyseFor, reader);
  const h = createHash('sha256');
  items.forEach((item, i) => h.update(item.abs ? `${item.line}${hashes.get(i)}\n` : item.line));
  return h.digest('hex');
}

/** Below this many files to read, starting worker threads costs more than it saves. */
const READ_ON_WORKERS = 1000;

/** From this many modules on, the analysis runs on worker threads (MIN_MODULES_FOR_POOL in pool.ts). */
const MODULES_ON_WORKERS = 24;

/** A file whose content counts: its item, its stat, and its hash when the cache knows it by that stat. */
interface File {
  i: number;
  abs: string;
  module?: string;
  st?: Stats;
  hash?: string;
}

/** Stats the files among items[from...] and looks them up in the cache; returns those to read. */
function statItems(items: readonly Item[], from: number, cache: HashCache, out: File[]): File[] {
  const toRead: File[] = [];
  for (let i = from; i < items.length; i++) {
    const { abs, module } = items[i];
    if (!abs) continue;
    const f: File = { i, abs, module };
    out.push(f);
    try {
      f.st = statSync(abs);
    } catch {
      f.hash = UNREADABLE;
      continue;
    }
    f.hash = cache.lookup(abs, f.st);
    if (f.hash === undefined) toRead.push(f);
  }
  return toRead;
}

/** What reading a byte costs the analysis, roughly, by kind: Python is parsed, XML read by SAX, web assets only scanned. */
const BYTE_WEIGHT: Record<string, number> = { py: 3, xml: 2, csv: 1 };

function moduleToRead(dir: string, files: readonly File[]): ModuleToRead {
  let weight = 0;
  for (const f of files) weight += (f.st?.size ?? 0) * (BYTE_WEIGHT[f.abs.slice(f.abs.lastIndexOf('.') + 1)] ?? 0.5);
  return { dir, paths: files.map((f) => f.abs), weight };
}

/**
 * The content hash of each file, by item index: by stat from the cache, else read (handed to
 * `reader` already, or on worker threads when many, else here).
 */
async function contentHashes(
  files: readonly File[],
  cache: HashCache,
  count: { done: number; total: number },
  progress?: DigestProgress,
  analyseFor?: string,
  reader?: ModuleReader,
): Promise<Map<number, string>> {
  const hashes = new Map<number, string>();
  count.total = files.length;
  const toRead: File[] = [];
  for (const f of files) {
    if (f.hash === undefined) toRead.push(f);
    else {
      hashes.set(f.i, f.hash);
      count.done++;
    }
  }
  progress?.(count.done, count.total);
  const onRead = (n: number) => progress?.((count.done += n), count.total);
  let read: Map<string, Hashed>;
  if (reader) read = await reader.close();
  else if (analyseFor !== undefined && (toRead.length >= READ_ON_WORKERS || new Set(toRead.map((f) => f.module)).size >= MODULES_ON_WORKERS)) {
    // Files the step reads and parses right after: read and analysed on the workers, largest module first.
    const byModule = new Map<string, File[]>();
    for (const f of toRead) {
      if (f.module === undefined) continue;
      const same = byModule.get(f.module);
      if (same) same.push(f);
      else byModule.set(f.module, [f]);
    }
    const modules = [...byModule].map(([dir, fs]) => moduleToRead(dir, fs)).sort((a, b) => b.weight - a.weight);
    const r = readModulesOnWorkers(analyseFor, onRead);
    for (const m of modules) r.add(m);
    read = await r.close();
  } else if (toRead.length >= READ_ON_WORKERS) {
    // A tree seen for the first time: the analysis workers read it while they load the parser.
    const hashed = await hashOnWorkers(toRead.map((f) => f.abs), onRead);
    read = new Map();
    toRead.forEach((f, k) => void (hashed[k] && read.set(f.abs, hashed[k] as Hashed)));
  } else read = new Map();
  for (const f of toRead) {
    const r = read.get(f.abs);
    if (r) {
      if (r.hash === undefined) hashes.set(f.i, UNREADABLE);
      else {
        cache.learn(f.abs, f.st as Stats, r.hash, r.at);
        hashes.set(f.i, r.hash);
      }
      continue;
    }
    try {
      hashes.set(f.i, cache.hashFile(f.abs, f.st));
    } catch {
      hashes.set(f.i, UNREADABLE);
    }
    progress?.(++count.done, count.total);
  }
  return hashes;
}

/** What an unreadable file counts as: the analysis reports it; a fix changes the digest. */
const UNREADABLE = 'unreadable';
