/** Step 6 on the example modules, goal "implement": tasks per story, ranges, the cap, kept edits. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { DEFAULT_ESTIMATE, DEFAULT_ESTIMATE_TOML, readExistingTodo, todoStep } from '../../../src/steps/todo/index.js';
import { cleanupAll, hours, rerun, section, setIn, tasksOf, workspace } from './support.js';

afterAll(cleanupAll);

test('implement: per module a set-up, one task per story with its acceptance checklist, web assets, tests and acceptance', async () => {
  const { todo, r } = await workspace();
  expect(r.ok).toBe(true);
  expect(todo.startsWith('# ToDo: Plant Upkeep\n')).toBe(true);
  expect(todo).toContain('Goal: **implement: build the features for a customer, one task per user story**');
  expect(todo.match(/^## Phase \d+: .*$/gm)).toEqual([
    '## Phase 1: Equipment Maintenance (equipment_maintenance)',
    '## Phase 2: Helpdesk Lite (helpdesk_lite)',
    '## Phase 3: Helpdesk Lite Stages (helpdesk_lite_stages)',
    '## Phase 4: Helpdesk Portal (helpdesk_portal)',
    '## Phase 5: Sales Site Visits (sale_site_visit)',
  ]);
  const tasks = tasksOf(todo);
  for (const m of ['equipment_maintenance', 'helpdesk_lite', 'helpdesk_lite_stages', 'helpdesk_portal', 'sale_site_visit']) {
    expect(tasks.get(`${m}.setup`)?.title).toMatch(/^Set up .*: manifest and install/);
    expect(tasks.get(`${m}.tests`)?.title).toMatch(/^Automated tests for /);
    expect(tasks.get(`${m}.acceptance`)?.title).toMatch(/^Acceptance with the customer and deployment of /);
  }
  // The request model's first story: its story text, and its criteria as a checklist with the code's own words.
  const request = section(todo, 'equipment_maintenance-model-equipment_request.s1');
  expect(request).toMatch(/^\*\*Story:\*\* As a .+, I want to record and follow Maintenance Requests/m);
  expect(request).toContain('- Acceptance criteria:\n  - [ ] ');
  expect(request).toMatch(/^ {2}- \[ \] Equipment is required to save a Maintenance Request\. \(\[models\/equipment_request\.py:\d+\]\(addons\/equipment_maintenance\/models\/equipment_request\.py#L\d+\)\)$/m);
  // Evidence is a link that opens the line.
  expect(request).toContain('[models/equipment_request.py:');
  expect(request).toMatch(/\]\(addons\/equipment_maintenance\/models\/equipment_request\.py#L\d+\)/);
  // A reader's story is its own task.
  expect(tasks.get('equipment_maintenance-model-equipment_item.s2')?.title).toBe('Build Equipment (equipment.item): story 2 of 3');
  // A lifecycle: one task per transition story.
  expect(tasks.get('equipment_maintenance-lifecycle-equipment_request.s4')?.title).toMatch(/^Build Maintenance Request lifecycle .*: story 4 of 4$/);
});

test('JS and SCSS count once, in the web client feature, at their own rates; never in the app-menu feature', async () => {
  const { todo } = await workspace();
  const ui = section(todo, 'equipment_maintenance-ui-assets.s1');
  expect(ui).toMatch(/^How it was computed: likely = 0\.5 base \+ 0\.04 × 26\^0\.95 lines of JS \+ 0\.012 × 22\^0\.95 lines of SCSS \+ /m);
  const app = section(todo, 'equipment_maintenance-app-menu_equipment_root.s1');
  expect(app).not.toContain('lines of');
  expect(hours(app).e).toBeLessThan(4);
  // No module task counts them a second time.
  expect(section(todo, 'equipment_maintenance.assets')).toBe('');
  // A map without a web client feature (an older map, or one the user deleted) gets a module task for them.
  const { todo: older } = await workspace({}, (t) => t.replace(/\[features\.equipment_maintenance-ui-assets\][\s\S]*?(?=\n\[features\.)/, ''));
  expect(section(older, 'equipment_maintenance.assets')).toMatch(/^### Build the web assets of Equipment Maintenance \(26 lines of JS, 22 of SCSS, 0 QWeb template files\)$/m);
});

test('every task has optimistic <= likely <= pessimistic, the PERT expected value, and says how it was computed', async () => {
  const { todo } = await workspace();
  const ids = [...tasksOf(todo).keys()];
  expect(ids.length).toBeGreaterThan(30);
  for (const id of ids) {
    const s = section(todo, id);
    const h = hours(s);
    expect(h.o).toBeLessThanOrEqual(h.l);
    expect(h.l).toBeLessThanOrEqual(h.p);
    expect(Math.abs(h.e - (h.o + 4 * h.l + h.p) / 6)).toBeLessThanOrEqual(0.051);
    expect(h.e).toBeLessThanOrEqual(16);
    expect(s).toMatch(/^How it was computed: likely = .+; optimistic = likely × 0\.7; pessimistic = likely × [\d.]+; expected = \(O \+ 4L \+ P\) \/ 6\.$/m);
  }
  // A one-line workflow transition is a small task, not a feature-sized one.
  for (const n of [1, 2, 3, 4]) expect(hours(section(todo, `equipment_maintenance-lifecycle-equipment_request.s${n}`)).e).toBeLessThanOrEqual(2.5);
  // Phase and project totals are ranges.
  expect(todo).toMatch(/^\*\*Total: [\d.]+ h expected \(range [\d.]+–[\d.]+ h\), \d+ tasks in 5 phases\.\*\*/m);
  expect(todo).toMatch(/^[\d.]+ h expected \(range [\d.]+–[\d.]+ h\), \d+ tasks\.$/m);
});

