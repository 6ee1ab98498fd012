import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheName, codeCacheDir, loadWithCodeCache, pruneCache } from '../../src/core/code-cache.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ops-code-cache-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** A CommonJS file with enough code for V8 to cache, exporting what it computed. */
function bundle(name = 'tui-abc123.cjs'): string {
  const file = join(tmp, name);
  const fns = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x * ${i} + ${i}; }`).join('\n');
  writeFileSync(file, `${fns}\nconst path = require('node:path');\nmodule.exports = { sum: [${Array.from({ length: 50 }, (_, i) => `f${i}(2)`).join(',')}].reduce((a, b) => a + b, 0), base: path.basename(__filename) };\n`);
  return file;
}

describe('loadWithCodeCache', () => {
  it('runs the file as CommonJS, writes the cache once, and takes it on the next start', () => {
    const file = bundle();
    const dir = join(tmp, 'cache');
    const first = loadWithCodeCache<{ sum: number; base: string }>(file, dir);
    expect(first.exports).toEqual({ sum: 3675, base: 'tui-abc123.cjs' });
    expect(first.cacheHit).toBe(false);
    expect(existsSync(dir)).toBe(false);
    first.save();
    const written = readdirSync(dir);
    expect(written).toEqual([cacheName(file)]);
    expect(cacheName(file)).toMatch(new RegExp(`^tui-abc123\\.cjs-[0-9a-f]{8}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8$`));

    const second = loadWithCodeCache<{ sum: number }>(file, dir);
    expect(second.cacheHit).toBe(true);
    expect(second.exports.sum).toBe(3675);
  });

  it('a corrupt cache is rejected, the code still runs, and the cache is rewritten', () => {
    const file = bundle();
    const dir = join(tmp, 'cache');
    mkdirSync(dir);
    const cacheFile = join(dir, cacheName(file));
    writeFileSync(cacheFile, 'not a V8 code cache');
    const run = loadWithCodeCache<{ sum: number }>(file, dir);
    expect(run.cacheHit).toBe(false);
    expect(run.exports.sum).toBe(3675);
    run.save();
    expect(loadWithCodeCache(file, dir).cacheHit).toBe(true);
  });

  it('an unwritable cache folder costs speed, not function', () => {
    const file = bundle();
    const blocker = join(tmp, 'file-not-folder');
    writeFileSync(blocker, '');
    const run = loadWithCodeCache<{ sum: number }>(file, join(blocker, 'cache'));
    expect(run.exports.sum).toBe(3675);
    expect(() => run.save()).not.toThrow();
  });

  it('without a cache folder (turned off) it only runs the code', () => {
    const run = loadWithCodeCache<{ sum: number }>(bundle(), undefined);
    expect(run.exports.sum).toBe(3675);
    run.save();
    expect(readdirSync(tmp)).toEqual(['tui-abc123.cjs']);
  });
});

describe('codeCacheDir and pruning', () => {
  it('names a cache by bundle, install path and Node', () => {
    expect(cacheName('/a/dist/tui-1.cjs')).not.toBe(cacheName('/b/dist/tui-1.cjs'));
    expect(cacheName('/a/dist/tui-1.cjs')).toBe(cacheName('/a/dist/tui-1.cjs'));
  });

  it('follows ODOO_PROJECT_SYNC_CACHE, then XDG_CACHE_HOME, and "0" turns it off', () => {
    expect(codeCacheDir({ ODOO_PROJECT_SYNC_CACHE: '/x/y' })).toBe('/x/y');
    expect(codeCacheDir({ ODOO_PROJECT_SYNC_CACHE: '0' })).toBeUndefined();
    expect(codeCacheDir({ XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'odoo-project-sync', 'v8'));
    expect(codeCacheDir({})).toMatch(/[\\/]\.cache[\\/]odoo-project-sync[\\/]v8$/);
  });

  it('keeps the newest caches only', () => {
    const dir = join(tmp, 'cache');
    mkdirSync(dir);
    for (let i = 0; i < 6; i++) {
      const f = join(dir, `tui-${i}.cjs-v20-x64.v8`);
      writeFileSync(f, 'x');
      utimesSync(f, 1000 + i, 1000 + i);
    }
    writeFileSync(join(dir, 'unrelated.txt'), '');
    pruneCache(dir, 4);
    expect(readdirSync(dir).sort()).toEqual(['tui-2.cjs-v20-x64.v8', 'tui-3.cjs-v20-x64.v8', 'tui-4.cjs-v20-x64.v8', 'tui-5.cjs-v20-x64.v8', 'unrelated.txt']);
  });
});

