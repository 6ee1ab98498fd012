/**
 * Where a worker thread's entry file is: its TypeScript source when running under tsx, its
 * built file beside the calling module, or, in the bundle (the caller in dist/chunks/), the
 * bundle's entry in dist/. Undefined when none exists: the caller then works on its own thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface WorkerFiles {
  /** The entry's source, beside the caller (used under tsx only). */
  source: string;
  /** Built names beside the caller, in the order to try. */
  built: readonly string[];
  /** The bundle's entry in dist/. */
  bundled: string;
}

export function workerEntry(callerUrl: string, files: WorkerFiles): URL | undefined {
  const underTsx = process.execArgv.some((a) => a.includes('tsx'));
  const candidates = [
    ...(underTsx ? [new URL(`./${files.source}`, callerUrl)] : []),
    ...files.built.map((name) => new URL(`./${name}`, callerUrl)),
    new URL(`../${files.bundled}`, callerUrl),
  ];
  return candidates.find((u) => u.protocol === 'file:' && existsSync(fileURLToPath(u)));
}

/** Starts a worker on an entry found by workerEntry (under tsx, its loader is registered inside the worker first). */
export function startWorker(script: URL): Worker {
  return script.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); })`, { eval: true })
    : new Worker(script);
}
