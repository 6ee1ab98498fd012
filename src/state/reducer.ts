import { assertNever } from '../core/assert-never.js';
import { STEP_IDS, type StepId } from '../steps/types.js';
import type { Action } from './actions.js';
import type { RunState, StepStatus } from './types.js';

/** A fresh workspace: every step pending, nothing known about the config yet. */
export function initialState(): RunState {
  const steps = Object.fromEntries(STEP_IDS.map((id) => [id, { kind: 'pending' }])) as Record<
    StepId,
    StepStatus
  >;
  return { steps, current: STEP_IDS[0], notices: [], needsInit: false };
}

const withStep = (s: RunState, step: StepId, status: StepStatus): RunState => ({
  ...s,
  steps: { ...s.steps, [step]: status },
});

/** The step state machine. Pure: same state and action, same result. */
export function reduce(s: RunState, a: Action): RunState {
  switch (a.type) {
    case 'workspace-loaded':
      return { ...s, config: a.config, needsInit: a.needsInit };
    case 'step-availability': {
      const cur = s.steps[a.step];
      const av = a.availability;
      if (av.kind === 'available') {
        return cur.kind === 'unavailable' || cur.kind === 'skipped' ? withStep(s, a.step, { kind: 'pending' }) : s;
      }
      return withStep(s, a.step, av.kind === 'unavailable' ? { kind: 'unavailable', reason: av.reason, hint: av.hint } : { kind: 'skipped', reason: av.reason });
    }
    case 'step-started':
      return withStep({ ...s, refused: undefined }, a.step, { kind: 'running', startedAt: a.at });
    case 'step-refused':
      return { ...s, refused: { step: a.step, message: a.message, hint: a.hint } };
    case 'step-progress': {
      const cur = s.steps[a.step];
      return cur.kind === 'running' ? withStep(s, a.step, { ...cur, progress: a.progress }) : s;
    }
    case 'step-finished':
      return withStep(s, a.step, {
        kind: 'done',
        finishedAt: a.at,
        summary: a.summary,
        inputs: a.inputs,
        outputs: a.outputs,
        ...(a.kept ? { kept: true } : {}),
        warnings: a.warnings,
        ...(a.chart ? { chart: a.chart } : {}),
        ...(a.report ? { report: a.report } : {}),
        ...(a.memo ? { memo: a.memo } : {}),
        ...(a.checked ? { checked: a.checked } : {}),
      });
    case 'step-failed':
      return withStep(s, a.step, { kind: 'failed', at: a.at, error: a.error });
    case 'step-cancelled':
    case 'step-interrupted':
      return s.steps[a.step].kind === 'running' ? withStep(s, a.step, { kind: 'pending' }) : s;
    case 'review-ready': {
      const k = s.steps[a.step].kind;
      return k === 'pending' ? withStep(s, a.step, { kind: 'awaiting-review' }) : s;
    }
    case 'review-approved':
      return withStep({ ...s, refused: undefined }, a.step, {
        kind: 'done',
        finishedAt: a.at,
        summary: `approved ${a.file}`,
        inputs: { [a.file]: a.hash },
        outputs: {},
        warnings: [],
      });
    case 'step-stale': {
      const cur = s.steps[a.step];
      if (cur.kind !== 'done') return s;
      return withStep(s, a.step, { kind: 'stale', reason: a.reason, previous: cur.inputs });
    }
    case 'selected':
      return { ...s, current: a.step };
    case 'notice':
      return { ...s, notices: [...s.notices, a.message] };
    case 'question-asked':
      return { ...s, question: { stepId: a.step, question: a.question } };
    case 'question-answered':
      return { ...s, question: undefined };
    default:
      return assertNever(a, 'action');
  }
}
