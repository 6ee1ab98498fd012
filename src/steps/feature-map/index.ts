/**
 * Step 4: module sources -> feature_user_story_map.toml (features, user stories, acceptance
 * criteria), merged three ways with the user's edits of the previous proposal.
 */
import { ok } from '../../core/result.js';
import { proposalPath, proposalWarnings, writeProposal } from '../../review/proposal.js';
import { userEdits, vanished } from './carry.js';
import { ARTIFACTS, type StepEngine } from '../types.js';
import { coverageReport } from './coverage.js';
import { renderFeatureMap } from './render.js';
import { problemLine, projectName, readSources } from './sources.js';
import type { FeatureSet } from './types.js';

export { featureReviewSpec } from './review.js';
export { checkFeatureMap, type FeatureMapDoc, type FeatureEntry } from './schema.js';
export type { Feature, FeatureSet, FeatureMetrics, Story } from './types.js';

function report(set: FeatureSet): string {
  const lines: string[] = [];
  for (const m of set.modules) {
    const own = set.features.filter((f) => f.module === m.name);
    lines.push(`## ${m.title} (${m.name})`, ...own.map((f) => `- ${f.title} [${f.kind}]: ${f.stories.length} stor${f.stories.length === 1 ? 'y' : 'ies'}`), '');
  }
  return lines.join('\n');
}

export const featureMapStep: StepEngine = {
  id: 'feature-map',
  inputs: [ARTIFACTS.modules],
  analyses: true,
  async run(ctx) {
    ctx.progress({ activity: 'reading module sources' });
    const sources = await readSources(ctx, true);
    if (!sources.ok) return sources;
    const { problems, features } = sources.value;
    const [userText, lastProposal] = await Promise.all([ctx.artifacts.read(ARTIFACTS.featureMap), ctx.artifacts.read(proposalPath(ARTIFACTS.featureMap))]);
    const edits = userEdits(userText, lastProposal);
    const gone = vanished(userText, features.features, edits);
    const text = renderFeatureMap(features, projectName(ctx), { edits, gone });
    // Its check (5.8 MB of TOML on the Odoo CE tree, half a second) starts now, off this thread,
    // beside the writes and the analysis cache's; it counts if these are the bytes written (a
    // merge with the user's edits writes others, checked after the step).
    ctx.wrote?.(ARTIFACTS.featureMap, text);
    const written = await writeProposal(ctx.artifacts, ARTIFACTS.featureMap, text);
    await sources.value.keep();
    const warnings = problems.map(problemLine);
    if (gone.length) {
      warnings.push(
        `${ARTIFACTS.featureMap}: ${gone.length} feature(s) of your map are no longer in the code and are listed at the end of the map: ${gone.map((g) => g.id).join(', ')}`,
      );
    }
    warnings.push(...proposalWarnings(ARTIFACTS.featureMap, written));
    const stories = features.features.reduce((s, f) => s + f.stories.length, 0);
    ctx.log(`${ARTIFACTS.featureMap}: ${written.kind}`);
    return ok({
      summary: `${features.modules.length} modules, ${features.features.length} features, ${stories} stories`,
      outputs: { [ARTIFACTS.featureMap]: written.hash },
      warnings,
      report: report(features) + coverageReport(features.coverage) + (warnings.length ? `\n## Skipped sources\n${warnings.map((w) => `- ${w}`).join('\n')}\n` : ''),
    });
  },
};
