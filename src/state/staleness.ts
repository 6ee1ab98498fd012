import type { StepId } from '../steps/types.js';
import type { RunState } from './types.js';

/** How a missing input is recorded, so "still missing" compares equal. */
export const ABSENT = 'absent';

export interface StaleFinding {
  step: StepId;
  reason: string;
}

/**
 * Which finished steps are out of date, as a build system decides it: a step whose recorded
 * input hashes differ from the files now is stale, and so is every finished step after a
 * stale one. Pure.
 */
export function findStale(
  order: readonly StepId[],
  steps: RunState['steps'],
  current: Readonly<Record<string, string | undefined>>,
  isReview: (id: StepId) => boolean = () => false,
): StaleFinding[] {
  const out: StaleFinding[] = [];
  let upstream: StepId | undefined;
  for (const id of order) {
    const st = steps[id];
    if (st.kind === 'stale') {
      upstream ??= id;
      continue;
    }
    if (st.kind !== 'done') continue;
    const changed = Object.entries(st.inputs).find(([file, h]) => (current[file] ?? ABSENT) !== h)?.[0];
    let reason: string | undefined;
    if (changed !== undefined) {
      reason = isReview(id) ? `${changed} changed since it was approved` : `${changed} changed since this step ran`;
    } else if (upstream !== undefined) {
      reason = `an earlier step (${upstream}) is out of date`;
    }
    if (reason !== undefined) {
      out.push({ step: id, reason });
      upstream ??= id;
    }
  }
  return out;
}

/** Every input file recorded by a finished step (what must be hashed to check staleness). */
export function recordedInputs(steps: RunState['steps']): string[] {
  const files = new Set<string>();
  for (const st of Object.values(steps)) if (st.kind === 'done') for (const f of Object.keys(st.inputs)) files.add(f);
  return [...files].sort();
}
