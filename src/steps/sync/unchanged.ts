/**
 * A re-sync with nothing changed answers from the last run that changed nothing. That run's
 * result is a function of what it read: the plan and the feature map, the settings, the state
 * file, the server (url, database, login, version) and, in Odoo, our external ids, the tasks'
 * write_date and which owners match no user. When all of them are as they were, the result is
 * too, so it is kept in .odoo-project-sync/cache/sync-unchanged.json with what it was computed
 * from, and the next run checks the same things (files by digest through the stat cache, Odoo in
 * one round of reads) instead of parsing, planning and writing it all again.
 *
 * Only a fixed point is kept: nothing written to Odoo, no question asked, and the state file
 * written back as it was read, so the next run starts from exactly the same inputs.
 */
import { createHash } from 'node:crypto';
import { BUILD_ID } from '../../core/build-id.js';
import type { OdooClient } from '../../odoo/types.js';
import { ARTIFACTS, type StepContext, type StepOutcome } from '../types.js';
import type { SyncConfig } from './config.js';
import { planFileOf } from './plan-file.js';
import { matchOwners, readOwnXmlids, type WriteDates } from './read-existing.js';

export const UNCHANGED_FILE = '.odoo-project-sync/cache/sync-unchanged.json';
export const VERSION = 2;

/** What the last run that changed nothing found, and its result. */
export interface Unchanged {
  version: typeof VERSION;
  /** The digests of the plan, the feature map, the settings and the build it ran with. */
  key: string;
  server: { url: string; db: string; major: number };
  namespace: string;
  /** Owners that matched no Odoo user (a user created since must be picked up). */
  unmatched: string[];
  /** sha256 of our external ids as Odoo listed them, but for the tasks'. */
  xmlids: string;
  /** How many external ids of tasks we have (with the task list, that covers them). */
  taskXmlids: number;
  /** Every task under our external ids: [id, write_date]. */
  tasks: [number, string][];
  /** Our project's id: its tasks are listed by it (one id to send, not one per task). */
  project?: number;
  /** The files the run left (state, plan, articles) -> sha256. */
  outputs: Record<string, string>;
  /** The result, but for the count of calls. */
  summary: string;
  warnings: string[];
  report: string;
  /** Warnings about the plan itself: --strict fails on them, so it never takes this shortcut. */
  planWarnings: number;
}

/** What the check read from Odoo that the full run can reuse when something did change. */
export interface Prefetched {
  namespace: string;
  users: Map<string, number>;
  /** The owners asked about (the state's known ones were not). */
  asked: readonly string[];
  writeDates: WriteDates;
}

export type Check =
  | { kind: 'stands'; outcome: StepOutcome }
  /** Something differs (or nothing was kept): run in full; keep the result under `key` if it changes nothing. */
  | { kind: 'run'; key?: string; prefetched?: Prefetched };

/** The key of what the run depends on beside Odoo and the state file, before any input is read. */
export async function unchangedKey(ctx: StepContext, config: SyncConfig): Promise<string | undefined> {
  if (!ctx.digest) return undefined;
  const planFile = planFileOf(ctx.config.sections);
  const digests = [await ctx.digest(planFile), await ctx.digest(ARTIFACTS.featureMap)];
  return sha256(JSON.stringify([BUILD_ID, planFile, digests, config, ctx.config.sections, ctx.config.connection?.user ?? '']));
}

/**
 * Checks whether the kept result stands. Connects only when every file is as the kept run left
 * it; then one round of reads (with the version check of a kept session beside them).
 */
