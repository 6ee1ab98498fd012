/**
 * A re-sync with nothing changed answers from the last run that changed nothing (kept in
 * .odoo-project-sync/cache/sync-unchanged.json) after one round of reads in Odoo. Whatever that
 * run depended on, changed, must make the sync work it out again: an edit in Odoo, in ToDo.md,
 * in the settings, a user created for an owner, a state file that is gone.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { UNCHANGED_FILE } from '../../../src/steps/sync/unchanged.js';
import { kw } from '../../odoo/emulator/helpers.js';
import { callsOf, headlessSync, headlessWorkspace, type HeadlessRun } from './headless.js';

const PLAN = join(process.cwd(), '__tests__/fixtures/plans/status-table.md');
const NS = 'ops_fleet_maintenance_portal';
const SECRET = { password: 'admin' };
const STANDS = /nothing changed in the plan, the workspace or Odoo since the last sync/;

function clock(): { now: () => Date; tick: (s: number) => void } {
  let t = Date.parse('2026-12-02T08:00:00Z');
  return { now: () => new Date(t), tick: (s) => (t += s * 1000) };
}

const said = (r: HeadlessRun) => [...r.out, ...r.err].join('\n');
const writes = (emu: Emulator) => ['load', 'create', 'write', 'unlink'].reduce((a, m) => a + (emu.stats.byMethod[m] ?? 0), 0);

function task(emu: Emulator, name: string): Record<string, unknown> {
  const target = emu.store.xmlid(`${NS}.${name}`);
  if (!target) throw new Error(`no task ${name}`);
  return emu.store.get('project.task', target.res_id) as Record<string, unknown>;
}

describe('a re-sync with nothing changed', () => {
  let emu: Emulator;
  let ws: { root: string; cleanup: () => void };
  const c = clock();
  beforeEach(async () => {
    emu = await startEmulator({ version: 17, now: c.now });
    ws = await headlessWorkspace(emu, PLAN);
    expect((await headlessSync(ws.root, SECRET)).code).toBe(0);
    c.tick(60);
    // The first re-sync works it out in full (and keeps the result: it changed nothing).
    const full = await headlessSync(ws.root, SECRET);
    expect(said(full)).not.toMatch(STANDS);
    expect(existsSync(join(ws.root, UNCHANGED_FILE))).toBe(true);
    c.tick(60);
  });
  afterEach(async () => {
    await emu.close();
    ws.cleanup();
  });

  test('says the same as a full run, in 4 small calls, writes nothing and leaves the workspace files as they were', async () => {
    const full = await headlessSync(ws.root, SECRET);
    const files = ['.odoo-project-sync/sync-state.json', '.odoo-project-sync/sync-plan.json', '.odoo-project-sync/reports/sync.md'];
    const before = files.map((f) => readFileSync(join(ws.root, f), 'utf8'));
    const w = writes(emu);
    rmSync(join(ws.root, '.odoo-project-sync/reports/sync.md'));
    const again = await headlessSync(ws.root, SECRET);
    expect(again.code).toBe(0);
    expect(said(again)).toMatch(STANDS);
    const calls = (lines: string[]) => lines.map((l) => l.replace(/\(\d+ Odoo calls\)/, '(N Odoo calls)'));
    expect(calls(again.out)).toEqual(calls(full.out));
    // Owners, the external ids but the tasks', a count of the tasks' ones, the task list.
    expect(callsOf(again)).toBe(4);
    expect(writes(emu)).toBe(w);
    expect(files.map((f) => readFileSync(join(ws.root, f), 'utf8'))).toEqual(before);
    // Its warnings are the full run's.
    expect(again.err.filter((l) => l.includes('warning:'))).toEqual(full.err.filter((l) => l.includes('warning:')));
    // The journal (and so the step screen) says which runs wrote the files and which kept them:
    // the first sync and the first re-sync (worked out in full) wrote them, the two since did not.
    const finished = readFileSync(join(ws.root, '.odoo-project-sync/journal.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"step-finished"') && l.includes('"step":"sync"'))
      .map((l) => (JSON.parse(l) as { action: { kept?: boolean } }).action.kept === true);
    expect(finished).toEqual([false, false, true, true]);
  });

  test('a task edited in Odoo is seen: kept from Odoo', async () => {
    await kw(emu.url, emu.db, 'project.task', 'write', [[Number(task(emu, 'task_fleet_fields').id)], { name: 'Renamed in Odoo' }]);
    c.tick(60);
    const r = await headlessSync(ws.root, SECRET);
    expect(said(r)).not.toMatch(STANDS);
    expect(said(r)).toMatch(/1 kept from Odoo/);
    expect(task(emu, 'task_fleet_fields').name).toBe('Renamed in Odoo');
  });

  test('a task deleted in Odoo is created again', async () => {
    await kw(emu.url, emu.db, 'project.task', 'unlink', [[Number(task(emu, 'task_fleet_views').id)]]);
    const r = await headlessSync(ws.root, SECRET);
    expect(said(r)).toMatch(/1 created, 0 updated, 4 unchanged/);
    expect(task(emu, 'task_fleet_views').name).toBe('Rebuild the Studio form view');
  });

  test('a task moved to another project in Odoo is an edit made there (kept), never a task to create again', async () => {
    const other = (await kw(emu.url, emu.db, 'project.project', 'create', [{ name: 'Elsewhere' }])) as number;
    const moved = Number(task(emu, 'task_fleet_cron').id);
    await kw(emu.url, emu.db, 'project.task', 'write', [[moved], { project_id: other }]);
    c.tick(60);
    const tasks = emu.store.count('project.task');
    const r = await headlessSync(ws.root, SECRET);
    expect(said(r)).toMatch(/0 created, 0 updated, 4 unchanged, 1 kept from Odoo/);
    expect(emu.store.count('project.task')).toBe(tasks);
    expect(task(emu, 'task_fleet_cron')).toMatchObject({ id: moved, project_id: other });
  });

  test('the external id of a task deleted by hand in Odoo: worked out again', async () => {
    const row = emu.store.search('ir.model.data', [['module', '=', NS], ['name', '=', 'task_fleet_cron']]);
    expect(row).toHaveLength(1);
    await kw(emu.url, emu.db, 'ir.model.data', 'unlink', [row]);
    const r = await headlessSync(ws.root, SECRET);
    expect(said(r)).not.toMatch(STANDS);
  });

  test('a task people added to the project themselves leaves the result standing', async () => {
    const project = emu.store.xmlid(`${NS}.project`)?.res_id;
    expect(project).toBeDefined();
    await kw(emu.url, emu.db, 'project.task', 'create', [{ name: 'Added by hand', project_id: project }]);
    const r = await headlessSync(ws.root, SECRET);
    expect(said(r)).toMatch(STANDS);
    expect(said(r)).toMatch(/0 created, 0 updated, 5 unchanged/);
  });

  test('ToDo.md edited: the task is updated', async () => {
    const file = join(ws.root, 'ToDo.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Add service interval fields', 'Add service interval and mileage fields'));
    const r = await headlessSync(ws.root, SECRET);
    expect(said(r)).toMatch(/0 created, 1 updated, 4 unchanged/);
    expect(task(emu, 'task_fleet_fields').name).toBe('Add service interval and mileage fields');
  });

  test('a user created since for an owner that matched none gets the task', async () => {
    const partner = (await kw(emu.url, emu.db, 'res.partner', 'create', [{ name: 'Nobody Known' }])) as number;
    const uid = (await kw(emu.url, emu.db, 'res.users', 'create', [{ name: 'Nobody Known', login: 'nobody', partner_id: partner }])) as number;
    const r = await headlessSync(ws.root, SECRET);
    expect(said(r)).not.toMatch(STANDS);
    expect(task(emu, 'task_fleet_views').user_ids).toEqual([uid]);
  });

  test('the settings changed ([sync] archive_removed): worked out again', async () => {
    const file = join(ws.root, 'odoo-project-sync.toml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n[sync]\narchive_removed = true\n`);
    const r = await headlessSync(ws.root, SECRET);
    expect(r.code).toBe(0);
    expect(said(r)).not.toMatch(STANDS);
  });

  test('sync-state.json deleted: worked out again from the external ids, nothing duplicated', async () => {
    rmSync(join(ws.root, '.odoo-project-sync/sync-state.json'));
    const r = await headlessSync(ws.root, SECRET);
    expect(said(r)).not.toMatch(STANDS);
    expect(said(r)).toMatch(/0 created, 0 updated, 5 unchanged/);
  });

  test('a dry run is never answered from it, and it does not spoil the next run', async () => {
    const dry = await headlessSync(ws.root, SECRET, { dryRun: true });
    expect(said(dry)).not.toMatch(STANDS);
    expect(said(dry)).toMatch(/dry run: 5 tasks/);
    await headlessSync(ws.root, SECRET);
    const again = await headlessSync(ws.root, SECRET);
    expect(said(again)).toMatch(STANDS);
  });
});
