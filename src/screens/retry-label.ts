import type { StepError } from '../state/types.js';

/** What `r` does on a failed step, as the rail and the step screen say it. */
export const retryLabel = (error: StepError): string =>
  error.needsSecret ? 'r to re-enter the password' : 'r to retry';
