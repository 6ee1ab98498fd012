import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startEmulator } from '../../../src/odoo/emulator/index.js';
import { expectOk, runSyncStep, workspace } from './harness.js';

const CHILD = join(process.cwd(), '__tests__/steps/sync/child-sync.ts');

/** Polls a condition (no fixed sleeps): resolves when true, rejects after `limit` checks. */
async function until(cond: () => boolean, what: string, limit = 20_000): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (cond()) return;
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test.each([2, 6])('kill -9 after %i load() calls; running again finishes with exactly one record per task', async (loads) => {
  const emu = await startEmulator({ version: 17, latencyMs: 40 });
  const ws = workspace();
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, SYNC_URL: emu.url, SYNC_DB: emu.db, SYNC_ROOT: ws.root },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    await until(() => (emu.stats.byMethod.load ?? 0) >= loads, `${loads} load calls`);
    child.kill('SIGKILL');
    await exited;
    const partial = emu.store.search('ir.model.data', [['module', '=', 'ops_odoo_ce_devops_master_plan'], ['model', '=', 'project.task']]).length;
    expect(partial).toBeLessThan(54);
    if (loads >= 6) expect(partial).toBeGreaterThan(0);

    const outcome = expectOk(await runSyncStep(emu, ws));
    expect(outcome.summary).toMatch(/^54 tasks:/);
    const project = emu.store.search('project.project', [['name', '=', 'Odoo CE DevOps Master Plan']]);
    expect(project).toHaveLength(1);
    expect(emu.store.search('project.task', [['project_id', '=', project[0]]])).toHaveLength(54);
    expect(emu.store.search('ir.model.data', [['module', '=', 'ops_odoo_ce_devops_master_plan'], ['model', '=', 'project.task']])).toHaveLength(54);
    expect(expectOk(await runSyncStep(emu, ws)).summary).toMatch(/0 created, 0 updated, 54 unchanged/);
  } finally {
    await emu.close();
    ws.cleanup();
  }
}, 180_000);
