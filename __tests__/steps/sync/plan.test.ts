import { profileFor } from '../../../src/odoo/index.js';
import { buildDesired, type DesiredRecord } from '../../../src/steps/sync/desired.js';
import { parseTaskPlan } from '../../../src/steps/sync/parse/index.js';
import { planSync, type Existing } from '../../../src/steps/sync/plan.js';
import { emptyState, type SyncState } from '../../../src/steps/sync/state.js';
import { canonical, hashValue } from '../../../src/steps/sync/values.js';

const DOC = '# ToDo: Demo\n\n## Phase 1: Build\n\n| # | Task | Status | Owner |\n|---|---|---|---|\n| a.build | Build A | Done | admin |\n| b.build | Build B | Pending | Ghost |\n';
const NS = 'ops_demo';

function desired(doc = DOC): DesiredRecord[] {
  const plan = parseTaskPlan(doc, 'ToDo.md');
  if (!plan.ok) throw plan.error;
  return buildDesired({
    plan: plan.value,
    features: new Map(),
    namespace: NS,
    projectName: 'Demo',
    profile: profileFor(17),
    milestones: true,
    articles: 'files',
    users: new Map([['admin', 2]]),
    ids: new Map(),
  }).records;
}

/** Odoo after a perfect sync of `records`: ids 1.., tasks read back as Odoo returns them. */
function synced(records: DesiredRecord[], writeDate = '2026-11-22 08:00:00'): { existing: Existing; state: SyncState } {
  const xmlids = new Map(records.map((r, i) => [r.xmlid, { model: r.model, id: i + 1 }]));
  const ids = new Map([...xmlids].map(([x, r]) => [x, r.id]));
  const state = emptyState('http://odoo', 'db', NS);
  const tasks = new Map<number, Record<string, unknown> & { id: number }>();
  for (const r of records) {
    const id = ids.get(r.xmlid) as number;
    const c = Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, canonical(v, ids)]));
    state.records[r.xmlid] = { model: r.model, id, fields: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, hashValue(v)])), writeDate: r.model === 'project.task' ? writeDate : undefined };
    if (r.model === 'project.task') tasks.set(id, { id, ...c, write_date: writeDate });
  }
  return { existing: { xmlids, tasks, tagsByName: new Map() }, state };
}

const plan = (d: DesiredRecord[], existing: Existing, state: SyncState, archiveRemoved = false) =>
  planSync({ desired: d, existing, state, namespace: NS, project: 'Demo', articleTarget: 'files', archiveRemoved, warnings: [] });
const actions = (p: ReturnType<typeof plan>, model = 'project.task') =>
  p.entries.filter((e) => e.model === model).map((e) => `${e.label}:${e.action}${e.fields ? `(${e.fields.join(',')})` : ''}`);

test('nothing exists: everything is created, in dependency order', () => {
  const d = desired();
  const p = plan(d, { xmlids: new Map(), tasks: new Map(), tagsByName: new Map() }, emptyState('u', 'd', NS));
  expect(p.entries.every((e) => e.action === 'create')).toBe(true);
  expect(p.entries.map((e) => e.model)).toEqual([
    'project.project', 'project.task.type', 'project.task.type', 'project.tags', 'project.tags', 'project.milestone', 'project.task', 'project.task',
  ]);
});

test('after a sync: all unchanged; a status change updates stage, state and the description only', () => {
  const { existing, state } = synced(desired());
  expect(plan(desired(), existing, state).entries.every((e) => e.action === 'unchanged')).toBe(true);
  const changed = desired(DOC.replace('| Build B | Pending |', '| Build B | Done |'));
  expect(actions(plan(changed, existing, state))).toEqual(['a.build Build A:unchanged', 'b.build Build B:update(description,stage_id,state)']);
});

test('edited in Odoo: a conflict when the ToDo changed too, kept otherwise; pending writes are no conflict', () => {
  const { existing, state } = synced(desired());
  const tasks = new Map(existing.tasks);
  const b = state.records[`${NS}.task_b_build`];
  tasks.set(b.id, { ...(tasks.get(b.id) as { id: number }), name: 'Edited', write_date: '2026-11-22 09:00:00' });
  const edited: Existing = { ...existing, tasks };
  expect(actions(plan(desired(), edited, state))[1]).toBe('b.build Build B:kept');
  const changed = desired(DOC.replace('| Build B | Pending |', '| Build B | Done |'));
  const conflict = plan(changed, edited, state).entries.find((e) => e.action === 'conflict');
  expect(conflict).toMatchObject({ fields: ['description', 'stage_id', 'state'], odooFields: ['name'] });
  state.records[`${NS}.task_b_build`] = { ...b, pending: true };
  expect(actions(plan(changed, edited, state))[1]).toBe('b.build Build B:update(name,description,stage_id,state)');
});

test('a task gone from the ToDo is reported, archived only on request', () => {
  const { existing, state } = synced(desired());
  const without = desired(DOC.replace(/\| b\.build .*\n/, ''));
  expect(actions(plan(without, existing, state)).pop()).toBe('Build B:removed');
  expect(actions(plan(without, existing, state, true)).pop()).toBe('Build B:archive');
});

test('a tag name that already exists in Odoo is adopted, not created twice', () => {
  const d = desired();
  const p = plan(d, { xmlids: new Map(), tasks: new Map(), tagsByName: new Map([['Phase 1: Build', 77]]) }, emptyState('u', 'd', NS));
  expect(p.entries.find((e) => e.label === 'Phase 1: Build' && e.model === 'project.tags')).toMatchObject({ action: 'adopt', id: 77 });
});
