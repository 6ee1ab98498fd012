/**
 * Loads a CommonJS bundle through V8's code cache, so a second start of the wizard skips parsing
 * and compiling Ink, React and the screens (~100 ms here). Node 22 does this itself
 * (module.enableCompileCache); Node 20 has only the V8 primitive, vm.Script's cachedData.
 *
 * The cache is an optimisation, never a requirement: a missing, unreadable, unwritable or
 * rejected cache (another Node, other V8 flags) only means the bundle is compiled from source.
 * The bundle's file name carries its content hash (scripts/build.mjs), so a rebuilt bundle never
 * meets an old cache; V8 itself checks the Node version and flags.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, Script } from 'node:vm';

/** Where the cache lives: ODOO_PROJECT_SYNC_CACHE, else the user's cache folder. "0" turns it off. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.ODOO_PROJECT_SYNC_CACHE;
  if (set === '0' || set === 'off') return undefined;
  if (set) return set;
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined; // no home folder (a service account): no cache
  }
  const base = env.XDG_CACHE_HOME || (home ? join(home, '.cache') : '');
  return base ? join(base, 'odoo-project-sync', 'v8') : undefined;
}

/**
 * The cache's file name: the bundle's name (which carries its content hash), a hash of where it
 * is installed (V8 keeps the path of the run that wrote the cache for stack traces), and the Node
 * version and architecture.
 */
export function cacheName(file: string): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bits: a name, not a security boundary
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return `${file.replace(/^.*[\\/]/, '')}-${h.toString(16).padStart(8, '0')}-${process.version}-${process.arch}.v8`;
}

export interface CachedLoad<T> {
  exports: T;
  /** whether V8 took the cache: false on the first start after a build or a Node upgrade */
  cacheHit: boolean;
  /** Writes the cache (with every function compiled so far) if there was none or V8 rejected it. */
  save(): void;
}

/**
 * Runs the CommonJS file `file` as Node would require it, compiled with the cached code when
 * there is one.
 */
export function loadWithCodeCache<T>(file: string, dir: string | undefined): CachedLoad<T> {
  const source = readFileSync(file, 'utf8');
  const cacheFile = dir ? join(dir, cacheName(file)) : undefined;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // the first start: compiled from source, cached below
    }
  }
  const script = new Script(Module.wrap(source), {
    filename: file,
    cachedData,
    // An import() left in the bundle resolves as it would in a file Node loaded itself.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheHit = cachedData !== undefined && !script.cachedDataRejected;
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} as unknown };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  let saved = cacheHit;
  return {
    exports: module.exports as T,
    cacheHit,
    save() {
      if (saved || !cacheFile || !dir) return;
      saved = true;
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
        pruneCache(dir, KEEP_CACHES);
      } catch {
        // A read-only home or a full disk costs speed, not function.
      }
    },
  };
}

/** Caches kept: one per build and Node version; older builds' fall out as new ones are written. */
const KEEP_CACHES = 4;

/** Deletes all but the `keep` most recently written caches in `dir`. */
export function pruneCache(dir: string, keep: number): void {
  const caches = readdirSync(dir)
    .filter((f) => f.endsWith('.v8'))
    .map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { f } of caches.slice(keep)) unlinkSync(join(dir, f));
}

/**
 * The TUI bundle `name`, next to the module at `fromUrl`, with its cache written a moment after
 * start-up (or at exit, if sooner): by then the first frame is on screen and its code is
 * compiled, so the cache holds it.
 */
export async function loadCachedBundle<T>(name: string, fromUrl: string): Promise<T> {
  const file = join(dirname(fileURLToPath(fromUrl)), name);
  const loaded = loadWithCodeCache<{ load(): Promise<T> }>(file, codeCacheDir());
  if (!loaded.cacheHit) {
    setTimeout(() => loaded.save(), 1500).unref();
    process.once('exit', () => loaded.save()); // a session shorter than that
  }
  return loaded.exports.load();
}
