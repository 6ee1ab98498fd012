/** Worker-thread entry: analyses the module directories it is sent (see pool.ts) and hashes files (warm-pool.ts). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { readAhead } from './files.js';
import { analyseModule } from './module.js';
import { loadPython } from './py-parser.js';
import type { SourceProblem } from './types.js';

// The parser loads while the pool weighs the modules; a failure shows with the first module.
loadPython().catch(() => undefined);

/**
 * A staleness check's share of a tree seen for the first time: each file's sha256, and when it
 * was read. `keep`: the bytes stay in readAhead for the analysis of the same files.
 */
function hashFiles(paths: readonly string[], keep = false): { hashes: (string | null)[]; at: number[] } {
  const hashes: (string | null)[] = [];
  const at: number[] = [];
  for (const p of paths) {
    at.push(Date.now());
    try {
      const bytes = readFileSync(p);
      hashes.push(createHash('sha256').update(bytes).digest('hex'));
      if (keep) readAhead.set(p, bytes);
    } catch {
      hashes.push(null); // the caller records it as unreadable; the analysis says why
    }
  }
  return { hashes, at };
}

type Job =
  | { hash: number; paths: string[] }
  /** `read`: files of the module to hash first (a staleness check); the analysis parses those very bytes. */
  | { index: number; dir: string; base: string; read?: string[] };

parentPort?.on('message', (job: Job) => {
  if ('hash' in job) return void parentPort?.postMessage({ hashed: job.hash, ...hashFiles(job.paths) });
  const problems: SourceProblem[] = [];
  const read = { files: 0 };
  const hashed = job.read ? hashFiles(job.read, true) : undefined;
  const done = () => {
    for (const p of job.read ?? []) readAhead.delete(p);
  };
  analyseModule(job.dir, job.base, problems, read).then(
    (module) => {
      done();
      parentPort?.postMessage({ index: job.index, module, problems, files: read.files, ...hashed });
    },
    (e: unknown) => {
      done();
      parentPort?.postMessage({ index: job.index, error: e instanceof Error ? e.stack ?? e.message : String(e), ...hashed });
    },
  );
});
