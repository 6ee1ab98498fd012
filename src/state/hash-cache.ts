/**
 * File hashes remembered by stat, as git's index does: a file whose size, mtime, ctime and inode
 * are those recorded keeps its recorded sha256 without being read. The journal still records
 * real content hashes; this only avoids recomputing them.
 *
 * Folder listings are remembered the same way: a folder's mtime changes whenever an entry is
 * added, removed or renamed in it, so an unchanged folder is not listed again.
 *
 * Racy files: a file changed within the file system's timestamp granularity of the moment the
 * cache was written may carry the same stat as the recorded one, so it is hashed again. What this
 * process read itself counts from the moment it read it: a first run (no cache file yet) checks
 * the tree again by stat alone, instead of reading every file once per check.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { writeAtomic } from './artifact-store.js';
import { sha256 } from './artifact-store.js';

interface Entry {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  hash: string;
  /** When this process read the file (Date.now() before the read); undefined when loaded from the cache file. */
  at?: number;
}

/** A folder's entries: name and kind (d folder, f file, l symbolic link, o anything else). */
export type DirEntries = readonly (readonly [name: string, kind: 'd' | 'f' | 'l' | 'o'])[];

interface DirEntry {
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** When this process listed the folder; undefined when loaded from the cache file. */
  at?: number;
  /** Decoded on first use: most runs only need to know the listing did not change. */
  entries: DirEntries | string;
}

/**
 * On disk, per folder, one string each (a name holds neither '/' nor NUL): a 10,000-file tree is
 * a few hundred KB of long strings, parsed fast, and a folder's part is decoded only when used.
 * - files[folder]: `name/size/mtimeMs/ctimeMs/ino/sha256 as base64url` for each file, joined by '/';
 * - dirs[folder]: [mtimeMs, ctimeMs, ino, listing], listing: kind letter + name, joined by '/'.
 */
interface CacheFile {
  version: 3;
  files: Record<string, string>;
  dirs: Record<string, [mtimeMs: number, ctimeMs: number, ino: number, listing: string]>;
}

const packListing = (entries: DirEntries): string => entries.map(([name, kind]) => `${kind}${name}`).join('/');
const unpackListing = (s: string): DirEntries => (s === '' ? [] : s.split('/').map((e) => [e.slice(1), e[0] as 'd' | 'f' | 'l' | 'o'] as const));
const hexTo64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64url');
const b64ToHex = (b64: string): string => Buffer.from(b64, 'base64url').toString('hex');

/** Files changed this close to the cache's own write are hashed again (whole seconds on FAT/HFS+). */
const racyWindow = (mtimeMs: number): number => (mtimeMs % 1000 === 0 ? 2000 : 50);

export interface HashCounters {
  /** Files whose hash came from the cache (stat only). */
  hits: number;
  /** Folders whose listing came from the cache (a folder's mtime changes with its entries). */
  dirHits: number;
  dirsListed: number;
  /** Files read and hashed. */
  hashed: number;
  bytes: number;
}

