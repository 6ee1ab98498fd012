/**
 * Start-up: time from process start to the wizard's first frame, measured the way a person
 * sees it: dist/cli.js under a pseudo-terminal (`script`), until the first frame's text arrives.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats.js';

const RUNS = 11;
// The header of the step rail (an error message would not carry the middle dot).
const MARKER = 'odoo-project-sync ·';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'scripts', 'build.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bench wizard: cannot find the repository root');
    dir = up;
  }
  return dir;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Ink renders only a final frame when CI is set at all (even empty): drop it, as a terminal has. */
function terminalEnv(codeCache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ODOO_PROJECT_SYNC_CACHE: codeCache };
  delete env.CI;
  return env;
}

/** Milliseconds from spawn to the first frame's bytes on the pseudo-terminal. */
function firstFrame(cli: string, workspace: string, codeCache: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // Without a size the pseudo-terminal has 0 columns; stty costs a few ms, counted against us.
    const cmd = `stty cols 120 rows 40; exec node ${shellQuote(cli)} --workspace ${shellQuote(workspace)} --no-color`;
    const p = spawn('script', ['-qfec', cmd, '/dev/null'], {
      env: terminalEnv(codeCache),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let at: number | undefined;
    p.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (at === undefined && out.includes(MARKER)) {
        at = performance.now() - t0;
        p.stdin.write('q'); // quit as a person would, so the lock is given back
      }
    });
    p.on('exit', () => (at === undefined ? reject(new Error(`the wizard exited before its first frame:\n${out}`)) : resolve(at)));
  });
}

async function bareNode(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await new Promise<void>((res, rej) => spawn('node', ['-e', '0']).on('exit', () => res()).on('error', rej));
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

export async function run(): Promise<void> {
  const root = repoRoot();
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('bench wizard: build first (node scripts/build.mjs)');
  const tmp = mkdtempSync(join(tmpdir(), 'ops-bench-wizard-'));
  try {
    const ws = join(tmp, 'ws');
    mkdirSync(join(ws, 'addons'), { recursive: true });
    writeFileSync(join(ws, 'odoo-project-sync.toml'), 'source = "source"\naddons = ["addons"]\n');
    // A start after the first: the file cache is warm and the V8 code cache of the TUI bundle
    // exists (the first start writes it, src/core/code-cache.ts).
    const cache = join(tmp, 'v8-cache');
    await firstFrame(cli, ws, cache);
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await firstFrame(cli, ws, cache));
    // The first start after an install or upgrade: no code cache yet (each run gets an empty one).
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) cold.push(await firstFrame(cli, ws, mkdtempSync(join(tmp, 'v8-cold-'))));
    const bare = await bareNode();
    const median = (xs: number[]) => percentile(xs, 50);
    const worst = (xs: number[]) => Math.max(...xs);
    console.log(`bench wizard: process start to first TUI frame (median of ${RUNS}) = ${median(warm).toFixed(0)} ms (target 300 ms)`);
    console.log(`bench wizard: process start to first TUI frame (worst of ${RUNS}) = ${worst(warm).toFixed(0)} ms (target 300 ms)`);
    console.log(`bench wizard: first start after install, no code cache yet (median of ${RUNS}) = ${median(cold).toFixed(0)} ms (target none)`);
    // For scale on a busy machine: the same measure for a bare `node -e 0`.
    console.log(`bench wizard: bare node process start to exit (median of ${RUNS}, for scale) = ${bare.toFixed(0)} ms (target none)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
