import { renderToString } from 'ink';
import { App } from '../../src/app.js';
import { StepScreen } from '../../src/screens/StepScreen.js';
import { QuestionPrompt } from '../../src/screens/QuestionPrompt.js';
import { ProgressBar } from '../../src/screens/ProgressBar.js';
import { ErrorPanel } from '../../src/screens/ErrorPanel.js';
import { StepRail } from '../../src/screens/StepRail.js';
import type { StepStatus } from '../../src/state/types.js';
import { baseState, fakeWizard } from './fake-wizard.js';

// renderToString renders synchronously outside act(); effects that set state (the elapsed clock)
// would only produce act() warnings here.
const actFlag = globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean };
beforeAll(() => {
  actFlag.IS_REACT_ACT_ENVIRONMENT = false;
});
afterAll(() => {
  actFlag.IS_REACT_ACT_ENVIRONMENT = true;
});

const now = Date.now();
const everyKind: Record<string, StepStatus> = {
  extract: { kind: 'done', finishedAt: now - 5000, summary: '3 modules, 41 fields', inputs: {}, outputs: {}, warnings: [] },
  'map-review': { kind: 'awaiting-review' },
  generate: {
    kind: 'failed',
    at: now,
    error: { message: 'module_model_map.toml:4:10 unknown model x_foo', hint: 'fix the map and approve it again' },
  },
  'feature-map': { kind: 'running', startedAt: now - 65_000, progress: { activity: 'reading views', done: 12, total: 40 } },
  'feature-review': { kind: 'stale', reason: 'modules/ changed', previous: {} },
  todo: { kind: 'skipped', reason: 'source workspace' },
  sync: { kind: 'unavailable', reason: 'needs an Odoo connection', hint: 'add a [connection] table' },
};

function renderApp(current: keyof typeof everyKind, noColor = true) {
  const w = fakeWizard(baseState({ current: current as never }, everyKind as never));
  return renderToString(<App store={w.store} controller={w.controller} noColor={noColor} />, { columns: 100 });
}

describe('the step rail', () => {
  test('shows every status kind with its detail', () => {
    const out = renderToString(<StepRail steps={everyKind as never} current="extract" now={now} />, { columns: 100 });
    expect(out).toContain('3 modules, 41 fields');
    expect(out).toContain('awaiting review');
    expect(out).toContain('reading views');
    expect(out).toMatch(/12\/40 · 1m 0[5-9]s/);
    expect(out).toContain('stale: modules/ changed');
    expect(out).toMatch(/cannot run yet: needs an\s+Odoo connection/);
    expect(out).not.toContain('not available yet');
    expect(out).toContain('skipped: source workspace');
    expect(out).toContain('r to retry');
    expect(out).toMatch(/→ fix the map and approve\s+it again/);
  });

  test('a pending step says so', () => {
    const w = fakeWizard(baseState());
    const out = renderToString(<App store={w.store} controller={w.controller} noColor />, { columns: 100 });
    expect(out.match(/pending/g)?.length).toBeGreaterThanOrEqual(7);
    expect(out).toContain('Press enter to run this step.');
  });

  test('the failed step screen shows the error, the hint and the key to retry', () => {
    const out = renderApp('generate');
    expect(out).toContain('3 · Generate modules');
    expect(out).toContain('✖ Failed');
    expect(out).toContain('unknown model x_foo');
    expect(out).toMatch(/→ fix the map and approve it again[\s\S]*r to retry/);
  });

  test('the running step screen shows the activity, a bar and the elapsed time', () => {
    const out = renderApp('feature-map');
    expect(out).toMatch(/\[█+░+\] 12\/40 · 1m 0[5-9]s/);
    expect(out).toContain('x to cancel');
  });

  test('the notices of the run are shown', () => {
    const w = fakeWizard(baseState({ notices: ['journal.jsonl was unreadable; kept as journal.jsonl.bad'] }));
    const out = renderToString(<App store={w.store} controller={w.controller} noColor />, { columns: 100 });
    expect(out).toContain('! journal.jsonl was unreadable; kept as journal.jsonl.bad');
  });

  test('a first run shows the set-up screen instead of the rail', () => {
    const w = fakeWizard(baseState({ needsInit: true }));
    const out = renderToString(<App store={w.store} controller={w.controller} noColor />, { columns: 100 });
    expect(out).toContain('Where is the source of truth?');
    expect(out).toContain('An Odoo database');
    expect(out).not.toContain('Generate modules');
  });
});

