/**
 * The hash a step's input is recorded with, for staleness. A file: the sha256 of its content. A
 * folder of modules (an addons path, modules/): a digest of exactly what the analysis reads, laid
 * out as the analysis finds modules (the folder itself, or its sub-folders with a manifest), so a
 * folder with no module is answered after one directory listing, and images, fonts and other
 * files the analysis never reads count by their name only. File hashes come through the stat
 * cache: an unchanged tree costs a stat per file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isFileSync, listModuleFiles, MANIFESTS, readsContent } from '../analysis/files.js';
import type { HashCache } from './hash-cache.js';
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

async function moduleItems(dir: string, prefix: string, out: Item[]): Promise<void> {
  for (const abs of await listModuleFiles(dir, dir, [])) {
    const rel = sep === '/' ? abs.slice(dir.length + 1) : relative(dir, abs).split(sep).join('/');
    out.push(readsContent(rel) ? { line: `${prefix}${rel}\0`, abs } : { line: `${prefix}${rel}\0name\n` });
  }
}

function childDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && e.name !== '__pycache__')
    .filter((e) => e.isDirectory() || (e.isSymbolicLink() && statOrUndefined(join(dir, e.name))?.isDirectory()))
    .map((e) => e.name)
    .sort();
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
    await moduleItems(abs, '', items);
  } else {
    for (const name of childDirs(abs)) {
      const dir = join(abs, name);
      if (isModule(dir)) await moduleItems(dir, `${name}/`, items);
      else items.push({ line: `${name}/\0not a module\n` });
    }
  }
  const total = items.filter((i) => i.abs).length;
  const h = createHash('sha256');
  let done = 0;
  for (const item of items) {
    if (item.abs) {
      let hash: string;
      try {
        hash = cache.hashFile(item.abs);
      } catch {
        hash = 'unreadable'; // the analysis reports it; a fix changes the digest
      }
      h.update(`${item.line}${hash}\n`);
      progress?.(++done, total);
    } else h.update(item.line);
  }
  return h.digest('hex');
}
