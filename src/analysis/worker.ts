/** Worker-thread entry: analyses the module directories it is sent (see pool.ts) and hashes files (warm-pool.ts). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { analyseModule } from './module.js';
import { loadPython } from './py-parser.js';
import type { SourceProblem } from './types.js';

// The parser loads while the pool weighs the modules; a failure shows with the first module.
loadPython().catch(() => undefined);

/** A staleness check's share of a tree seen for the first time: each file's sha256, and when it was read. */
function hashFiles(paths: readonly string[]): { hashes: (string | null)[]; at: number[] } {
  const hashes: (string | null)[] = [];
  const at: number[] = [];
  for (const p of paths) {
    at.push(Date.now());
    try {
      hashes.push(createHash('sha256').update(readFileSync(p)).digest('hex'));
    } catch {
      hashes.push(null); // the caller records it as unreadable; the analysis says why
    }
  }
  return { hashes, at };
}

parentPort?.on('message', (job: { index: number; dir: string; base: string } | { hash: number; paths: string[] }) => {
  if ('hash' in job) return void parentPort?.postMessage({ hashed: job.hash, ...hashFiles(job.paths) });
  const problems: SourceProblem[] = [];
  const read = { files: 0 };
  analyseModule(job.dir, job.base, problems, read).then(
    (module) => parentPort?.postMessage({ index: job.index, module, problems, files: read.files }),
    (e: unknown) => parentPort?.postMessage({ index: job.index, error: e instanceof Error ? e.stack ?? e.message : String(e) }),
  );
});
