/**
 * A tree seen for the first time is read and hashed on the analysis worker threads: the digest
 * must be the one the calling thread computes, the workers are then handed to the analysis, and
 * a worker that fails leaves its files to the calling thread instead of hanging the check. An
 * analysis made wholly from the bytes a check hashed says so (fromCheck), and one that read any
 * file from disk does not.
 * Workers need tsx to load TypeScript, so the pooled run is a child process under tsx.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { hashOnWorkers } from '../../src/analysis/warm-pool.js';
import { HashCache } from '../../src/state/hash-cache.js';
import { inputDigest } from '../../src/state/input-digest.js';
import { cleanup, tempDir } from '../steps/feature-map/support.js';

/** 1,200 small module files over 30 modules: enough for the check to read them on workers. */
function tree(root: string): string {
  const addons = join(root, 'addons');
  for (let m = 0; m < 30; m++) {
    const dir = join(addons, `m${m}`);
    mkdirSync(join(dir, 'models'), { recursive: true });
    writeFileSync(join(dir, '__manifest__.py'), `{'name': 'M${m}'}\n`);
    for (let f = 0; f < 40; f++) writeFileSync(join(dir, 'models', `f${f}.py`), `from odoo import models\n\nclass F${f}(models.Model):\n    _name = 'm${m}.f${f}'\n`);
  }
  return addons;
}

test('the digest of a tree read on the worker threads is the one read on the calling thread, and the analysis takes the workers over', async () => {
  const root = tempDir();
  try {
    const addons = tree(root);
    const script = `
      const { inputDigest } = await import(${JSON.stringify(join(process.cwd(), 'src/state/input-digest.ts'))});
      const { HashCache } = await import(${JSON.stringify(join(process.cwd(), 'src/state/hash-cache.ts'))});
      const { analyseAddons } = await import(${JSON.stringify(join(process.cwd(), 'src/analysis/index.ts'))});
      const { lastRun } = await import(${JSON.stringify(join(process.cwd(), 'src/analysis/pool.ts'))});
      const { spawned } = await import(${JSON.stringify(join(process.cwd(), 'src/analysis/warm-pool.ts'))});
      const cache = HashCache.memory();
      const digest = await inputDigest(${JSON.stringify(addons)}, cache);
      const again = await inputDigest(${JSON.stringify(addons)}, cache);
      const r = await analyseAddons([${JSON.stringify(addons)}], { base: ${JSON.stringify(root)} });
      process.stdout.write(JSON.stringify({ digest, again, counters: cache.counters, threads: lastRun.threads, spawned: spawned.count, modules: r.modules.length }));`;
    const child = await execa('node', ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), timeout: 90_000 });
    const pooled = JSON.parse(child.stdout) as { digest: string; again: string; counters: { hashed: number; hits: number }; threads: number; spawned: number; modules: number };
    const cache = HashCache.memory();
    expect(pooled.digest).toBe(await inputDigest(addons, cache));
    expect(pooled.again).toBe(pooled.digest);
    // Each file read once; the second check goes by stat.
    expect(pooled.counters).toMatchObject({ hashed: 1230, hits: 1230 });
    expect(pooled.modules).toBe(30);
    if (availableParallelism() > 1) {
      expect(pooled.threads).toBeGreaterThan(1);
      // The workers that hashed are the ones that analysed.
      expect(pooled.spawned).toBe(pooled.threads);
    }
  } finally {
    cleanup(root);
  }
}, 120_000);

test('a check for a step that analyses the tree next has the workers analyse each module from the very bytes they hashed', async () => {
  const root = tempDir();
  try {
    const addons = tree(root);
    const plain = await inputDigest(addons, HashCache.memory());
    const script = `
      const { writeFileSync } = await import('node:fs');
      const { inputDigest } = await import(${JSON.stringify(join(process.cwd(), 'src/state/input-digest.ts'))});
      const { HashCache } = await import(${JSON.stringify(join(process.cwd(), 'src/state/hash-cache.ts'))});
      const { analyseAddons } = await import(${JSON.stringify(join(process.cwd(), 'src/analysis/index.ts'))});
      const cache = HashCache.memory();
      const digest = await inputDigest(${JSON.stringify(addons)}, cache, undefined, ${JSON.stringify(root)});
      // Changed after the check: the step analyses what the check recorded, not this.
      writeFileSync(${JSON.stringify(join(addons, 'm0', 'models', 'f0.py'))}, "from odoo import models\\n\\nclass G(models.Model):\\n    _name = 'changed.meanwhile'\\n");
      const r = await analyseAddons([${JSON.stringify(addons)}], { base: ${JSON.stringify(root)} });
      const m0 = r.modules.find((m) => m.name === 'm0');
      const hashed = cache.counters.hashed;
      // A module added after a second check: that analysis reads files the check never hashed.
      const again = await inputDigest(${JSON.stringify(addons)}, cache, undefined, ${JSON.stringify(root)});
      const { mkdirSync } = await import('node:fs');
      mkdirSync(${JSON.stringify(join(addons, 'late'))});
      writeFileSync(${JSON.stringify(join(addons, 'late', '__manifest__.py'))}, "{'name': 'Late', 'data': []}\\n");
      writeFileSync(${JSON.stringify(join(addons, 'late', 'late.py'))}, "from odoo import models\\n\\nclass L(models.Model):\\n    _name = 'late.model'\\n");
      const r2 = await analyseAddons([${JSON.stringify(addons)}], { base: ${JSON.stringify(root)} });
      process.stdout.write(JSON.stringify({ digest, hashed, modules: r.modules.length, m0: m0.models.map((c) => c.name), fromCheck: r.fromCheck ?? false, again: again !== digest, later: { modules: r2.modules.length, fromCheck: r2.fromCheck ?? false } }));`;
    const child = await execa('node', ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), timeout: 90_000 });
    const got = JSON.parse(child.stdout) as { digest: string; hashed: number; modules: number; m0: string[]; fromCheck: boolean; again: boolean; later: { modules: number; fromCheck: boolean } };
    expect(got.digest).toBe(plain);
    expect(got.hashed).toBe(1230);
    expect(got.modules).toBe(30);
    // The step may then keep its analysis under the check's digests without looking at the tree again.
    if (availableParallelism() > 1) {
      expect(got.m0).toContain('m0.f0');
      expect(got.m0).not.toContain('changed.meanwhile');
      expect(got.fromCheck).toBe(true);
    }
    expect(got.again).toBe(true);
    // Read from disk, not from what a check hashed: the step has to look at the tree again before keeping it.
    expect(got.later).toEqual({ modules: 31, fromCheck: false });
  } finally {
    cleanup(root);
  }
}, 120_000);

test('a worker that fails while hashing leaves its files to the calling thread instead of hanging the check', async () => {
  const root = tempDir();
  try {
    const addons = tree(root);
    const script = join(root, 'crash-worker.mjs');
    writeFileSync(script, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const paths = [join(addons, 'm0/models/f0.py'), join(addons, 'm0/models/f1.py')];
    const hashed = await hashOnWorkers(paths, undefined, pathToFileURL(script));
    expect(hashed).toEqual([undefined, undefined]);
  } finally {
    cleanup(root);
  }
}, 60_000);
