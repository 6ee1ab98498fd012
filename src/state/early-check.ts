/**
 * The check of a checkpoint file a step just wrote (see the runner's checkedOutputs), run on a
 * worker thread so the step's last writes go on meanwhile: on the Odoo CE tree the feature map
 * is 5.6 MB of TOML, about half a second to parse and check.
 */
import { workerEntry, startWorker } from '../analysis/worker-entry.js';

const checkScript = (): URL | undefined =>
  workerEntry(import.meta.url, { source: 'check-worker.ts', built: ['check-worker.js', 'review-check-worker.js'], bundled: 'review-check-worker.js' });

/**
 * How many errors the review step's check finds in `text`; undefined when it cannot run on a
 * worker here (no worker script, a check that needs more than the text, a failed worker): the
 * caller then checks on its own thread.
 */
export function errorsOffThread(step: string, text: string, script: URL | undefined = checkScript()): Promise<number | undefined> {
  if (!script) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const w = startWorker(script);
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
