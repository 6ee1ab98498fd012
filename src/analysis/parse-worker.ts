/** Worker-thread entry of parse-only.ts: parses the files it is given, answers once. */
import { parentPort, workerData } from 'node:worker_threads';
import { parseFiles } from './parse-only.js';

parseFiles(workerData as string[]).then(
  (outcome) => parentPort?.postMessage(outcome),
  (e: unknown) => parentPort?.postMessage({ error: e instanceof Error ? e.stack ?? e.message : String(e) }),
);
