import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createArtifactStore, sha256 } from '../../src/state/artifact-store.js';
import { tempDir } from './helpers.js';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('artifact store', () => {
  test('writes atomically (no temp file left) and returns the sha256 of the content', async () => {
    const a = createArtifactStore(t.dir);
    const h = await a.write('sub/extract.json', '{"a":1}');
    expect(h).toBe(sha256('{"a":1}'));
    expect(await a.read('sub/extract.json')).toBe('{"a":1}');
    expect(readdirSync(join(t.dir, 'sub'))).toEqual(['extract.json']);
    expect(await a.hash('sub/extract.json')).toBe(h);
    expect(await a.hash('missing')).toBeUndefined();
  });

  test('refuses paths that leave the workspace', async () => {
    const a = createArtifactStore(t.dir);
    await expect(a.write('../evil.txt', 'x')).rejects.toThrow(/path leaves the workspace/);
    await expect(a.write('/etc/evil.txt', 'x')).rejects.toThrow(/path leaves the workspace/);
    expect(() => a.resolve('modules/../../x')).toThrow(/leaves the workspace/);
  });

  test('a directory hash changes when any file is edited, added or renamed, not otherwise', async () => {
    const a = createArtifactStore(t.dir);
    await a.write('modules/a/x.py', 'print(1)');
    await a.write('modules/b/y.py', 'print(2)');
    const h1 = await a.hash('modules');
    expect(await a.hash('modules')).toBe(h1);
    await a.write('modules/b/y.py', 'print(3)');
    const h2 = await a.hash('modules');
    expect(h2).not.toBe(h1);
    writeFileSync(join(t.dir, 'modules/b/z.py'), '');
    const h3 = await a.hash('modules');
    expect(h3).not.toBe(h2);
  });

  test('a symlink loop inside a tree does not hang the hash', async () => {
    mkdirSync(join(t.dir, 'm'));
    symlinkSync('..', join(t.dir, 'm', 'loop'));
    expect(await createArtifactStore(t.dir).hash('m')).toMatch(/^[0-9a-f]{64}$/);
  });
});