export async function checkUnchanged(ctx: StepContext, key: string | undefined): Promise<Check> {
  if (key === undefined || ctx.dryRun) return { kind: 'run', key };
  const last = await readUnchanged(ctx);
  if (!last || last.key !== key || (ctx.strict && last.planWarnings > 0)) return { kind: 'run', key };
  for (const [file, digest] of Object.entries(last.outputs)) if ((await ctx.digest?.(file)) !== digest) return { kind: 'run', key };
  ctx.progress({ activity: 'connecting to Odoo' });
  const client = await ctx.connect();
  const calls0 = client.stats.calls;
  if (client.url !== last.server.url || client.db !== last.server.db || client.profile.major !== last.server.major) return { kind: 'run', key };
  ctx.progress({ activity: 'reading what exists in Odoo' });
  const ids = new Set(last.tasks.map(([id]) => id));
  // The tasks' external ids are counted, not listed: a task deleted in Odoo (its external id goes
  // with it) is missing from the task list, and only a hand edit of ir.model.data changes them.
  const [users, xmlids, taskXmlids, rows] = await Promise.all([
    matchOwners(client, last.unmatched, {}, ctx.signal),
    readOwnXmlids(client, last.namespace, ctx.signal, true),
    client.searchCount('ir.model.data', [['module', '=', last.namespace], ['model', '=', 'project.task']], { signal: ctx.signal }),
    taskWriteDates(client, [...ids], last.project, ctx.signal),
  ]);
  // Tasks people added to the project themselves are not ours: only ours are compared.
  const byId = new Map(rows.filter((r) => ids.has(r.id)).map((r) => [r.id, r]));
  const same =
    users.size === 0 &&
    digestOfXmlids(xmlids) === last.xmlids &&
    taskXmlids === last.taskXmlids &&
    byId.size === last.tasks.length &&
    last.tasks.every(([id, wd]) => byId.get(id)?.write_date === wd);
  if (!same) {
    // Listed by project, a task not listed may have moved: only the listed ones count as asked
    // (read by id, a task not returned is deleted).
    const asked = last.project === undefined ? ids : new Set(byId.keys());
    return { kind: 'run', key, prefetched: { namespace: last.namespace, users, asked: last.unmatched, writeDates: { asked, rows: byId } } };
  }
  ctx.log('nothing changed in the plan, the workspace or Odoo since the last sync: its result stands');
  return {
    kind: 'stands',
    outcome: { summary: withCalls(last.summary, client, calls0), outputs: last.outputs, kept: true, warnings: last.warnings, report: last.report },
  };
}

/**
 * The write_date of our tasks: listed by project (archived ones too), so the request holds one id
 * instead of thousands (XML-RPC encodes each one). A task moved to another project is then missing,
 * which sends the sync the long way, as its moved write_date would anyway.
 */
function taskWriteDates(client: OdooClient, ids: readonly number[], project: number | undefined, signal: AbortSignal): Promise<{ id: number; write_date: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  if (project === undefined) return client.read('project.task', ids, ['write_date'], { signal });
  return client.searchRead('project.task', [['project_id', '=', project]], { fields: ['write_date'], context: { active_test: false }, signal });
}

export function withCalls(summary: string, client: OdooClient, calls0: number): string {
  return `${summary} (${client.stats.calls - calls0} Odoo calls)`;
}

export function digestOfXmlids(xmlids: ReadonlyMap<string, { model: string; id: number }>): string {
  return sha256(JSON.stringify([...xmlids].map(([x, r]) => [x, r.model, r.id]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

export async function readUnchanged(ctx: StepContext): Promise<Unchanged | undefined> {
  try {
    const text = await ctx.artifacts.read(UNCHANGED_FILE);
    const v = text === undefined ? undefined : (JSON.parse(text) as Partial<Unchanged>);
    return v?.version === VERSION && typeof v.key === 'string' && Array.isArray(v.tasks) && Array.isArray(v.unmatched) && typeof v.outputs === 'object' ? (v as Unchanged) : undefined;
  } catch {
    return undefined; // unreadable: one full run
  }
}

/** Keeps the result of a run that changed nothing; any other run drops the kept one. */
export async function keepUnchanged(ctx: StepContext, kept: Unchanged | undefined): Promise<void> {
  try {
    if (kept) await ctx.artifacts.write(UNCHANGED_FILE, JSON.stringify(kept));
    else await ctx.artifacts.remove(UNCHANGED_FILE);
  } catch {
    // Only the next run's shortcut is lost.
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
