/** The sync plan: what will be created, updated, left alone, or is in Odoo but no longer planned. */
import type { ArticleTarget, SyncModel } from './desired.js';
import type { PlanReview } from './review.js';

export type PlanAction =
  /** New record (and its external id). */
  | 'create'
  /** Fields differ from what the plan wants. */
  | 'update'
  | 'unchanged'
  /** Edited in Odoo since the last sync, and the plan changed too: the user chooses. */
  | 'conflict'
  /** Edited in Odoo since the last sync; the plan did not change it: Odoo's version stays. */
  | 'kept'
  /** An existing record with the same name that we use instead of creating a duplicate. */
  | 'adopt'
  /** In Odoo under our namespace but no longer in the plan: left as it is. */
  | 'removed'
  /** Removed from the plan and archived (only with archive_removed). */
  | 'archive';

export interface PlanEntry {
  model: SyncModel;
  xmlid: string;
  label: string;
  action: PlanAction;
  /** Database id when the record exists. */
  id?: number;
  /** Fields the plan sends (update, conflict). */
  fields?: string[];
  /** Fields changed in Odoo since the last sync (conflict, kept). */
  odooFields?: string[];
}

export interface SyncPlan {
  /** 2: the plan review (every task, counts per status and milestone) was added. */
  version: 2;
  namespace: string;
  project: string;
  articleTarget: ArticleTarget;
  entries: PlanEntry[];
  warnings: string[];
  review?: PlanReview;
}

export const WRITING: ReadonlySet<PlanAction> = new Set(['create', 'update', 'archive']);

export type Counts = Record<string, Partial<Record<PlanAction, number>>>;

export function countPlan(plan: SyncPlan): Counts {
  const counts: Counts = {};
  for (const e of plan.entries) {
    const c = (counts[e.model] ??= {});
    c[e.action] = (c[e.action] ?? 0) + 1;
  }
  return counts;
}

export function changeCount(plan: SyncPlan): number {
  return plan.entries.filter((e) => WRITING.has(e.action) || e.action === 'conflict').length;
}
