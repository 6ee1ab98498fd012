/** The approval checkpoints hold for every caller: the runner refuses a step an earlier one holds back. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmdRun, type CommandEnv } from '../../src/state/commands.js';
import type { Runner } from '../../src/state/runner.js';
import { openTestRunner, SOURCE_CONFIG, tempDir, testRegistry } from './helpers.js';

let t: ReturnType<typeof tempDir>;
const runners: Runner[] = [];
beforeEach(() => {
  t = tempDir();
  mkdirSync(join(t.dir, 'addons'));
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
  t.cleanup();
});
/** Sync talks to Odoo: without a [connection] it cannot run at all, whatever the order says. */
const CONNECTED = `${SOURCE_CONFIG}\n[connection]\nurl = "http://127.0.0.1:8069"\nuser = "admin"\n`;
const open = async () => {
  const r = await openTestRunner(t.dir, testRegistry());
  runners.push(r);
  return r;
};

/** A source workspace whose feature map was proposed and waits for approval. */
async function awaitingFeatureReview(config = SOURCE_CONFIG): Promise<Runner> {
  writeFileSync(join(t.dir, 'odoo-project-sync.toml'), config);
  const r = await open();
  expect((await r.runStep('feature-map')).kind).toBe('done');
  expect(r.store.getState().steps['feature-review'].kind).toBe('awaiting-review');
  return r;
}

test('ToDo is refused while the feature map waits for approval, and the refusal says why', async () => {
  const r = await awaitingFeatureReview();
  expect((await r.runStep('todo')).kind).toBe('pending');
  expect(existsSync(join(t.dir, 'ToDo.md'))).toBe(false);
  expect(r.store.getState().refused).toEqual({
    step: 'todo',
    message: 'ToDo needs "Review feature map" first (it is waiting for your approval)',
    hint: 'open step 5 ("Review feature map") and approve feature_user_story_map.toml, or run `odoo-project-sync run feature-review --yes`',
  });
  // Approving clears the refusal and lets ToDo run.
  expect(await r.review.approveCurrent('feature-review')).toEqual({ ok: true });
  expect(r.store.getState().refused).toBeUndefined();
  expect((await r.runStep('todo')).kind).toBe('done');
});

test('the TUI path (controller.run) is refused the same way', async () => {
  const r = await awaitingFeatureReview();
  r.controller.run('todo');
  await r.idle();
  await new Promise<void>((res) => (r.store.getState().refused ? res() : r.store.subscribe(() => r.store.getState().refused && res())));
  expect(r.store.getState().steps.todo.kind).toBe('pending');
  expect(existsSync(join(t.dir, 'ToDo.md'))).toBe(false);
});

test('sync of a generated ToDo.md is refused while the ToDo step is out of date', async () => {
  const r = await awaitingFeatureReview(CONNECTED);
  await r.review.approveCurrent('feature-review');
  expect(await r.runStep('todo')).toMatchObject({ kind: 'done' });
  // The map changes after ToDo.md was made: ToDo is stale, so its ToDo.md may not be synced.
  writeFileSync(join(t.dir, 'feature_user_story_map.toml'), 'name = "edited"\n');
  await r.reconcile();
  expect(r.store.getState().steps.todo.kind).toBe('stale');
  expect((await r.runStep('sync')).kind).toBe('pending');
  expect(existsSync(join(t.dir, '.odoo-project-sync/sync-plan.json'))).toBe(false);
  expect(r.store.getState().refused?.message).toBe('Sync to Odoo needs "Review feature map" first (it is out of date: feature_user_story_map.toml changed since it was approved)');
});

test('headless `run todo` before the approval exits 2 with the same reason', async () => {
  await awaitingFeatureReview();
  await Promise.all(runners.splice(0).map((r) => r.close()));
  const err: string[] = [];
  const env: CommandEnv = {
    root: t.dir,
    registry: testRegistry(),
    debug: false,
    insecure: false,
    out: () => undefined,
    err: (l) => err.push(l),
    signal: new AbortController().signal,
    lock: { pid: 4243, host: 'test-host', isAlive: () => false },
  };
  expect(await cmdRun(env, 'todo', { yes: false, dryRun: false })).toBe(2);
  expect(err.join('\n')).toContain('ToDo needs "Review feature map" first (it is waiting for your approval)\n  -> open step 5');
  expect(existsSync(join(t.dir, 'ToDo.md'))).toBe(false);
});

test('[sync] plan_file: a hand-kept plan syncs on its own; editing it, or pointing plan_file elsewhere, makes sync stale', async () => {
  writeFileSync(join(t.dir, 'odoo-project-sync.toml'), `${CONNECTED}\n[sync]\nplan_file = "plan.md"\n`);
  writeFileSync(join(t.dir, 'plan.md'), '# plan\n');
  const r = await open();
  expect((await r.runStep('sync')).kind).toBe('done');
  writeFileSync(join(t.dir, 'plan.md'), '# plan, edited\n');
  await r.reconcile();
  expect(r.store.getState().steps.sync).toMatchObject({ kind: 'stale', reason: 'plan.md changed since this step ran' });
  expect((await r.runStep('sync')).kind).toBe('done');

  writeFileSync(join(t.dir, 'plan2.md'), '# another plan\n');
  writeFileSync(join(t.dir, 'odoo-project-sync.toml'), `${CONNECTED}\n[sync]\nplan_file = "plan2.md"\n`);
  await Promise.all(runners.splice(0).map((x) => x.close()));
  const again = await open();
  expect(again.store.getState().steps.sync).toMatchObject({ kind: 'stale', reason: 'plan2.md is now an input (odoo-project-sync.toml changed)' });
});