test('no task exceeds the cap: a smaller [estimate] task_cap splits the work into parts', async () => {
  const w = await workspace();
  const { todo } = await rerun(w, { estimate: { task_cap: 3 } });
  const tasks = tasksOf(todo);
  for (const id of tasks.keys()) expect(hours(section(todo, id)).e).toBeLessThanOrEqual(3);
  const parts = [...tasks.keys()].filter((id) => id.startsWith('equipment_maintenance-model-equipment_request.s1.p'));
  expect(parts.length).toBeGreaterThan(1);
  expect(tasks.get(`equipment_maintenance-model-equipment_request.s1.p1`)?.title).toMatch(/\(part 1 of \d+\)$/);
  // The checklist is shared out between the parts, not repeated.
  const criteria = parts.flatMap((id) => section(todo, id).split('\n').filter((l) => l.startsWith('  - [ ] ')));
  expect(new Set(criteria).size).toBe(criteria.length);
  expect(todo).toContain('No task is above 3 h expected');
});

test('the [estimate] model changes the hours; a bad or unknown key is named; old keys only warn', async () => {
  const w = await workspace();
  const before = hours(section(w.todo, 'helpdesk_lite-model-helpdesk_ticket.s1'));
  const after = await rerun(w, { estimate: { field: 1, scale: 1, task_cap: 100 } });
  expect(hours(section(after.todo, 'helpdesk_lite-model-helpdesk_ticket.s1')).l).toBeGreaterThan(before.l + 3);
  const bad = await rerun(w, { estimate: { feild: 1 } });
  expect(bad.r.ok).toBe(false);
  if (!bad.r.ok) {
    expect(bad.r.error.where).toEqual({ file: 'odoo-project-sync.toml', field: 'estimate.feild' });
    expect(bad.r.error.hint).toContain('field');
  }
  const nested = await rerun(w, { estimate: { upgrade: { rewrites: 1 } } });
  expect(!nested.r.ok && nested.r.error.where).toEqual({ file: 'odoo-project-sync.toml', field: 'estimate.upgrade.rewrites' });
  const negative = await rerun(w, { estimate: { view: -1 } });
  expect(!negative.r.ok && negative.r.error.message).toBe('[estimate] view: cannot be negative');
  const legacy = await rerun(w, { estimate: { loc: 0.02, complexity_multiplier: 0.05 } });
  expect(legacy.r.ok && legacy.r.value.warnings.join('\n')).toContain('[estimate]: loc, complexity_multiplier are no longer used');
});

