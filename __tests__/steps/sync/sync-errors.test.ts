import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { expectOk, runSyncStep, workspace, type Workspace } from './harness.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ version: 17 });
});
afterAll(async () => {
  await emu.close();
});

function projectCount(): number {
  return emu.store.search('project.project', [['name', '=', 'Odoo CE DevOps Master Plan']]).length;
}

async function withWorkspace(fn: (ws: Workspace) => Promise<void>): Promise<void> {
  const ws = workspace();
  try {
    await fn(ws);
  } finally {
    ws.cleanup();
  }
}

test.each([
  ['an empty ToDo', '\n\n', /empty/, 1],
  ['a document with no tasks', '# Notes\n\nNothing planned yet.\n', /No tasks found/, 1],
  ['a status symbol not in the legend', '## Legend\n- ✅ Complete\n\n## P\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | 🟣 |\n', /"🟣" is not in the document's legend/, 8],
  ['duplicate task ids', '## P\n\n| # | Task | Status |\n|---|---|---|\n| 1 | A | Done |\n| 1 | B | Done |\n', /"1" is used twice/, 6],
])('%s: a UserError with ToDo.md:line, and Odoo is not touched', async (_name, text, message, line) => {
  await withWorkspace(async (ws) => {
    writeFileSync(join(ws.root, 'ToDo.md'), text);
    const before = emu.stats.requests;
    const run = await runSyncStep(emu, ws);
    expect(run.result.ok).toBe(false);
    if (run.result.ok) return;
    expect(run.result.error.message).toMatch(message);
    expect(run.result.error.where).toMatchObject({ file: 'ToDo.md', line });
    expect(emu.stats.requests).toBe(before);
  });
});

test('task ids that differ only in punctuation are refused before anything is written', async () => {
  await withWorkspace(async (ws) => {
    writeFileSync(join(ws.root, 'ToDo.md'), '## P\n\n| # | Task | Status |\n|---|---|---|\n| 1.1 | A | Done |\n| 1_1 | B | Done |\n');
    const loads = emu.stats.byMethod.load ?? 0;
    const run = await runSyncStep(emu, ws);
    expect(!run.result.ok && run.result.error.message).toMatch(/"1\.1 A" and "1_1 B" would share the external id/);
    expect(emu.stats.byMethod.load ?? 0).toBe(loads);
  });
});

test('no ToDo.md: the error says how to get one; plan_file points the step at any plan', async () => {
  await withWorkspace(async (ws) => {
    const { rmSync, copyFileSync } = await import('node:fs');
    copyFileSync(join(ws.root, 'ToDo.md'), join(ws.root, 'seed.txt'));
    rmSync(join(ws.root, 'ToDo.md'));
    const missing = await runSyncStep(emu, ws);
    expect(!missing.result.ok && missing.result.error.hint).toMatch(/plan_file/);
    const dry = await runSyncStep(emu, ws, { dryRun: true, sections: { sync: { plan_file: 'seed.txt' } } });
    expect(expectOk(dry).summary).toMatch(/54 tasks/);
    const outside = await runSyncStep(emu, ws, { sections: { sync: { plan_file: '../elsewhere.md' } } });
    expect(!outside.result.ok && outside.result.error.where).toEqual({ file: 'odoo-project-sync.toml', field: 'sync.plan_file' });
  });
});

test('wrong credentials: a clear error naming the server, nothing written', async () => {
  await withWorkspace(async (ws) => {
    const run = await runSyncStep(emu, ws, { password: 'not-the-password' });
    expect(run.result.ok).toBe(false);
    if (run.result.ok) return;
    expect(run.result.error.code).toBe('odoo');
    expect(`${run.result.error.message} ${run.result.error.hint}`).toMatch(/password|API key|credentials|login/i);
    expect(projectCount()).toBe(0);
  });
});

test('a user without project rights: a clear error, nothing half-written, and a re-run with rights completes', async () => {
  await withWorkspace(async (ws) => {
    const run = await runSyncStep(emu, ws, { login: 'noProject' });
    expect(run.result.ok).toBe(false);
    if (run.result.ok) return;
    expect(`${run.result.error.message} ${run.result.error.hint}`).toMatch(/project/i);
    expect(projectCount()).toBe(0);
    expect(emu.store.search('ir.model.data', [['module', '=', 'ops_odoo_ce_devops_master_plan']])).toEqual([]);
    expectOk(await runSyncStep(emu, ws));
    expect(projectCount()).toBe(1);
  });
});

test.each([
  [{ xmlid_namespace: 'studio_customization' }, /belongs to Odoo Studio/],
  [{ xmlid_namespace: 'project' }, /belongs to an installed module/],
  [{ xmlid_namespace: 'Bad-Name' }, /sync\.xmlid_namespace/],
  [{ notify: 'yes' }, /sync\.notify/],
  [{ projct_name: 'typo' }, /projct_name/],
])('config %j is refused, naming the key in odoo-project-sync.toml', async (section, message) => {
  await withWorkspace(async (ws) => {
    const run = await runSyncStep(emu, ws, { sections: { sync: section } });
    expect(run.result.ok).toBe(false);
    if (run.result.ok) return;
    expect(run.result.error.message).toMatch(message);
    expect(run.result.error.where).toMatchObject({ file: 'odoo-project-sync.toml', field: expect.stringMatching(/^sync/) });
  });
});
