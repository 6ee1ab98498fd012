import { defaultModules, startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { kw, xmlCall } from './helpers.js';

describe('ORM semantics over XML-RPC (Odoo 17)', () => {
  let emu: Emulator;
  let clock = new Date('2026-11-22T10:00:00Z');
  beforeAll(async () => {
    emu = await startEmulator({ version: 17, now: () => clock });
  });
  afterAll(() => emu.close());
  const call = (model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>) =>
    kw(emu.url, emu.db, model, method, args, kwargs);

  test('create takes a dict (-> id) or a list of dicts (-> ids), with Odoo timestamps', async () => {
    const one = await call('project.tags', 'create', [{ name: 'orm-one' }]);
    const many = await call('project.tags', 'create', [[{ name: 'orm-a' }, { name: 'orm-b' }]]);
    expect(typeof one).toBe('number');
    expect(many).toEqual([expect.any(Number), expect.any(Number)]);
    const [row] = await call('project.tags', 'read', [[one], ['create_date', 'write_date', 'create_uid']]);
    expect(row).toEqual({ id: one, create_date: '2026-11-22 10:00:00', write_date: '2026-11-22 10:00:00', create_uid: [2, 'Mitchell Admin'] });
  });

  test('write updates write_date and applies x2many commands', async () => {
    const id = await call('project.task', 'create', [{ name: 'orm task', project_id: 1, tag_ids: [[6, 0, [1]]] }]);
    clock = new Date('2026-11-22T11:30:05Z');
    await call('project.task', 'write', [[id], { tag_ids: [[4, 2], [3, 1], [0, 0, { name: 'orm-new-tag' }]], user_ids: [[6, 0, [2]]] }]);
    const [t] = await call('project.task', 'read', [[id], ['tag_ids', 'user_ids', 'write_date', 'create_date', 'project_id']]);
    expect(t.write_date).toBe('2026-11-22 11:30:05');
    expect(t.create_date).toBe('2026-11-22 10:00:00');
    expect(t.user_ids).toEqual([2]);
    expect(t.project_id).toEqual([1, 'Office Design']);
    const tagNames = (await call('project.tags', 'read', [t.tag_ids, ['name']])).map((r: { name: string }) => r.name);
    expect(tagNames.sort()).toEqual(['Customer', 'orm-new-tag']);
  });

  test('a failing record in a batch create keeps none of the batch (one transaction)', async () => {
    const before = emu.store.count('project.tags');
    const ans = await xmlCall(emu.url, '/xmlrpc/2/object', 'execute_kw', [
      emu.db, 2, 'admin', 'project.tags', 'create', [[{ name: 'orm-batch-ok' }, { name: 'Internal' }]], {},
    ]);
    expect(ans).toEqual({ fault: { faultCode: 2, faultString: 'The operation cannot be completed: A tag with the same name already exists.' } });
    expect(emu.store.count('project.tags')).toBe(before);
  });

  test('read drops missing ids, keeps the asked order, and shapes relations', async () => {
    const rows = await call('project.task', 'read', [[6, 999, 5], ['name', 'stage_id', 'user_ids']]);
    expect(rows.map((r: { id: number }) => r.id)).toEqual([6, 5]);
    expect(rows[0].stage_id).toEqual([2, 'In Progress']);
    expect(Array.isArray(rows[0].user_ids)).toBe(true);
  });

  test('search_read pages with limit/offset/order and search_count counts', async () => {
    const all = await call('project.task', 'search', [[['project_id', '=', 1]]], { order: 'id asc' });
    const page = await call('project.task', 'search_read', [[['project_id', '=', 1]]], { fields: ['name'], limit: 2, offset: 1, order: 'id asc' });
    expect(page.map((r: { id: number }) => r.id)).toEqual(all.slice(1, 3));
    expect(await call('project.task', 'search_count', [[['project_id', '=', 1]]])).toBe(all.length);
  });

  test('fields_get filters attributes and leaves out the ones that do not apply', async () => {
    const f = await call('project.task', 'fields_get', [['name', 'stage_id']], { attributes: ['type', 'relation'] });
    expect(f).toEqual({ name: { type: 'char' }, stage_id: { type: 'many2one', relation: 'project.task.type' } });
  });

  test('a wrong selection key is refused; an unknown field in read is refused', async () => {
    await expect(call('project.task', 'create', [{ name: 'x', priority: '7' }])).rejects.toMatchObject({ faultCode: 1 });
    await expect(call('project.task', 'read', [[5], ['nope']])).rejects.toThrow(/Invalid field 'nope' on model 'project.task'/);
  });

  test('unlink removes the record and its external ids', async () => {
    const id = await call('project.tags', 'create', [{ name: 'orm-doomed' }]);
    emu.store.addXmlid('orm_test', 'doomed', 'project.tags', id);
    expect(await call('project.tags', 'unlink', [[id]])).toBe(true);
    expect(emu.store.read('project.tags', [id])).toEqual([]);
    expect(emu.store.xmlid('orm_test.doomed')).toBeUndefined();
  });

  test('the demo seed has Studio data an extractor can find', async () => {
    const manual = await call('ir.model.fields', 'search_read', [[['state', '=', 'manual']]], { fields: ['name', 'model'] });
    const names = manual.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['x_plan2_id', 'x_studio_customer_ref', 'x_studio_tier', 'x_name']));
    expect(await call('x_equipment', 'search_count', [[]])).toBe(4);
    expect(emu.store.xmlid('studio_customization.x_equipment_model')).toEqual({ model: 'ir.model', res_id: expect.any(Number) });
    const installed = await call('ir.module.module', 'search_read', [[['state', '=', 'installed']]], { fields: ['name'] });
    const modules = installed.map((m: { name: string }) => m.name);
    expect(modules).toEqual(expect.arrayContaining(['project', 'base_automation', 'studio_customization']));
    expect(modules).not.toContain('knowledge');
  });

  test('ir.model and ir.model.fields list base models and fields too, not only Studio ones', async () => {
    const [task] = await call('ir.model', 'search_read', [[['model', '=', 'project.task']]], { fields: ['name', 'state'] });
    expect(task).toEqual({ id: 379, name: 'Task', state: 'base' });
    const fields = await call('ir.model.fields', 'search_read', [[['model_id', '=', 379]]], { fields: ['name', 'state', 'ttype'] });
    expect(fields).toEqual(expect.arrayContaining([
      { id: expect.any(Number), name: 'stage_id', state: 'base', ttype: 'many2one' },
      { id: expect.any(Number), name: 'x_studio_customer_ref', state: 'manual', ttype: 'char' },
    ]));
  });

  test('res.users context_get gives the caller', async () => {
    expect(await call('res.users', 'context_get', [])).toEqual({ lang: 'en_US', tz: 'Europe/Brussels', uid: 2 });
  });
});

