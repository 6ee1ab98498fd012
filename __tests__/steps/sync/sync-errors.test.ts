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
  ['a binary file', 'PK\u0003\u0004\u0000\u0000 zip', /ToDo\.md is not a text file: it holds binary data/, 1],
  ['a Latin-1 byte in a task', Buffer.from('# Plan\n\n## Phase 1\n\n- [ ] Caf\u00e9 menu\n', 'latin1'), /^this byte is not UTF-8 text/, 5],
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

describe('one odd cell never costs the rest of the plan', () => {
  const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => `| 1.${i + 1} | Done thing ${i + 1} | ✅ |`).join('\n');
  const doc = `# Odd Cell Plan\n\n## Legend\n- ✅ Complete\n- 🔲 Pending\n\n## Phase 1\n\n| # | Task | Status |\n|---|---|---|\n${rowsOf(29)}\n| 1.30 | Strange one | ⭐ |\n| 1.30 | Same id again | ✅ |\n`;

  test('an unknown status and a repeated id: all 31 tasks sync, the warnings are grouped and counted', async () => {
    await withWorkspace(async (ws) => {
      writeFileSync(join(ws.root, 'ToDo.md'), doc);
      const outcome = expectOk(await runSyncStep(emu, ws));
      expect(outcome.summary).toMatch(/^31 tasks: 31 created, 0 updated, 0 unchanged, 2 warnings \(/);
      expect(outcome.warnings).toEqual([
        'ToDo.md:40: status "⭐" is not in the document\'s legend and is no status word: read as To Do',
        'ToDo.md:41: task id "1.30" is used twice (first at line 40): this one is kept as "1.1.30"',
      ]);
      const pid = emu.store.xmlid('ops_odd_cell_plan.project')?.res_id as number;
      const tasks = emu.store.read('project.task', emu.store.search('project.task', [['project_id', '=', pid]]));
      expect(tasks).toHaveLength(31);
      expect(tasks.filter((t) => t.state === '1_done')).toHaveLength(30);
    });
  });

  test('--strict turns the warnings into an input error naming the first line, and Odoo is not touched', async () => {
    await withWorkspace(async (ws) => {
      writeFileSync(join(ws.root, 'ToDo.md'), doc);
      const before = emu.stats.requests;
      const run = await runSyncStep(emu, ws, { strict: true });
      expect(run.result.ok).toBe(false);
      if (run.result.ok) return;
      expect(run.result.error.code).toBe('input');
      expect(run.result.error.message).toMatch(/^2 warnings about ToDo\.md \(--strict\): ToDo\.md:40: status "⭐"/);
      expect(run.result.error.where).toEqual({ file: 'ToDo.md', line: 40 });
      expect(emu.stats.requests).toBe(before);
    });
  });
});

test('task ids that differ only in punctuation get their own external ids, with a warning', async () => {
  await withWorkspace(async (ws) => {
    writeFileSync(join(ws.root, 'ToDo.md'), '# Punct\n\n## P\n\n| # | Task | Status |\n|---|---|---|\n| 1.1 | A | Done |\n| 1_1 | B | Done |\n');
    const outcome = expectOk(await runSyncStep(emu, ws));
    expect(outcome.warnings).toEqual(['ToDo.md:8: task id "1_1" would share an external id with "1.1" (first at line 7): this one is kept as "p.1_1"']);
    expect(emu.store.search('ir.model.data', [['module', '=', 'ops_punct'], ['model', '=', 'project.task']])).toHaveLength(2);
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

test('plan_file is read even when a ToDo.md exists; a missing plan_file names itself, not step 6', async () => {
  await withWorkspace(async (ws) => {
    writeFileSync(join(ws.root, 'hand-plan.md'), '# Hand plan\n\n## Phase 1: Only\n\n- [ ] One task by hand\n');
    const dry = await runSyncStep(emu, ws, { dryRun: true, sections: { sync: { plan_file: 'hand-plan.md' } } });
    // The seed ToDo.md holds 54 tasks; the hand plan one.
    expect(expectOk(dry).summary).toMatch(/\b1 task/);
    const gone = await runSyncStep(emu, ws, { dryRun: true, sections: { sync: { plan_file: 'no-such-plan.md' } } });
    expect(gone.result.ok).toBe(false);
    expect(!gone.result.ok && gone.result.error.message).toBe('No task plan: no-such-plan.md does not exist.');
    expect(!gone.result.ok && gone.result.error.hint).toMatch(/Create no-such-plan\.md, or remove plan_file/);
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
