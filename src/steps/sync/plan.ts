/**
 * Plans a sync (pure): the wanted records against what Odoo holds under our namespace and what
 * the last sync recorded. Tasks are compared with Odoo's own values and write_date (drift);
 * other records with the hashes recorded at the last sync.
 */
import type { OdooRecord } from '../../odoo/types.js';
import type { ArticleTarget, DesiredRecord, SyncModel } from './desired.js';
import type { PlanEntry, SyncPlan } from './plan-types.js';
import type { SyncState } from './state.js';
import { canonical, fromOdoo, hashValue, sameValue } from './values.js';

export interface Existing {
  /** Our external ids (namespace-local names resolved to full ids) -> model and database id. */
  xmlids: ReadonlyMap<string, { model: string; id: number }>;
  /** Tasks under our namespace, as read (with write_date and active). */
  tasks: ReadonlyMap<number, OdooRecord>;
  /** Tag names that exist without our external id -> their id (tag names are unique). */
  tagsByName: ReadonlyMap<string, number>;
  /** Stages of our project without our external id, by name -> their id. */
  stagesByName?: ReadonlyMap<string, number>;
}

export interface PlanInput {
  desired: readonly DesiredRecord[];
  existing: Existing;
  state: SyncState;
  namespace: string;
  project: string;
  articleTarget: ArticleTarget;
  archiveRemoved: boolean;
  warnings: readonly string[];
}

/** External id -> database id, for resolving references (ours, and adopted tags). */
export function idMapOf(desired: readonly DesiredRecord[], existing: Existing): Map<string, number> {
  const ids = new Map<string, number>();
  for (const [x, r] of existing.xmlids) ids.set(x, r.id);
  for (const d of desired) {
    const byName = d.model === 'project.tags' ? existing.tagsByName : d.model === 'project.task.type' ? existing.stagesByName : undefined;
    if (!byName || ids.has(d.xmlid)) continue;
    const name = d.values.name;
    const hit = name?.kind === 'plain' ? byName.get(String(name.value)) : undefined;
    if (hit !== undefined) ids.set(d.xmlid, hit);
  }
  return ids;
}

export function planSync(input: PlanInput): SyncPlan {
  const { desired, existing, state } = input;
  const ids = idMapOf(desired, existing);
  const entries: PlanEntry[] = desired.map((d) => planOne(d, existing, state, ids));
  const wanted = new Set(desired.map((d) => d.xmlid));
  const gone = [...existing.xmlids].filter(([x]) => !wanted.has(x)).sort(([a], [b]) => a.localeCompare(b));
  for (const [xmlid, r] of gone) {
    const task = r.model === 'project.task' ? existing.tasks.get(r.id) : undefined;
    const label = typeof task?.name === 'string' ? task.name : xmlid;
    const archive = input.archiveRemoved && task !== undefined && task.active !== false;
    entries.push({ model: r.model as SyncModel, xmlid, label, action: archive ? 'archive' : 'removed', id: r.id });
  }
  return {
    version: 2,
    namespace: input.namespace,
    project: input.project,
    articleTarget: input.articleTarget,
    entries,
    warnings: [...input.warnings],
  };
}

function planOne(d: DesiredRecord, existing: Existing, state: SyncState, ids: ReadonlyMap<string, number>): PlanEntry {
  const base = { model: d.model, xmlid: d.xmlid, label: d.label };
  const own = existing.xmlids.get(d.xmlid);
  if (!own) {
    const adopted = ids.get(d.xmlid);
    return adopted !== undefined ? { ...base, action: 'adopt', id: adopted } : { ...base, action: 'create' };
  }
  const fields = Object.keys(d.values);
  const want = Object.fromEntries(fields.map((f) => [f, canonical(d.values[f], ids)]));
  const recorded = state.records[d.xmlid];
  const id = own.id;
  if (d.model !== 'project.task') {
    if (!recorded || recorded.id !== id || recorded.pending) return { ...base, action: 'update', id, fields };
    const changed = fields.filter((f) => recorded.fields[f] !== hashValue(want[f]));
    return changed.length ? { ...base, action: 'update', id, fields: changed } : { ...base, action: 'unchanged', id };
  }
  const odoo = existing.tasks.get(id);
  if (!odoo) return { ...base, action: 'create' };
  const actual = Object.fromEntries(fields.map((f) => [f, fromOdoo(odoo[f])]));
  const vsOdoo = fields.filter((f) => !sameValue(want[f], actual[f]));
  if (!recorded || recorded.id !== id || recorded.pending) {
    return vsOdoo.length ? { ...base, action: 'update', id, fields: vsOdoo } : { ...base, action: 'unchanged', id };
  }
  const vsLast = fields.filter((f) => recorded.fields[f] !== hashValue(want[f]));
  if (recorded.writeDate === undefined || recorded.writeDate === odoo.write_date) {
    return vsLast.length ? { ...base, action: 'update', id, fields: vsLast } : { ...base, action: 'unchanged', id };
  }
  const odooFields = fields.filter((f) => recorded.fields[f] !== hashValue(actual[f]));
  return vsLast.length
    ? { ...base, action: 'conflict', id, fields: vsLast, odooFields }
    : { ...base, action: 'kept', id, odooFields };
}
