/**
 * The analysis worker threads of this process. They are started by the first job that needs
 * them and kept a moment between jobs: on a tree seen for the first time, the staleness check
 * reads and hashes its files on them while they load the Python parser, and the analysis that
 * follows finds them ready. Idle workers never keep the process alive.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker, workerEntry } from './worker-entry.js';

/** How long idle workers wait for the next job (the analysis right after the check). */
const IDLE_MS = 5000;

/** Files per hashing job: small enough for a smooth progress count, big enough to cost nothing to post. */
const HASH_CHUNK = 200;

export const defaultWorkerScript = (): URL | undefined =>
  workerEntry(import.meta.url, { source: 'worker.ts', built: ['worker.js', 'analysis-worker.js'], bundled: 'analysis-worker.js' });

export const poolThreads = (): number => Math.min(availableParallelism(), 4);

let idle: { script: string; workers: Worker[]; timer: NodeJS.Timeout } | undefined;

/** Workers started by this process (the bench and a test read it: a warm pool is reused, not started again). */
export const spawned = { count: 0 };

/** What a worker's current job does with its messages and with its failure (an error, or an exit before the job ended). */
export interface JobHandlers {
  message(msg: unknown): void;
  failed(e: unknown): void;
}

// Each worker keeps one set of listeners for its life (removing a Worker's listeners can cut
// its message channel); they pass events on to whichever job holds it.
const jobs = new WeakMap<Worker, JobHandlers>();

/** Hands a worker's messages and failure to `h` until the next call. */
export function listen(w: Worker, h: JobHandlers): void {
  jobs.set(w, h);
}

function spawn(script: URL): Worker {
  const w = startWorker(script);
  spawned.count++;
  w.on('message', (msg: unknown) => jobs.get(w)?.message(msg));
  w.on('error', (e) => jobs.get(w)?.failed(e));
  w.on('exit', (code) => jobs.get(w)?.failed(new Error(`the worker stopped (exit code ${code})`)));
  return w;
}

/**
 * Workers for a job: the idle ones when they run `script`, else new ones; undefined when this
 * machine has one core or no worker script exists (then the caller works on its own thread).
 * The caller owns them until it terminates them or gives them back.
 */
export function takeWorkers(script: URL | undefined = defaultWorkerScript()): Worker[] | undefined {
  if (!script || poolThreads() < 2) return undefined;
  if (idle && idle.script === script.href) {
    const { workers, timer } = idle;
    idle = undefined;
    clearTimeout(timer);
    for (const w of workers) {
      jobs.delete(w);
      w.ref();
    }
    return workers;
  }
  return Array.from({ length: poolThreads() }, () => spawn(script));
}

/**
 * Starts the workers now, idle, for a job that comes soon (a tree seen for the first time is
 * being listed): they load the parser meanwhile. Nothing when they are there already.
 */
export function warmUp(script: URL | undefined = defaultWorkerScript()): void {
  if (!script || poolThreads() < 2 || idle) return;
  giveBack(script, Array.from({ length: poolThreads() }, () => spawn(script)));
}

/** Keeps healthy workers for the next job for a moment; one that dies meanwhile is dropped. */
function giveBack(script: URL, workers: Worker[]): void {
  if (idle) {
    for (const w of workers) void w.terminate();
    return;
  }
  const timer = setTimeout(() => {
    if (idle?.workers === workers) idle = undefined;
    for (const w of workers) void w.terminate();
  }, IDLE_MS);
  timer.unref();
  for (const w of workers) {
    w.unref();
    listen(w, {
      message: () => undefined,
      failed: () => {
        if (idle?.workers !== workers) return;
        idle = undefined;
        clearTimeout(timer);
        for (const o of workers) void o.terminate();
      },
    });
  }
  idle = { script: script.href, workers, timer };
}

export interface Hashed {
  /** sha256, hex; undefined when the file could not be read. */
  hash?: string;
  /** Date.now() just before the file was read. */
  at: number;
}

/**
 * sha256 of each file, read on the worker threads; undefined entries (all of them when no worker
 * can run, or the ones a failed worker left) are for the caller to hash itself.
 */
