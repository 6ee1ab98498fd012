import type { Diagnostic, StepId } from '../steps/types.js';
import type { Runner } from './runner.js';
import type { StepError } from './types.js';

export type ResumeOutcome =
  | { kind: 'complete' }
  /** Stopped at a checkpoint whose file waits for the user's approval. */
  | { kind: 'checkpoint'; step: StepId; file: string }
  | { kind: 'invalid'; step: StepId; file: string; errors: readonly Diagnostic[] }
  | { kind: 'unavailable'; step: StepId; reason: string; hint: string }
  | { kind: 'failed'; step: StepId; error: StepError }
  | { kind: 'cancelled'; step: StepId };

/**
 * Runs what is left, in order: pending, failed and stale steps. Stops at an unapproved
 * checkpoint (approving it when `assumeYes` and the file is valid), at a step that is not
 * available, or at the first failure.
 */
export async function resumeAll(r: Runner, opts: { assumeYes: boolean; signal?: AbortSignal }): Promise<ResumeOutcome> {
  for (const entry of r.registry) {
    if (opts.signal?.aborted) return { kind: 'cancelled', step: entry.id };
    let st = r.store.getState().steps[entry.id];
    if (st.kind === 'skipped' || st.kind === 'done') continue;
    if (st.kind === 'unavailable') {
      // The runner looks at the config again: it may have gained the connection.
      st = await r.runStep(entry.id);
      if (st.kind === 'unavailable') return { kind: 'unavailable', step: entry.id, reason: st.reason, hint: st.hint };
      if (st.kind === 'failed') return { kind: 'failed', step: entry.id, error: st.error };
      if (st.kind !== 'done') return { kind: 'cancelled', step: entry.id };
      continue;
    }
    if (entry.kind === 'review') {
      if (!opts.assumeYes) return { kind: 'checkpoint', step: entry.id, file: entry.file };
      const res = await r.review.approveCurrent(entry.id);
      if (!res.ok) return { kind: 'invalid', step: entry.id, file: entry.file, errors: res.errors };
      continue;
    }
    st = await r.runStep(entry.id);
    if (st.kind === 'failed') return { kind: 'failed', step: entry.id, error: st.error };
    if (st.kind !== 'done') return { kind: 'cancelled', step: entry.id };
  }
  return { kind: 'complete' };
}
