/** The ToDo plan: phases of tasks with estimates, before it is rendered as Markdown. */
import type { FeatureMetrics } from '../feature-map/types.js';
import type { Estimate, WorkKind } from './estimate.js';

export type TaskStatus = 'pending' | 'in_progress' | 'done' | 'blocked';

export interface TodoTask {
  /** `<featureId>.<kind>`. */
  id: string;
  featureId: string;
  kind: WorkKind;
  title: string;
  status: TaskStatus;
  owner: string;
  estimate: Estimate;
  metrics: FeatureMetrics;
  evidence: readonly string[];
}

export interface Phase {
  name: string;
  tasks: TodoTask[];
}

export interface TodoPlan {
  project: string;
  phases: Phase[];
  outOfScope: { id: string; title: string }[];
  warnings: string[];
}
