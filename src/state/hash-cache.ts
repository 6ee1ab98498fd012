/**
 * File hashes remembered by stat, as git's index does: a file whose size, mtime, ctime and inode
 * are those recorded keeps its recorded sha256 without being read. The journal still records
 * real content hashes; this only avoids recomputing them.
 *
 * Racy files: a file changed within the file system's timestamp granularity of the moment the
 * cache was written may carry the same stat as the recorded one, so it is hashed again.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { writeAtomic } from './artifact-store.js';
import { sha256 } from './artifact-store.js';

interface Entry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  hash: string;
}

/** On disk: one array per file, to keep a tree of 10,000+ files small to read and write. */
interface CacheFile {
  version: 1;
  entries: [path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string][];
}

/** Files changed this close to the cache's own write are hashed again (whole seconds on FAT/HFS+). */
const racyWindow = (mtimeMs: number): number => (mtimeMs % 1000 === 0 ? 2000 : 50);

export interface HashCounters {
  /** Files whose hash came from the cache (stat only). */
  hits: number;
  /** Files read and hashed. */
  hashed: number;
  bytes: number;
}

export class HashCache {
  private readonly entries = new Map<string, Entry>();
  private dirty = false;
  readonly counters: HashCounters = { hits: 0, hashed: 0, bytes: 0 };

  /** `savedAt`: the cache file's own mtime (the file system's clock), 0 when there is none. */
  private constructor(private readonly file: string | undefined, private savedAt: number) {}

  /** An empty cache that is never saved (tests, read-only commands without a cache file). */
  static memory(): HashCache {
    return new HashCache(undefined, 0);
  }

  /** Loads the cache file; a missing or unreadable one only means an empty cache. */
  static load(file: string): HashCache {
    let savedAt = 0;
    let data: CacheFile | undefined;
    try {
      savedAt = statSync(file).mtimeMs;
      data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    } catch {
      data = undefined;
    }
    const cache = new HashCache(file, savedAt);
    if (data?.version === 1 && Array.isArray(data.entries)) {
      for (const e of data.entries) {
        if (Array.isArray(e) && e.length === 6 && typeof e[5] === 'string') {
          cache.entries.set(e[0], { size: e[1], mtimeMs: e[2], ctimeMs: e[3], ino: e[4], hash: e[5] });
        }
      }
    }
    return cache;
  }

  /** sha256 of a file's content; `st` when the caller already has its stat. */
  hashFile(abs: string, st: Stats = statSync(abs)): string {
    const known = this.entries.get(abs);
    if (
      known &&
      known.size === st.size &&
      known.mtimeMs === st.mtimeMs &&
      known.ctimeMs === st.ctimeMs &&
      known.ino === st.ino &&
      st.mtimeMs + racyWindow(st.mtimeMs) < this.savedAt
    ) {
      this.counters.hits++;
      return known.hash;
    }
    const bytes = readFileSync(abs);
    const hash = sha256(bytes);
    this.counters.hashed++;
    this.counters.bytes += bytes.length;
    this.remember(abs, st, hash);
    return hash;
  }

  /** Records a hash computed elsewhere (e.g. of bytes just written). */
  remember(abs: string, st: Stats, hash: string): void {
    const prev = this.entries.get(abs);
    if (prev && prev.hash === hash && prev.size === st.size && prev.mtimeMs === st.mtimeMs && prev.ctimeMs === st.ctimeMs && prev.ino === st.ino) {
      // Same entry, but it was racy: saving again moves savedAt past it, so next time it is a hit.
      this.dirty = true;
      return;
    }
    this.entries.set(abs, { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, hash });
    this.dirty = true;
  }

  /** Writes the cache when it learned something. Failing to write only costs speed next time. */
  async save(): Promise<void> {
    if (!this.file || !this.dirty) return;
    const data: CacheFile = { version: 1, entries: [] };
    for (const [p, e] of this.entries) data.entries.push([p, e.size, e.mtimeMs, e.ctimeMs, e.ino, e.hash]);
    try {
      await writeAtomic(this.file, JSON.stringify(data));
      this.savedAt = statSync(this.file).mtimeMs;
      this.dirty = false;
    } catch {
      // A read-only or full disk: the next run hashes again, nothing is wrong.
    }
  }
}
