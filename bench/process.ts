/**
 * One CLI run in its own process, from process start to exit: wall time, and (written by the
 * process itself as it exits) its CPU time, peak RSS and bytes read.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ProcessFigures {
  exit: number | null;
  stdout: string;
  stderr: string;
  wall: number;
  cpu: number;
  rssMb: number;
  readMb: number;
  load: number;
}

const PRELOAD =
  'data:text/javascript,import{writeFileSync,readFileSync}from"node:fs";process.on("exit",()=>{try{writeFileSync(process.env.OPS_BENCH_USAGE,' +
  'JSON.stringify({ru:process.resourceUsage(),io:(()=>{try{return readFileSync("/proc/self/io","utf8")}catch{return ""}})()}))}catch{}})';

/** dist/cli.js of this checkout. */
export function cliPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: cannot find the repository root');
    dir = up;
  }
  return join(dir, 'dist', 'cli.js');
}

/** Async, so that a server in this process (the emulator) can answer the measured one. */
export async function measureProcess(cli: string, workspace: string, args: readonly string[], env: Record<string, string> = {}, expectExit = 0, label = 'bench'): Promise<ProcessFigures> {
  const usage = join(tmpdir(), `ops-bench-usage-${process.pid}.json`);
  rmSync(usage, { force: true });
  const load = loadavg()[0];
  const t0 = performance.now();
  const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, [`--import=${PRELOAD}`, cli, '--workspace', workspace, ...args], {
      env: { ...process.env, ...env, OPS_BENCH_USAGE: usage, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== expectExit) console.log(`${label}: ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`);
  let cpu = NaN;
  let rssMb = NaN;
  let readMb = NaN;
  try {
    const u = JSON.parse(readFileSync(usage, 'utf8')) as { ru: NodeJS.ResourceUsage; io: string };
    cpu = (u.ru.userCPUTime + u.ru.systemCPUTime) / 1e6;
    rssMb = u.ru.maxRSS / 1024;
    const rchar = /rchar:\s*(\d+)/.exec(u.io)?.[1];
    readMb = rchar ? Number(rchar) / 2 ** 20 : NaN;
  } catch {
    // no figures: printed as NaN, the exit line above says why
  }
  return { exit: r.status, stdout: r.stdout, stderr: r.stderr, wall, cpu, rssMb, readMb, load };
}

/** The run with the least wall time of `n`. */
export async function bestOf(n: number, run: () => Promise<ProcessFigures>): Promise<ProcessFigures> {
  let best: ProcessFigures | undefined;
  for (let i = 0; i < n; i++) {
    const f = await run();
    if (!best || f.wall < best.wall) best = f;
  }
  return best as ProcessFigures;
}
