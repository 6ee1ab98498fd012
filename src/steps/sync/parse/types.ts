/**
 * One model of a task plan, whatever its shape: document -> phases -> tasks, with the sections
 * between a phase and its tasks kept as each task's tags. Neutral data: no Odoo, no Markdown nodes.
 */
import type { TaskStatusKind } from '../../../odoo/types.js';

export type TaskStatus = TaskStatusKind;

/** Where a task's status came from, for the plan review and the warnings. */
export type StatusSource =
  /** A symbol or word the document's own legend defines. */
  | 'legend'
  /** A checkbox marker, a common status word or symbol. */
  | 'common'
  /** The heading the task sits under says it ("## Completed", "### 1.1 ... - COMPLETED"). */
  | 'section'
  /** Nothing said it: the task is kept as pending. */
  | 'none'
  /** Something was written that is no status we know: kept as pending, with a warning. */
  | 'unknown';

export interface PlanTask {
  /** The plan's own id ("2.5", "T-SIM-001") or one derived from the phase and title. */
  readonly id: string;
  /** True when the id was written in the document. */
  readonly explicitId: boolean;
  readonly title: string;
  readonly status: TaskStatus;
  readonly statusFrom: StatusSource;
  readonly owner?: string;
  /** Hours. */
  readonly estimate?: number;
  readonly complexity?: string;
  /** Markdown source of the evidence (an Evidence cell or Files: lines), byte for byte. */
  readonly evidence?: string;
  /** Markdown written for the task: details under an item, a heading task's body, extra columns. */
  readonly description?: string;
  /** Sub-sections between the phase and the task ("1.1 Setup"): kept as tags. */
  readonly tags: readonly string[];
  /** Id of the parent task for nested checkbox items. */
  readonly parentId?: string;
  /** 1-based line in the document. */
  readonly line: number;
}

export interface PlanPhase {
  /** Stable key for the external id: "0", "1", or a slug of the name. */
  readonly key: string;
  readonly name: string;
  readonly line: number;
  readonly tasks: readonly PlanTask[];
}

export type NoticeLevel = 'warning' | 'info';

export interface PlanNotice {
  readonly line: number;
  /** Without the line: notices with the same message are grouped. */
  readonly message: string;
  /** warning: something may be read wrong (--strict fails on it); info: read past on purpose. */
  readonly level: NoticeLevel;
}

export interface TaskPlan {
  /** The front matter's title, else the first level-1 heading without a "ToDo:"/"Tasks:" prefix. */
  readonly title?: string;
  readonly phases: readonly PlanPhase[];
  /** Things the parser read past on purpose or could not read, with their line. */
  readonly notices: readonly PlanNotice[];
}

export const STATUS_LABEL: Readonly<Record<TaskStatus, string>> = {
  done: 'Done',
  in_progress: 'In Progress',
  review: 'In Review',
  pending: 'To Do',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
  changes_requested: 'Changes Requested',
  approved: 'Approved',
};

export function allTasks(plan: TaskPlan): PlanTask[] {
  return plan.phases.flatMap((p) => p.tasks);
}