test('DEFAULT_ESTIMATE_TOML holds the defaults and a commented [todo] goal', () => {
  const doc = parse(DEFAULT_ESTIMATE_TOML) as { estimate: unknown; todo: Record<string, unknown> };
  expect(doc.estimate).toEqual(DEFAULT_ESTIMATE);
  expect(doc.todo).toEqual({});
  expect(DEFAULT_ESTIMATE_TOML).toContain('# goal = "upgrade"');
});

test('re-running keeps the statuses and owners set in ToDo.md, matched by task id', async () => {
  const w = await workspace();
  const id = 'helpdesk_lite-model-helpdesk_ticket.s1';
  const edited = w.todo.replace(section(w.todo, id), section(w.todo, id).replace('- Status: 🔲 Pending', '- Status: ✅ Complete').replace('- Owner: —', '- Owner: Dana'));
  writeFileSync(join(w.dir, 'ToDo.md'), edited.replace(section(edited, 'helpdesk_lite.tests'), section(edited, 'helpdesk_lite.tests').replace('- Status: 🔲 Pending', '- Status: In Review')));
  expect((await todoStep.run(w.ctx)).ok).toBe(true);
  const again = readFileSync(join(w.dir, 'ToDo.md'), 'utf8');
  expect(tasksOf(again).get(id)).toMatchObject({ status: 'done', owner: 'Dana' });
  expect(tasksOf(again).get('helpdesk_lite.tests')).toMatchObject({ status: 'review' });
  expect(readExistingTodo(again).get('helpdesk_lite.setup')).toEqual({ status: 'pending', owner: '' });
  expect(again).toMatch(/\| Phase 2: Helpdesk Lite \(helpdesk_lite\) \| \d+ \| 1 \|/);
});

test('owners come from the map; milestones make the phases', async () => {
  const { todo } = await workspace({}, (t) =>
    [
      setIn('equipment_maintenance-model-equipment_request', 'milestone', 'MVP'),
      setIn('equipment_maintenance-model-equipment_request', 'owner', 'alice'),
      setIn('helpdesk_lite-model-helpdesk_ticket', 'milestone', 'MVP'),
      setIn('sale_site_visit-model-sale_site_visit', 'milestone', 'Sales'),
    ].reduce((s, f) => f(s), t),
  );
  expect(todo.match(/^## Phase \d+: .*$/gm)).toEqual(['## Phase 1: MVP', '## Phase 2: Sales', '## Phase 3: Backlog']);
  expect(tasksOf(todo).get('equipment_maintenance-model-equipment_request.s1')).toMatchObject({ owner: 'alice', phase: 'Phase 1: MVP' });
});

test('bidi controls in a title, an owner or a milestone reach ToDo.md as visible \\u escapes, never raw', async () => {
  const { todo } = await workspace({}, (t) =>
    [
      setIn('equipment_maintenance-model-equipment_request', 'title', 'Requests \\u202Egnp.exe'),
      setIn('equipment_maintenance-model-equipment_request', 'owner', 'al\\u2066ice'),
      setIn('equipment_maintenance-model-equipment_request', 'milestone', 'MVP\\u202D'),
    ].reduce((s, f) => f(s), t),
  );
  expect(todo).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  expect(todo).toContain('Requests \\u202egnp.exe');
  expect(todo).toContain('## Phase 1: MVP\\u202d');
  expect(todo).toContain('al\\u2066ice');
});

test('out-of-scope features get no task; a merged feature moves its work and stories into the target', async () => {
  const w = await workspace();
  const before = hours(section(w.todo, 'equipment_maintenance-model-equipment_item.s1'));
  const { todo } = await workspace({}, (t) =>
    [
      setIn('helpdesk_lite-model-helpdesk_tag', 'scope', 'out'),
      (s: string) => s.replace(/(\[features\.equipment_maintenance-model-equipment_vehicle\]\n)/, '$1merged_into = "equipment_maintenance-model-equipment_item"\n'),
    ].reduce((s, f) => f(s), t),
  );
  const tasks = tasksOf(todo);
  expect([...tasks.keys()].some((id) => id.startsWith('helpdesk_lite-model-helpdesk_tag.'))).toBe(false);
  expect(todo).toContain('## Out of Scope\n\n- Ticket Tag (helpdesk.tag) (`helpdesk_lite-model-helpdesk_tag`)');
  expect([...tasks.keys()].some((id) => id.startsWith('equipment_maintenance-model-equipment_vehicle.'))).toBe(false);
  expect(tasks.get('equipment_maintenance-model-equipment_item.s1')?.title).toMatch(/^Build Equipment \(equipment.item\) \+ Vehicle \(equipment.vehicle\): story 1 of \d+$/);
  expect(hours(section(todo, 'equipment_maintenance-model-equipment_item.s1')).l).toBeGreaterThan(0);
  expect(before.l).toBeGreaterThan(0);
});

test('same inputs, same bytes', async () => {
  const { ctx, dir, todo } = await workspace();
  await todoStep.run(ctx);
  expect(readFileSync(join(dir, 'ToDo.md'), 'utf8')).toBe(todo);
});

test('an invalid feature map is refused with file:line:col', async () => {
  const { r } = await workspace({}, (t) => t.replace('priority = "high"', 'priority = "asap"'));
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.where).toMatchObject({ file: 'feature_user_story_map.toml', line: expect.any(Number), column: 1 });
    expect(r.error.message).toContain('priority must be one of');
  }
});