export function hashOnWorkers(paths: readonly string[], onDone?: (files: number) => void, script?: URL): Promise<(Hashed | undefined)[]> {
  const out: (Hashed | undefined)[] = new Array(paths.length);
  const from = script ?? defaultWorkerScript();
  const workers = paths.length === 0 ? undefined : takeWorkers(from);
  if (!workers || !from) {
    if (workers) for (const w of workers) void w.terminate();
    return Promise.resolve(out);
  }
  const chunks: number[] = [];
  for (let first = 0; first < paths.length; first += HASH_CHUNK) chunks.push(first);
  return new Promise((resolve) => {
    let next = 0;
    let finished = 0;
    let over = false;
    const stop = (healthy: boolean) => {
      if (over) return;
      over = true;
      if (healthy) giveBack(from, workers);
      else for (const w of workers) void w.terminate();
      resolve(out);
    };
    const feed = (w: Worker) => {
      if (next < chunks.length) {
        const first = chunks[next++];
        w.postMessage({ hash: first, paths: paths.slice(first, first + HASH_CHUNK) });
      }
    };
    for (const w of workers) {
      listen(w, {
        message: (m) => {
          const msg = m as { hashed?: number; hashes?: (string | null)[]; at?: number[] };
          if (over || msg.hashed === undefined || !msg.hashes || !msg.at) return;
          for (let k = 0; k < msg.hashes.length; k++) out[msg.hashed + k] = { hash: msg.hashes[k] ?? undefined, at: msg.at[k] };
          onDone?.(msg.hashes.length);
          if (++finished === chunks.length) return stop(true);
          feed(w);
        },
        failed: () => stop(false),
      });
      feed(w);
      feed(w);
    }
  });
}

/** What a worker's analysis of one module yields (see pool.ts ModuleResult). */
export interface PreparedModule {
  module?: unknown;
  problems: unknown[];
  files: number;
}

/**
 * Analyses done while a staleness check read their modules' files (readModulesOnWorkers), by
 * module folder: the analysis of the step that asked for the check takes them (takePrepared)
 * instead of reading and parsing those modules again.
 */
const prepared = new Map<string, { base: string; result: PreparedModule }>();

/** The analysis of `dir` made from the bytes the last check read, once; undefined when there is none for `base`. */
export function takePrepared(dir: string, base: string): PreparedModule | undefined {
  const p = prepared.get(dir);
  if (!p || p.base !== base) return undefined;
  prepared.delete(dir);
  return p.result;
}

/** Forgets the analyses no step took (the step is over: the next one reads the files again). */
export function dropPrepared(): void {
  prepared.clear();
}

/** A module whose files a check has to read: `paths` (absolute), and a rough cost to hand the largest out first. */
export interface ModuleToRead {
  dir: string;
  paths: readonly string[];
  weight: number;
}

/**
 * A check of an addons tree seen for the first time, for a step that analyses it next: each
 * module's files are read and hashed on the worker threads, which then analyse the module from
 * those very bytes (kept for takePrepared), so the step reads and parses nothing a second time
 * and the analysis starts as soon as the tree is listed. Hashes by path; the paths of a module
 * that could not be read there (no worker, a failed one) are missing, for the caller to hash.
 */
export function readModulesOnWorkers(modules: readonly ModuleToRead[], base: string, onDone?: (files: number) => void, script?: URL): Promise<Map<string, Hashed>> {
  const out = new Map<string, Hashed>();
  const from = script ?? defaultWorkerScript();
  const workers = modules.length === 0 ? undefined : takeWorkers(from);
  if (!workers || !from) {
    if (workers) for (const w of workers) void w.terminate();
    return Promise.resolve(out);
  }
  const order = modules.map((_, i) => i).sort((a, b) => modules[b].weight - modules[a].weight || a - b);
  return new Promise((resolve) => {
    let next = 0;
    let finished = 0;
    let over = false;
    const stop = (healthy: boolean) => {
      if (over) return;
      over = true;
      if (healthy) giveBack(from, workers);
      else for (const w of workers) void w.terminate();
      resolve(out);
    };
    const feed = (w: Worker) => {
      if (next < order.length) {
        const index = order[next++];
        w.postMessage({ index, dir: modules[index].dir, base, read: modules[index].paths });
      }
    };
    for (const w of workers) {
      listen(w, {
        message: (m) => {
          const msg = m as { index?: number; module?: unknown; problems?: unknown[]; files?: number; error?: string; hashes?: (string | null)[]; at?: number[] };
          if (over || msg.index === undefined) return;
          const mod = modules[msg.index];
          if (msg.hashes && msg.at && msg.hashes.length === mod.paths.length) {
            for (let k = 0; k < msg.hashes.length; k++) out.set(mod.paths[k], { hash: msg.hashes[k] ?? undefined, at: msg.at[k] });
          }
          // An analysis that failed is left to the step, which then shows the error.
          if (msg.error === undefined) prepared.set(mod.dir, { base, result: { module: msg.module, problems: msg.problems ?? [], files: msg.files ?? 0 } });
          onDone?.(mod.paths.length);
          if (++finished === order.length) return stop(true);
          feed(w);
        },
        failed: () => stop(false),
      });
      feed(w);
      feed(w);
    }
  });
}
