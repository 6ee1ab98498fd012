/** The ToDo plan: phases of tasks with three-point estimates, before it is rendered as Markdown. */
import type { TaskStatusKind } from '../../odoo/types.js';
import type { ThreePoint } from './three-point.js';

export type TaskStatus = TaskStatusKind;

export const GOALS = ['implement', 'takeover', 'upgrade'] as const;
export type Goal = (typeof GOALS)[number];

export interface TodoTask {
  /** Stable across runs: `<feature id>.s<story>`, `<module>.setup`, `<module>.takeover.review`, ... */
  id: string;
  module: string;
  featureId?: string;
  title: string;
  status: TaskStatus;
  owner: string;
  estimate: ThreePoint;
  /** How the estimate was computed, in words and numbers. */
  how: string;
  /** The user story this task delivers, when it delivers one. */
  story?: string;
  /** Markdown items (already escaped), shown as a checklist: acceptance criteria, checks, lines to change. */
  checklist: string[];
  /** What the checklist is ("Acceptance criteria", "Lines to change"). */
  checklistTitle?: string;
  /** file:line references. */
  evidence: string[];
  /** One more sentence of context. */
  note?: string;
}

export interface Phase {
  name: string;
  module?: string;
  tasks: TodoTask[];
}

export interface ModuleNode {
  name: string;
  title: string;
  depends: readonly string[];
}

export interface TodoPlan {
  project: string;
  goal: Goal;
  /** "upgrade to 18.0": what the goal means for this plan. */
  goalText: string;
  phases: Phase[];
  modules: ModuleNode[];
  outOfScope: { id: string; title: string }[];
  warnings: string[];
  taskCap: number;
}
