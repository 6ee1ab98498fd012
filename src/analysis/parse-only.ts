/**
 * Python parsing and nothing else, over a list of files, on worker threads: what the bench
 * measures the parser by (files per second), and how it checks that no file Python accepts is
 * dropped. The analysis itself parses inside its own workers (pool.ts).
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { workerEntry } from './worker-entry.js';
import { firstSyntaxError, loadPython, withPythonTree, type SyntaxErrorAt } from './py-parser.js';

export interface ParseOutcome {
  files: number;
  /** Files the parser refuses, with where and what. */
  rejected: (SyntaxErrorAt & { file: string })[];
}

/** Parses each file (UTF-8) on this thread. */
export async function parseFiles(files: readonly string[]): Promise<ParseOutcome> {
  await loadPython();
  const rejected: ParseOutcome['rejected'] = [];
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const error = withPythonTree(src, (root) => firstSyntaxError(root, src));
    if (error) rejected.push({ file, ...error });
  }
  return { files: files.length, rejected };
}

const workerScript = (): URL | undefined =>
  workerEntry(import.meta.url, { source: 'parse-worker.ts', built: ['python-parse-worker.js'], bundled: 'python-parse-worker.js' });

/**
 * Parses the files on `threads` worker threads, in slices of about equal size (files are
 * dealt round-robin, so big and small ones mix). Falls back to this thread without a worker script.
 */
export async function parseFilesInWorkers(files: readonly string[], threads: number): Promise<ParseOutcome & { threads: number }> {
  const script = workerScript();
  if (!script || threads < 2) return { ...(await parseFiles(files)), threads: 1 };
  const slices = Array.from({ length: threads }, (_, t) => files.filter((_f, i) => i % threads === t));
  const outcomes = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<ParseOutcome>((resolve, reject) => {
          const w = script.pathname.endsWith('.ts')
            ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`, { eval: true, workerData: slice })
            : new Worker(script, { workerData: slice });
          w.once('message', (m: ParseOutcome & { error?: string }) => {
            void w.terminate();
            if (m.error) reject(new Error(`parse worker failed: ${m.error}`));
            else resolve(m);
          });
          w.once('error', reject);
        }),
    ),
  );
  return {
    files: outcomes.reduce((n, o) => n + o.files, 0),
    rejected: outcomes.flatMap((o) => o.rejected).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    threads,
  };
}
