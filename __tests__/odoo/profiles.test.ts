import { convertPriority, profileFor } from '../../src/odoo/profiles.js';
import { parseVersion } from '../../src/odoo/detect.js';

test('16 uses planned hours, kanban_state, tree views, one automation action, attrs allowed', () => {
  const p = profileFor(16);
  expect(p).toMatchObject({
    taskHoursField: 'planned_hours',
    taskStateField: 'kanban_state',
    listViewType: 'tree',
    automationActionField: 'action_server_id',
    viewAttrsAllowed: true,
    hasMilestones: true,
    hasJson2: false,
    taskDeadlineType: 'date',
    series: '16.0',
  });
  expect(p.taskStateValues.blocked).toBe('blocked');
  expect(p.taskStateValues.done).toBeUndefined();
});

test('17 switches to allocated hours, the required task state, datetime deadlines, no attrs', () => {
  const p = profileFor(17);
  expect(p).toMatchObject({
    taskHoursField: 'allocated_hours',
    taskStateField: 'state',
    listViewType: 'tree',
    automationActionField: 'action_server_ids',
    viewAttrsAllowed: false,
    projectAnalyticField: 'analytic_account_id',
    taskDeadlineType: 'datetime',
    userGroupsField: 'groups_id',
  });
  expect(p.taskStateValues).toMatchObject({ done: '1_done', cancelled: '1_canceled', changes_requested: '02_changes_requested', approved: '03_approved' });
  expect(p.taskPriorityKeys).toEqual(['0', '1']);
});

test('18 uses list views and account_id; 19 adds group_ids, privilege_id, four priorities, JSON-2', () => {
  expect(profileFor(18)).toMatchObject({ listViewType: 'list', projectAnalyticField: 'account_id', userGroupsField: 'groups_id', hasJson2: false });
  expect(profileFor(19)).toMatchObject({
    listViewType: 'list',
    userGroupsField: 'group_ids',
    groupCategoryField: 'privilege_id',
    hasJson2: true,
    taskPriorityKeys: ['0', '1', '2', '3'],
  });
  expect(profileFor(15).hasMilestones).toBe(false);
  expect(profileFor(20).hasJson2).toBe(true);
});

test('the state values match the selection recorded from real 17 and 19 servers', async () => {
  const { readFileSync } = await import('node:fs');
  for (const v of ['17.0', '19.0']) {
    const fields = JSON.parse(readFileSync(`__tests__/fixtures/odoo-facts/${v}/fields_get.project.task.json`, 'utf8')) as Record<string, unknown>;
    const task = (fields['result'] ?? fields) as Record<string, { selection: [string, string][] }>;
    const p = profileFor(Number.parseInt(v, 10));
    const keys = task['state']?.selection.map(([k]) => k) ?? [];
    for (const value of Object.values(p.taskStateValues)) if (value) expect(keys).toContain(value);
    expect(task['priority']?.selection.map(([k]) => k)).toEqual(p.taskPriorityKeys);
    expect(task[p.taskHoursField]).toBeDefined();
  }
});

test('a high priority on 17 becomes High (2), not Medium, on 19, and back', () => {
  expect(convertPriority('1', profileFor(17), profileFor(19))).toBe('2');
  expect(convertPriority('0', profileFor(17), profileFor(19))).toBe('0');
  expect(convertPriority('3', profileFor(19), profileFor(17))).toBe('1');
  expect(convertPriority('1', profileFor(19), profileFor(17))).toBe('1');
});

test('versions parse from XML-RPC, /web/version and saas strings', () => {
  expect(parseVersion({ server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1 })?.major).toBe(17);
  expect(parseVersion({ version: '19.0', version_info: [19, 0, 0, 'final', 0, ''] })?.major).toBe(19);
  expect(parseVersion({ server_version: 'saas~18.3', server_version_info: ['saas~18', 3, 0, 'final', 0] })?.major).toBe(18);
  expect(parseVersion({ hello: 'world' })).toBeUndefined();
});