describe('write on a deleted task by version (recorded)', () => {
  test.each([
    [17, { result: true }],
    [19, { fault: { faultCode: 2, faultString: 'Record does not exist or has been deleted.\n(Record: project.task(4242,), User: 2)' } }],
  ])('Odoo %i', async (version, expected) => {
    const emu = await startEmulator({ version: version as 17 | 19 });
    try {
      const ans = await xmlCall(emu.url, '/xmlrpc/2/object', 'execute_kw', [emu.db, 2, 'admin', 'project.task', 'write', [[4242], { name: 'ghost' }], {}]);
      expect(ans).toEqual(expected);
    } finally {
      await emu.close();
    }
  });
});

test('reading an integer XML-RPC cannot carry is a fault 1 (OverflowError), JSON-2 carries it', async () => {
  const emu = await startEmulator({ version: 19 });
  try {
    const id = emu.store.all('project.task')[0].id;
    emu.store.update('project.task', id, { x_studio_priority_score: 2 ** 40 });
    const ans = await xmlCall(emu.url, '/xmlrpc/2/object', 'execute_kw', [emu.db, 2, 'admin', 'project.task', 'read', [[id], ['x_studio_priority_score']], {}]);
    expect(ans).toMatchObject({ fault: { faultCode: 1, faultString: expect.stringMatching(/OverflowError: int exceeds XML-RPC limits\n$/) } });
    const res = await fetch(`${emu.url}/json/2/project.task/read`, {
      method: 'POST',
      headers: { Authorization: `bearer ${emu.users.admin.apiKey}` },
      body: JSON.stringify({ ids: [id], fields: ['x_studio_priority_score'] }),
    });
    expect(await res.json()).toEqual([{ id, x_studio_priority_score: 2 ** 40 }]);
  } finally {
    await emu.close();
  }
});

test('writing one field of a seeded record does not trip over other required fields (19 stages)', async () => {
  const emu = await startEmulator({ version: 19 });
  try {
    expect(await kw(emu.url, emu.db, 'project.task.type', 'write', [[1], { name: 'Backlog' }])).toBe(true);
    await expect(kw(emu.url, emu.db, 'project.task.type', 'write', [[1], { name: false }])).rejects.toMatchObject({ faultCode: 2 });
    const [p] = await kw(emu.url, emu.db, 'res.partner', 'read', [[36], ['display_name', 'complete_name']]);
    expect(p).toEqual({ id: 36, display_name: 'Acme Corporation, Addison Olson', complete_name: 'Acme Corporation, Addison Olson' });
  } finally {
    await emu.close();
  }
});

test('archived records are hidden from search unless asked for (active_test)', async () => {
  const emu = await startEmulator({ version: 17 });
  try {
    const call = (method: string, args: unknown[], kwargs: Record<string, unknown> = {}) => kw(emu.url, emu.db, 'project.task', method, args, kwargs);
    const id = await call('create', [{ name: 'to archive', project_id: 1 }]);
    await call('write', [[id], { active: false }]);
    expect(await call('search', [[['project_id', '=', 1]]])).not.toContain(id);
    expect(await call('search', [[['active', '=', false]]])).toEqual([id]);
    expect(await call('search', [[['project_id', '=', 1]]], { context: { active_test: false } })).toContain(id);
    expect(await call('read', [[id], ['active']])).toEqual([{ id, active: false }]);
  } finally {
    await emu.close();
  }
});

test('an order on an unknown field is refused (ValueError, fault 1); the default order of every model is valid', async () => {
  const emu = await startEmulator({ version: 19, modules: [...defaultModules(19), 'knowledge'] });
  try {
    await expect(kw(emu.url, emu.db, 'project.task', 'search', [[]], { order: 'nope desc' })).rejects.toMatchObject({
      faultCode: 1,
      message: expect.stringContaining('Invalid "order" specified (nope desc)'),
    });
    for (const model of emu.store.modelNames()) {
      await expect(kw(emu.url, emu.db, model, 'search', [[]], { limit: 1 })).resolves.toEqual(expect.any(Array));
    }
  } finally {
    await emu.close();
  }
});
