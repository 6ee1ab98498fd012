/**
 * Applies a plan through load() with external ids: pass by pass (project; stages, tags,
 * milestones, root article; articles; tasks by depth), in batches. A record and its external id
 * are written in one transaction, so an interruption anywhere leaves nothing a re-run cannot
 * finish. Before a batch its records are marked pending in the state file; after it they are
 * recorded with the write_date Odoo reports.
 */
import { err, ok, type Result } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import type { OdooClient } from '../../odoo/types.js';
import type { ArtifactStore, StepProgress } from '../types.js';
import type { DesiredRecord } from './desired.js';
import { encode, signature } from './encode.js';
import type { PlanEntry } from './plan-types.js';
import { writeState, type SyncState } from './state.js';
import { hashValue } from './values.js';

export const QUIET_CONTEXT = {
  mail_create_nolog: true,
  mail_create_nosubscribe: true,
  mail_notrack: true,
  tracking_disable: true,
  mail_auto_subscribe_no_notify: true,
} as const;

export interface ApplyInput {
  client: OdooClient;
  artifacts: ArtifactStore;
  state: SyncState;
  /** Recomputes the wanted records with the ids known so far (article links need them). */
  desired: (ids: ReadonlyMap<string, number>) => readonly DesiredRecord[];
  ids: Map<string, number>;
  /** External ids to send (create, update, conflicts resolved to the ToDo's version). */
  send: ReadonlySet<string>;
  archive: readonly PlanEntry[];
  batchSize: number;
  notify: boolean;
  signal: AbortSignal;
  progress: (p: StepProgress) => void;
}

export interface ApplyResult {
  created: number;
  updated: number;
  archived: number;
}

export async function applyPlan(input: ApplyInput): Promise<Result<ApplyResult, UserError>> {
  const { client, state, ids } = input;
  const opts = { signal: input.signal, context: input.notify ? undefined : { ...QUIET_CONTEXT } };
  const result: ApplyResult = { created: 0, updated: 0, archived: 0 };
  const total = input.send.size + input.archive.length;
  // Nothing to write: the wanted records need not be built again (a re-sync with no change).
  if (total === 0) return ok(result);
  let done = 0;
  const sentTasks: string[] = [];
  const passes = [...new Set(input.desired(ids).map((d) => d.pass))].sort((a, b) => a - b);
  for (const pass of passes) {
    const records = input.desired(ids).filter((d) => d.pass === pass && input.send.has(d.xmlid));
    const groups = new Map<string, DesiredRecord[]>();
    for (const r of records) {
      const key = `${r.model}|${signature(r)}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    for (const group of groups.values()) {
      const model = group[0].model;
      for (let i = 0; i < group.length; i += input.batchSize) {
        const batch = group.slice(i, i + input.batchSize);
        input.progress({ activity: `writing ${model}`, done, total });
        const { fields, rows, sent } = encode(batch, ids);
        batch.forEach((r, k) => {
          const prev = state.records[r.xmlid];
          const id = ids.get(r.xmlid) ?? prev?.id ?? 0;
          state.records[r.xmlid] = { ...prev, model, id, fields: hashes(sent[k]), pending: true };
        });
        await writeState(input.artifacts, state);
        const res = await client.load(model, fields, rows, opts);
        const errors = res.messages.filter((m) => m.type === 'error');
        if (res.ids === false || errors.length > 0) return err(loadError(model, batch, res.messages));
        const loaded = res.ids;
        batch.forEach((r, k) => {
          const id = loaded[k];
          if (!isId(id)) return;
          if (ids.has(r.xmlid)) result.updated++;
          else result.created++;
          ids.set(r.xmlid, id);
          // Tasks stay pending until their write_date is read once all passes are done.
          state.records[r.xmlid] = { model, id, fields: hashes(sent[k]), pending: model === 'project.task' ? true : undefined };
          if (model === 'project.task') sentTasks.push(r.xmlid);
        });
        await writeState(input.artifacts, state);
        done += batch.length;
      }
    }
  }
  if (sentTasks.length > 0) {
    // One read at the end: creating subtasks may touch their parents, so dates are taken last.
    const dates = await writeDates(client, sentTasks.map((x) => state.records[x].id), input.signal);
    for (const x of sentTasks) {
      const rec = state.records[x];
      state.records[x] = { model: rec.model, id: rec.id, fields: rec.fields, writeDate: dates.get(rec.id) };
    }
    await writeState(input.artifacts, state);
  }
  if (input.archive.length > 0) {
    input.progress({ activity: 'archiving removed tasks', done, total });
    const res = await client.load('project.task', ['id', 'active'], input.archive.map((e) => [e.xmlid, '0']), opts);
    if (res.ids === false || res.messages.some((m) => m.type === 'error')) {
      return err(loadError('project.task', [], res.messages));
    }
    for (const e of input.archive) delete state.records[e.xmlid];
    await writeState(input.artifacts, state);
    result.archived = input.archive.length;
  }
  input.progress({ activity: 'written', done: total, total });
  return ok(result);
}

const isId = (x: number | false | undefined): x is number => typeof x === 'number';

function hashes(sent: Record<string, import('./values.js').Canonical>): Record<string, string> {
  return Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, hashValue(v)]));
}

async function writeDates(client: OdooClient, ids: number[], signal: AbortSignal): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await client.read<{ id: number; write_date: string }>('project.task', ids, ['write_date'], { signal });
  return new Map(rows.map((r) => [r.id, r.write_date]));
}

function loadError(model: string, batch: readonly DesiredRecord[], messages: readonly { message: string; record?: number; field?: string }[]): UserError {
  const first = messages.find((m) => m.message) ?? { message: 'no ids and no message' };
  const row = first.record !== undefined ? batch[first.record] : undefined;
  const what = row ? ` (${row.label}${first.field ? `, field ${first.field}` : ''})` : '';
  return new UserError('odoo', `Odoo refused the ${model} batch: ${first.message}${what}.`, {
    where: { field: model },
    hint: 'Nothing of this batch was written. Fix the cause (often a required field or a rule in the database) and run the sync again; it resumes where it stopped.',
    detail: messages.map((m) => m.message).join('\n'),
  });
}
