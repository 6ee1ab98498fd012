/** Step 6 on the example modules: phases, tasks, estimates that follow the model, kept edits. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureMapStep } from '../../../src/steps/feature-map/index.js';
import type { WorkspaceConfig } from '../../../src/steps/types.js';
import { DEFAULT_ESTIMATE_TOML, readExistingTodo, todoStep } from '../../../src/steps/todo/index.js';
import { parse } from 'smol-toml';
import { cleanup, copyExamples, makeContext, tempDir } from '../feature-map/support.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

async function workspace(config: Partial<WorkspaceConfig> = {}, editMap?: (t: string) => string) {
  const dir = tempDir();
  dirs.push(dir);
  copyExamples(dir);
  const ctx = makeContext(dir, { sections: { sync: { project_name: 'Plant Upkeep' } }, ...config });
  expect((await featureMapStep.run(ctx)).ok).toBe(true);
  const mapFile = join(dir, 'feature_user_story_map.toml');
  if (editMap) writeFileSync(mapFile, editMap(readFileSync(mapFile, 'utf8')));
  const r = await todoStep.run(ctx);
  const todo = existsSync(join(dir, 'ToDo.md')) ? readFileSync(join(dir, 'ToDo.md'), 'utf8') : '';
  return { dir, ctx, r, todo, mapFile };
}

const row = (todo: string, id: string) => todo.split('\n').find((l) => l.startsWith(`| ${id} |`)) ?? '';
const setIn = (feature: string, key: string, value: string) => (t: string) =>
  t.replace(new RegExp(`(\\[features\\.${feature}\\][\\s\\S]*?)${key} = "[^"]*"`), `$1${key} = "${value}"`);

test('the header, legend, phases per module and summary follow the format sync parses', async () => {
  const { todo, r } = await workspace();
  expect(r.ok).toBe(true);
  expect(todo.startsWith('# ToDo: Plant Upkeep\n')).toBe(true);
  expect(todo).toContain('## Task Status Legend\n- ✅ Complete\n- 🔄 In Progress\n- 🔲 Pending\n- ❌ Blocked\n\n---\n');
  expect(todo.match(/^## Phase \d+: .*$/gm)).toEqual([
    '## Phase 1: Equipment Maintenance (equipment_maintenance)',
    '## Phase 2: Helpdesk Lite (helpdesk_lite)',
    '## Phase 3: Helpdesk Lite Stages (helpdesk_lite_stages)',
    '## Phase 4: Helpdesk Portal (helpdesk_portal)',
    '## Phase 5: Sales Site Visits (sale_site_visit)',
  ]);
  expect(todo).toContain('| # | Task | Status | Owner | Estimate | Complexity | Evidence |');
  expect(todo).toMatch(/## Summary\n\n\| Phase \| Tasks \| Done \| Hours \|\n\|-------\|-------\|------\|-------\|\n\| Phase 1: Equipment Maintenance \(equipment_maintenance\) \| 36 \| 0 \| [\d.]+ \|/);
});

test('each in-scope feature has build, test and doc tasks with metrics, estimate and evidence', async () => {
  const { todo } = await workspace();
  const id = 'equipment_maintenance-lifecycle-equipment_request';
  // Four transition methods: 21 LOC, CC 11. 1 base + 21 x 0.02 + 4 x 0.5 = 3.42 h; 7 extra points x 0.05 -> x 1.35 = 4.62 -> 5.0 h.
  expect(row(todo, `${id}.build`)).toBe(
    `| ${id}.build | Build Maintenance Request lifecycle (Status): 4 transitions to Confirmed, In Progress, Done and Cancelled | 🔲 |  | 5.0 h | 0 fields, 0 views, 21 LOC, CC 11, 0 deps | ` +
      '`addons/equipment_maintenance/models/equipment_request.py:30`, `addons/equipment_maintenance/models/equipment_request.py:79` +7 more |',
  );
  expect(row(todo, `${id}.test`)).toContain('| 2.0 h |'); // 4.62 x 0.4 = 1.85 -> 2.0
  expect(row(todo, `${id}.doc`)).toContain('| 1.0 h |');
  expect(todo).toContain(`- \`${id}.build\`: 1 base + 21 LOC × 0.02 + 4 methods × 0.5 = 3.42 h × 1.35 (CC 11: 7 extra decision points × 0.05) = 4.62 h → 5.0 h`);
  expect(row(todo, 'equipment_maintenance-model-equipment_request.build')).toContain('13 fields, 4 views, 114 LOC, CC 23, 4 deps');
  expect(row(todo, 'sale_site_visit-extension-crm_lead.build')).toContain('1 views, 3 xpaths');
  expect(row(todo, 'equipment_maintenance-report-action_report_equipment_request.build')).toContain('1 views, 1 reports, 18 LOC');
});

test('the estimate model from [estimate] changes the hours, and a bad key is named', async () => {
  const { todo } = await workspace({ sections: { estimate: { base: 3, loc: 0, method: 0, complexity_multiplier: 0, round_to: 1 } } });
  expect(row(todo, 'equipment_maintenance-lifecycle-equipment_request.build')).toContain('| 3.0 h |');
  const bad = await workspace({ sections: { estimate: { feild: 1 } } });
  expect(bad.r.ok).toBe(false);
  if (!bad.r.ok) {
    expect(bad.r.error.where).toEqual({ file: 'odoo-project-sync.toml', field: 'estimate.feild' });
    expect(bad.r.error.hint).toContain('field');
  }
  const negative = await workspace({ sections: { estimate: { view: -1 } } });
  expect(!negative.r.ok && negative.r.error.message).toBe('[estimate] view: cannot be negative');
});

test('DEFAULT_ESTIMATE_TOML is valid TOML whose values are the defaults', async () => {
  const section = (parse(DEFAULT_ESTIMATE_TOML) as { estimate: Record<string, number> }).estimate;
  const a = await workspace({ sections: { estimate: section } });
  const b = await workspace();
  expect(a.todo).toBe(b.todo.replace(/# ToDo: .*/, a.todo.split('\n')[0]));
});

