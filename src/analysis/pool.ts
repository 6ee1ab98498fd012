/**
 * Spreads module analysis over worker threads (parsing Python with tree-sitter is CPU-bound,
 * about 20k lines/s per core). Falls back to the calling thread when no worker script can run
 * here (tests, a bundle without the worker entry); results are identical and in the same order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyseModule } from './module.js';
import { workerEntry } from './worker-entry.js';
import type { ModuleAnalysis, SourceProblem, TestModule } from './types.js';

export interface ModuleResult {
  module?: ModuleAnalysis | TestModule;
  problems: SourceProblem[];
  /** Files read (for the progress rate). */
  files: number;
}

/** Below this many modules a pool costs more than it saves. */
const MIN_MODULES_FOR_POOL = 24;

/**
 * Modules each worker holds at once: while it sends one result back the next one is already
 * queued, so it never waits for the main thread. Small, so the pool stays balanced at the end.
 */
const IN_FLIGHT = 2;

/** Threads the last analysis ran on (1 = the calling thread); the bench prints it. */
export const lastRun = { threads: 1 };

const workerScript = (): URL | undefined =>
  workerEntry(import.meta.url, { source: 'worker.ts', built: ['worker.js', 'analysis-worker.js'], bundled: 'analysis-worker.js' });

async function inThread(dirs: readonly string[], base: string, onDone: (i: number, files: number) => void, signal?: AbortSignal): Promise<ModuleResult[]> {
  const out: ModuleResult[] = [];
  for (let i = 0; i < dirs.length; i++) {
    signal?.throwIfAborted();
    const problems: SourceProblem[] = [];
    const read = { files: 0 };
    out.push({ module: await analyseModule(dirs[i], base, problems, read), problems, files: read.files });
    onDone(i, read.files);
  }
  return out;
}

function inPool(script: URL, threads: number, dirs: readonly string[], base: string, onDone: (i: number, files: number) => void, signal?: AbortSignal): Promise<ModuleResult[]> {
  return new Promise((resolve, reject) => {
    const results: ModuleResult[] = new Array(dirs.length);
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    const stop = (e?: unknown) => {
      for (const w of workers) void w.terminate();
      if (e) reject(e);
      else resolve(results);
    };
    const feed = (w: Worker) => {
      if (signal?.aborted) return stop(signal.reason);
      if (next < dirs.length) w.postMessage({ index: next, dir: dirs[next++], base });
    };
    for (let t = 0; t < threads; t++) {
      const w = script.pathname.endsWith('.ts')
        ? // Under tsx (dev, bench): register its loader inside the worker, then load the script.
          new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`, { eval: true })
        : new Worker(script);
      workers.push(w);
      w.on('message', (msg: { index: number; module?: ModuleAnalysis | TestModule; problems?: SourceProblem[]; files?: number; error?: string }) => {
        if (msg.error) return stop(new Error(`analysis worker failed: ${msg.error}`));
        results[msg.index] = { module: msg.module, problems: msg.problems ?? [], files: msg.files ?? 0 };
        onDone(msg.index, msg.files ?? 0);
        if (++finished === dirs.length) return stop();
        feed(w);
      });
      w.on('error', (e) => stop(e));
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
  });
}

/** Analyses module directories, in parallel when it pays off; results keep the input order. */
export async function analyseModules(
  dirs: readonly string[],
  base: string,
  onDone: (i: number, files: number) => void,
  signal?: AbortSignal,
): Promise<ModuleResult[]> {
  const threads = Math.min(availableParallelism(), 4);
  const script = threads > 1 && dirs.length >= MIN_MODULES_FOR_POOL ? workerScript() : undefined;
  lastRun.threads = 1;
  if (!script) return inThread(dirs, base, onDone, signal);
  try {
    const results = await inPool(script, threads, dirs, base, onDone, signal);
    lastRun.threads = threads;
    return results;
  } catch (e) {
    if (signal?.aborted) throw e;
    // A worker that cannot start (no loader for the script, resource limits): do it here.
    return inThread(dirs, base, onDone, signal);
  }
}
