import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModules, startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import type { CallOptions, OdooClient } from '../../../src/odoo/types.js';
import { kw } from '../../odoo/emulator/helpers.js';
import { expectOk, runSyncStep, workspace, type Workspace } from './harness.js';

const PLANS = join(process.cwd(), '__tests__/fixtures/plans');
const NS = 'ops_fleet_maintenance_portal';

function clock(): { now: () => Date; tick: (s: number) => void } {
  let t = Date.parse('2026-11-22T08:00:00Z');
  return { now: () => new Date(t), tick: (s) => (t += s * 1000) };
}

function taskByXmlid(emu: Emulator, name: string): Record<string, unknown> {
  const target = emu.store.xmlid(`${NS}.${name}`);
  if (!target) throw new Error(`no task ${name}`);
  return emu.store.get('project.task', target.res_id) as Record<string, unknown>;
}

describe('status table: owners, estimates, states, tags (Odoo 17)', () => {
  let emu: Emulator;
  let ws: Workspace;
  const c = clock();
  beforeAll(async () => {
    emu = await startEmulator({ version: 17, now: c.now });
    ws = workspace(join(PLANS, 'status-table.md'));
  });
  afterAll(async () => {
    await emu.close();
    ws.cleanup();
  });

  test('owners that match a user by login or name are assigned; others become a tag and a warning', async () => {
    const outcome = expectOk(await runSyncStep(emu, ws));
    const admin = emu.store.search('res.users', [['login', '=', 'admin']])[0];
    const marc = emu.store.search('res.users', [['name', '=', 'Marc Demo']])[0];
    expect(taskByXmlid(emu, 'task_fleet_model').user_ids).toEqual([admin]);
    expect(taskByXmlid(emu, 'task_fleet_fields').user_ids).toEqual([marc]);
    const views = taskByXmlid(emu, 'task_fleet_views');
    expect(views.user_ids).toEqual([]);
    const tagNames = (views.tag_ids as number[]).map((id) => emu.store.get('project.tags', id)?.name);
    expect(tagNames.sort()).toEqual(['Complexity: high', 'Owner: Nobody Known', 'Phase 1: Data model']);
    expect(outcome.warnings).toContain('Owner "Nobody Known" matches no Odoo user (by name or login): kept as tag "Owner: Nobody Known".');
  });

  test('estimate goes to allocated_hours; status to a stage of the project and to state', () => {
    const model = taskByXmlid(emu, 'task_fleet_model');
    expect(model.allocated_hours).toBe(6.5);
    const states = ['task_fleet_model', 'task_fleet_fields', 'task_fleet_views', 'task_fleet_cron'].map((x) => taskByXmlid(emu, x).state);
    expect(states).toEqual(['1_done', '01_in_progress', '01_in_progress', '04_waiting_normal']);
    const project = emu.store.xmlid(`${NS}.project`)?.res_id as number;
    const stageIds = emu.store.search('project.task.type', [['project_ids', 'in', [project]]]);
    const names = emu.store.read('project.task.type', stageIds).map((s) => s.name);
    expect(names.sort()).toEqual(['Blocked', 'Done', 'In Progress', 'To Do']);
    expect(emu.store.get('project.task.type', Number(model.stage_id))?.name).toBe('Done');
  });

  test('a task edited in Odoo and changed in the ToDo is a conflict: kept by default, taken on request', async () => {
    c.tick(60);
    const id = Number(taskByXmlid(emu, 'task_fleet_fields').id);
    await kw(emu.url, emu.db, 'project.task', 'write', [[id], { name: 'Renamed in Odoo' }]);
    c.tick(60);
    const file = join(ws.root, 'ToDo.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('| fleet.fields | Add service interval fields | 🔄 |', '| fleet.fields | Add service interval fields | ✅ |'));

    const keep = await runSyncStep(emu, ws);
    expectOk(keep);
    const q = keep.questions.find((x) => x.id === 'sync-conflicts');
    expect(q?.defaultValue).toBe('keep');
    expect(q?.detail).toMatch(/Add service interval fields: plan changes .*stage_id.*Odoo changed name/);
    expect(taskByXmlid(emu, 'task_fleet_fields').name).toBe('Renamed in Odoo');
    expect(keep.result.ok && keep.result.value.warnings.join('\n')).toMatch(/kept as they are in Odoo: fleet\.fields/);

    const take = await runSyncStep(emu, ws, { answers: { 'sync-conflicts': 'take' } });
    expectOk(take);
    expect(taskByXmlid(emu, 'task_fleet_fields')).toMatchObject({ name: 'Add service interval fields', state: '1_done' });
    const again = expectOk(await runSyncStep(emu, ws));
    expect(again.summary).toMatch(/0 created, 0 updated, 5 unchanged/);
  });

  test("a stage of the project with the plan's name is used, not duplicated", async () => {
    const project = emu.store.xmlid(`${NS}.project`)?.res_id as number;
    const blocked = emu.store.xmlid(`${NS}.stage_blocked`)?.res_id as number;
    // As if the user had made the "Blocked" stage in Odoo: it has no external id of ours.
    const imd = emu.store.search('ir.model.data', [['module', '=', NS], ['name', '=', 'stage_blocked']]);
    emu.store.remove('ir.model.data', imd[0]);
    const run = await runSyncStep(emu, ws);
    expectOk(run);
    const stages = emu.store.search('project.task.type', [['project_ids', 'in', [project]], ['name', '=', 'Blocked']]);
    expect(stages).toEqual([blocked]);
    expect(taskByXmlid(emu, 'task_fleet_cron').stage_id).toBe(blocked);
    const plan = JSON.parse(readFileSync(join(ws.root, '.odoo-project-sync/sync-plan.json'), 'utf8'));
    expect(plan.entries.find((e: { xmlid: string }) => e.xmlid === `${NS}.stage_blocked`)).toMatchObject({ action: 'adopt', id: blocked });
  });

  test('a task removed from the ToDo is never deleted; archived only with archive_removed', async () => {
    const file = join(ws.root, 'ToDo.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\| fleet\.mail .*\n/, ''));
    const plain = expectOk(await runSyncStep(emu, ws));
    expect(plain.summary).toMatch(/1 no longer planned/);
    expect(taskByXmlid(emu, 'task_fleet_mail').active).toBe(true);
    const archived = expectOk(await runSyncStep(emu, ws, { sections: { sync: { archive_removed: true } } }));
    expect(archived.summary).toMatch(/1 archived/);
    expect(taskByXmlid(emu, 'task_fleet_mail').active).toBe(false);
    expect(emu.store.search('project.task', [['name', 'like', 'Reminder e-mail'], ['active', 'in', [true, false]]])).toHaveLength(1);
  });

  test('renaming the project renames it in Odoo; the external ids stay in their namespace', async () => {
    const projects = emu.store.count('project.project');
    const run = expectOk(await runSyncStep(emu, ws, { sections: { sync: { project_name: 'Fleet Portal v2' } } }));
    expect(run.summary).toMatch(/0 created, 0 updated/);
    expect(emu.store.count('project.project')).toBe(projects);
    expect(emu.store.get('project.project', emu.store.xmlid(`${NS}.project`)?.res_id as number)?.name).toBe('Fleet Portal v2');
  });
});

describe('quiet by default', () => {
  test.each([
    [{}, { mail_create_nolog: true, mail_create_nosubscribe: true, mail_notrack: true, tracking_disable: true, mail_auto_subscribe_no_notify: true }],
    [{ sync: { notify: true } }, undefined],
  ])('config %j: load() context %j', async (sections, context) => {
    const emu = await startEmulator({ version: 17 });
    const ws = workspace(join(PLANS, 'heading-per-task.md'));
    const seen: unknown[] = [];
    try {
      const spy = (c: OdooClient): OdooClient =>
        new Proxy(c, {
          get(target, prop, receiver) {
            const v = Reflect.get(target, prop, receiver);
            if (prop !== 'load' || typeof v !== 'function') return typeof v === 'function' ? v.bind(target) : v;
            return (model: string, fields: string[], rows: unknown[][], opts?: CallOptions) => {
              seen.push(opts?.context);
              return v.call(target, model, fields, rows, opts);
            };
          },
        });
      expectOk(await runSyncStep(emu, ws, { sections, wrap: spy }));
      expect(seen.length).toBeGreaterThan(0);
      for (const ctx of seen) expect(ctx).toEqual(context);
    } finally {
      await emu.close();
      ws.cleanup();
    }
  });
});

describe('dry run, subtasks, articles', () => {
  test('--dry-run prints the plan, writes the plan file and nothing to Odoo', async () => {
    const emu = await startEmulator({ version: 19 });
    const ws = workspace(join(PLANS, 'checklist.md'));
    try {
      const before = emu.store.count('project.task');
      const run = await runSyncStep(emu, ws, { dryRun: true });
      const outcome = expectOk(run);
      expect(outcome.summary).toMatch(/^dry run: 9 tasks, 9 to create/);
      expect(run.logs.join('\n')).toMatch(/tasks\s+9/);
      expect(emu.stats.byMethod.load ?? 0).toBe(0);
      expect(emu.store.count('project.task')).toBe(before);
      expect(existsSync(join(ws.root, '.odoo-project-sync/sync-plan.json'))).toBe(true);
    } finally {
      await emu.close();
      ws.cleanup();
    }
  });

  test('nested checkbox items become subtasks of their parent', async () => {
    const emu = await startEmulator({ version: 17 });
    const ws = workspace(join(PLANS, 'checklist.md'));
    try {
      expectOk(await runSyncStep(emu, ws));
      const parent = emu.store.xmlid('ops_website_relaunch.task_1_migrate_the_blog')?.res_id;
      expect(emu.store.get('project.task', parent as number)?.name).toBe('Migrate the blog');
      const kids = emu.store.read('project.task', emu.store.search('project.task', [['parent_id', '=', parent]]));
      expect(kids.map((k) => k.name).sort()).toEqual(['Export posts', 'Fix image links', 'Map categories']);
    } finally {
      await emu.close();
      ws.cleanup();
    }
  });

  test.each([
    { module: 'knowledge', model: 'knowledge.article', body: 'body' },
    { module: 'document_page', model: 'document.page', body: 'content' },
  ])('articles go to $model with a feature map; tasks link to their feature article', async ({ module, model, body }) => {
    const emu = await startEmulator({ version: 17, modules: [...defaultModules(17), module] });
    const ws = workspace(join(PLANS, 'status-table.md'));
    writeFileSync(
      join(ws.root, 'feature_user_story_map.toml'),
      '[features.fleet]\nname = "Fleet maintenance"\nsummary = "Equipment and service intervals"\n\n[[features.fleet.stories]]\nas_a = "fleet manager"\ni_want = "service reminders"\nso_that = "no machine is overdue"\nacceptance = ["A reminder is sent 7 days before the interval ends"]\n',
    );
    try {
      expectOk(await runSyncStep(emu, ws));
      const root = emu.store.xmlid(`${NS}.article_root`)?.res_id as number;
      const feature = emu.store.get(model, emu.store.xmlid(`${NS}.article_feature_fleet`)?.res_id as number);
      expect(feature?.parent_id).toBe(root);
      expect(String(feature?.[body])).toContain('A reminder is sent 7 days before the interval ends');
      const task = taskByXmlid(emu, 'task_fleet_model');
      expect(String(task.description)).toContain('As fleet manager, I want service reminders so that no machine is overdue.');
      expect(String(task.description)).toMatch(new RegExp(`Feature article: <a href="[^"]*${feature?.id}[^"]*">Fleet maintenance</a>`));
      expect(existsSync(join(ws.root, 'articles'))).toBe(false);
    } finally {
      await emu.close();
      ws.cleanup();
    }
  });

  test('without an article app the articles stay as files and the tasks still sync', async () => {
    const emu = await startEmulator({ version: 19 });
    const ws = workspace(join(PLANS, 'heading-per-task.md'));
    writeFileSync(join(ws.root, 'feature_user_story_map.toml'), '[features.A]\ntitle = "Helpdesk setup"\n\n[[features.A.stories]]\ntext = "As an agent, I want teams"\nacceptance = ["Two teams exist"]\n');
    try {
      const outcome = expectOk(await runSyncStep(emu, ws));
      expect(outcome.summary).toMatch(/^4 tasks: 4 created/);
      expect(readFileSync(join(ws.root, 'articles/overview.md'), 'utf8')).toMatch(/\| Phase A: Setup \| 2 \|/);
      expect(readFileSync(join(ws.root, 'articles/a.md'), 'utf8')).toMatch(/^# Helpdesk setup\n[\s\S]*- Two teams exist/);
      const task = emu.store.get('project.task', emu.store.xmlid('ops_helpdesk_rollout.task_a_1')?.res_id as number);
      expect(String(task?.description)).toContain('Feature article: Helpdesk setup (<code>articles/a.md</code> in the project workspace)');
      expect(outcome.report).toMatch(/kept as files under articles\//);
    } finally {
      await emu.close();
      ws.cleanup();
    }
  });
});

describe('a re-sync with nothing changed', () => {
  test('reads only the write_date of tasks Odoo left as sent; a task edited in Odoo is read whole', async () => {
    const c = clock();
    const emu = await startEmulator({ version: 17, now: c.now });
    const ws = workspace(join(PLANS, 'status-table.md'));
    const reads: string[][] = [];
    const spy = (client: OdooClient): OdooClient =>
      new Proxy(client, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          if (prop !== 'read' || typeof v !== 'function') return typeof v === 'function' ? v.bind(target) : v;
          return (model: string, ids: number[], fields: string[], opts?: CallOptions) => {
            if (model === 'project.task') reads.push([...fields]);
            return v.call(target, model, ids, fields, opts);
          };
        },
      });
    try {
      expectOk(await runSyncStep(emu, ws));
      c.tick(60);
      reads.length = 0;
      const again = expectOk(await runSyncStep(emu, ws, { wrap: spy }));
      expect(again.summary).toMatch(/0 created, 0 updated, 5 unchanged/);
      expect(reads).toEqual([['write_date']]);
      // Edited in Odoo: its write_date moved, so that one task is read with its fields and kept.
      const id = Number(taskByXmlid(emu, 'task_fleet_fields').id);
      await kw(emu.url, emu.db, 'project.task', 'write', [[id], { name: 'Renamed in Odoo' }]);
      c.tick(60);
      reads.length = 0;
      const drift = expectOk(await runSyncStep(emu, ws, { wrap: spy }));
      expect(reads).toHaveLength(2);
      expect(reads[1]).toEqual(expect.arrayContaining(['name', 'write_date', 'stage_id']));
      expect(drift.summary).toMatch(/1 kept from Odoo/);
      expect(taskByXmlid(emu, 'task_fleet_fields').name).toBe('Renamed in Odoo');
    } finally {
      await emu.close();
      ws.cleanup();
    }
  });
});
