import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { kw } from './helpers.js';

describe('Model.load with external ids', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: 19 });
  });
  afterAll(() => emu.close());
  const load = (fields: string[], rows: unknown[][]) => kw(emu.url, emu.db, 'project.task', 'load', [fields, rows]);
  const FIELDS = ['id', 'name', 'project_id/id', 'allocated_hours', 'tag_ids/id', 'priority'];

  test('creates records and ir.model.data rows, then updates the same records', async () => {
    const rows = [
      ['ops_test.t1', 'Load one', 'project.project_project_1', '2.5', '', 'High priority'],
      ['ops_test.t2', 'Load two', 'project.project_project_2', '1', '', '0'],
    ];
    const first = await load(FIELDS, rows);
    expect(first).toEqual({ ids: [expect.any(Number), expect.any(Number)], messages: [], nextrow: 0 });
    expect(emu.store.xmlid('ops_test.t1')).toEqual({ model: 'project.task', res_id: first.ids[0] });
    const [t1] = emu.store.read('project.task', [first.ids[0]]);
    expect(t1).toMatchObject({ name: 'Load one', project_id: 1, allocated_hours: 2.5, priority: '2' });

    const countBefore = emu.store.count('project.task');
    rows[0][1] = 'Load one, renamed';
    const second = await load(FIELDS, rows);
    expect(second.ids).toEqual(first.ids);
    expect(emu.store.count('project.task')).toBe(countBefore);
    expect(emu.store.read('project.task', [first.ids[0]])[0].name).toBe('Load one, renamed');
  });

  test('many2many external ids are a comma-separated list; unqualified ids go to __import__', async () => {
    emu.store.addXmlid('ops_test', 'tag_a', 'project.tags', 1);
    emu.store.addXmlid('ops_test', 'tag_b', 'project.tags', 2);
    const ans = await load(FIELDS, [['bare_id', 'Tagged', 'project.project_project_1', '0', 'ops_test.tag_a,ops_test.tag_b', '0']]);
    expect(ans.messages).toEqual([]);
    expect(emu.store.read('project.task', ans.ids)[0].tag_ids).toEqual([1, 2]);
    expect(emu.store.xmlid('__import__.bare_id')).toEqual({ model: 'project.task', res_id: ans.ids[0] });
  });

  test('one bad row: errors in messages, ids false, nothing kept (not even the good rows)', async () => {
    const count = emu.store.count('project.task');
    const imd = emu.store.count('ir.model.data');
    const ans = await load(FIELDS, [
      ['ops_test.good', 'Good row', 'project.project_project_1', '1', '', '0'],
      ['ops_test.bad', 'Bad row', 'nope.nothing', 'lots', '', '0'],
    ]);
    expect(ans.ids).toBe(false);
    expect(ans.messages.map((m: { field: string; record: number }) => [m.record, m.field])).toEqual([
      [1, 'allocated_hours'],
      [1, 'project_id'],
    ]);
    expect(ans.messages[1].message).toBe("No matching record found for external id 'nope.nothing' in field 'Project'");
    expect(emu.store.count('project.task')).toBe(count);
    expect(emu.store.count('ir.model.data')).toBe(imd);
  });

  test('a missing required value is reported in messages, not raised', async () => {
    const ans = await load(['id', 'name'], [['ops_test.noname', '']]);
    expect(ans.ids).toBe(false);
    expect(ans.messages[0]).toMatchObject({ type: 'error', record: 0, rows: { from: 0, to: 0 } });
    expect(ans.messages[0].message).toMatch(/Missing required value for the field 'Title' \(name\)|mandatory field/);
  });
});
