/**
 * The reviewed feature map joined with what the sources say now: per module, its in-scope
 * features (merged ones folded into their target) with metrics, evidence and the user's stories.
 */
import type { ModuleFacts } from '../feature-map/module-facts.js';
import type { FeatureEntry, FeatureMapDoc } from '../feature-map/schema.js';
import { emptyMetrics, type Feature, type FeatureMetrics, type FeatureSet, type Priority } from '../feature-map/types.js';

export interface PlannedFeature {
  id: string;
  title: string;
  kind: string;
  metrics: FeatureMetrics;
  evidence: string[];
  stories: { text: string; acceptance: readonly string[] }[];
  owner: string;
  milestone?: string;
}

export interface ModuleWork {
  module: string;
  title: string;
  origin: 'source' | 'database';
  depends: readonly string[];
  /** Module-level sizes from the analysis (absent when the sources no longer have the module). */
  facts?: ModuleFacts;
  features: PlannedFeature[];
  /** Kinds of every feature the map has for the module, in scope or not (what counts an artefact). */
  kinds: ReadonlySet<string>;
}

const RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

function add(a: FeatureMetrics, b: FeatureMetrics): FeatureMetrics {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof FeatureMetrics)[]) out[k] += b[k];
  return out;
}

export function moduleWork(doc: FeatureMapDoc, sources: FeatureSet, warnings: string[]): ModuleWork[] {
  const byId = new Map<string, Feature>(sources.features.map((f) => [f.id, f]));
  const entries = Object.entries(doc.features);
  const inScope = entries
    .map((e, i) => [e, i] as const)
    .filter(([[, f]]) => f.scope === 'in' && f.merged_into === undefined)
    .sort((a, b) => RANK[a[0][1].priority] - RANK[b[0][1].priority] || a[1] - b[1])
    .map(([e]) => e);
  const planned = (id: string, f: FeatureEntry): PlannedFeature => {
    const merged = entries.filter(([, g]) => g.merged_into === id);
    const found = byId.get(id);
    if (!found) warnings.push(`feature '${id}' is no longer in the sources: its tasks have no metrics; re-run the feature map`);
    let metrics = found?.metrics ?? emptyMetrics();
    const evidence = [...(found?.evidence ?? f.evidence)];
    const stories = f.stories.map((s) => ({ text: s.text, acceptance: s.acceptance }));
    for (const [mid, g] of merged) {
      const other = byId.get(mid);
      metrics = add(metrics, other?.metrics ?? emptyMetrics());
      evidence.push(...(other?.evidence ?? g.evidence));
      stories.push(...g.stories.map((s) => ({ text: s.text, acceptance: s.acceptance })));
    }
    return {
      id,
      title: [f.title, ...merged.map(([, g]) => g.title)].join(' + '),
      kind: f.kind,
      metrics,
      evidence,
      stories,
      owner: f.owner,
      milestone: f.milestone.trim() || undefined,
    };
  };
  const names = [...Object.keys(doc.modules)];
  for (const [, f] of inScope) if (!names.includes(f.module)) names.push(f.module);
  return names.map((name) => {
    const info = doc.modules[name];
    const src = sources.modules.find((m) => m.name === name);
    return {
      module: name,
      title: info?.title ?? src?.title ?? name,
      origin: info?.origin ?? src?.origin ?? 'source',
      depends: info?.depends ?? src?.depends ?? [],
      facts: src?.facts,
      features: inScope.filter(([, f]) => f.module === name).map(([id, f]) => planned(id, f)),
      kinds: new Set(entries.filter(([, f]) => f.module === name).map(([, f]) => f.kind)),
    };
  });
}
