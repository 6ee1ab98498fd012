/**
 * Look at the screens with a fake run: `npx tsx scripts/dev-screens.tsx [rail|init|big] [--no-color]`.
 * Steps run on timers, generate fails once and succeeds on retry, sync asks a question, and the
 * map review opens a document with one schema error. Nothing touches a workspace or Odoo.
 */
import { render } from 'ink';
import { createElement } from 'react';
import { App } from '../src/app.js';
import type { ReviewDocument, StepStatus } from '../src/state/types.js';
import type { StepId } from '../src/steps/types.js';
import { baseState, fakeWizard } from '../__tests__/screens/fake-wizard.js';
import { testSpec, validMap } from '../__tests__/review/review-spec.fixture.js';
import { bigMap } from '../bench/reviewer.js';

const args = process.argv.slice(2);
const scene = args.find((a) => !a.startsWith('--')) ?? 'rail';
const noColor = args.includes('--no-color');

const mapText = scene === 'big' ? bigMap(10_000) : validMap.replace('status = "keep"', 'status = "maybe"');
const doc = (stepId: ReviewDocument['stepId'], text: string): ReviewDocument => ({
  stepId,
  file: stepId === 'map-review' ? 'module_model_map.toml' : 'feature_user_story_map.toml',
  text,
  proposal: validMap,
  spec: { ...testSpec, id: stepId },
  approved: false,
});

const now = Date.now();
const w = fakeWizard(
  baseState(
    { needsInit: scene === 'init', notices: ['stale lock from pid 4242 recovered'] },
    {
      extract: { kind: 'done', finishedAt: now - 60_000, summary: '3 modules, 41 fields, 12 views', inputs: {}, outputs: { 'extract.json': 'x' }, warnings: ['x_plan2_id is an analytic plan field, not Studio'] },
      'map-review': { kind: 'awaiting-review' },
      generate: { kind: 'failed', at: now, error: { message: 'module_model_map.toml is not approved', where: 'module_model_map.toml', hint: 'open step 2, fix the errors and press a to approve' } },
      todo: { kind: 'unavailable', reason: 'the ToDo engine has not landed' },
    },
  ),
  {
    docs: { 'map-review': doc('map-review', mapText), 'feature-review': doc('feature-review', validMap) },
    edited: (t) => `${t.replace(/\n$/, '')}\n# edited in $EDITOR\n`,
  },
);

const setStep = (id: StepId, s: StepStatus) => w.set({ ...w.state, steps: { ...w.state.steps, [id]: s } });
const attempts = new Map<StepId, number>();

w.controller.run = (id) => {
  w.calls.push(['run', id]);
  const n = (attempts.get(id) ?? 0) + 1;
  attempts.set(id, n);
  const startedAt = Date.now();
  const total = 40;
  let done = 0;
  const t = setInterval(() => {
    done += 4;
    if (done < total) {
      setStep(id, { kind: 'running', startedAt, progress: { activity: `reading record ${done} of ${total}`, done, total } });
      return;
    }
    clearInterval(t);
    if (id === 'sync') {
      w.set({
        ...w.state,
        question: {
          stepId: 'sync',
          question: {
            id: 'apply',
            message: 'Apply this plan to Odoo?',
            detail: 'action   model          name\ncreate   project.task   Equipment list view\nupdate   project.task   Maintenance request form\nkeep     project.task   12 more',
            choices: [
              { value: 'yes', label: 'Yes, write to Odoo' },
              { value: 'no', label: 'No, keep Odoo as it is' },
            ],
            defaultValue: 'no',
          },
        },
      });
      return;
    }
    if (id === 'generate' && n === 1) {
      setStep(id, { kind: 'failed', at: Date.now(), error: { message: 'cannot write modules/sales_extra', hint: 'check the folder permissions' } });
      return;
    }
    setStep(id, { kind: 'done', finishedAt: Date.now(), summary: `${total} records`, inputs: {}, outputs: {}, warnings: [] });
  }, 300);
  setStep(id, { kind: 'running', startedAt });
};
const answer = w.controller.answer;
w.controller.answer = (v) => {
  answer(v);
  setStep('sync', { kind: 'done', finishedAt: Date.now(), summary: v === 'yes' ? '2 tasks written' : 'nothing written', inputs: {}, outputs: {}, warnings: [] });
};
w.controller.quit = () => {
  instance.unmount();
};

// createElement, not JSX: tsx compiles files outside tsconfig's include with the classic runtime.
const instance = render(createElement(App, { store: w.store, controller: w.controller, noColor }));
await instance.waitUntilExit();
console.log(`calls: ${w.calls.map((c) => c[0]).join(' ')}`);
