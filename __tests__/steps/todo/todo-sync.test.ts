/**
 * The ToDo.md of step 6, read by step 7: diagrams are no tasks, every task keeps its id, and the
 * descriptions synced to Odoo carry the story, the acceptance checklist, evidence and the lines
 * to change.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, defaultModules } from '../../../src/odoo/emulator/index.js';
import { parseTaskPlan } from '../../../src/steps/sync/parse/index.js';
import { xmlidOf } from '../../../src/steps/sync/records.js';
import { dependencyGraph, hoursChart } from '../../../src/steps/todo/mermaid.js';
import { expectOk, runSyncStep, workspace as syncWorkspace } from '../sync/harness.js';
import { cleanupAll, rerun, tasksOf, workspace } from './support.js';

afterAll(cleanupAll);

test('the sync parser reads every task of each goal and nothing from the diagrams', async () => {
  const w = await workspace();
  for (const todo of [w.todo, (await rerun(w, { todo: { goal: 'takeover' } })).todo, (await rerun(w, { todo: { goal: 'upgrade', target: '18.0' } })).todo]) {
    const plan = parseTaskPlan(todo, 'ToDo.md');
    if (!plan.ok) throw plan.error;
    const written = [...todo.matchAll(/^- ID: `([^`]+)`$/gm)].map((m) => m[1]);
    const read = plan.value.phases.flatMap((p) => p.tasks);
    expect(read.map((t) => t.id)).toEqual(written);
    expect(read.every((t) => t.explicitId && t.estimate !== undefined && t.parentId === undefined)).toBe(true);
    expect(plan.value.phases.map((p) => p.name)).toEqual([...todo.matchAll(/^## (Phase \d+: .*)$/gm)].map((m) => m[1].replace(/\\/g, '')));
    // The diagrams and the overview table are read past, and say so only as information.
    expect(todo).toContain('```mermaid\nxychart-beta');
    expect(todo).toContain('```mermaid\nflowchart LR');
    expect(plan.value.notices.filter((n) => n.level === 'warning')).toEqual([]);
    expect(read.some((t) => /mermaid|xychart|flowchart|-->/.test(`${t.title} ${t.description ?? ''}`))).toBe(false);
  }
});

test('Mermaid: a bar per phase (high, expected, low), labels without syntax, long plans trimmed', () => {
  const chart = hoursChart([
    { label: 'crm "extras" [beta]', low: 7, expected: 10.04, high: 18 },
    { label: 'sale', low: 1, expected: 2, high: 3 },
  ]);
  expect(chart.split('\n')).toEqual([
    '```mermaid',
    'xychart-beta',
    '    title "Hours per phase: high, expected, low"',
    '    x-axis ["crm extras beta", "sale"]',
    '    y-axis "Hours" 0 --> 20',
    '    bar [18, 3]',
    '    bar [10, 2]',
    '    bar [7, 1]',
    '```',
  ]);
  const many = hoursChart(Array.from({ length: 30 }, (_, i) => ({ label: `m${i}`, low: i, expected: i, high: i })));
  expect(many).toContain('"11 other phases"');
  const graph = dependencyGraph([
    { name: 'a', title: 'A "quoted"', depends: ['b', 'base'] },
    { name: 'b', title: 'B', depends: ['base'] },
  ]);
  expect(graph.chart).toContain('    m_a["A quoted<br/>a"]');
  expect(graph.chart).toContain('    m_a --> m_b');
  expect(graph.chart).toContain('    m_base["base"]:::ext');
});

test('synced to Odoo, a task description carries its story, the acceptance checklist and the evidence', async () => {
  const w = await workspace();
  const upgrade = await rerun(w, { todo: { goal: 'upgrade', target: '18.0' } });
  const implement = await rerun(w, { todo: { goal: 'implement' } });
  const emu = await startEmulator({ version: 17, modules: defaultModules(17) });
  const ws = syncWorkspace(join(w.dir, 'ToDo.md'));
  copyFileSync(join(w.dir, 'feature_user_story_map.toml'), join(ws.root, 'feature_user_story_map.toml'));
  try {
    const sections = { sync: { project_name: 'Plant Upkeep', xmlid_namespace: 'ops_plant' } };
    const outcome = expectOk(await runSyncStep(emu, ws, { sections }));
    expect(outcome.summary).toMatch(new RegExp(`^${tasksOf(implement.todo).size} tasks: ${tasksOf(implement.todo).size} created`));
    const s = emu.store;
    const task = (id: string) => s.get('project.task', s.xmlid(xmlidOf.task('ops_plant', id))?.res_id as number);
    const request = task('equipment_maintenance-model-equipment_request.s1');
    const html = String(request?.description);
    expect(html).toMatch(/<strong>Story:<\/strong> As a .+, I want to record and follow Maintenance Requests/);
    expect(html).toMatch(/<ul class="o_checklist"><li>Reference is required to save a Maintenance Request\. \(<a href="addons\/equipment_maintenance\/models\/equipment_request\.py#L\d+">models\/equipment_request\.py:\d+<\/a>\)<\/li>/);
    expect(html).toContain('<a href="addons/equipment_maintenance/models/equipment_request.py#L');
    expect(html).toContain('How it was computed: likely = ');
    // The plan's own story is the description: the feature's other stories are not added again.
    expect(html.match(/I want to/g)?.length).toBe(1);
    expect(request?.allocated_hours).toBeGreaterThan(0);
    // The upgrade plan: each line to change is an item of the checklist.
    writeFileSync(join(ws.root, 'ToDo.md'), upgrade.todo);
    expectOk(await runSyncStep(emu, ws, { sections }));
    const tree = String(task('helpdesk_lite.upgrade.tree-list')?.description);
    expect(tree).toMatch(/<ul class="o_checklist"><li><a href="addons\/helpdesk_lite\/views\/helpdesk_team_views.xml#L\d+">views\/helpdesk_team_views.xml:\d+<\/a>: <code>&lt;tree string=&quot;Teams&quot; editable=&quot;bottom&quot;&gt;<\/code> → <code>&lt;list /);
  } finally {
    await emu.close();
    ws.cleanup();
  }
}, 60_000);