describe('step screens', () => {
  const cases: [StepStatus, RegExp][] = [
    [{ kind: 'pending' }, /Press enter to run/],
    [{ kind: 'unavailable', reason: 'needs an Odoo connection', hint: 'add a [connection] table' }, /Cannot run yet: needs an Odoo connection\.\s+→ add a \[connection\] table\s+Press enter to look again/],
    [{ kind: 'skipped', reason: 'source workspace' }, /Skipped: source workspace/],
    [{ kind: 'awaiting-review' }, /Press enter to open the reviewer/],
    [{ kind: 'stale', reason: 'extract.json changed', previous: {} }, /Out of date: extract.json changed/],
    [
      { kind: 'done', finishedAt: now, summary: '12 tasks', inputs: {}, outputs: { 'ToDo.md': 'ab' }, warnings: ['2 stories without estimate'] },
      /12 tasks[\s\S]*! 2 stories without estimate[\s\S]*wrote ToDo\.md/,
    ],
    [
      { kind: 'done', finishedAt: now, summary: 'nothing changed', inputs: {}, outputs: { 'ToDo.md': 'ab' }, kept: true, warnings: [] },
      /nothing changed[\s\S]*nothing to write; kept ToDo\.md/,
    ],
  ];
  test.each(cases)('%o', (status, expected) => {
    expect(renderToString(<StepScreen id="todo" status={status} now={now} />, { columns: 100 })).toMatch(expected);
  });

  test('a review step that is done can be reviewed again', () => {
    const status: StepStatus = { kind: 'done', finishedAt: now, summary: 'approved', inputs: {}, outputs: {}, warnings: [] };
    expect(renderToString(<StepScreen id="map-review" status={status} now={now} />)).toContain('open the reviewer again');
  });
});

describe('shared components', () => {
  test('a question shows its detail coloured as a diff and its choices, default first highlighted', () => {
    const out = renderToString(
      <QuestionPrompt
        pending={{
          stepId: 'sync',
          question: {
            id: 'apply',
            message: 'Apply the sync plan?',
            detail: '@@ -1 +1 @@\n-old task\n+new task\n',
            choices: [
              { value: 'no', label: 'No, keep Odoo as it is' },
              { value: 'yes', label: 'Yes, write to Odoo' },
            ],
            defaultValue: 'yes',
          },
        }}
        onAnswer={() => undefined}
      />,
      { columns: 100 },
    );
    expect(out).toContain('? Apply the sync plan?');
    expect(out).toContain('+new task');
    expect(out).toMatch(/❯ Yes, write to Odoo/);
  });

  test('reading modules heaviest first, the bar fills with the weighed share of the work, the count stays in modules', () => {
    const progress = { activity: 'reading account', done: 5, total: 568, unit: 'modules', work: { done: 500, total: 1000 } };
    const out = renderToString(<ProgressBar done={5} total={568} width={10} progress={progress} />);
    expect(out).toBe('[█████░░░░░] 5/568 modules');
  });

  test('a progress bar without a total shows the count only', () => {
    const out = renderToString(<ProgressBar done={7} />);
    expect(out).toBe('7 done');
  });

  test('the error panel names where', () => {
    const out = renderToString(<ErrorPanel error={{ message: 'bad', where: 'https://odoo.example.com', hint: 'check the URL' }} action="r to retry" />);
    expect(out).toMatch(/bad[\s\S]*where: https:\/\/odoo\.example\.com[\s\S]*→ check the URL[\s\S]*r to retry/);
  });
});
