/** Worker-thread entry: analyses the module directories it is sent (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import { analyseModule } from './module.js';
import { loadPython } from './py-parser.js';
import type { SourceProblem } from './types.js';

// The parser loads while the pool weighs the modules; a failure shows with the first module.
loadPython().catch(() => undefined);

parentPort?.on('message', (job: { index: number; dir: string; base: string }) => {
  const problems: SourceProblem[] = [];
  const read = { files: 0 };
  analyseModule(job.dir, job.base, problems, read).then(
    (module) => parentPort?.postMessage({ index: job.index, module, problems, files: read.files }),
    (e: unknown) => parentPort?.postMessage({ index: job.index, error: e instanceof Error ? e.stack ?? e.message : String(e) }),
  );
});
