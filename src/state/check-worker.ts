/** Worker-thread entry: checks the text of a checkpoint file a step just wrote for errors (see early-check.ts). */
import { parentPort } from 'node:worker_threads';
import { errorsOf, findProblems } from '../review/validate.js';
import { featureReviewSpec } from '../steps/feature-map/review.js';
import type { ReviewSpec } from '../review/types.js';

/** Checks that read the file alone (the registry's textOnly review steps), by review step. */
const SPECS: Readonly<Record<string, ReviewSpec>> = { [featureReviewSpec.id]: featureReviewSpec };

parentPort?.once('message', (job: { step: string; text: string }) => {
  const spec = SPECS[job.step];
  parentPort?.postMessage({ errors: spec ? errorsOf(findProblems(job.text, spec, true)).length : null });
});
