/**
 * A fake store and controller for screen tests, the bench and scripts/dev-screens.tsx. It records
 * every controller call and answers the way the real runner promises to.
 */
import type { ReviewDocument, RunState, StepStatus } from '../../src/state/types.js';
import { STEP_IDS, type StepId } from '../../src/steps/types.js';
import { errorsOf, validateDocument } from '../../src/review/validate.js';
import type { ScreenController, ScreenState } from '../../src/screens/ui-types.js';

type ReviewStep = ReviewDocument['stepId'];
export type Call = [string, ...unknown[]];

export function baseState(over: Partial<ScreenState> = {}, steps: Partial<Record<StepId, StepStatus>> = {}): ScreenState {
  const all = Object.fromEntries(STEP_IDS.map((id) => [id, steps[id] ?? { kind: 'pending' }])) as Record<StepId, StepStatus>;
  return { steps: all, current: 'extract', notices: [], needsInit: false, ...over };
}

export interface FakeOptions {
  docs?: Partial<Record<ReviewStep, ReviewDocument>>;
  /** What regenerate returns. */
  regenerated?: Partial<Record<ReviewStep, ReviewDocument>>;
  /** What the "editor" saves. */
  edited?: (text: string) => string;
}

export function fakeWizard(initial: ScreenState, opts: FakeOptions = {}) {
  let state = initial;
  const listeners = new Set<() => void>();
  const calls: Call[] = [];
  const docs = { ...opts.docs };
  const set = (next: ScreenState) => {
    state = next;
    for (const l of listeners) l();
  };
  const doc = (step: ReviewStep): ReviewDocument => {
    const d = docs[step];
    if (!d) throw new Error(`no document for ${step} in this fake`);
    return d;
  };
  const controller: ScreenController = {
    setSecret(secret) {
      calls.push(['setSecret', secret.password ? 'password' : 'apiKey']);
    },
    select(step) {
      calls.push(['select', step]);
      set({ ...state, current: step });
    },
    run(step) {
      calls.push(['run', step]);
    },
    cancel(step) {
      calls.push(['cancel', step]);
    },
    answer(value) {
      calls.push(['answer', value]);
      set({ ...state, question: undefined });
    },
    async openReview(step) {
      calls.push(['openReview', step]);
      return doc(step);
    },
    async save(step, text) {
      calls.push(['save', step, text]);
      docs[step] = { ...doc(step), text, approved: false };
    },
    saveOnLeave(step, text) {
      calls.push(['saveOnLeave', step, text]);
      docs[step] = { ...doc(step), text, approved: false };
    },
    async approve(step, text) {
      calls.push(['approve', step, text]);
      const errors = errorsOf(validateDocument(text, doc(step).spec));
      if (errors.length > 0) return { ok: false, errors };
      docs[step] = { ...doc(step), text, approved: true };
      return { ok: true };
    },
    async regenerate(step) {
      calls.push(['regenerate', step]);
      const next = opts.regenerated?.[step] ?? doc(step);
      docs[step] = next;
      return next;
    },
    async editExternally(step, text) {
      calls.push(['editExternally', step, text]);
      return opts.edited ? opts.edited(text) : text;
    },
    quit() {
      calls.push(['quit']);
    },
    async init(answers) {
      calls.push(['init', answers]);
      set({ ...state, needsInit: false });
      return { ok: true };
    },
  };
  const store = {
    getState: (): RunState => state,
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
  };
  return { store, controller, calls, set, get state() { return state; }, docs };
}

export const callsNamed = (calls: readonly Call[], name: string) => calls.filter((c) => c[0] === name);
