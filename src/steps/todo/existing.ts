/**
 * What the user set in an existing ToDo.md: status and owner per task id. Read with the sync's
 * plan parser, so whatever shape the file has (this version's task headings, an older version's
 * tables, a hand edit), the statuses the sync would see are the ones kept.
 */
import { parseTaskPlan } from '../sync/parse/index.js';
import type { TaskStatus } from './model.js';

export interface KeptTask {
  status: TaskStatus;
  owner: string;
}

export function readExistingTodo(markdown: string): Map<string, KeptTask> {
  const kept = new Map<string, KeptTask>();
  const plan = parseTaskPlan(markdown, 'ToDo.md');
  if (!plan.ok) return kept;
  for (const phase of plan.value.phases) {
    for (const t of phase.tasks) {
      // Ids the parser made up from a title are no ids of ours.
      if (t.explicitId && !kept.has(t.id)) kept.set(t.id, { status: t.status, owner: t.owner ?? '' });
    }
  }
  return kept;
}

/** What is worth remembering: anything but a pending task without an owner. */
export const worthKeeping = (k: KeptTask): boolean => k.status !== 'pending' || k.owner !== '';

/** The ledger of statuses and owners across goals: `.odoo-project-sync/todo-kept.json`. */
export function readKeptLedger(text: string | undefined): Map<string, KeptTask> {
  const out = new Map<string, KeptTask>();
  if (!text) return out;
  try {
    const doc = JSON.parse(text) as { version?: number; tasks?: Record<string, KeptTask> };
    for (const [id, k] of Object.entries(doc.tasks ?? {})) {
      if (k && typeof k.status === 'string' && typeof k.owner === 'string') out.set(id, { status: k.status, owner: k.owner });
    }
  } catch {
    // An unreadable ledger only loses memory of tasks no longer in ToDo.md; ToDo.md itself still wins.
  }
  return out;
}

export function writeKeptLedger(kept: ReadonlyMap<string, KeptTask>): string {
  const tasks = Object.fromEntries([...kept].filter(([, k]) => worthKeeping(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: 1, tasks }, null, 2)}\n`;
}
