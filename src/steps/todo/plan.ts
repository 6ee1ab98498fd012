/** Approved feature map + features from the sources + estimate model -> phases and tasks. Pure. */
import type { FeatureEntry, FeatureMapDoc } from '../feature-map/schema.js';
import { emptyMetrics, type Feature, type FeatureMetrics, type FeatureSet, type Priority } from '../feature-map/types.js';
import { estimate, type EstimateModel, type WorkKind } from './estimate.js';
import type { KeptTask } from './existing.js';
import type { Phase, TodoPlan, TodoTask } from './model.js';

export interface PlanInput {
  doc: FeatureMapDoc;
  /** Features re-derived from the current sources (metrics and evidence). */
  sources: FeatureSet;
  model: EstimateModel;
  /** Status and owner per task id from an existing ToDo.md. */
  kept: ReadonlyMap<string, KeptTask>;
  project: string;
}

const VERB: Record<WorkKind, string> = { build: 'Build', migrate: 'Migrate', test: 'Test', doc: 'Document' };
const RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

function add(a: FeatureMetrics, b: FeatureMetrics): FeatureMetrics {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof FeatureMetrics)[]) out[k] += b[k];
  return out;
}

export function planTodo(input: PlanInput): TodoPlan {
  const { doc, sources, model, kept } = input;
  const warnings: string[] = [];
  const byId = new Map<string, Feature>(sources.features.map((f) => [f.id, f]));
  const entries = Object.entries(doc.features);
  const inScope = entries.filter(([, f]) => f.scope === 'in' && f.merged_into === undefined);
  const outOfScope = entries.filter(([, f]) => f.scope === 'out' && f.merged_into === undefined).map(([id, f]) => ({ id, title: f.title }));

  const tasksOf = (id: string, f: FeatureEntry): TodoTask[] => {
    const merged = entries.filter(([, g]) => g.merged_into === id);
    const found = byId.get(id);
    if (!found) warnings.push(`feature '${id}' is no longer in the sources: its tasks have no metrics; re-run the feature map`);
    let metrics = found?.metrics ?? emptyMetrics();
    const evidence = [...(found?.evidence ?? f.evidence)];
    for (const [mid, g] of merged) {
      const other = byId.get(mid);
      metrics = add(metrics, other?.metrics ?? emptyMetrics());
      evidence.push(...(other?.evidence ?? g.evidence));
    }
    const title = [f.title, ...merged.map(([, g]) => g.title)].join(' + ');
    const origin = doc.modules[f.module]?.origin ?? 'source';
    const kinds: WorkKind[] = [origin === 'database' ? 'migrate' : 'build', 'test', 'doc'];
    return kinds.map((kind) => {
      const tid = `${id}.${kind}`;
      const prior = kept.get(tid);
      return {
        id: tid,
        featureId: id,
        kind,
        title: `${VERB[kind]} ${title}`,
        status: prior?.status ?? 'pending',
        owner: prior?.owner || f.owner,
        estimate: estimate(kind, metrics, model),
        metrics,
        evidence,
      };
    });
  };

  const byMilestone = inScope.some(([, f]) => f.milestone.trim() !== '');
  const phaseKey = (f: FeatureEntry) => (byMilestone ? f.milestone.trim() || 'Backlog' : f.module);
  const order: string[] = [];
  if (!byMilestone) order.push(...Object.keys(doc.modules));
  for (const [, f] of inScope) if (!order.includes(phaseKey(f))) order.push(phaseKey(f));
  if (byMilestone && order.includes('Backlog')) order.push(order.splice(order.indexOf('Backlog'), 1)[0]);

  const phases: Phase[] = [];
  for (const key of order) {
    const features = inScope
      .filter(([, f]) => phaseKey(f) === key)
      .map((e, i) => [e, i] as const)
      .sort((a, b) => RANK[a[0][1].priority] - RANK[b[0][1].priority] || a[1] - b[1])
      .map(([e]) => e);
    if (features.length === 0) continue;
    const mod = doc.modules[key];
    const name = byMilestone ? key : mod ? `${mod.title} (${key})` : key;
    phases.push({ name, tasks: features.flatMap(([id, f]) => tasksOf(id, f)) });
  }
  return { project: doc.project ?? input.project, phases, outOfScope, warnings };
}
