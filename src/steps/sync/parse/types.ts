/** What the task-plan parser produces: neutral data, no Odoo and no Markdown nodes. */
import type { TaskStatusKind } from '../../../odoo/types.js';

export type TaskStatus = TaskStatusKind;

export interface PlanTask {
  /** The plan's own id ("2.5", "crm.model") or one derived from the phase and title. */
  readonly id: string;
  /** True when the id was written in the document (a '#' / 'ID' cell or a leading number). */
  readonly explicitId: boolean;
  readonly title: string;
  readonly status: TaskStatus;
  readonly owner?: string;
  /** Hours. */
  readonly estimate?: number;
  readonly complexity?: string;
  /** Markdown source of the evidence, byte for byte from the document. */
  readonly evidence?: string;
  /** Extra Markdown written for the task (heading-per-task body). */
  readonly notes?: string;
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

export interface PlanNotice {
  readonly line: number;
  readonly message: string;
}

export interface TaskPlan {
  /** From the first level-1 heading, without a "ToDo:"/"Tasks:" prefix. */
  readonly title?: string;
  readonly phases: readonly PlanPhase[];
  /** Things the parser read past on purpose or could not read, with their line. */
  readonly notices: readonly PlanNotice[];
}

export const STATUS_LABEL: Readonly<Record<TaskStatus, string>> = {
  done: 'Done',
  in_progress: 'In Progress',
  pending: 'To Do',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
  changes_requested: 'Changes Requested',
  approved: 'Approved',
};

export function allTasks(plan: TaskPlan): PlanTask[] {
  return plan.phases.flatMap((p) => p.tasks);
}
