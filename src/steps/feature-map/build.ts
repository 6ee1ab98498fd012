/** Analysis -> features grouped by module. Pure and deterministic. */
import type { AddonsAnalysis } from '../../analysis/types.js';
import { automationFeatures, emailFeatures, notificationFeatures, reportFeatures, sequenceFeatures } from './build-behaviour.js';
import { lifecycleFeatures } from './build-lifecycle.js';
import { appFeatures, extensionFeatures, modelFeatures, wizardFeatures } from './build-models.js';
import { dataFeatures, securityFeatures, settingsFeatures } from './build-security.js';
import { routeFeatures, uiFeatures } from './build-web.js';
import { moduleFacts } from './module-facts.js';
import { BuildContext } from './context.js';
import { coverageOf } from './coverage.js';
import type { Feature, FeatureSet, ModuleOrigin } from './types.js';

/** Module directory (as reported by the analysis) -> where it came from. */
export type OriginOf = (moduleDir: string) => ModuleOrigin;

export function buildFeatures(analysis: AddonsAnalysis, originOf: OriginOf = () => 'source'): FeatureSet {
  const ctx = new BuildContext(analysis.modules);
  const features: Feature[] = [];
  for (const m of analysis.modules) {
    ctx.home = m.name;
    const functional = [
      ...appFeatures(ctx, m),
      ...modelFeatures(ctx, m),
      ...lifecycleFeatures(ctx, m),
      ...extensionFeatures(ctx, m),
      ...wizardFeatures(ctx, m),
      ...settingsFeatures(ctx, m),
      ...routeFeatures(ctx, m),
      ...automationFeatures(ctx, m),
      ...sequenceFeatures(ctx, m),
      ...reportFeatures(ctx, m),
      ...emailFeatures(ctx, m),
      ...notificationFeatures(ctx, m),
      ...uiFeatures(ctx, m),
    ];
    const own = [...functional, ...securityFeatures(ctx, m), ...dataFeatures(ctx, m, functional.length > 0)];
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
    // A summary written over lines (`"""\n        Helpdesk"""`) is one line on the app's card.
    summary: m.manifest.summary?.replace(/\s+/g, ' ').trim() || undefined,
    depends: m.manifest.depends,
    origin: originOf(m.dir),
    facts: moduleFacts(m),
  }));
  return { modules, features, coverage: coverageOf(analysis) };
}
