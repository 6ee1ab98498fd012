import { emptySeed, startEmulator } from '../../../src/odoo/emulator/index.js';
import { kw } from './helpers.js';

test('an empty seed has the users and models but no business data; a built seed serves what it adds', async () => {
  const empty = await startEmulator({ seed: 'empty' });
  try {
    expect(empty.store.count('project.task')).toBe(0);
    expect(empty.store.count('x_equipment')).toBe(0);
    expect(await kw(empty.url, empty.db, 'res.users', 'search_count', [[]])).toBe(4);
  } finally {
    await empty.close();
  }

  const seed = emptySeed(19);
  seed.models.x_bench = { description: 'Bench', fields: { id: { type: 'integer', string: 'ID', readonly: true }, x_name: { type: 'char', string: 'Name', required: true } } };
  seed.records['project.project'] = [{ id: 1, name: 'Big' }];
  seed.records['project.task'] = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, name: `T${i}`, project_id: 1, state: '01_in_progress' }));
  seed.xmlids.push({ module: 'bench', name: 'big', model: 'project.project', res_id: 1 });
  const emu = await startEmulator({ version: 19, seed });
  try {
    expect(await kw(emu.url, emu.db, 'project.task', 'search_count', [[['project_id', '=', 'Big']]])).toBe(1000);
    await expect(kw(emu.url, emu.db, 'x_bench', 'create', [{}])).rejects.toMatchObject({ faultCode: 2 });
    expect(await kw(emu.url, emu.db, 'x_bench', 'create', [{ x_name: 'ok' }])).toBe(1);
    expect(emu.store.xmlid('bench.big')).toEqual({ model: 'project.project', res_id: 1 });
  } finally {
    await emu.close();
  }
});
