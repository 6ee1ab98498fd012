/**
 * Step 6: the approved feature map + the module sources + the goal in [todo] -> ToDo.md with
 * phases, tasks and three-point estimates (from the [estimate] model). Re-running keeps the
 * statuses and owners set in ToDo.md, and remembers those of tasks another goal made.
 */
import type { LineHit } from '../../analysis/line-scan.js';
import { scanModuleLines } from '../../analysis/line-scan.js';
import { err, ok } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import { findInFeatureMap } from '../feature-map/schema.js';
import type { Finding } from '../../review/types.js';
import { placer } from '../../review/validate.js';
import { projectName, readSources } from '../feature-map/sources.js';
import { ARTIFACTS, type StepContext, type StepEngine } from '../types.js';
import { fmt, readEstimateModel } from './estimate.js';
import { decodeUtf8 } from '../../core/utf8.js';
import { readExistingTodo, readKeptLedger, writeKeptLedger } from './existing.js';
import { readGoal, type GoalConfig } from './goal.js';
import { moduleRules } from './plan-upgrade.js';
import { moduleWork } from './module-work.js';
import { planTodo } from './plan.js';
import { phaseBars, planRange, renderTodo } from './render.js';
import type { FeatureMapDoc } from '../feature-map/schema.js';
import type { FeatureSet } from '../feature-map/types.js';

export { DEFAULT_ESTIMATE, DEFAULT_ESTIMATE_TOML, type EstimateModel } from './estimate.js';
export { readExistingTodo } from './existing.js';
export type { Goal, TaskStatus, TodoPlan, TodoTask } from './model.js';

/** Where the wizard keeps the bytes the user approved. */
const APPROVED = ARTIFACTS.featureMapApproved;
const LEDGER = ARTIFACTS.todoLedger;

async function approvedMap(ctx: StepContext): Promise<{ file: string; text: string } | undefined> {
  for (const file of [APPROVED, ARTIFACTS.featureMap]) {
    const text = await ctx.artifacts.read(file);
    if (text !== undefined) return { file, text };
  }
  return undefined;
}

/** Upgrade: the lines each module has that a version change up to the target hits. */
async function upgradeHits(ctx: StepContext, goal: GoalConfig, doc: FeatureMapDoc, features: FeatureSet) {
  const hits = new Map<string, LineHit[]>();
  if (goal.goal !== 'upgrade' || goal.target === undefined) return hits;
  const work = moduleWork(doc, features, []).filter((w) => w.facts && w.features.length);
  for (const [i, w] of work.entries()) {
    ctx.progress({ activity: `looking for ${goal.target}.0 changes in ${w.module}`, done: i, total: work.length });
    const rules = moduleRules(w, { target: goal.target, from: goal.from });
    hits.set(w.module, await scanModuleLines(w.facts?.dir as string, ctx.artifacts.root, rules));
  }
  return hits;
}

/**
 * The map's warnings, one line per message: 29 stories that "need a reason" are one line with
 * their line numbers (the reviewer of step 5 lists each), not 29 lines that hide the plan.
 */
function mapWarnings(file: string, text: string, findings: readonly Finding[]): string[] {
  const byMessage = new Map<string, Finding[]>();
  for (const d of findings) {
    if (d.severity !== 'warning') continue;
    const same = byMessage.get(d.message);
    if (same) same.push(d);
    else byMessage.set(d.message, [d]);
  }
  // Only the lines shown are looked for: a large map's thousands of warnings are counted, not placed.
  const place = placer(text);
  return [...byMessage].map(([message, found]) => {
    const lines = found.slice(0, 6).map((d) => place(d).line);
    return found.length === 1
      ? `${file}:${lines[0]}: ${message}`
      : `${file}: ${found.length} times (lines ${lines.join(', ')}${found.length > 6 ? ', ...' : ''}): ${message}`;
  });
}

export const todoStep: StepEngine = {
  id: 'todo',
  inputs: [ARTIFACTS.featureMap, ARTIFACTS.modules],
  analyses: true,
  async run(ctx) {
    const map = await approvedMap(ctx);
    if (!map) {
      return err(new UserError('input', `no ${ARTIFACTS.featureMap} to plan from`, {
        where: { file: ARTIFACTS.featureMap },
        hint: 'run the feature-map step and approve the map first',
      }));
    }
    const checked = findInFeatureMap(map.text);
    const found = checked.findings.find((d) => d.severity === 'error');
    const first = found && placer(map.text)(found);
    if (!checked.doc || first) {
      return err(new UserError('input', `the feature map is not valid: ${first?.message ?? 'unknown error'}`, {
        where: { file: map.file, line: first?.line, column: first?.column },
        hint: `fix ${ARTIFACTS.featureMap} in the reviewer and approve it again`,
      }));
    }
    const model = readEstimateModel(ctx.config.sections.estimate);
    if (!model.ok) return model;
    const goal = readGoal(ctx.config.sections.todo, ctx.config.source);
    if (!goal.ok) return goal;
    ctx.progress({ activity: 'reading module sources' });
    const sources = await readSources(ctx);
    if (!sources.ok) return sources;
    const { features } = sources.value;
    const hits = await upgradeHits(ctx, goal.value, checked.doc, features);
    // The statuses and owners the user typed come from it: a byte that is not UTF-8 would come
    // back as U+FFFD in the new file, so it is refused where it is.
    const existingBytes = await ctx.artifacts.readBytes(ARTIFACTS.todo);
    const decoded = existingBytes === undefined ? undefined : decodeUtf8(existingBytes, ARTIFACTS.todo);
    if (decoded && !decoded.ok) return decoded;
    const existing = decoded?.value;
    const kept = readKeptLedger(await ctx.artifacts.read(LEDGER));
    if (existing !== undefined) for (const [id, k] of readExistingTodo(existing)) kept.set(id, k);
    const plan = planTodo({
      doc: checked.doc,
      sources: features,
      model: model.value.model,
      goal: goal.value,
      kept,
      project: projectName(ctx),
      hits,
    });
    ctx.progress({ activity: `writing ${ARTIFACTS.todo}` });
    const hash = await ctx.artifacts.write(ARTIFACTS.todo, renderTodo(plan, new Map(features.modules.flatMap((m) => (m.facts ? [[m.name, m.facts.dir] as const] : [])))));
    await ctx.artifacts.write(LEDGER, writeKeptLedger(kept));
    const tasks = plan.phases.reduce((s, p) => s + p.tasks.length, 0);
    const total = planRange(plan);
    return ok({
      summary: `${goal.value.goal}: ${plan.phases.length} phases, ${tasks} tasks, ${fmt(total.expected)} h expected (${fmt(total.optimistic)}–${fmt(total.pessimistic)} h)`,
      outputs: { [ARTIFACTS.todo]: hash },
      warnings: [
        ...mapWarnings(map.file, map.text, checked.findings),
        ...model.value.warnings,
        ...plan.warnings,
      ],
      report: plan.phases.map((p, i) => `Phase ${i + 1}: ${p.name}: ${p.tasks.length} tasks`).join('\n'),
      chart: { title: 'Hours per phase', unit: 'h', bars: phaseBars(plan) },
    });
  },
};
