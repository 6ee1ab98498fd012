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
  // Workers idle already, or reading for a check (which a second addons path joins): nothing to start.
  if (!script || poolThreads() < 2 || idle || (reading && !reading.over)) return;
  giveBack(script, Array.from({ length: poolThreads() }, () => spawn(script)));
}

/** Ends the idle workers now (their job is done: no analysis follows), with the memory they hold. */
export function endIdle(): void {
  if (!idle) return;
  clearTimeout(idle.timer);
  for (const w of idle.workers) void w.terminate();
  idle = undefined;
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

/** Modules each worker holds at once: while it sends one result back the next one is queued. */
const IN_FLIGHT = 2;

/** Modules handed to the workers as a check lists them (readModulesOnWorkers). */
export interface ModuleReader {
  /** Queues a module: handed out at once while a worker has room, else when one has. */
  add(module: ModuleToRead): void;
  /** No more modules: those still queued go out largest first. Hashes by path, once all are read. */
  close(): Promise<Map<string, Hashed>>;
}

/** One reader's share of a reading job: its modules, and what it resolves with. */
interface Share {
  out: Map<string, Hashed>;
  onDone?: (files: number) => void;
  added: number;
  finished: number;
  closed: boolean;
  resolve(hashes: Map<string, Hashed>): void;
}

/** The workers reading modules for checks, shared by the readers open at once (several addons paths). */
interface ReadingJob {
  script: string;
  base: string;
  workers: Worker[];
  modules: { module: ModuleToRead; share: Share }[];
  queue: number[];
  held: Map<Worker, number>;
  shares: Set<Share>;
  over: boolean;
}

let reading: ReadingJob | undefined;

/**
 * A check of an addons tree for a step that analyses it next: each module's files are read and
 * hashed on the worker threads, which then analyse the module from those very bytes (kept for
 * takePrepared), so the step reads and parses nothing a second time, and the analysis starts
 * while the tree is still being listed. Readers open at once (the step's addons paths, checked
 * side by side) share the workers and one queue, largest module first. The paths of a module
 * that could not be read there (no worker, a failed one) are missing from the hashes, for the
 * caller to hash.
 */
export function readModulesOnWorkers(base: string, onDone?: (files: number) => void, script?: URL): ModuleReader {
  const from = script ?? defaultWorkerScript();
  const share: Share = { out: new Map(), onDone, added: 0, finished: 0, closed: false, resolve: () => undefined };
  const result = new Promise<Map<string, Hashed>>((r) => (share.resolve = r));
  const job = from ? joinReading(from, base) : undefined;
  if (!job) {
    share.resolve(share.out);
    return { add: () => undefined, close: () => result };
  }
  job.shares.add(share);
  return {
    add(module) {
      if (job.over || share.closed) return;
      job.modules.push({ module, share });
      job.queue.push(job.modules.length - 1);
      share.added++;
      for (const w of job.workers) feedReading(job, w);
    },
    close() {
      if (!share.closed) {
        share.closed = true;
        const { modules } = job;
        job.queue.sort((a, b) => modules[b].module.weight - modules[a].module.weight || a - b);
        for (const w of job.workers) feedReading(job, w);
        settle(job, share);
      }
      return result;
    },
  };

  function joinReading(url: URL, b: string): ReadingJob | undefined {
    if (reading && !reading.over && reading.script === url.href && reading.base === b) return reading;
    const workers = takeWorkers(url);
    if (!workers) return undefined;
    const job: ReadingJob = { script: url.href, base: b, workers, modules: [], queue: [], held: new Map(), shares: new Set(), over: false };
    for (const w of workers) {
      listen(w, {
        message: (m) => {
          const msg = m as { index?: number; module?: unknown; problems?: unknown[]; files?: number; error?: string; hashes?: (string | null)[]; at?: number[] };
          if (job.over || msg.index === undefined) return;
          const { module: mod, share: owner } = job.modules[msg.index];
          job.held.set(w, (job.held.get(w) ?? 1) - 1);
          if (msg.hashes && msg.at && msg.hashes.length === mod.paths.length) {
            for (let k = 0; k < msg.hashes.length; k++) owner.out.set(mod.paths[k], { hash: msg.hashes[k] ?? undefined, at: msg.at[k] });
          }
          // An analysis that failed is left to the step, which then shows the error.
          if (msg.error === undefined) prepared.set(mod.dir, { base: job.base, result: { module: msg.module, problems: msg.problems ?? [], files: msg.files ?? 0 } });
          owner.finished++;
          owner.onDone?.(mod.paths.length);
          feedReading(job, w);
          settle(job, owner);
        },
        failed: () => endReading(job, false),
      });
    }
    reading = job;
    return job;
  }
}

/** Resolves a share whose modules are all read, once it is closed (see readModulesOnWorkers). */
function settle(job: ReadingJob, share: Share): void {
  if (!share.closed || share.finished < share.added || !job.shares.has(share)) return;
  job.shares.delete(share);
  share.resolve(share.out);
  if (job.shares.size === 0) endReading(job, true);
}

function feedReading(job: ReadingJob, w: Worker): void {
  while (!job.over && job.queue.length > 0 && (job.held.get(w) ?? 0) < IN_FLIGHT) {
    const index = job.queue.shift() as number;
    job.held.set(w, (job.held.get(w) ?? 0) + 1);
    const { dir, paths } = job.modules[index].module;
    w.postMessage({ index, dir, base: job.base, read: paths });
  }
}

/** Ends a reading job: healthy workers wait for the step's analysis; every open share resolves with what it has. */
function endReading(job: ReadingJob, healthy: boolean): void {
  if (job.over) return;
  job.over = true;
  if (reading === job) reading = undefined;
  if (healthy) giveBack(new URL(job.script), job.workers);
  else for (const w of job.workers) void w.terminate();
  for (const share of job.shares) share.resolve(share.out);
  job.shares.clear();
}
