/** The plan as plain text: a table of counts per model, then conflicts and changes in detail. */
import { countPlan, type PlanAction, type SyncPlan } from './plan-types.js';

const COLUMNS: readonly PlanAction[] = ['create', 'update', 'unchanged', 'conflict', 'kept', 'adopt', 'removed', 'archive'];

const MODEL_LABEL: Readonly<Record<string, string>> = {
  'project.project': 'project',
  'project.task.type': 'stages',
  'project.tags': 'tags',
  'project.milestone': 'milestones',
  'knowledge.article': 'articles',
  'document.page': 'articles',
  'project.task': 'tasks',
};

export function renderPlanTable(plan: SyncPlan): string {
  const counts = countPlan(plan);
  const models = Object.keys(counts);
  const cols = COLUMNS.filter((c) => models.some((m) => counts[m][c]));
  const head = ['records', ...cols];
  const rows = models.map((m) => [MODEL_LABEL[m] ?? m, ...cols.map((c) => String(counts[m][c] ?? 0))]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

/** The table plus one line per record that changes (at most `limit`). Warnings are shown apart, once. */
export function renderPlan(plan: SyncPlan, limit = 40): string {
  const out = [`Sync plan for "${plan.project}" (external ids ${plan.namespace}.*)`, '', renderPlanTable(plan), ''];
  // New tasks are in the plan review already; the detail here is what else changes, and why.
  const shown = plan.entries.filter((e) => e.action !== 'unchanged' && !(e.model === 'project.task' && e.action === 'create'));
  for (const e of shown.slice(0, limit)) {
    const f = e.fields?.length ? `: ${e.fields.join(', ')}` : '';
    const o = e.odooFields?.length ? ` (changed in Odoo: ${e.odooFields.join(', ')})` : '';
    out.push(`  ${e.action.padEnd(9)} ${MODEL_LABEL[e.model] ?? e.model} ${e.label}${f}${o}`);
  }
  if (shown.length > limit) out.push(`  ... and ${shown.length - limit} more (see .odoo-project-sync/sync-plan.json)`);
  if (plan.articleTarget === 'files') out.push('', 'Articles: no Knowledge or document_page app in this database; they are kept as files under articles/.');
  return out.join('\n');
}
