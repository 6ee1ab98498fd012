import { UserError } from '../core/user-error.js';
import { STEP_IDS, type StepId } from '../steps/types.js';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { errnoOf, fsTrouble, settle } from '../core/fs-error.js';
import { resolve } from 'node:path';
import { toStepError } from './errors.js';
import type { Runner } from './runner.js';
import type { QuestionBox } from './step-context.js';
import type { InitAnswers, StepError, WizardController } from './types.js';

export interface ControllerDeps {
  root: string;
  editor?: (text: string, file: string) => Promise<string>;
  onQuit?: () => void;
  questions: QuestionBox;
  aborts: Map<StepId, AbortController>;
  debug: boolean;
}

/** How auth messages name a secret typed in the wizard. */
const TYPED = { password: 'the password typed in the wizard', apiKey: 'the API key typed in the wizard' };

/** What the screens call. Long work runs in the background and reports through the store. */
export function makeController(r: Runner, d: ControllerDeps): WizardController {
  const background = (what: string, p: Promise<unknown>) => {
    p.catch((e: unknown) => {
      const se = toStepError(e, d.debug);
      r.store.dispatch({ type: 'notice', message: `${what}: ${se.where ? `${se.where}: ` : ''}${se.message}${se.hint ? ` (${se.hint})` : ''}` });
    });
  };
  return {
    async init(answers: InitAnswers) {
      if (d.aborts.size > 0) return { ok: false, error: { message: 'a step is running; wait for it or cancel it first' } };
      const bad = await missingAddons(d.root, answers);
      if (bad) return { ok: false, error: bad };
      // The comment-keeping TOML writer loads only when a config is written.
      const { writeConfig } = await import('./config-write.js');
      const w = await writeConfig(d.root, answers);
      if (!w.ok) return { ok: false, error: toStepError(w.error, d.debug) };
      if (answers.secret?.password || answers.secret?.apiKey) r.setSecret({ sources: TYPED, ...answers.secret });
      r.store.dispatch({ type: 'workspace-loaded', config: r.withOverrides(w.value), needsInit: false });
      await r.reconcile();
      const firstOpen = STEP_IDS.find((id) => !['done', 'skipped'].includes(r.store.getState().steps[id].kind));
      if (firstOpen) r.store.dispatch({ type: 'selected', step: firstOpen });
      return { ok: true };
    },
    setSecret: (secret) => r.setSecret({ sources: TYPED, ...secret }),
    select: (step) => r.store.dispatch({ type: 'selected', step }),
    run: (step) => background(`running ${step}`, r.runStep(step)),
    cancel: (step) => d.aborts.get(step)?.abort(),
    answer: (value) => d.questions.answer(value),
    openReview: (step) => r.review.open(step),
    save: (step, text) => r.review.save(step, text),
    saveOnLeave: (step, text) => r.review.saveOnLeave(step, text),
    approve: (step, text) => r.review.approveBytes(step, Buffer.from(text, 'utf8')),
    regenerate: (step) => r.review.regenerate(step),
    async editExternally(step, text) {
      if (!d.editor) {
        throw new UserError('usage', 'no external editor is available here', { hint: 'set $VISUAL or $EDITOR (e.g. export EDITOR=nano) and start the wizard again' });
      }
      return d.editor(text, r.review.entry(step).file);
    },
    quit() {
      r.cancelAll();
      d.onQuit?.();
    },
  };
}

/** Addons paths must exist before a source-code workspace is written. */
export async function missingAddons(root: string, a: InitAnswers): Promise<StepError | undefined> {
  if (a.source !== 'source') return undefined;
  for (const p of a.addons ?? []) {
    const abs = resolve(root, p);
    const st = await settle(stat(abs));
    if (!st.ok && errnoOf(st.error) === 'ENOENT') {
      return { message: `addons path not found: ${p}`, where: 'addons', hint: `give a folder of Odoo modules (relative to ${root} or absolute)` };
    }
    if (st.ok && !st.value.isDirectory()) return { message: `addons path is a file, not a folder: ${p}`, where: 'addons', hint: 'give the folder that holds your modules' };
    const listed = st.ok ? await settle(access(abs, constants.R_OK | constants.X_OK)) : st;
    if (!listed.ok) {
      const t = fsTrouble(listed.error, p);
      return { message: `addons path ${p}: ${t.what}`, where: 'addons', hint: t.hint };
    }
  }
  return undefined;
}
