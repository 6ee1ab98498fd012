import type { Action } from '../../src/state/actions.js';
import { initialState, reduce } from '../../src/state/reducer.js';
import type { RunState } from '../../src/state/types.js';

const run = (...actions: Action[]): RunState => actions.reduce(reduce, initialState());
const started: Action = { type: 'step-started', step: 'extract', at: 10, inputs: { 'a.txt': 'h1' } };
const finished: Action = {
  type: 'step-finished',
  step: 'extract',
  at: 20,
  summary: '3 models',
  inputs: { 'a.txt': 'h1' },
  outputs: { 'extract.json': 'h2' },
  warnings: ['w'],
};

describe('reducer: one case per action', () => {
  test('starts with every step pending, on step 1, nothing to set up known yet', () => {
    const s = initialState();
    expect(Object.values(s.steps).every((x) => x.kind === 'pending')).toBe(true);
    expect(s.current).toBe('extract');
    expect(s.needsInit).toBe(false);
  });

  test('workspace-loaded sets the config and whether the first-run screen is needed', () => {
    const config = { source: 'source' as const, addons: ['x'], sections: {} };
    expect(run({ type: 'workspace-loaded', config, needsInit: false }).config).toBe(config);
    expect(run({ type: 'workspace-loaded', needsInit: true }).needsInit).toBe(true);
  });

  test('step-availability marks unavailable/skipped, and available turns them back to pending only', () => {
    const s = run({ type: 'step-availability', step: 'generate', availability: { kind: 'unavailable', reason: 'needs an Odoo connection', hint: 'add [connection]' } });
    expect(s.steps.generate).toEqual({ kind: 'unavailable', reason: 'needs an Odoo connection', hint: 'add [connection]' });
    const skipped = reduce(s, { type: 'step-availability', step: 'generate', availability: { kind: 'skipped', reason: 'src' } });
    expect(skipped.steps.generate.kind).toBe('skipped');
    expect(reduce(skipped, { type: 'step-availability', step: 'generate', availability: { kind: 'available' } }).steps.generate.kind).toBe('pending');
    const done = run(started, finished);
    expect(reduce(done, { type: 'step-availability', step: 'extract', availability: { kind: 'available' } }).steps.extract.kind).toBe('done');
  });

  test('step-started makes the step running since its start time', () => {
    expect(run(started).steps.extract).toEqual({ kind: 'running', startedAt: 10 });
  });

  test('step-progress updates a running step and is ignored otherwise', () => {
    const p = { activity: 'reading ir.model', done: 2, total: 5 };
    expect(run(started, { type: 'step-progress', step: 'extract', progress: p }).steps.extract).toEqual({ kind: 'running', startedAt: 10, progress: p });
    const idle = initialState();
    expect(reduce(idle, { type: 'step-progress', step: 'extract', progress: p })).toBe(idle);
  });

  test('step-finished records summary, input and output hashes and warnings', () => {
    expect(run(started, finished).steps.extract).toEqual({
      kind: 'done',
      finishedAt: 20,
      summary: '3 models',
      inputs: { 'a.txt': 'h1' },
      outputs: { 'extract.json': 'h2' },
      warnings: ['w'],
    });
  });

  test('step-failed keeps the error with its hint', () => {
    const error = { message: 'wrong password', hint: 'check ODOO_PASSWORD', where: 'http://x' };
    expect(run(started, { type: 'step-failed', step: 'extract', at: 30, error }).steps.extract).toEqual({ kind: 'failed', at: 30, error });
  });

  test('step-cancelled returns a running step to pending', () => {
    expect(run(started, { type: 'step-cancelled', step: 'extract', at: 11 }).steps.extract.kind).toBe('pending');
    expect(run(started, finished, { type: 'step-cancelled', step: 'extract', at: 11 }).steps.extract.kind).toBe('done');
  });

  test('step-interrupted (died while running) returns it to pending', () => {
    expect(run(started, { type: 'step-interrupted', step: 'extract' }).steps.extract.kind).toBe('pending');
  });

  test('review-ready turns a pending checkpoint into awaiting-review, not a done one', () => {
    expect(run({ type: 'review-ready', step: 'map-review' }).steps['map-review'].kind).toBe('awaiting-review');
    const approved = run({ type: 'review-approved', step: 'map-review', at: 5, file: 'm.toml', hash: 'h' });
    expect(reduce(approved, { type: 'review-ready', step: 'map-review' })).toBe(approved);
  });

  test('review-approved makes the checkpoint done with the approved hash as its input', () => {
    const st = run({ type: 'review-approved', step: 'map-review', at: 5, file: 'm.toml', hash: 'abc' }).steps['map-review'];
    expect(st).toMatchObject({ kind: 'done', inputs: { 'm.toml': 'abc' }, summary: 'approved m.toml' });
  });

  test('step-stale marks a done step stale, keeping what it consumed; not a pending one', () => {
    expect(run(started, finished, { type: 'step-stale', step: 'extract', at: 40, reason: 'a.txt changed' }).steps.extract).toEqual({
      kind: 'stale',
      reason: 'a.txt changed',
      previous: { 'a.txt': 'h1' },
    });
    expect(run({ type: 'step-stale', step: 'todo', at: 40, reason: 'x' }).steps.todo.kind).toBe('pending');
  });

  test('selected changes the step the user looks at', () => {
    expect(run({ type: 'selected', step: 'todo' }).current).toBe('todo');
  });

  test('notice appends a message for the user', () => {
    expect(run({ type: 'notice', message: 'a' }, { type: 'notice', message: 'b' }).notices).toEqual(['a', 'b']);
  });

  test('question-asked shows a question and question-answered clears it', () => {
    const question = { id: 'overwrite', message: 'Overwrite?', choices: [{ value: 'y', label: 'Yes' }], defaultValue: 'y' };
    const asked = run({ type: 'question-asked', step: 'generate', question });
    expect(asked.question).toEqual({ stepId: 'generate', question });
    expect(reduce(asked, { type: 'question-answered' }).question).toBeUndefined();
  });
});
