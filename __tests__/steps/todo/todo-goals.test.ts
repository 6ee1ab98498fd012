/** Step 6 goals on the examples: takeover and upgrade tasks, re-planning that keeps the user's work. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureMapStep } from '../../../src/steps/feature-map/index.js';
import { todoStep } from '../../../src/steps/todo/index.js';
import { makeContext, tempDir } from '../feature-map/support.js';
import { cleanupAll, hours, rerun, section, tasksOf, workspace } from './support.js';

afterAll(cleanupAll);

const MODULES = ['equipment_maintenance', 'helpdesk_lite', 'helpdesk_lite_stages', 'helpdesk_portal', 'sale_site_visit'];

test('the default goal follows the source: a database workspace is taken over, source code is implemented', async () => {
  const w = await workspace();
  expect(w.todo).toContain('Goal: **implement: build the features for a customer');
  const dir = tempDir();
  cpSync(join(process.cwd(), 'examples/addons'), join(dir, 'modules'), { recursive: true });
  const ctx = makeContext(dir, { source: 'database', addons: [] });
  expect((await featureMapStep.run(ctx)).ok).toBe(true);
  const r = await todoStep.run(ctx);
  expect(r.ok && r.value.summary).toMatch(/^takeover: 5 phases, 25 tasks, /);
  expect(readFileSync(join(dir, 'ToDo.md'), 'utf8')).toContain('Goal: **takeover: turn the database customizations into maintained modules');
});

test('takeover: review, install on a copy, data check, switch-over and clean-up per module, with checklists', async () => {
  const w = await workspace();
  const { todo, r } = await rerun(w, { todo: { goal: 'takeover' } });
  expect(r.ok).toBe(true);
  const tasks = tasksOf(todo);
  for (const m of MODULES) {
    expect([...tasks.keys()].filter((id) => id.startsWith(`${m}.`))).toEqual(
      ['review', 'install', 'data-check', 'switch', 'cleanup'].map((k) => `${m}.takeover.${k}`),
    );
  }
  const check = section(todo, 'equipment_maintenance.takeover.data-check');
  expect(check).toMatch(/^### Check the data of Equipment Maintenance on the copy$/m);
  expect(check).toContain('  - [ ] `equipment.request`: record count and the values of its ');
  expect(check).toContain('  - [ ] `equipment.item`: record count');
  const review = section(todo, 'helpdesk_lite.takeover.review');
  expect(review).toContain('  - [ ] Helpdesk Ticket (helpdesk.ticket) matches what the database does today');
  // Taking over is cheaper than building: the whole takeover is well below the implement plan.
  const total = (t: string) => Number(/\*\*Total: ([\d.]+) h expected/.exec(t)?.[1]);
  expect(total(todo)).toBeLessThan(total(w.todo) / 2);
  for (const id of tasks.keys()) expect(hours(section(todo, id)).e).toBeLessThanOrEqual(16);
});

test('upgrade to 18.0: only the changes these 17.0 modules hit, each line with file:line and its new text', async () => {
  const w = await workspace();
  const { todo } = await rerun(w, { todo: { goal: 'upgrade', target: '18.0' } });
  const tasks = tasksOf(todo);
  expect([...tasks.keys()].filter((id) => id.startsWith('equipment_maintenance.'))).toEqual([
    'equipment_maintenance.upgrade.port',
    'equipment_maintenance.upgrade.tree-list',
    'equipment_maintenance.upgrade.cron-numbercall',
    'equipment_maintenance.upgrade.test',
  ]);
  // 17.0 code has no attrs: no 17.0 task. _sql_constraints changes in 19.0: not asked for.
  expect([...tasks.keys()].some((id) => /attrs|sql-constraints/.test(id))).toBe(false);
  const tree = section(todo, 'helpdesk_lite.upgrade.tree-list');
  expect(tree).toMatch(/^### \\<tree\\> views became \\<list\\>, and view_mode "tree" became "list" in 18\.0 \(\d+ lines in 2 files\)$/m);
  expect(tasksOf(todo).get('helpdesk_lite.upgrade.tree-list')?.title).toMatch(/^<tree> views became <list>, .* in 18\.0 \(/);
  const ticketView = readFileSync(join(w.dir, 'addons/helpdesk_lite/views/helpdesk_ticket_views.xml'), 'utf8').split('\n');
  const at = ticketView.findIndex((l) => l.includes('<tree')) + 1;
  expect(tree).toContain(`  - [ ] [views/helpdesk_ticket_views.xml:${at}](addons/helpdesk_lite/views/helpdesk_ticket_views.xml#L${at}): \`<tree string="Tickets">\` → \`<list string="Tickets">\``);
  expect(section(todo, 'equipment_maintenance.upgrade.cron-numbercall')).toMatch(/`<field name="numbercall">-1<\/field>` → delete the line/);
  expect(section(todo, 'equipment_maintenance.upgrade.port')).toContain('Manifest version starts with 18.0 (was 17.0)');
  const to19 = await rerun(w, { todo: { goal: 'upgrade', target: '19.0' } });
  expect(section(to19.todo, 'helpdesk_lite.upgrade.sql-constraints')).toContain('_sql_constraints = [');
});

test('upgrade from 16.0: attrs, states, name_get, renamed fields and methods, each where it hits', async () => {
  const dir = tempDir();
  cpSync(join(process.cwd(), '__tests__/fixtures/upgrade-16'), join(dir, 'addons'), { recursive: true });
  const ctx = makeContext(dir, { sections: { todo: { goal: 'upgrade', target: '18.0' } } });
  expect((await featureMapStep.run(ctx)).ok).toBe(true);
  expect((await todoStep.run(ctx)).ok).toBe(true);
  const todo = readFileSync(join(dir, 'ToDo.md'), 'utf8');
  const ids = [...tasksOf(todo).keys()];
  expect(ids).toEqual([
    'field_checklist.upgrade.port',
    'field_checklist.upgrade.attrs-states',
    'field_checklist.upgrade.field-states',
    'field_checklist.upgrade.name-get',
    'field_checklist.upgrade.planned-hours',
    'field_checklist.upgrade.tree-list',
    'field_checklist.upgrade.group-operator',
    'field_checklist.upgrade.user-has-groups',
    'field_checklist.upgrade.cron-numbercall',
    'field_checklist.upgrade.test',
  ]);
  const attrs = section(todo, 'field_checklist.upgrade.attrs-states');
  expect(attrs).toMatch(/\(3 lines in 1 file\)$/m);
  expect(attrs).toContain('[views/field_checklist_views.xml:20](addons/field_checklist/views/field_checklist_views.xml#L20): `<button name="action_done" string="Done" type="object" states="draft" class="oe_highlight"/>`');
  expect(attrs).toContain('What to do: write each attrs domain as invisible/readonly/required Python expressions');
  expect(section(todo, 'field_checklist.upgrade.planned-hours')).toContain("→ `hours = fields.Float(related='task_id.allocated_hours', string='Planned Hours')`");
  expect(section(todo, 'field_checklist.upgrade.user-has-groups')).toContain("→ `if not self.env.user.has_groups('project.group_project_manager'):`");
  // Rewrites cost more per line than renames.
  expect(hours(attrs).l).toBeGreaterThan(hours(section(todo, 'field_checklist.upgrade.group-operator')).l);
});

test('upgrade needs a target; a bad goal or version is named', async () => {
  const w = await workspace();
  const none = await rerun(w, { todo: { goal: 'upgrade' } });
  expect(!none.r.ok && none.r.error.where).toEqual({ file: 'odoo-project-sync.toml', field: 'todo.target' });
  const bad = await rerun(w, { todo: { goal: 'migrate' } });
  expect(!bad.r.ok && bad.r.error.message).toBe('[todo] goal: must be one of "implement", "takeover", "upgrade"');
  const version = await rerun(w, { todo: { goal: 'upgrade', target: 'latest' } });
  expect(!version.r.ok && version.r.error.message).toBe('[todo] target: "latest" is not an Odoo version');
});

test('changing the goal re-plans; statuses and owners come back by task id when the goal comes back', async () => {
  const w = await workspace();
  const mark = (todo: string, id: string, status: string, owner: string) =>
    todo.replace(section(todo, id), section(todo, id).replace('- Status: 🔲 Pending', `- Status: ${status}`).replace('- Owner: —', `- Owner: ${owner}`));
  writeFileSync(join(w.dir, 'ToDo.md'), mark(w.todo, 'helpdesk_lite-model-helpdesk_ticket.s1', '✅ Complete', 'Dana'));
  const takeover = await rerun(w, { todo: { goal: 'takeover' } });
  expect(tasksOf(takeover.todo).has('helpdesk_lite-model-helpdesk_ticket.s1')).toBe(false);
  writeFileSync(join(w.dir, 'ToDo.md'), mark(takeover.todo, 'helpdesk_lite.takeover.install', '🔄 In Progress', 'Eli'));
  const back = await rerun(w, { todo: { goal: 'implement' } });
  expect(tasksOf(back.todo).get('helpdesk_lite-model-helpdesk_ticket.s1')).toMatchObject({ status: 'done', owner: 'Dana' });
  const again = await rerun(w, { todo: { goal: 'takeover' } });
  expect(tasksOf(again.todo).get('helpdesk_lite.takeover.install')).toMatchObject({ status: 'in_progress', owner: 'Eli' });
  expect(tasksOf(again.todo).get('helpdesk_lite.takeover.review')).toMatchObject({ status: 'pending' });
});