test('re-running keeps the statuses and owners set in ToDo.md, matched by task id', async () => {
  const { dir, ctx, todo } = await workspace();
  const id = 'helpdesk_lite-model-helpdesk_ticket';
  const edited = todo
    .replace(row(todo, `${id}.build`), row(todo, `${id}.build`).replace('| 🔲 |  |', '| ✅ | Dana |'))
    .replace(row(todo, `${id}.test`), row(todo, `${id}.test`).replace('| 🔲 |  |', '| 🔄 | Eli \\| QA |'));
  writeFileSync(join(dir, 'ToDo.md'), edited);
  expect((await todoStep.run(ctx)).ok).toBe(true);
  const again = readFileSync(join(dir, 'ToDo.md'), 'utf8');
  expect(row(again, `${id}.build`)).toContain('| ✅ | Dana |');
  expect(row(again, `${id}.test`)).toContain('| 🔄 | Eli \\| QA |');
  expect(row(again, `${id}.doc`)).toContain('| 🔲 |  |');
  expect(again).toMatch(/\| Phase 2: Helpdesk Lite \(helpdesk_lite\) \| 21 \| 1 \|/);
  expect(readExistingTodo(again).get(`${id}.test`)).toEqual({ status: 'in_progress', owner: 'Eli | QA' });
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
  expect(row(todo, 'equipment_maintenance-model-equipment_request.build')).toContain('| 🔲 | alice |');
});

test('out-of-scope features get no task; a merged feature moves its work into the target', async () => {
  const { todo } = await workspace({}, (t) =>
    [
      setIn('helpdesk_lite-model-helpdesk_tag', 'scope', 'out'),
      (s: string) => s.replace(/(\[features\.equipment_maintenance-model-equipment_vehicle\]\n)/, '$1merged_into = "equipment_maintenance-model-equipment_item"\n'),
    ].reduce((s, f) => f(s), t),
  );
  expect(row(todo, 'helpdesk_lite-model-helpdesk_tag.build')).toBe('');
  expect(todo).toContain('## Out of Scope\n\n- Ticket Tag (helpdesk.tag) (`helpdesk_lite-model-helpdesk_tag`)');
  expect(row(todo, 'equipment_maintenance-model-equipment_vehicle.build')).toBe('');
  // 13 + 4 fields, 4 + 2 views.
  expect(row(todo, 'equipment_maintenance-model-equipment_item.build')).toContain('| Build Equipment (equipment.item) + Vehicle (equipment.vehicle) | 🔲 |  |');
  expect(row(todo, 'equipment_maintenance-model-equipment_item.build')).toContain('17 fields, 6 views');
});

test('modules generated from a database get migrate tasks instead of build tasks', async () => {
  const { todo } = await workspace({}, (t) => t.replace(/origin = "source"/g, 'origin = "database"'));
  expect(row(todo, 'helpdesk_lite-model-helpdesk_ticket.migrate')).toMatch(/^\| helpdesk_lite-model-helpdesk_ticket.migrate \| Migrate Helpdesk Ticket/);
  expect(row(todo, 'helpdesk_lite-model-helpdesk_ticket.build')).toBe('');
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
  expect(row(readFileSync(join(dir, 'ToDo.md'), 'utf8'), 'equipment_maintenance-app-menu_equipment_root.build')).toContain('| approved-owner |');
});

test('the sync step parser reads every task with its id, status, owner and estimate', async () => {
  const parserPath = join(process.cwd(), 'src/steps/sync/parse/index.ts');
  if (!existsSync(parserPath)) return;
  const { todo } = await workspace({}, setIn('helpdesk_lite-model-helpdesk_ticket', 'owner', 'dana'));
  const mod = (await import('../../../src/steps/sync/parse/index.js')) as {
    parseTaskPlan: (s: string, f: string) => { ok: boolean; value?: { phases: { tasks: { id: string; owner?: string; estimate?: number }[] }[] } };
  };
  const plan = mod.parseTaskPlan(todo, 'ToDo.md');
  expect(plan.ok).toBe(true);
  const tasks = plan.value?.phases.flatMap((p) => p.tasks) ?? [];
  expect(tasks.length).toBe(todo.split('\n').filter((l) => /^\| [a-z0-9_-]+\.(build|test|doc|migrate) \|/.test(l)).length);
  expect(tasks.find((t) => t.id === 'helpdesk_lite-model-helpdesk_ticket.build')).toMatchObject({ owner: 'dana', estimate: expect.any(Number) });
});
