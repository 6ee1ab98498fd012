/** The stat cache and the input digest: what staleness costs on an unchanged tree, and what it notices. */
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HashCache } from '../../src/state/hash-cache.js';
import { inputDigest } from '../../src/state/input-digest.js';
import { tempDir } from './helpers.js';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const put = (rel: string, text: string | Buffer) => {
  const p = join(t.dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
};
/** A file last changed a minute ago, as an unchanged source tree is. */
const old = (p: string) => {
  const past = Date.now() / 1000 - 60;
  utimesSync(p, past, past);
  return p;
};
const cacheFile = () => join(t.dir, 'cache.json');

function addons(): void {
  old(put('addons/shop/__manifest__.py', "{'name': 'Shop'}\n"));
  old(put('addons/shop/models/order.py', 'x = 1\n'));
  old(put('addons/shop/views/order.xml', '<odoo/>\n'));
  old(put('addons/shop/static/description/icon.png', Buffer.from([1, 2, 3])));
  old(put('addons/shop/static/src/order.js', 'a();\n'));
  // Folders too: their mtime says whether their listing changed.
  for (const d of ['addons', 'addons/shop', 'addons/shop/models', 'addons/shop/views', 'addons/shop/static', 'addons/shop/static/description', 'addons/shop/static/src']) {
    old(join(t.dir, d));
  }
}

async function digestTwice(path: string) {
  const first = HashCache.load(cacheFile());
  const d1 = await inputDigest(path, first);
  await first.save();
  const second = HashCache.load(cacheFile());
  const d2 = await inputDigest(path, second);
  return { d1, d2, first: first.counters, second: second.counters };
}

test('an unchanged tree is checked by stat alone on the next run', async () => {
  addons();
  const r = await digestTwice(join(t.dir, 'addons'));
  expect(r.d2).toBe(r.d1);
  expect(r.first).toMatchObject({ hashed: 4, hits: 0, dirsListed: 7 });
  expect(r.second).toMatchObject({ hashed: 0, hits: 4, bytes: 0, dirsListed: 0, dirHits: 7 });
});

test('a file added to a folder whose listing is cached is seen (the folder mtime moved)', async () => {
  addons();
  const dir = join(t.dir, 'addons');
  const r = await digestTwice(dir);
  put('addons/shop/models/invoice.py', 'y = 1\n');
  const next = HashCache.load(cacheFile());
  expect(await inputDigest(dir, next)).not.toBe(r.d1);
  expect(next.counters).toMatchObject({ dirsListed: 1, hashed: 1 });
});

test('images are not read; changing one keeps the digest, adding any file changes it', async () => {
  addons();
  const dir = join(t.dir, 'addons');
  const before = await inputDigest(dir, HashCache.memory());
  put('addons/shop/static/description/icon.png', Buffer.from([9, 9, 9, 9]));
  expect(await inputDigest(dir, HashCache.memory())).toBe(before);
  put('addons/shop/static/description/banner.png', Buffer.from([1]));
  expect(await inputDigest(dir, HashCache.memory())).not.toBe(before);
});

test('an edit that keeps size and mtime is still seen (inode or ctime changed)', async () => {
  addons();
  const p = join(t.dir, 'addons/shop/models/order.py');
  const cache = HashCache.load(cacheFile());
  const d1 = await inputDigest(join(t.dir, 'addons'), cache);
  await cache.save();
  const { mtime } = statSync(p);
  writeFileSync(p, 'x = 2\n');
  utimesSync(p, mtime, mtime);
  expect(await inputDigest(join(t.dir, 'addons'), HashCache.load(cacheFile()))).not.toBe(d1);
});

test('racy git: a file changed in the same tick as the cache write is hashed again, not trusted', async () => {
  const p = put('map.toml', 'a = 1\n');
  const tick = new Date(Date.now() - 60_000);
  utimesSync(p, tick, tick);
  const cache = HashCache.load(cacheFile());
  cache.hashFile(p);
  await cache.save();
  // The cache was written in the file's own tick: a change in that tick would keep the same stat.
  utimesSync(cacheFile(), tick, tick);
  const racy = HashCache.load(cacheFile());
  racy.hashFile(p);
  expect(racy.counters).toMatchObject({ hashed: 1, hits: 0 });
  // Written five seconds later, the same entry is trusted.
  const later = new Date(tick.getTime() + 5000);
  utimesSync(cacheFile(), later, later);
  const clean = HashCache.load(cacheFile());
  clean.hashFile(p);
  expect(clean.counters).toMatchObject({ hashed: 0, hits: 1 });
});

test('a file written just before the cache is saved is trusted next time: the save waits out the racy moment', async () => {
  const p = put('ToDo.md', '# plan\n');
  const cache = HashCache.load(cacheFile());
  cache.hashFile(p);
  await cache.save();
  const next = HashCache.load(cacheFile());
  next.hashFile(p);
  expect(next.counters).toMatchObject({ hashed: 0, hits: 1 });
});

test("another version's cache file (or a damaged one) costs one hashing run, never a wrong digest", async () => {
  addons();
  const dir = join(t.dir, 'addons');
  const truth = await inputDigest(dir, HashCache.memory());
  for (const text of ['{"version":2,"entries":[],"dirs":[]}', '{"version":3,"files":{"x":5},"dirs":{"y":[1]}}', 'not json']) {
    writeFileSync(cacheFile(), text);
    const cache = HashCache.load(cacheFile());
    expect(await inputDigest(dir, cache)).toBe(truth);
    expect(cache.counters).toMatchObject({ hashed: 4, hits: 0 });
  }
  // Saved in this version's format, the next load answers by stat, with the same digest.
  const cache = HashCache.load(cacheFile());
  await inputDigest(dir, cache);
  await cache.save();
  const next = HashCache.load(cacheFile());
  expect(await inputDigest(dir, next)).toBe(truth);
  expect(next.counters).toMatchObject({ hashed: 0, hits: 4, dirHits: 7 });
});

test('a folder with no module is answered from its listing, not by walking it', async () => {
  old(put('tree/lib/deep/a/b/c/code.py', 'x = 1\n'));
  old(put('tree/share/readme.txt', 'hi\n'));
  const cache = HashCache.memory();
  const before = await inputDigest(join(t.dir, 'tree'), cache);
  expect(cache.counters.hashed).toBe(0);
  put('tree/lib/deep/a/b/c/code.py', 'x = 2\n');
  expect(await inputDigest(join(t.dir, 'tree'), HashCache.memory())).toBe(before);
  // It becomes a module: now it counts.
  put('tree/lib/__manifest__.py', "{'name': 'Lib'}\n");
  expect(await inputDigest(join(t.dir, 'tree'), HashCache.memory())).not.toBe(before);
});

test('a file digest is the sha256 of its bytes (what the journal records), and absent is undefined', async () => {
  const p = put('ToDo.md', 'hello\n');
  expect(await inputDigest(p, HashCache.memory())).toBe('5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03');
  expect(await inputDigest(join(t.dir, 'nope'), HashCache.memory())).toBeUndefined();
});

test('a first run (no cache file yet) checks the tree again by stat alone: every file is read once per process', async () => {
  addons();
  const dir = join(t.dir, 'addons');
  const cache = HashCache.load(cacheFile());
  const d1 = await inputDigest(dir, cache);
  expect(await inputDigest(dir, cache)).toBe(d1);
  expect(cache.counters).toMatchObject({ hashed: 4, hits: 4, dirsListed: 7, dirHits: 7 });
  // A change after that read is still seen (its mtime moves past the moment of the read).
  put('addons/shop/models/order.py', 'x = 2\n');
  expect(await inputDigest(dir, cache)).not.toBe(d1);
});

test('a file changed in the very moment this process read it is read again on the next check', () => {
  const p = put('map.toml', 'a = 1\n');
  const cache = HashCache.memory();
  cache.hashFile(p);
  cache.hashFile(p);
  expect(cache.counters).toMatchObject({ hashed: 2, hits: 0 });
});
