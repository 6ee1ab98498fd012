/**
 * Approved feature map + the sources + the estimate model + the goal -> phases and tasks. Pure.
 * The user's statuses and owners are applied by task id, whatever goal made the task.
 */
import type { LineHit } from '../../analysis/line-scan.js';
import { assertNever } from '../../core/assert-never.js';
import type { FeatureMapDoc } from '../feature-map/schema.js';
import type { FeatureSet } from '../feature-map/types.js';
import type { TaskDraft } from './draft.js';
import type { EstimateModel } from './estimate.js';
import type { KeptTask } from './existing.js';
import { goalText, type GoalConfig } from './goal.js';
import type { Phase, TodoPlan, TodoTask } from './model.js';
import { moduleWork, type ModuleWork } from './module-work.js';
import { planImplement } from './plan-implement.js';
import { planTakeover } from './plan-takeover.js';
import { planUpgrade } from './plan-upgrade.js';

export interface PlanInput {
  doc: FeatureMapDoc;
  /** Features re-derived from the current sources (metrics and evidence). */
  sources: FeatureSet;
  model: EstimateModel;
  goal: GoalConfig;
  /** Status and owner per task id, from ToDo.md and from earlier plans. */
  kept: ReadonlyMap<string, KeptTask>;
  project: string;
  /** Upgrade: lines hit by a version change, per module. */
  hits?: ReadonlyMap<string, readonly LineHit[]>;
}

function draftsFor(w: ModuleWork, input: PlanInput): TaskDraft[] {
  const { goal, model } = input;
  switch (goal.goal) {
    case 'implement':
      return planImplement(w, model);
    case 'takeover':
      return planTakeover(w, model);
    case 'upgrade':
      return planUpgrade(w, { target: goal.target as number, from: goal.from }, input.hits?.get(w.module) ?? [], model);
    default:
      return assertNever(goal.goal);
  }
}

export function planTodo(input: PlanInput): TodoPlan {
  const warnings: string[] = [];
  const work = moduleWork(input.doc, input.sources, warnings).filter((w) => w.features.length > 0);
  const perModule = work.map((w) => ({ w, drafts: draftsFor(w, input) }));
  const byMilestone = perModule.some(({ drafts }) => drafts.some((d) => d.milestone));
  const phases: Phase[] = [];
  const phaseOf = (name: string, module?: string): Phase => {
    let p = phases.find((x) => x.name === name);
    if (!p) phases.push((p = { name, module, tasks: [] }));
    return p;
  };
  for (const { w, drafts } of perModule) {
    for (const d of drafts) {
      const kept = input.kept.get(d.id);
      const { defaultOwner, milestone, ...rest } = d;
      const task: TodoTask = { ...rest, status: kept?.status ?? 'pending', owner: kept?.owner || defaultOwner || '' };
      const phase = byMilestone ? phaseOf(milestone ?? 'Backlog') : phaseOf(`${w.title} (${w.module})`, w.module);
      phase.tasks.push(task);
    }
  }
  const backlog = phases.findIndex((p) => p.name === 'Backlog');
  if (byMilestone && backlog >= 0) phases.push(phases.splice(backlog, 1)[0]);
  const entries = Object.entries(input.doc.features);
  return {
    project: input.doc.project ?? input.project,
    goal: input.goal.goal,
    goalText: goalText(input.goal),
    phases,
    modules: work.map((w) => ({ name: w.module, title: w.title, depends: w.depends })),
    outOfScope: entries.filter(([, f]) => f.scope === 'out' && f.merged_into === undefined).map(([id, f]) => ({ id, title: f.title })),
    warnings,
    taskCap: input.model.task_cap,
  };
}
