import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { kw, postJson, xmlCall } from './helpers.js';

describe('a user without project rights', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: 19 });
  });
  afterAll(() => emu.close());
  const asNoProject = (model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) =>
    xmlCall(emu.url, '/xmlrpc/2/object', 'execute_kw', [emu.db, emu.users.noProject.uid, emu.users.noProject.password, model, method, args, kwargs]);

  test('logs in with a password or the API key', async () => {
    const { login, password, apiKey, uid } = emu.users.noProject;
    expect(await xmlCall(emu.url, '/xmlrpc/2/common', 'authenticate', [emu.db, login, password, {}])).toEqual({ result: uid });
    expect(await xmlCall(emu.url, '/xmlrpc/2/common', 'authenticate', [emu.db, login, apiKey, {}])).toEqual({ result: uid });
    expect(apiKey).toMatch(/^[0-9a-f]{40}$/);
  });

  test('gets AccessError (fault 4) reading tasks and writing projects', async () => {
    const read = await asNoProject('project.task', 'search_read', [[]], { fields: ['name'] });
    expect(read).toEqual({ fault: { faultCode: 4, faultString: expect.stringContaining("You are not allowed to access 'Task' (project.task) records.") } });
    const write = await asNoProject('project.project', 'write', [[1], { name: 'hacked' }]);
    expect(write).toEqual({ fault: { faultCode: 4, faultString: expect.stringContaining('- Project/Administrator') } });
    expect(emu.store.read('project.project', [1])[0].name).toBe('Office Design');
  });

  test('may read partners and access rights, but not write them; has_access answers without raising', async () => {
    expect(await asNoProject('res.partner', 'search_count', [[]])).toEqual({ result: expect.any(Number) });
    expect(await asNoProject('ir.model.access', 'search_count', [[]])).toEqual({ result: expect.any(Number) });
    expect(await asNoProject('ir.rule', 'write', [[1], { name: 'x' }])).toMatchObject({ fault: { faultCode: 4 } });
    expect(await asNoProject('project.project', 'has_access', [[], 'write'])).toEqual({ result: false });
    expect(await kw(emu.url, emu.db, 'project.project', 'has_access', [[], 'write'])).toBe(true);
  });

  test('JSON-2 answers 403 with the AccessError body', async () => {
    const res = await postJson(`${emu.url}/json/2/project.task/search_read`, { domain: [], fields: ['name'] }, {
      Authorization: `bearer ${emu.users.noProject.apiKey}`,
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ name: 'odoo.exceptions.AccessError', arguments: [expect.stringContaining('project.task')] });
  });
});
