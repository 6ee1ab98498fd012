/**
 * Step 2: the review of module_model_map.toml.
 *
 * ReviewSpec.validate(text) takes only the text, but most checks need extract.json (which models
 * exist, what is installed). Design: the runner calls `loadMapReviewSpec(artifacts)` when it opens
 * the review; it reads extract.json once and returns a spec whose validate is pure and fast.
 * `mapReviewSpec` is the same spec without an extract: syntax, shape, names, depends and cycles
 * only. When extract.json is missing or unreadable the review adds an error of its own: a map
 * that cannot be checked against the extract (unassigned models, unknown depends) must not be
 * approved.
 */
import { formatLocation } from '../../core/user-error.js';
import type { ArtifactStore, Diagnostic, ReviewSpec } from '../types.js';
import { ARTIFACTS } from '../types.js';
import { loadExtract } from '../extract/load.js';
import type { ExtractDoc } from '../extract/schema.js';
import { checkMap } from './validate.js';

export { checkMap, moduleNameProblem } from './validate.js';
export { renderMap, proposeMap } from './proposal.js';
export { assign } from './assign.js';
export type { ModuleMap, MapModule, Naming } from './map-types.js';

export function makeMapReviewSpec(extract: ExtractDoc | undefined): ReviewSpec {
  return {
    id: 'map-review',
    file: ARTIFACTS.moduleMap,
    validate: (text) => checkMap(text, extract).diagnostics,
  };
}

export const mapReviewSpec: ReviewSpec = makeMapReviewSpec(undefined);

/** The spec with extract.json loaded; when it cannot be read, every text is refused and says why. */
export async function loadMapReviewSpec(artifacts: ArtifactStore): Promise<ReviewSpec> {
  const loaded = await loadExtract(artifacts);
  if (loaded.ok) return makeMapReviewSpec(loaded.value);
  const e = loaded.error;
  const redo = e.hint ?? 'run the extract step again';
  const blocker: Diagnostic = {
    line: 1,
    column: 1,
    message: `the map cannot be checked: ${formatLocation(e.where)}: ${e.message} (${redo}, then review the map)`,
    severity: 'error',
    next: `${redo} (\`odoo-project-sync run extract\`), then \`odoo-project-sync run map-review --yes\``,
  };
  return { ...mapReviewSpec, validate: (text) => [blocker, ...mapReviewSpec.validate(text)] };
}
