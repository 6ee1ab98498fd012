/**
 * Spreads module analysis over worker threads (parsing Python with tree-sitter is CPU-bound,
 * about 20k lines/s per core). Falls back to the calling thread when no worker script can run
 * here (tests, a bundle without the worker entry); results are identical and in the same order.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { SKIP_DIRS } from './files.js';
import { analyseModule } from './module.js';
import { defaultWorkerScript, endIdle, listen, poolThreads, takePrepared, takeWorkers } from './warm-pool.js';
import type { ModuleAnalysis, SourceProblem, TestModule } from './types.js';

export interface ModuleResult {
  module?: ModuleAnalysis | TestModule;
  problems: SourceProblem[];
  /** Files read (for the progress rate). */
  files: number;
  /** Analysed from the very bytes the staleness check hashed (takePrepared). */
  fromCheck?: true;
}

/** Below this many modules a pool costs more than it saves (MODULES_ON_WORKERS in state/input-digest.ts). */
const MIN_MODULES_FOR_POOL = 24;

/**
 * Modules each worker holds at once: while it sends one result back the next one is already
 * queued, so it never waits for the main thread. Small, so the pool stays balanced at the end.
 */
const IN_FLIGHT = 2;

/** Threads the last analysis ran on (1 = the calling thread); the bench prints it. */
export const lastRun = { threads: 1 };


/** Analyses the modules at `indices` on the calling thread, into `out`. */
async function inThread(dirs: readonly string[], indices: readonly number[], out: ModuleResult[], base: string, onDone: (i: number, files: number) => void, signal?: AbortSignal): Promise<ModuleResult[]> {
  for (const i of indices) {
    signal?.throwIfAborted();
    const problems: SourceProblem[] = [];
    const read = { files: 0 };
    out[i] = { module: await analyseModule(dirs[i], base, problems, read), problems, files: read.files };
    onDone(i, read.files);
  }
  return out;
}

/** What reading a file costs, roughly, by its kind: Python is parsed, XML read by SAX, web assets only scanned. */
const FILE_WEIGHT: Record<string, number> = { py: 3, xml: 2, csv: 1, js: 0.5, scss: 0.5 };

/**
 * A module's rough cost: its files (names only, no stat) weighted by kind. Only used to hand the
 * largest modules out first, so that no big one (base, account) is left running alone at the end.
 */
export function moduleWeight(dir: string): number {
  let w = 0;
  const walk = (d: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
      if (e.isDirectory()) {
        if (depth < 8) walk(join(d, e.name), depth + 1);
      } else {
        const dot = e.name.lastIndexOf('.');
        w += FILE_WEIGHT[dot === -1 ? '' : e.name.slice(dot + 1)] ?? 0;
      }
    }
  };
  walk(dir, 0);
  return w;
}

/** Indices of modules by their weights, heaviest first (ties keep their order). */
export function largestFirst(weights: readonly number[]): number[] {
  return weights.map((_, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);
}

/** How much of the weighed work is done, for the time left (see StepProgress.work). */
export interface WorkDone {
  done: number;
  total: number;
}

/** What a pool run ends with: the modules it analysed, and why it stopped early if it did. */
interface PoolRun {
  results: ModuleResult[];
  /** A worker failed (it could not start, crashed or threw): the modules without a result are left to the caller. */
  failed?: unknown;
}

function inPool(workers: readonly Worker[], dirs: readonly string[], base: string, onDone: (i: number, files: number, work?: WorkDone) => void, signal?: AbortSignal): Promise<PoolRun> {
  return new Promise((resolve, reject) => {
    const results: ModuleResult[] = new Array(dirs.length);
    let order: number[] | undefined;
    let weights: number[] = [];
    const work: WorkDone = { done: 0, total: 0 };
    let next = 0;
    let finished = 0;
    let over = false;
    const stop = (failed?: unknown) => {
      if (over) return;
      over = true;
      signal?.removeEventListener('abort', aborted);
      for (const w of workers) void w.terminate();
      if (signal?.aborted) reject(signal.reason);
      else resolve({ results, failed });
    };
    const aborted = () => stop();
    signal?.addEventListener('abort', aborted);
    const feed = (w: Worker) => {
      if (next < dirs.length && order) {
        const index = order[next++];
        w.postMessage({ index, dir: dirs[index], base });
      }
    };
    for (const w of workers) {
      listen(w, {
        message: (m) => {
          const msg = m as { index: number; module?: ModuleAnalysis | TestModule; problems?: SourceProblem[]; files?: number; error?: string };
          if (over || msg.index === undefined) return;
          if (msg.error !== undefined) return stop(new Error(`analysis worker failed: ${msg.error}`));
          results[msg.index] = { module: msg.module, problems: msg.problems ?? [], files: msg.files ?? 0 };
          work.done += weights[msg.index] ?? 0;
          onDone(msg.index, msg.files ?? 0, work);
          if (++finished === dirs.length) return stop();
          feed(w);
        },
        // A worker that dies, even without a word (out of memory, an exit call in a dependency), must not leave the step waiting.
        failed: (e) => stop(e),
      });
    }
    // Weighed while the workers start up (they load the parser meanwhile).
    weights = dirs.map(moduleWeight);
    work.total = weights.reduce((s, w) => s + w, 0);
    order = largestFirst(weights);
    for (const w of workers) for (let k = 0; k < IN_FLIGHT; k++) feed(w);
  });
}

/** Analyses module directories, in parallel when it pays off; results keep the input order. */
export async function analyseModules(
  dirs: readonly string[],
  base: string,
  onDone: (i: number, files: number, work?: WorkDone) => void,
  signal?: AbortSignal,
  /** The worker entry (tests); by default the built or source worker.ts. */
  script: URL | undefined = defaultWorkerScript(),
): Promise<ModuleResult[]> {
  lastRun.threads = 1;
  // Modules the staleness check read are analysed already, from the bytes it hashed.
  const results: ModuleResult[] = new Array(dirs.length);
  const rest: number[] = [];
  dirs.forEach((dir, i) => {
    const p = takePrepared(dir, base);
    if (!p) return void rest.push(i);
    results[i] = { ...(p as ModuleResult), fromCheck: true };
    lastRun.threads = poolThreads();
    onDone(i, p.files);
  });
  if (rest.length === 0) {
    // Every module came analysed: the workers that read them are not needed again.
    endIdle();
    return results;
  }
  const restDirs = rest.map((i) => dirs[i]);
  const put = (run: readonly ModuleResult[]) => rest.forEach((i, k) => void (run[k] !== undefined && (results[i] = run[k])));
  // Workers started by the staleness check are taken over, ready; the last job ends them.
  const workers = dirs.length < MIN_MODULES_FOR_POOL ? undefined : takeWorkers(script);
  if (!workers) {
    put(await inThread(restDirs, restDirs.map((_, k) => k), new Array(rest.length), base, (k, files) => onDone(rest[k], files), signal));
    return results;
  }
  const run = await inPool(workers, restDirs, base, (k, files, work) => onDone(rest[k], files, work), signal);
  put(run.results);
  if (run.failed === undefined) {
    lastRun.threads = workers.length;
    return results;
  }
  // A worker that could not start or crashed: the modules it left are analysed here, so the step
  // still ends, with the same result (an error of the analysis itself then shows as the step's error).
  const left = rest.filter((i) => results[i] === undefined);
  return inThread(dirs, left, results, base, onDone, signal);
}
