/**
 * The check of a checkpoint file a step just wrote (see the runner's checkedOutputs), run on a
 * worker thread so the step's last writes go on meanwhile: on the Odoo CE tree the feature map
 * is 5.6 MB of TOML, about half a second to parse and check.
 */
import type { Worker } from 'node:worker_threads';
import { workerEntry, startWorker } from '../analysis/worker-entry.js';

const checkScript = (): URL | undefined =>
  workerEntry(import.meta.url, { source: 'check-worker.ts', built: ['check-worker.js', 'review-check-worker.js'], bundled: 'review-check-worker.js' });

/** A worker started ahead of the check (warmCheck), idle. */
let warm: { script: string; worker: Worker } | undefined;

/**
 * Starts the check's worker now, for a step that writes a file to check at its end: the worker
 * loads the checker while the step works, and the check starts at once. coolCheck ends it when
 * no check came.
 */
export function warmCheck(script: URL | undefined = checkScript()): void {
  if (!script || warm) return;
  const worker = startWorker(script);
  worker.unref();
  const drop = () => {
    if (warm?.worker === worker) warm = undefined;
  };
  worker.on('error', drop);
  worker.on('exit', drop);
  warm = { script: script.href, worker };
}

/** Ends a worker warmCheck started that no check used. */
export function coolCheck(): void {
  const w = warm?.worker;
  warm = undefined;
  void w?.terminate();
}

/**
 * How many errors the review step's check finds in `text`; undefined when it cannot run on a
 * worker here (no worker script, a check that needs more than the text, a failed worker): the
 * caller then checks on its own thread.
 */
export function errorsOffThread(step: string, text: string, script: URL | undefined = checkScript()): Promise<number | undefined> {
  if (!script) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const ready = warm?.script === script.href ? warm.worker : undefined;
    if (ready) {
      warm = undefined;
      ready.ref();
    }
    const w = ready ?? startWorker(script);
    let over = false;
    const end = (errors: number | undefined) => {
      if (over) return;
      over = true;
      resolve(errors);
      void w.terminate();
    };
    w.on('message', (msg: { errors?: number | null }) => end(typeof msg?.errors === 'number' ? msg.errors : undefined));
    w.on('error', () => end(undefined));
    w.on('exit', () => end(undefined));
    w.postMessage({ step, text });
  });
}
