/**
 * Step 6: the approved feature map + the module sources -> ToDo.md with phases, tasks,
 * estimates (from the [estimate] model), complexity metrics and evidence. Re-running keeps
 * the statuses and owners set in an existing ToDo.md.
 */
import { err, ok } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import { checkFeatureMap } from '../feature-map/schema.js';
import { projectName, readSources } from '../feature-map/sources.js';
import { ARTIFACTS, type StepContext, type StepEngine } from '../types.js';
import { readEstimateModel } from './estimate.js';
import { readExistingTodo } from './existing.js';
import { planTodo } from './plan.js';
import { renderTodo } from './render.js';

export { DEFAULT_ESTIMATE, DEFAULT_ESTIMATE_TOML, readEstimateModel, type EstimateModel } from './estimate.js';
export { readExistingTodo } from './existing.js';
export type { TaskStatus, TodoPlan, TodoTask } from './model.js';

/** Where the wizard keeps the bytes the user approved. */
const APPROVED = `.odoo-project-sync/approved/${ARTIFACTS.featureMap}`;

async function approvedMap(ctx: StepContext): Promise<{ file: string; text: string } | undefined> {
  for (const file of [APPROVED, ARTIFACTS.featureMap]) {
    const text = await ctx.artifacts.read(file);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

export const todoStep: StepEngine = {
  id: 'todo',
  title: 'ToDo',
  inputs: [ARTIFACTS.featureMap, ARTIFACTS.modules],
  async run(ctx) {
    const map = await approvedMap(ctx);
    if (!map) {
      return err(new UserError('input', `no ${ARTIFACTS.featureMap} to plan from`, {
        where: { file: ARTIFACTS.featureMap },
        hint: 'run the feature-map step and approve the map first',
      }));
    }
    const checked = checkFeatureMap(map.text);
    const first = checked.diagnostics.find((d) => d.severity === 'error');
    if (!checked.doc || first) {
      return err(new UserError('input', `the feature map is not valid: ${first?.message ?? 'unknown error'}`, {
        where: { file: map.file, line: first?.line, column: first?.column },
        hint: `fix ${ARTIFACTS.featureMap} in the reviewer and approve it again`,
      }));
    }
    const model = readEstimateModel(ctx.config.sections.estimate);
    if (!model.ok) return model;
    ctx.progress({ activity: 'reading module sources' });
    const sources = await readSources(ctx);
    if (!sources.ok) return sources;
    const existing = await ctx.artifacts.read(ARTIFACTS.todo);
    const plan = planTodo({
      doc: checked.doc,
      sources: sources.value.features,
      model: model.value,
      kept: existing === undefined ? new Map() : readExistingTodo(existing),
      project: projectName(ctx),
    });
    ctx.progress({ activity: `writing ${ARTIFACTS.todo}` });
    const hash = await ctx.artifacts.write(ARTIFACTS.todo, renderTodo(plan));
    const tasks = plan.phases.reduce((s, p) => s + p.tasks.length, 0);
    const hours = plan.phases.reduce((s, p) => s + p.tasks.reduce((h, t) => h + t.estimate.hours, 0), 0);
    return ok({
      summary: `${plan.phases.length} phases, ${tasks} tasks, ${hours} h`,
      outputs: { [ARTIFACTS.todo]: hash },
      warnings: [...checked.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${map.file}:${d.line}:${d.column}: ${d.message}`), ...plan.warnings],
      report: plan.phases.map((p, i) => `Phase ${i + 1}: ${p.name}: ${p.tasks.length} tasks`).join('\n'),
    });
  },
};