export class HashCache {
  private readonly entries = new Map<string, Entry>();
  /** Files of a folder as loaded, not decoded yet (see CacheFile). */
  private readonly packed = new Map<string, string>();
  private readonly dirs = new Map<string, DirEntry>();
  private dirty = false;
  /** The latest mtime among the files learned in this process (a step's outputs, just written). */
  private newest = 0;
  readonly counters: HashCounters = { hits: 0, hashed: 0, bytes: 0, dirHits: 0, dirsListed: 0 };

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
    // Another version's file (or a damaged one) only means hashing again once.
    if (data?.version === 3 && data.files && typeof data.files === 'object' && data.dirs && typeof data.dirs === 'object') {
      for (const [dir, text] of Object.entries(data.files)) if (typeof text === 'string') cache.packed.set(dir, text);
      for (const [dir, d] of Object.entries(data.dirs)) {
        if (Array.isArray(d) && d.length === 4 && typeof d[3] === 'string') cache.dirs.set(dir, { mtimeMs: d[0], ctimeMs: d[1], ino: d[2], entries: d[3] });
      }
    }
    return cache;
  }

  /** The recorded entry of a file, decoding its folder's part of the file on first use. */
  private known(abs: string): Entry | undefined {
    const hit = this.entries.get(abs);
    if (hit) return hit;
    const dir = dirname(abs);
    const text = this.packed.get(dir);
    if (text === undefined) return undefined;
    this.packed.delete(dir);
    const f = text.split('/');
    for (let i = 0; i + 5 < f.length; i += 6) {
      const p = join(dir, f[i]);
      if (!this.entries.has(p)) this.entries.set(p, { size: Number(f[i + 1]), mtimeMs: Number(f[i + 2]), ctimeMs: Number(f[i + 3]), ino: Number(f[i + 4]), hash: b64ToHex(f[i + 5]) });
    }
    return this.entries.get(abs);
  }

  /** Whether a listing of this folder is known (from the cache file or this process), changed since or not. */
  knowsFolder(abs: string): boolean {
    return this.dirs.has(abs);
  }

  /** A folder's entries sorted by name; `st` is the folder's own stat. */
  listDir(abs: string, st: Stats): DirEntries {
    const known = this.dirs.get(abs);
    if (known && known.mtimeMs === st.mtimeMs && known.ctimeMs === st.ctimeMs && known.ino === st.ino && this.settled(st.mtimeMs, known.at)) {
      this.counters.dirHits++;
      if (typeof known.entries === 'string') known.entries = unpackListing(known.entries);
      return known.entries;
    }
    const at = Date.now();
    const entries = readdirSync(abs, { withFileTypes: true })
      .map((e) => [e.name, e.isDirectory() ? 'd' : e.isFile() ? 'f' : e.isSymbolicLink() ? 'l' : 'o'] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.counters.dirsListed++;
    this.dirs.set(abs, { mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, at, entries });
    this.dirty = true;
    return entries;
  }

  /** sha256 of a file's content; `st` when the caller already has its stat. */
  hashFile(abs: string, st: Stats = statSync(abs)): string {
    const hit = this.lookup(abs, st);
    if (hit !== undefined) return hit;
    const at = Date.now();
    const bytes = readFileSync(abs);
    const hash = sha256(bytes);
    this.learn(abs, st, hash, at);
    return hash;
  }

  /** The recorded hash of a file whose stat is unchanged, or undefined: it has to be read. */
  lookup(abs: string, st: Stats): string | undefined {
    const known = this.known(abs);
    if (
      known &&
      known.size === st.size &&
      known.mtimeMs === st.mtimeMs &&
      known.ctimeMs === st.ctimeMs &&
      known.ino === st.ino &&
      this.settled(st.mtimeMs, known.at)
    ) {
      this.counters.hits++;
      return known.hash;
    }
    return undefined;
  }

  /** Records the hash of a file read (at `at`, Date.now() before the read) after `lookup` missed. */
  learn(abs: string, st: Stats, hash: string, at: number): void {
    this.counters.hashed++;
    this.counters.bytes += st.size;
    this.remember(abs, st, hash, at);
  }

  /**
   * Whether a file or folder with this mtime, recorded when the cache was saved or (`at`) read by
   * this process, cannot have changed since without its mtime changing.
   */
  private settled(mtimeMs: number, at: number | undefined): boolean {
    return mtimeMs + racyWindow(mtimeMs) < Math.max(this.savedAt, at ?? 0);
  }

  /**
   * Records a hash computed elsewhere (e.g. of bytes just written). `at`: when the bytes were
   * read from that very file (Date.now() before the read); leave it out for bytes that were
   * written, which only the next save makes trustworthy.
   */
  remember(abs: string, st: Stats, hash: string, at?: number): void {
    const prev = this.known(abs);
    if (prev && prev.hash === hash && prev.size === st.size && prev.mtimeMs === st.mtimeMs && prev.ctimeMs === st.ctimeMs && prev.ino === st.ino) {
      // Same entry, but it was racy: saving again moves savedAt past it, so next time it is a hit.
      if (at !== undefined) prev.at = Math.max(prev.at ?? 0, at);
      this.dirty = true;
      return;
    }
    this.entries.set(abs, { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, hash, ...(at !== undefined ? { at } : {}) });
    this.newest = Math.max(this.newest, st.mtimeMs);
    this.dirty = true;
  }

  /** Writes the cache when it learned something. Failing to write only costs speed next time. */
  async save(): Promise<void> {
    if (!this.file || !this.dirty) return;
    const data: CacheFile = { version: 3, files: Object.fromEntries(this.packed), dirs: {} };
    const byDir = new Map<string, string[]>();
    for (const [p, e] of this.entries) {
      const dir = dirname(p);
      const name = p.slice(dir.length + (dir.endsWith(sep) ? 0 : 1));
      const list = byDir.get(dir) ?? [];
      list.push(name, String(e.size), String(e.mtimeMs), String(e.ctimeMs), String(e.ino), hexTo64(e.hash));
      byDir.set(dir, list);
    }
    for (const [dir, list] of byDir) data.files[dir] = data.files[dir] === undefined ? list.join('/') : `${data.files[dir]}/${list.join('/')}`;
    for (const [p, d] of this.dirs) data.dirs[p] = [d.mtimeMs, d.ctimeMs, d.ino, typeof d.entries === 'string' ? d.entries : packListing(d.entries)];
    // Files written a moment ago (a step's outputs) would be racy next time and read whole again:
    // when that moment is a few milliseconds away, wait for it to pass.
    const wait = this.newest + racyWindow(this.newest) + 5 - Date.now();
    if (wait > 0 && wait <= 100) await new Promise((r) => setTimeout(r, wait));
    try {
      // The temp file goes to the state folder's tmp/, emptied on open: a kill mid-write leaves no stray file.
      await writeAtomic(this.file, JSON.stringify(data), join(dirname(this.file), 'tmp'));
      this.savedAt = statSync(this.file).mtimeMs;
      this.dirty = false;
    } catch {
      // A read-only or full disk: the next run hashes again, nothing is wrong.
    }
  }
}
