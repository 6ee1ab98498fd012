/** The plan review as text: counts per status and per milestone, then one line per task. */
import type { PlanReview, ReviewTask } from './review.js';

const cut = (s: string, w: number) => (s.length <= w ? s.padEnd(w) : `${s.slice(0, w - 1)}…`);

function table(head: readonly string[], rows: readonly string[][], widths: readonly number[], right: ReadonlySet<number>): string[] {
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]) : i === cells.length - 1 ? c : cut(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

const hours = (h: number | undefined) => (h === undefined ? '-' : String(h));

function owner(t: ReviewTask): string {
  if (!t.owner) return '-';
  return t.ownerIsUser ? t.owner : `${t.owner} (tag)`;
}

export function renderReview(r: PlanReview): string {
  const statuses = Object.keys(r.byStatus);
  const projectFrom = r.project.from === 'config' ? '[sync] project_name' : r.project.from === 'plan' ? `the title of ${r.planFile}; set [sync] project_name to change it` : 'no title in the plan; set [sync] project_name';
  const out = [
    `Project "${r.project.name}" (from ${projectFrom})`,
    `${r.tasks.length} tasks in ${r.byMilestone.length} milestone${r.byMilestone.length === 1 ? '' : 's'}: ${statuses.map((s) => `${r.byStatus[s]} ${s}`).join(', ')}`,
    '',
  ];
  const mw = Math.min(36, Math.max(9, ...r.byMilestone.map((m) => m.name.length)));
  out.push(
    ...table(
      ['Milestone', 'Tasks', ...statuses, 'Hours'],
      r.byMilestone.map((m) => [m.name, String(m.tasks), ...statuses.map((s) => String(m.byStatus[s] ?? 0)), String(m.hours)]),
      [mw, 5, ...statuses.map((s) => s.length), 6],
      new Set(Array.from({ length: statuses.length + 2 }, (_, i) => i + 1)),
    ),
    '',
  );
  // Tasks grouped under their milestone, about 60 columns before the task name so the TUI's box
  // shows every column; a long id keeps its end (where derived ids differ), a long value ends in "…".
  const iw = Math.min(16, Math.max(2, ...r.tasks.map((t) => t.id.length)));
  const ow = Math.min(14, Math.max(5, ...r.tasks.map((t) => owner(t).length)));
  const sw = Math.max(4, ...r.tasks.map((t) => t.action.length));
  const tail = (id: string) => (id.length <= iw ? id : `…${id.slice(id.length - iw + 1)}`);
  for (const m of r.byMilestone) {
    const rows = r.tasks.filter((t) => t.milestone === m.name);
    out.push(`── ${m.name} (${rows.length} task${rows.length === 1 ? '' : 's'}) ──`);
    out.push(...table(['Id', 'Status', 'Owner', 'Hours', 'Sync', 'Task'], rows.map((t) => [tail(t.id), t.status, owner(t), hours(t.hours), t.action, t.title]), [iw, 11, ow, 5, sw, 0], new Set([3])), '');
  }
  if (r.notes.length > 0) out.push(`Read past on purpose (${r.notes.length}):`, ...r.notes.map((n) => `  ${n}`));
  return out.join('\n').trimEnd();
}

/** The warnings block shown with the review (printed once, counted). */
export function renderWarnings(warnings: readonly string[]): string {
  return warnings.length === 0 ? '' : [`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`, ...warnings.map((w) => `  ! ${w}`)].join('\n');
}
