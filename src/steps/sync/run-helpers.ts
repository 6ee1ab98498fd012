/** Pieces of the sync run that need no Odoo: conflict choice, bookkeeping, the outcome. */
import type { StepContext, StepOutcome } from '../types.js';
import type { ApplyResult } from './apply.js';
import type { DesiredRecord } from './desired.js';
import { countPlan, type SyncPlan } from './plan-types.js';
import type { Existing } from './plan.js';
import type { SyncState } from './state.js';
import { canonical, hashValue } from './values.js';

/** Asks once for all conflicts: keep Odoo's version (default) or take the ToDo's. */
export async function resolveConflicts(ctx: StepContext, plan: SyncPlan): Promise<SyncPlan> {
  const conflicts = plan.entries.filter((e) => e.action === 'conflict');
  if (conflicts.length === 0) return plan;
  const detail = conflicts
    .map((e) => `  ${e.label}: plan changes ${e.fields?.join(', ')}; Odoo changed ${e.odooFields?.join(', ') || 'other fields'}`)
    .join('\n');
  const choice = await ctx.ask({
    id: 'sync-conflicts',
    message: `${conflicts.length} task(s) were edited in Odoo since the last sync and changed in the plan too. Which version wins?`,
    choices: [
      { value: 'keep', label: "Keep Odoo's version" },
      { value: 'take', label: "Take the ToDo's version" },
    ],
    defaultValue: 'keep',
    detail,
  });
  const warnings = [...plan.warnings];
  if (choice === 'keep') {
    warnings.push(`${conflicts.length} task(s) edited in Odoo since the last sync were kept as they are in Odoo: ${conflicts.map((e) => e.label).join('; ')}.`);
  }
  return {
    ...plan,
    warnings,
    entries: plan.entries.map((e) => (e.action !== 'conflict' ? e : choice === 'keep' ? { ...e, action: 'kept' } : { ...e, action: 'update' })),
  };
}

/** Records unchanged records the state file does not know yet (after a lost file or a crash). */
export function recordUnchanged(
  plan: SyncPlan,
  state: SyncState,
  desired: readonly DesiredRecord[],
  existing: Existing,
  ids: ReadonlyMap<string, number>,
): void {
  const byXmlid = new Map(desired.map((d) => [d.xmlid, d]));
  for (const e of plan.entries) {
    if (e.action !== 'unchanged' || e.id === undefined) continue;
    const rec = state.records[e.xmlid];
    if (rec && rec.id === e.id && !rec.pending) continue;
    const d = byXmlid.get(e.xmlid);
    if (!d) continue;
    const fields = Object.fromEntries(Object.entries(d.values).map(([k, v]) => [k, hashValue(canonical(v, ids))]));
    const wd = existing.tasks.get(e.id)?.write_date;
    state.records[e.xmlid] = { model: d.model, id: e.id, fields, writeDate: typeof wd === 'string' ? wd : undefined };
  }
}

export function outcomeOf(
  plan: SyncPlan,
  applied: ApplyResult | undefined,
  outputs: Record<string, string>,
  calls: number,
  report: string,
): StepOutcome {
  return { summary: `${describeOutcome(plan, applied)} (${calls} Odoo calls)`, outputs, warnings: plan.warnings, report };
}

/** The summary line but for the count of calls. */
export function describeOutcome(plan: SyncPlan, applied: ApplyResult | undefined): string {
  const counts = countPlan(plan);
  const tasks = counts['project.task'] ?? {};
  const n = (a: keyof typeof tasks) => tasks[a] ?? 0;
  const total = n('create') + n('update') + n('unchanged') + n('kept');
  const head = applied
    ? `${total} tasks: ${n('create')} created, ${n('update')} updated, ${n('unchanged')} unchanged`
    : `dry run: ${total} tasks, ${n('create')} to create, ${n('update')} to update`;
  const extra = [n('kept') ? `${n('kept')} kept from Odoo` : '', n('archive') ? `${n('archive')} archived` : '', n('removed') ? `${n('removed')} no longer planned` : '']
    .filter(Boolean)
    .join(', ');
  const w = plan.warnings.length;
  const warned = w > 0 ? `, ${w} warning${w === 1 ? '' : 's'}` : '';
  return `${head}${extra ? `, ${extra}` : ''}${warned}`;
}
