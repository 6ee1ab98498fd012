/**
 * Step 2: the review of module_model_map.toml.
 *
 * ReviewSpec.validate(text) takes only the text, but most checks need extract.json (which models
 * exist, what is installed). Design: the runner calls `loadMapReviewSpec(artifacts)` when it opens
 * the review; it reads extract.json once and returns a spec whose validate is pure and fast.
 * `mapReviewSpec` is the same spec without an extract: syntax, shape, names, depends and cycles
 * only (used when extract.json is missing or unreadable, which the extract step reports itself).
 */
import type { ArtifactStore, ReviewSpec } from '../types.js';
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

/** The spec with extract.json loaded; falls back to mapReviewSpec when it cannot be read. */
export async function loadMapReviewSpec(artifacts: ArtifactStore): Promise<ReviewSpec> {
  const loaded = await loadExtract(artifacts);
  return loaded.ok ? makeMapReviewSpec(loaded.value) : mapReviewSpec;
}
