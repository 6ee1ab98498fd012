import { mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/core/user-error.js';
import { encodeLine } from '../../src/state/journal-format.js';
import { resumeAll } from '../../src/state/resume.js';
import type { Runner } from '../../src/state/runner.js';
import { approvedPath } from '../../src/state/paths.js';
import { proposalPath } from '../../src/review/proposal.js';
import { ARTIFACTS } from '../../src/steps/types.js';
import { DB_CONFIG, fileEngine, openTestRunner, SOURCE_CONFIG, tempDir, testRegistry, registryWith } from './helpers.js';

let t: ReturnType<typeof tempDir>;
const runners: Runner[] = [];
beforeEach(() => (t = tempDir()));
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
  t.cleanup();
});
const open = async (...args: Parameters<typeof openTestRunner> extends [string, ...infer R] ? R : never) => {
  const r = await openTestRunner(t.dir, ...args);
  runners.push(r);
  return r;
};
const closeAll = () => Promise.all(runners.splice(0).map((r) => r.close()));
const kinds = (r: Runner) => Object.fromEntries(Object.entries(r.store.getState().steps).map(([k, v]) => [k, v.kind]));

describe('runner', () => {
  test('first run without a config asks for init; init writes the config and unlocks the steps', async () => {
    const r = await open(testRegistry());
    expect(r.store.getState().needsInit).toBe(true);
    mkdirSync(join(t.dir, 'addons'));
    const res = await r.controller.init({ source: 'source', addons: ['addons'], secret: { password: 'pw-not-stored' } });
    expect(res).toEqual({ ok: true });
    expect(r.store.getState().needsInit).toBe(false);
    expect(kinds(r)).toMatchObject({ extract: 'skipped', 'map-review': 'skipped', generate: 'skipped', 'feature-map': 'pending' });
    expect(readFileSync(join(t.dir, 'odoo-project-sync.toml'), 'utf8')).not.toContain('pw-not-stored');
  });

  test('init with a missing addons folder is refused, naming the field', async () => {
    const r = await open(testRegistry());
    const res = await r.controller.init({ source: 'source', addons: ['nope'] });
    expect(res).toMatchObject({ ok: false, error: { where: 'addons', message: 'addons path not found: nope' } });
  });

  test('a full database pipeline; editing an approved map marks it and everything after it stale', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), DB_CONFIG);
    const r = await open(testRegistry());
    expect(await resumeAll(r, { assumeYes: true })).toEqual({ kind: 'complete' });
    expect(Object.values(kinds(r)).every((k) => k === 'done')).toBe(true);
    expect(readFileSync(join(t.dir, '.odoo-project-sync/approved/module_model_map.toml'), 'utf8')).toBe(readFileSync(join(t.dir, 'module_model_map.toml'), 'utf8'));
    await closeAll();

    appendFileSync(join(t.dir, 'module_model_map.toml'), '# an edit outside the wizard\n');
    const again = await open(testRegistry());
    expect(kinds(again)).toEqual({
      extract: 'done',
      'map-review': 'stale',
      generate: 'stale',
      'feature-map': 'stale',
      'feature-review': 'stale',
      todo: 'stale',
      sync: 'stale',
    });
    expect(again.store.getState().steps['map-review']).toMatchObject({ reason: 'module_model_map.toml changed since it was approved' });
    expect(again.store.getState().steps.todo).toMatchObject({ reason: 'an earlier step (map-review) is out of date' });
  });

  test('approvals survive a resume when the file did not change', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), DB_CONFIG);
    const r = await open(testRegistry());
    await r.runStep('extract');
    expect(kinds(r)['map-review']).toBe('awaiting-review');
    expect(await r.review.approveCurrent('map-review')).toEqual({ ok: true });
    await closeAll();
    const again = await open(testRegistry());
    expect(kinds(again)).toMatchObject({ extract: 'done', 'map-review': 'done', generate: 'pending' });
    expect((await again.review.open('map-review')).approved).toBe(true);
  });

  test('approve is refused while the text is invalid, and stores the given bytes otherwise', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), DB_CONFIG);
    const r = await open(testRegistry());
    await r.runStep('extract');
    const bad = await r.controller.approve('map-review', 'x = 1\nname = "bad"\n');
    expect(bad).toEqual({ ok: false, errors: [{ line: 2, column: 1, message: 'name must not be "bad"', severity: 'error' }] });
    expect(kinds(r)['map-review']).toBe('awaiting-review');
    const text = '# mine  \r\nname = "good"   \n';
    expect(await r.controller.approve('map-review', text)).toEqual({ ok: true });
    expect(readFileSync(join(t.dir, 'module_model_map.toml'), 'utf8')).toBe(text);
    expect(readFileSync(join(t.dir, '.odoo-project-sync/approved/module_model_map.toml'), 'utf8')).toBe(text);
  });

  test('a step the journal shows running (the process died) restarts as pending with a notice', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), SOURCE_CONFIG);
    mkdirSync(join(t.dir, '.odoo-project-sync'));
    writeFileSync(join(t.dir, '.odoo-project-sync/journal.jsonl'), encodeLine({ type: 'step-started', step: 'feature-map', at: 1, inputs: {} }));
    const r = await open(testRegistry());
    expect(kinds(r)['feature-map']).toBe('pending');
    expect(r.store.getState().notices.join('\n')).toMatch(/interrupted last time; it will start again/);
    expect((await r.runStep('feature-map')).kind).toBe('done');
  });

  test('an engine UserError fails the step with its place and hint; a thrown bug says it is a bug', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), SOURCE_CONFIG);
    let failure: UserError | Error = new UserError('input', 'bad estimate', { where: { file: 'odoo-project-sync.toml', line: 3, column: 5 }, hint: 'use a number', detail: 'trace' });
    const r = await open(testRegistry({ failTodo: () => failure }));
    expect(await resumeAll(r, { assumeYes: true })).toMatchObject({ kind: 'failed', step: 'todo' });
    expect(r.store.getState().steps.todo).toEqual({
      kind: 'failed',
      at: 2000,
      // An input error: headless exits 2 for it, not 1.
      error: { message: 'bad estimate', where: 'odoo-project-sync.toml:3:5', hint: 'use a number', badInput: true },
    });
    failure = new TypeError('x is undefined');
    const st = await r.runStep('todo');
    expect(st).toMatchObject({ kind: 'failed', error: { message: 'internal error (a bug in odoo-project-sync): x is undefined' } });
    expect(st.kind === 'failed' && st.error.detail).toBeFalsy();
    expect(st.kind === 'failed' && st.error.badInput).toBeFalsy();
  });

  test('--debug keeps the stack of a bug in the error detail', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), SOURCE_CONFIG);
    const r = await open(testRegistry({ failTodo: () => new Error('kaboom') }), { debug: true });
    await resumeAll(r, { assumeYes: true });
    const st = r.store.getState().steps.todo;
    expect(st.kind === 'failed' && st.error.detail).toMatch(/Error: kaboom\n\s+at /);
  });

  test('cancel stops a running step and leaves it pending; a later run finishes it', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), SOURCE_CONFIG);
    const r = await open(testRegistry({ delayMs: 20 }));
    const running = r.runStep('feature-map');
    await new Promise<void>((res) => {
      const un = r.store.subscribe(() => {
        if (r.store.getState().steps['feature-map'].kind === 'running') {
          un();
          res();
        }
      });
    });
    r.controller.cancel('feature-map');
    expect((await running).kind).toBe('pending');
    expect((await r.runStep('feature-map')).kind).toBe('done');
  });

  test('an interactive question waits for controller.answer; headless takes the default', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), SOURCE_CONFIG);
    const asked: string[] = [];
    const engine = {
      ...fileEngine('feature-map', [], []),
      async run(ctx: Parameters<ReturnType<typeof fileEngine>['run']>[0]) {
        const v = await ctx.ask({ id: 'q', message: 'Overwrite?', choices: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], defaultValue: 'no' });
        asked.push(v);
        return { ok: true as const, value: { summary: v, outputs: {}, warnings: [] } };
      },
    };
    const reg = registryWith({ featureMap: engine });
    const r = await open(reg, { interactive: true });
    const done = r.runStep('feature-map');
    await new Promise<void>((res) => {
      const un = r.store.subscribe(() => r.store.getState().question && (un(), res()));
    });
    expect(r.store.getState().question?.question.message).toBe('Overwrite?');
    r.controller.answer('yes');
    expect(await done).toMatchObject({ kind: 'done', summary: 'yes' });
    expect(r.store.getState().question).toBeUndefined();
    await closeAll();
    const headless = await open(reg, { interactive: false });
    expect(await headless.runStep('feature-map')).toMatchObject({ summary: 'no' });
  });

  test('a database step without a secret fails with a hint naming ODOO_PASSWORD', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), DB_CONFIG);
    const engine = { ...fileEngine('extract', [], []), run: async (ctx: { connect: () => Promise<unknown> }) => (await ctx.connect(), { ok: true as const, value: { summary: '', outputs: {}, warnings: [] } }) };
    const r = await open(registryWith({ extract: engine }));
    const st = await r.runStep('extract');
    expect(st).toMatchObject({ kind: 'failed', error: { message: 'no password or API key for admin on http://127.0.0.1:8069' } });
    expect(st.kind === 'failed' && st.error.hint).toMatch(/ODOO_PASSWORD or ODOO_API_KEY/);
  });

  test('a source-code workspace without a connection: sync cannot run yet, says how to add one without turning steps 1-3 back on, and runs once it is there', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), `${SOURCE_CONFIG}\n[sync]\nplan_file = "plan.md"\n`);
    const engine = { ...fileEngine('sync', [], []), run: async (ctx: { connect: () => Promise<unknown> }) => (await ctx.connect(), { ok: true as const, value: { summary: 'synced', outputs: {}, warnings: [] } }) };
    const r = await open(registryWith({ sync: engine }), { connect: async () => ({}) as never, secret: { password: 'pw' } });
    const st = r.store.getState().steps.sync;
    expect(st).toMatchObject({ kind: 'unavailable', reason: 'needs an Odoo connection (odoo-project-sync.toml has no [connection])' });
    const hint = st.kind === 'unavailable' ? st.hint : '';
    expect(hint).toContain('add a [connection] table (url, db, user) to odoo-project-sync.toml');
    expect(hint).toContain('init --source source --addons PATH --url URL');
    expect(hint).not.toContain('--source database');
    expect(r.store.getState().steps.todo.kind).toBe('pending');
    // Nothing to run it with: asked again, it is still unavailable and the engine never starts.
    expect((await r.runStep('sync')).kind).toBe('unavailable');
    appendFileSync(join(t.dir, 'odoo-project-sync.toml'), '\n[connection]\nurl = "http://127.0.0.1:8069"\nuser = "admin"\n');
    expect(await r.runStep('sync')).toMatchObject({ kind: 'done', summary: 'synced' });
  });

  test('a step whose inputs, settings, outputs and state files are unchanged keeps its result; each of them makes it run again', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), SOURCE_CONFIG);
    mkdirSync(join(t.dir, 'addons'));
    let runs = 0;
    const base = fileEngine('feature-map', [], ['feature_user_story_map.toml']);
    const engine = { ...base, run: (ctx: Parameters<typeof base.run>[0]) => (runs++, base.run(ctx)) };
    const reg = registryWith({ featureMap: engine });
    const journal = () => readFileSync(join(t.dir, '.odoo-project-sync/journal.jsonl'), 'utf8');
    const again = async (extra = {}) => {
      await closeAll();
      const r = await open(reg, extra);
      const st = await r.runStep('feature-map');
      expect(st.kind).toBe('done');
      return runs;
    };
    expect(await again()).toBe(1);
    const kept = journal();
    expect(await again()).toBe(1);
    expect(journal()).toBe(kept);
    // An input (a file in the addons path), an output, the state file (the last proposal), the settings.
    writeFileSync(join(t.dir, 'addons', 'x.txt'), 'new');
    mkdirSync(join(t.dir, 'addons', 'm'));
    writeFileSync(join(t.dir, 'addons', 'm', '__manifest__.py'), "{'name': 'M'}");
    expect(await again()).toBe(2);
    expect(await again()).toBe(2);
    appendFileSync(join(t.dir, 'feature_user_story_map.toml'), '# mine\n');
    expect(await again()).toBe(3);
    expect(await again()).toBe(3);
    mkdirSync(join(t.dir, '.odoo-project-sync/proposals'));
    writeFileSync(join(t.dir, proposalPath(ARTIFACTS.featureMap)), 'x');
    expect(await again()).toBe(4);
    expect(await again()).toBe(4);
    appendFileSync(join(t.dir, 'odoo-project-sync.toml'), '[estimate]\nstory = 0.5\n');
    expect(await again()).toBe(5);
    expect(await again()).toBe(5);
    // A dry run always runs.
    expect(await again({ dryRun: true })).toBe(6);
  });

  test('the approved copy of the feature map the ToDo step checks is where approvals put it', () => {
    expect(approvedPath(ARTIFACTS.featureMap)).toBe(ARTIFACTS.featureMapApproved);
  });
});
