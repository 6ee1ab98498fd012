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
import { hashOnWorkers } from '../analysis/warm-pool.js';
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
      else if (k === 'f') out.push(readsContent(r) ? { line: `${prefix}${r}\0`, abs: p } : { line: `${prefix}${r}\0name\n` });
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
 */
export async function inputDigest(abs: string, cache: HashCache, progress?: DigestProgress): Promise<string | undefined> {
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
    for (const name of childDirs(abs, cache)) {
      const dir = join(abs, name);
      if (isModule(dir)) moduleItems(dir, `${name}/`, cache, items);
      else items.push({ line: `${name}/\0not a module\n` });
    }
  }
  const hashes = await contentHashes(items, cache, progress);
  const h = createHash('sha256');
  items.forEach((item, i) => h.update(item.abs ? `${item.line}${hashes[i]}\n` : item.line));
  return h.digest('hex');
}

/** Below this many files to read, starting worker threads costs more than it saves. */
const READ_ON_WORKERS = 1000;

/** The content hash of each item that has a file: by stat from the cache, else read (on worker threads when many). */
async function contentHashes(items: readonly Item[], cache: HashCache, progress?: DigestProgress): Promise<string[]> {
  const hashes: string[] = new Array(items.length);
  const total = items.filter((i) => i.abs).length;
  let done = 0;
  const toRead: { i: number; abs: string; st: Stats }[] = [];
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
    if (hit === undefined) return void toRead.push({ i, abs: item.abs, st });
    hashes[i] = hit;
    progress?.(++done, total);
  });
  // A tree seen for the first time: the analysis workers read it while they load the parser.
  const read = toRead.length >= READ_ON_WORKERS ? await hashOnWorkers(toRead.map((f) => f.abs), (n) => progress?.((done += n), total)) : [];
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

/** What an unreadable file counts as: the analysis reports it; a fix changes the digest. */
const UNREADABLE = 'unreadable';
