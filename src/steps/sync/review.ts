/**
 * The plan review: every task as Odoo will get it (id, status, milestone, owner, hours, what the
 * sync does with it), counts per status and per milestone, and the plan's notes grouped. Pure;
 * the dry run prints it, the TUI pages through it, sync-plan.json and `--json` hold it.
 */
import { formatNoticeGroup, groupNotices } from './parse/notices.js';
import { STATUS_LABEL, type TaskPlan, type TaskStatus } from './parse/types.js';
import type { PlanAction } from './plan-types.js';

export interface ReviewTask {
  id: string;
  title: string;
  status: string;
  milestone: string;
  tags: string[];
  owner?: string;
  /** The owner is an Odoo user (assigned) or not (kept as a tag). */
  ownerIsUser?: boolean;
  hours?: number;
  line: number;
  action: PlanAction;
}

export interface PlanReview {
  planFile: string;
  project: { name: string; from: 'config' | 'plan' | 'default' };
  tasks: ReviewTask[];
  byStatus: Record<string, number>;
  byMilestone: { name: string; tasks: number; hours: number; byStatus: Record<string, number> }[];
  /** Grouped, once each: "file:12: ..." or "file: ... (3 times: lines ...)". */
  warnings: string[];
  notes: string[];
}

export interface ReviewInput {
  plan: TaskPlan;
  planFile: string;
  project: PlanReview['project'];
  users: ReadonlyMap<string, number>;
  /** Task id -> what the sync does with its record. */
  actions: ReadonlyMap<string, PlanAction>;
}

const ORDER = Object.keys(STATUS_LABEL) as TaskStatus[];

export function buildReview(input: ReviewInput): PlanReview {
  const { plan } = input;
  const tasks: ReviewTask[] = plan.phases.flatMap((p) =>
    p.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      status: STATUS_LABEL[t.status],
      milestone: p.name,
      tags: [...t.tags],
      ...(t.owner ? { owner: t.owner, ownerIsUser: input.users.has(t.owner.toLowerCase()) } : {}),
      ...(t.estimate !== undefined ? { hours: t.estimate } : {}),
      line: t.line,
      action: input.actions.get(t.id) ?? 'create',
    })),
  );
  const tally = (ts: readonly { status: TaskStatus }[]) => {
    const c: Record<string, number> = {};
    for (const s of ORDER) {
      const n = ts.filter((t) => t.status === s).length;
      if (n > 0) c[STATUS_LABEL[s]] = n;
    }
    return c;
  };
  const groups = groupNotices(plan.notices);
  return {
    planFile: input.planFile,
    project: input.project,
    tasks,
    byStatus: tally(plan.phases.flatMap((p) => p.tasks)),
    byMilestone: plan.phases.map((p) => ({
      name: p.name,
      tasks: p.tasks.length,
      hours: Math.round(p.tasks.reduce((a, t) => a + (t.estimate ?? 0), 0) * 100) / 100,
      byStatus: tally(p.tasks),
    })),
    warnings: groups.filter((g) => g.level === 'warning').map((g) => formatNoticeGroup(input.planFile, g)),
    notes: groups.filter((g) => g.level === 'info').map((g) => formatNoticeGroup(input.planFile, g)),
  };
}
