/**
 * Writes generated files without losing hand edits. The hash of every generated file is kept in
 * .odoo-project-sync/generated.json; a file whose bytes differ from what was generated last time
 * was changed by hand and is only overwritten if the user says so (the question shows the diff).
 * Headless default: keep the user's file and write the new one beside it as <file>.generated.
 */
import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import type { StepContext } from '../types.js';

export const GENERATED_INDEX = '.odoo-project-sync/generated.json';
const UNREADABLE_INDEX = '.odoo-project-sync/generated.unreadable.json';

interface Index {
  schemaVersion: 1;
  /** Workspace-relative path -> sha256 of the content generated for it. */
  files: Record<string, string>;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

export interface WriteReport {
  written: string[];
  unchanged: string[];
  keptUser: string[];
  /** Generated last time, no longer generated, unchanged since: deleted. */
  removed: string[];
  /** Generated last time, no longer generated, but changed by hand: kept, never deleted. */
  orphaned: string[];
  outputs: Record<string, string>;
}

async function readIndex(ctx: StepContext): Promise<Index> {
  const text = await ctx.artifacts.read(GENERATED_INDEX);
  if (text === undefined) return { schemaVersion: 1, files: {} };
  try {
    const data = JSON.parse(text) as Index;
    if (data && data.schemaVersion === 1 && typeof data.files === 'object') return data;
  } catch {
    // An unreadable index only means every existing file is treated as possibly edited: we ask.
  }
  // Kept aside, never destroyed: the rewrite at the end of this run replaces the original.
  await ctx.artifacts.write(UNREADABLE_INDEX, text);
  ctx.log(`${GENERATED_INDEX} is unreadable (kept as ${UNREADABLE_INDEX}); files that exist are treated as edited by hand`);
  return { schemaVersion: 1, files: {} };
}

/** Runs `fn` over items with at most `limit` in flight (durable writes are fsync-bound). */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

type Plan = {
  path: string;
  content: string;
  hash: string;
  action: 'unchanged' | 'write' | 'keep' | 'ask';
  existing?: string;
  /** Its action reached the disk. A cancelled run leaves the rest out of the index and the report. */
  settled?: boolean;
};

export async function writeFiles(ctx: StepContext, files: ReadonlyMap<string, string>): Promise<WriteReport> {
  const index = await readIndex(ctx);
  const report: WriteReport = { written: [], unchanged: [], keptUser: [], removed: [], orphaned: [], outputs: {} };
  const plans: Plan[] = [...files].map(([path, content]) => ({ path, content, hash: sha(content), action: 'unchanged' }));
  ctx.progress({ activity: 'comparing with the files on disk', done: 0, total: plans.length });
  await pool(plans, 32, async (p) => {
    const existing = await ctx.artifacts.read(p.path);
    const last = index.files[p.path];
    if (existing === p.content) p.action = 'unchanged';
    else if (existing === undefined || (last !== undefined && sha(existing) === last)) p.action = 'write';
    // Edited by hand and the generator has nothing new for it: keep the user's file quietly.
    else if (last === p.hash) p.action = 'keep';
    else {
      p.action = 'ask';
      p.existing = existing;
    }
  });
  let done = 0;
  const toWrite = plans.filter((p) => p.action === 'write');
  const step = Math.max(1, Math.ceil(toWrite.length / 20));
  await pool(toWrite, 32, async (p) => {
    if (ctx.signal.aborted) return;
    await ctx.artifacts.write(p.path, p.content);
    p.settled = true;
    // About twenty updates whatever the number of files: a headless log stays readable.
    if (++done % step === 0 || done === toWrite.length) ctx.progress({ activity: 'writing modules', done, total: toWrite.length });
  });
  // Questions one at a time, in path order, after everything else is written.
  for (const p of plans.filter((x) => x.action === 'ask')) {
    if (ctx.signal.aborted) break;
    const answer = await ctx.ask({
      id: 'generate-overwrite',
      message: `${p.path} was changed by hand. Overwrite it with the newly generated file?`,
      choices: [
        { value: 'keep', label: `Keep my file (write the new one as ${p.path}.generated)` },
        { value: 'overwrite', label: 'Overwrite with the generated file' },
      ],
      defaultValue: 'keep',
      detail: createTwoFilesPatch(`${p.path} (yours)`, `${p.path} (generated)`, p.existing ?? '', p.content),
    });
    if (answer === 'overwrite') {
      await ctx.artifacts.write(p.path, p.content);
      p.action = 'write';
    } else {
      await ctx.artifacts.write(`${p.path}.generated`, p.content);
      p.action = 'keep';
    }
    p.settled = true;
  }
  for (const p of plans) {
    // Unchanged and kept files need no write; a write or a question a cancel cut short did not
    // happen, so the index keeps what it knew about that file.
    if (p.action !== 'unchanged' && p.action !== 'keep' && !p.settled) continue;
    if (p.action === 'write') report.written.push(p.path);
    else if (p.action === 'unchanged') report.unchanged.push(p.path);
    else report.keptUser.push(p.path);
    index.files[p.path] = p.hash;
    report.outputs[p.path] = p.hash;
  }
  if (!ctx.signal.aborted) await retire(ctx, files, index, report);
  const sorted: Index = { schemaVersion: 1, files: Object.fromEntries(Object.entries(index.files).sort(([a], [b]) => (a < b ? -1 : 1))) };
  await ctx.artifacts.write(GENERATED_INDEX, `${JSON.stringify(sorted, null, 1)}\n`);
  return report;
}

/**
 * Files this step wrote before and no longer writes (a module renamed, naming switched from keep to
 * clean, a model moved): the tool's own unchanged output is deleted; a file changed by hand is
 * kept and reported, never deleted.
 */
async function retire(ctx: StepContext, files: ReadonlyMap<string, string>, index: Index, report: WriteReport): Promise<void> {
  const gone = Object.keys(index.files).filter((p) => p.startsWith('modules/') && !files.has(p)).sort();
  for (const path of gone) {
    const existing = await ctx.artifacts.read(path);
    if (existing === undefined) {
      delete index.files[path];
    } else if (sha(existing) === index.files[path]) {
      await ctx.artifacts.remove(path);
      delete index.files[path];
      report.removed.push(path);
    } else {
      report.orphaned.push(path);
    }
  }
}
