import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { execa, type ResultPromise } from 'execa';
import { sha256 } from '../../src/state/artifact-store.js';
import { parseJournal } from '../../src/state/journal.js';
import { replay } from '../../src/state/runner.js';
import { DB_CONFIG, SOURCE_CONFIG, tempDir } from './helpers.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let t: ReturnType<typeof tempDir>;
let child: string;
beforeAll(async () => {
  t = tempDir('ops-crash-');
  child = join(t.dir, 'child.mjs');
  await build({
    entryPoints: [join(process.cwd(), '__tests__/state/crash/child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}, 60_000);
afterAll(() => t.cleanup());

type Mode = 'test' | 'real';
let mode: Mode = 'test';

/** test: a database workspace over the test engines; real: the example modules, real engines. */
function workspace(name: string): string {
  // The same folder name everywhere: engines may use it (the feature map's project name).
  const ws = join(t.dir, mode, name, 'ws');
  mkdirSync(ws, { recursive: true });
  if (mode === 'test') writeFileSync(join(ws, 'odoo-project-sync.toml'), DB_CONFIG);
  else {
    cpSync(join(process.cwd(), 'examples', 'addons'), join(ws, 'addons'), { recursive: true });
    writeFileSync(join(ws, 'odoo-project-sync.toml'), SOURCE_CONFIG);
  }
  return ws;
}

const spawnChild = (ws: string): ResultPromise =>
  execa('node', [child, ws, mode], { reject: false, stdin: 'ignore', buffer: true, env: { ODOO_PASSWORD: '', ODOO_API_KEY: '' } });

/** What must come out the same: each step's outcome from the journal and every file's hash. */
function finalState(ws: string): unknown {
  const bytes = readFileSync(join(ws, '.odoo-project-sync', 'journal.jsonl'));
  const r = parseJournal(bytes);
  if (!r.ok) throw r.error;
  const steps = Object.fromEntries(
    Object.entries(replay(r.value.actions).steps).map(([id, st]) => [
      id,
      st.kind === 'done' ? { kind: st.kind, summary: st.summary, inputs: st.inputs, outputs: st.outputs } : { kind: st.kind },
    ]),
  );
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      const rel = relative(ws, p);
      // The stat cache holds mtimes and inodes: it differs between any two runs by design.
      if (['.odoo-project-sync/journal.jsonl', '.odoo-project-sync/lock', '.odoo-project-sync/tmp', '.odoo-project-sync/hash-cache.json'].includes(rel)) continue;
      if (e.isDirectory()) walk(p);
      else files[rel] = sha256(readFileSync(p));
    }
  };
  walk(ws);
  return { steps, files };
}

describe('crash and resume', () => {
  test.each<[Mode, number]>([
    ['test', 0],
    ['real', 2],
  ])('%s engines: SIGKILL at >= 20 random points, resuming each time, ends where an uninterrupted run ends', async (m, expectedExit) => {
    mode = m;
    const reference = workspace('reference');
    const clean = await spawnChild(reference);
    // real: the source workspace has no Odoo connection, so the pipeline stops at sync, which
    // cannot run yet (exit 2: the config lacks what it needs).
    expect(clean.exitCode).toBe(expectedExit);
    const expected = finalState(reference);
    const lines = String(clean.stderr).split('\n').filter(Boolean).length;
    expect(lines).toBeGreaterThan(5);

    const random = rng(m === 'test' ? 20261122 : 4242);
    let kills = 0;
    let runs = 0;
    for (let round = 0; kills < 24 && round < 10; round++) {
      const ws = workspace(`crash-${round}`);
      let progressed = 0;
      for (let attempt = 0; attempt < 12; attempt++) {
        // Kill after a random number of output lines, within what is left of the pipeline.
        const killAfter = 1 + Math.floor(random() * Math.max(1, lines - progressed));
        const p = spawnChild(ws);
        runs++;
        let seen = 0;
        let killed = false;
        p.stderr?.on('data', (chunk: Buffer) => {
          seen += chunk.toString().split('\n').filter(Boolean).length;
          if (!killed && seen >= killAfter) {
            killed = true;
            p.kill('SIGKILL');
          }
        });
        const r = await p;
        if (r.signal === 'SIGKILL') {
          kills++;
          progressed += Math.max(0, killAfter - 2);
          continue;
        }
        expect(r.exitCode).toBe(expectedExit);
        break;
      }
      const last = await spawnChild(ws);
      expect(last.exitCode).toBe(expectedExit);
      expect(finalState(ws)).toEqual(expected);
    }
    expect(kills).toBeGreaterThanOrEqual(20);
    expect(runs).toBeLessThan(120);
  }, 240_000);

  test('SIGINT cancels the running step, exits 130, and resume finishes cleanly', async () => {
    mode = 'test';
    const ws = workspace('sigint');
    const p = execa('node', [child, ws], { reject: false, stdin: 'ignore', env: { STEP_DELAY_MS: '40' } });
    let sent = false;
    p.stderr?.on('data', (chunk: Buffer) => {
      if (!sent && chunk.toString().includes('[generate]')) {
        sent = true;
        p.kill('SIGINT');
      }
    });
    const r = await p;
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toMatch(/"Generate modules" was interrupted; `odoo-project-sync resume` starts it again/);
    const again = await spawnChild(ws);
    expect(again.exitCode).toBe(0);
    expect((finalState(ws) as { steps: Record<string, { kind: string }> }).steps.sync.kind).toBe('done');
  }, 60_000);
});
