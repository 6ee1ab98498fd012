import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../src/odoo/emulator/index.js';
import { kw } from './helpers.js';

describe('statePath', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'emu-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a restarted emulator finds what was written, external ids included', async () => {
    const statePath = join(dir, 'odoo.json');
    const first = await startEmulator({ statePath });
    const ans = await kw(first.url, first.db, 'project.task', 'load', [['id', 'name', 'project_id/id'], [['sync.t1', 'Persisted', 'project.project_project_1']]]);
    await first.close();
    expect(existsSync(statePath)).toBe(true);

    const second = await startEmulator({ statePath });
    try {
      expect(second.store.xmlid('sync.t1')).toEqual({ model: 'project.task', res_id: ans.ids[0] });
      const again = await kw(second.url, second.db, 'project.task', 'load', [['id', 'name', 'project_id/id'], [['sync.t1', 'Persisted', 'project.project_project_1']]]);
      expect(again.ids).toEqual(ans.ids);
      const fresh = await kw(second.url, second.db, 'project.tags', 'create', [{ name: 'after restart' }]);
      expect(fresh).toBeGreaterThan(3);
    } finally {
      await second.close();
    }
  });

  test('reads do not write the file; an unreadable file is kept aside and the seed is used', async () => {
    const statePath = join(dir, 'odoo.json');
    const emu = await startEmulator({ statePath });
    await kw(emu.url, emu.db, 'project.task', 'search_read', [[]], { fields: ['name'] });
    expect(existsSync(statePath)).toBe(false);
    await emu.close();

    writeFileSync(statePath, '{ not json');
    const again = await startEmulator({ statePath });
    try {
      expect(readFileSync(`${statePath}.corrupt`, 'utf8')).toBe('{ not json');
      expect(again.store.count('x_equipment')).toBe(4);
    } finally {
      await again.close();
    }
  });

  test('a state file of another Odoo version is ignored', async () => {
    const statePath = join(dir, 'odoo.json');
    const v17 = await startEmulator({ version: 17, statePath });
    await kw(v17.url, v17.db, 'project.tags', 'create', [{ name: 'only in 17' }]);
    await v17.close();
    const v19 = await startEmulator({ version: 19, statePath });
    try {
      expect(v19.store.search('project.tags', [['name', '=', 'only in 17']])).toEqual([]);
    } finally {
      await v19.close();
    }
  });
});
