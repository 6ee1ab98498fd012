/** Reads what the sync needs from Odoo: our external ids, our tasks, same-named tags, owners. */
import type { OdooClient, OdooRecord, VersionProfile } from '../../odoo/types.js';
import type { DesiredRecord } from './desired.js';
import { SYNC_MODELS } from './records.js';
import type { Existing } from './plan.js';
import type { SyncState } from './state.js';

export function taskFields(profile: VersionProfile, milestones: boolean): string[] {
  const f = ['name', 'project_id', 'description', profile.taskHoursField, 'stage_id', 'user_ids', 'tag_ids', 'parent_id', 'active', 'write_date'];
  if (Object.values(profile.taskStateValues).some((v) => v !== undefined)) f.push(profile.taskStateField);
  if (milestones) f.push('milestone_id');
  return f;
}

/** Our external ids -> model and id; `exceptTasks`: all but the tasks' (a thousand rows fewer). */
export async function readOwnXmlids(client: OdooClient, namespace: string, signal: AbortSignal, exceptTasks = false): Promise<Map<string, { model: string; id: number }>> {
  const rows = await client.searchRead<{ id: number; name: string; model: string; res_id: number }>(
    'ir.model.data',
    exceptTasks ? [['module', '=', namespace], ['model', '!=', 'project.task']] : [['module', '=', namespace]],
    { fields: ['name', 'model', 'res_id'], signal },
  );
  // Odoo also names the _inherits parents of what load() creates (a project's mail.alias gets
  // <xmlid>_mail_alias): those are not ours to plan.
  return new Map(rows.filter((r) => SYNC_MODELS.has(r.model)).map((r) => [`${namespace}.${r.name}`, { model: r.model, id: r.res_id }]));
}

/**
 * The write_date of every task the last sync recorded as Odoo left it, read by the ids recorded:
 * it needs no answer from Odoo first, so it goes together with the read of our external ids.
 * read() skips the active filter (archived tasks are seen too) and leaves out deleted ids.
 */
export async function readRecordedWriteDates(client: OdooClient, state: SyncState, signal: AbortSignal): Promise<WriteDates> {
  const ids = new Set<number>();
  for (const rec of Object.values(state.records)) if (rec.model === 'project.task' && !rec.pending && rec.writeDate !== undefined) ids.add(rec.id);
  const rows = ids.size > 0 ? await client.read('project.task', [...ids], ['write_date'], { signal }) : [];
  return { asked: ids, rows: new Map(rows.map((r) => [r.id, r])) };
}

export interface WriteDates {
  asked: ReadonlySet<number>;
  rows: ReadonlyMap<number, OdooRecord>;
}

export async function readExisting(
  client: OdooClient,
  xmlids: Map<string, { model: string; id: number }>,
  desired: readonly DesiredRecord[],
  fields: readonly string[],
  state: SyncState,
  writeDates: WriteDates,
  signal: AbortSignal,
): Promise<Existing> {
  const taskIds = [...xmlids.values()].filter((r) => r.model === 'project.task').map((r) => r.id);
  const tasks = new Map<number, OdooRecord>();
  if (taskIds.length > 0) {
    // A task still planned whose write_date is the one recorded after our last write holds what
    // we sent, and the plan is compared with the record of that (planSync). Only the others are
    // read whole.
    const planned = new Set(desired.filter((d) => d.model === 'project.task').map((d) => d.xmlid));
    const settled = new Map<number, string>();
    for (const [x, r] of xmlids) {
      const rec = state.records[x];
      if (r.model === 'project.task' && planned.has(x) && rec && rec.id === r.id && !rec.pending && rec.writeDate !== undefined) settled.set(r.id, rec.writeDate);
    }
    const rest: number[] = [];
    for (const id of taskIds) {
      const row = writeDates.rows.get(id);
      if (!settled.has(id) || !writeDates.asked.has(id)) rest.push(id);
      else if (row && settled.get(id) === row.write_date) tasks.set(id, row);
      else if (row) rest.push(id);
      // else: asked and not returned, so deleted in Odoo (its external id is dropped below)
    }
    if (rest.length > 0) for (const t of await client.read('project.task', rest, fields, { signal })) tasks.set(t.id, t);
  }
  const missingTags = desired
    .filter((d) => d.model === 'project.tags' && !xmlids.has(d.xmlid))
    .map(nameOf);
  const tagsByName = new Map<string, number>();
  if (missingTags.length > 0) {
    const rows = await client.searchRead<{ id: number; name: string }>('project.tags', [['name', 'in', missingTags]], { fields: ['name'], signal });
    for (const r of rows) tagsByName.set(r.name, r.id);
  }
  const stagesByName = new Map<string, number>();
  const project = [...xmlids.values()].find((r) => r.model === 'project.project');
  const missingStages = desired.filter((d) => d.model === 'project.task.type' && !xmlids.has(d.xmlid)).map(nameOf);
  if (project && missingStages.length > 0) {
    // Stages belong to the project: one the user made there with the same name is used as is.
    const rows = await client.searchRead<{ id: number; name: string }>(
      'project.task.type',
      [['project_ids', 'in', [project.id]], ['name', 'in', missingStages]],
      { fields: ['name'], signal },
    );
    for (const r of rows) if (!stagesByName.has(r.name)) stagesByName.set(r.name, r.id);
  }
  // An external id whose record was deleted in Odoo: treat the record as missing.
  for (const [x, r] of [...xmlids]) if (r.model === 'project.task' && !tasks.has(r.id)) xmlids.delete(x);
  return { xmlids, tasks, tagsByName, stagesByName };
}

function nameOf(d: DesiredRecord): string {
  return String(d.values.name?.kind === 'plain' ? d.values.name.value : '');
}

/**
 * Owners -> internal users matched by name or login (case-insensitive). Owners matched before
 * are taken from `known`; only the others cost a round trip.
 */
export async function matchOwners(
  client: OdooClient,
  owners: readonly string[],
  known: Readonly<Record<string, number>>,
  signal: AbortSignal,
): Promise<Map<string, number>> {
  const { out, ask } = knownOwners(owners, known);
  if (ask.length === 0) return out;
  const variants = [...new Set(ask.flatMap((o) => [o, o.toLowerCase()]))];
  const rows = await client.searchRead<{ id: number; name: string; login: string }>(
    'res.users',
    ['&', ['share', '=', false], '|', ['name', 'in', variants], ['login', 'in', variants]],
    { fields: ['name', 'login'], signal },
  );
  for (const o of ask) {
    const k = o.toLowerCase();
    const hit = rows.find((r) => r.name.toLowerCase() === k) ?? rows.find((r) => r.login.toLowerCase() === k);
    if (hit) out.set(k, hit.id);
  }
  return out;
}

/** Owners matched before (lowercase -> id), and the others, which a search must look for. */
export function knownOwners(owners: readonly string[], known: Readonly<Record<string, number>>): { out: Map<string, number>; ask: string[] } {
  const out = new Map<string, number>();
  const ask: string[] = [];
  for (const o of new Set(owners)) {
    const k = o.toLowerCase();
    if (known[k] !== undefined) out.set(k, known[k]);
    else ask.push(o);
  }
  return { out, ask };
}