test('the approved copy is what the ToDo is planned from', async () => {
  const { dir, ctx } = await workspace();
  const approved = setIn('equipment_maintenance-app-menu_equipment_root', 'owner', 'approved-owner')(readFileSync(join(dir, 'feature_user_story_map.toml'), 'utf8'));
  await ctx.artifacts.write('.odoo-project-sync/approved/feature_user_story_map.toml', approved);
  writeFileSync(join(dir, 'feature_user_story_map.toml'), setIn('equipment_maintenance-app-menu_equipment_root', 'owner', 'draft-owner')(approved));
  await todoStep.run(ctx);
  expect(tasksOf(readFileSync(join(dir, 'ToDo.md'), 'utf8')).get('equipment_maintenance-app-menu_equipment_root.s1')?.owner).toBe('approved-owner');
});

test("the map's repeated warnings come as one line with their line numbers", async () => {
  const { r } = await workspace();
  const warnings = r.ok ? r.value.warnings : [];
  const reasons = warnings.filter((w) => w.includes('needs a reason'));
  expect(reasons).toHaveLength(1);
  expect(reasons[0]).toMatch(/^feature_user_story_map\.toml: \d+ times \(lines \d+, \d+, .*\): needs a reason: /);
});

test('an owner typed in Latin-1 in ToDo.md is refused at its line, and ToDo.md is left as it was', async () => {
  const w = await workspace();
  const id = 'helpdesk_lite-model-helpdesk_ticket.s1';
  const [before, after] = w.todo.replace(section(w.todo, id), section(w.todo, id).replace('- Owner: —', '- Owner: Jos\0')).split('\0');
  const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]);
  writeFileSync(join(w.dir, 'ToDo.md'), bytes);
  expect(await todoStep.run(w.ctx)).toMatchObject({
    ok: false,
    error: { message: expect.stringMatching(/^this byte is not UTF-8 text/), where: { file: 'ToDo.md', line: before.split('\n').length, column: '- Owner: Jos'.length + 1 } },
  });
  expect(readFileSync(join(w.dir, 'ToDo.md')).equals(bytes)).toBe(true);
});

test("a model's first story carries its fields and views; a story that only looks the records up is a small part (maintenance: \"look up Stages\" was half of maintenance.stage)", async () => {
  const { todo } = await workspace();
  const first = section(todo, 'equipment_maintenance-model-equipment_item.s1');
  const reader = section(todo, 'equipment_maintenance-model-equipment_item.s2');
  expect(reader).toMatch(/^\*\*Story:\*\* As an? .+, I want to look up /m);
  expect(hours(reader).l).toBeLessThan(hours(first).l / 6);
});
