/** Analysis -> features grouped by module. Pure and deterministic. */
import type { AddonsAnalysis } from '../../analysis/types.js';
import { actionFeatures, constraintFeatures, cronFeatures, emailFeatures, reportFeatures } from './build-behaviour.js';
import { appFeatures, extensionFeatures, modelFeatures, wizardFeatures } from './build-models.js';
import { BuildContext } from './context.js';
import type { Feature, FeatureSet, ModuleOrigin } from './types.js';

/** Module directory (as reported by the analysis) -> where it came from. */
export type OriginOf = (moduleDir: string) => ModuleOrigin;

export function buildFeatures(analysis: AddonsAnalysis, originOf: OriginOf = () => 'source'): FeatureSet {
  const ctx = new BuildContext(analysis.modules);
  const features: Feature[] = [];
  for (const m of analysis.modules) {
    const own = [
      ...appFeatures(ctx, m),
      ...modelFeatures(ctx, m),
      ...extensionFeatures(ctx, m),
      ...wizardFeatures(ctx, m),
      ...actionFeatures(ctx, m),
      ...reportFeatures(ctx, m),
      ...cronFeatures(ctx, m),
      ...emailFeatures(ctx, m),
      ...constraintFeatures(ctx, m),
    ];
    // Two technical names can slug alike (a.b_c, a_b.c): keep ids unique, deterministically.
    const seen = new Map<string, number>();
    for (const f of own) {
      const n = (seen.get(f.id) ?? 0) + 1;
      seen.set(f.id, n);
      features.push(n === 1 ? f : { ...f, id: `${f.id}-${n}` });
    }
  }
  const modules = analysis.modules.map((m) => ({
    name: m.name,
    title: m.manifest.name ?? m.name,
    summary: m.manifest.summary,
    depends: m.manifest.depends,
    origin: originOf(m.dir),
  }));
  return { modules, features };
}
