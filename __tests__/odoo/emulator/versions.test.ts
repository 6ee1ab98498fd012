import { startEmulator, type Emulator, type EmulatorVersion } from '../../../src/odoo/emulator/index.js';
import { kw, postJson, xmlCall } from './helpers.js';

async function withEmulator<T>(version: EmulatorVersion, fn: (emu: Emulator) => Promise<T>, modules?: string[]): Promise<T> {
  const emu = await startEmulator({ version, modules });
  try {
    return await fn(emu);
  } finally {
    await emu.close();
  }
}

const fieldNames = async (emu: Emulator, model: string) => Object.keys(await kw(emu.url, emu.db, model, 'fields_get', [], { attributes: ['type'] }));

describe('version differences', () => {
  test.each([16, 17, 18, 19] as const)('Odoo %i reports its version everywhere', (version) =>
    withEmulator(version, async (emu) => {
      expect(await xmlCall(emu.url, '/xmlrpc/2/common', 'version', [])).toEqual({
        result: { server_version: `${version}.0`, server_version_info: [version, 0, 0, 'final', 0, ''], server_serie: `${version}.0`, protocol_version: 1 },
      });
      // GET /web/version (and /json/version) is 19's route (addons/rpc/controllers/__init__.py).
      const web = await fetch(`${emu.url}/web/version`);
      if (version >= 19) {
        expect(await web.json()).toEqual({ version_info: [version, 0, 0, 'final', 0, ''], version: `${version}.0` });
        expect(await (await fetch(`${emu.url}/json/version`)).json()).toEqual({ version_info: [version, 0, 0, 'final', 0, ''], version: `${version}.0` });
      } else expect(web.status).toBe(404);
    }),
  );

  test('16: planned_hours, kanban_state, one action_server_id, date deadlines', () =>
    withEmulator(16, async (emu) => {
      const task = await fieldNames(emu, 'project.task');
      expect(task).toEqual(expect.arrayContaining(['planned_hours', 'kanban_state']));
      expect(task).not.toEqual(expect.arrayContaining(['allocated_hours']));
      expect(task).not.toContain('state');
      const [auto] = await kw(emu.url, emu.db, 'base.automation', 'search_read', [[]], { fields: ['action_server_id'] });
      expect(auto.action_server_id).toEqual([expect.any(Number), 'Set review date to today']);
      const id = await kw(emu.url, emu.db, 'project.task', 'create', [{ name: 'sixteen' }]);
      expect(emu.store.read('project.task', [id])[0].kanban_state).toBe('normal');
    }),
  );

  test('17: allocated_hours, required state with a default, action_server_ids', () =>
    withEmulator(17, async (emu) => {
      const f = await kw(emu.url, emu.db, 'project.task', 'fields_get', [['state', 'allocated_hours']], { attributes: ['required', 'type'] });
      expect(f).toEqual({ state: { required: true, type: 'selection' }, allocated_hours: { required: false, type: 'float' } });
      const id = await kw(emu.url, emu.db, 'project.task', 'create', [{ name: 'seventeen' }]);
      expect(emu.store.read('project.task', [id])[0].state).toBe('01_in_progress');
      expect(await fieldNames(emu, 'base.automation')).toContain('action_server_ids');
    }),
  );

  test('18: two priority keys, groups_id, no JSON-2', () =>
    withEmulator(18, async (emu) => {
      const f = await kw(emu.url, emu.db, 'project.task', 'fields_get', [['priority']], { attributes: ['selection'] });
      expect(f.priority.selection.map((s: string[]) => s[0])).toEqual(['0', '1']);
      expect(await fieldNames(emu, 'res.users')).toContain('groups_id');
      const res = await postJson(`${emu.url}/json/2/res.partner/search`, { domain: [] }, { Authorization: `bearer ${emu.users.admin.apiKey}` });
      expect(res.status).toBe(404);
    }),
  );

  test('19: four priority keys, group_ids, JSON-2', () =>
    withEmulator(19, async (emu) => {
      const f = await kw(emu.url, emu.db, 'project.task', 'fields_get', [['priority']], { attributes: ['selection'] });
      expect(f.priority.selection.map((s: string[]) => s[0])).toEqual(['0', '1', '2', '3']);
      expect(await fieldNames(emu, 'res.users')).toContain('group_ids');
      const res = await postJson(`${emu.url}/json/2/res.partner/search`, { domain: [['is_company', '=', true]] }, { Authorization: `bearer ${emu.users.admin.apiKey}` });
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(0);
    }),
  );

  test('knowledge.article and document.page exist only when their module is installed', async () => {
    await withEmulator(17, async (emu) => {
      await expect(kw(emu.url, emu.db, 'knowledge.article', 'search', [[]])).rejects.toMatchObject({ faultCode: 2 });
      await expect(kw(emu.url, emu.db, 'document.page', 'search', [[]])).rejects.toMatchObject({ faultCode: 2 });
    });
    await withEmulator(
      19,
      async (emu) => {
        const id = await kw(emu.url, emu.db, 'knowledge.article', 'article_create', ['Spec'], { is_private: false });
        expect(emu.store.read('knowledge.article', [id])[0]).toMatchObject({ name: 'Spec', internal_permission: 'write' });
        const mods = await kw(emu.url, emu.db, 'ir.module.module', 'search_read', [[['name', '=', 'knowledge']]], { fields: ['state'] });
        expect(mods).toEqual([{ id: expect.any(Number), state: 'installed' }]);
      },
      ['base', 'project', 'knowledge'],
    );
    await withEmulator(17, async (emu) => expect(await kw(emu.url, emu.db, 'document.page', 'search_count', [[]])).toBe(0), [
      'base',
      'project',
      'document_page',
    ]);
  });
});
