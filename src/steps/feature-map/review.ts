import type { ReviewSpec } from '../types.js';
import { checkFeatureMap, findInFeatureMap } from './schema.js';

/** The reviewer's checks for feature_user_story_map.toml: TOML syntax, schema, references. */
export const featureReviewSpec: ReviewSpec = {
  id: 'feature-review',
  file: 'feature_user_story_map.toml',
  validate: (text, parsed, errorsOnly) => checkFeatureMap(text, parsed, errorsOnly).diagnostics,
  find: (text, parsed, errorsOnly) => findInFeatureMap(text, parsed, errorsOnly).findings,
};
