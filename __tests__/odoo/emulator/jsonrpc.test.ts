import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { postJson, xmlCall } from './helpers.js';

describe('JSON-RPC and discovery routes', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: 17, db: 'acme' });
  });
  afterAll(() => emu.close());
  const rpc = (service: string, method: string, args: unknown[]) =>
    postJson(`${emu.url}/jsonrpc`, { jsonrpc: '2.0', method: 'call', params: { service, method, args }, id: 7 });

  test('common.authenticate and object.execute_kw', async () => {
    const auth = await rpc('common', 'authenticate', ['acme', 'admin', 'admin', {}]);
    expect(auth.body).toEqual({ jsonrpc: '2.0', id: 7, result: 2 });
    const wrong = await rpc('common', 'authenticate', ['acme', 'admin', 'nope', {}]);
    expect(wrong.body.result).toBe(false);
    const rows = await rpc('object', 'execute_kw', ['acme', 2, 'admin', 'project.project', 'search_read', [[['id', '=', 1]]], { fields: ['name'] }]);
    expect(rows.body.result).toEqual([{ id: 1, name: 'Office Design' }]);
  });

  test('database detection: /web/database/list and db.list', async () => {
    const res = await postJson(`${emu.url}/web/database/list`, { jsonrpc: '2.0', method: 'call', params: {}, id: 1 });
    expect(res.body).toEqual({ jsonrpc: '2.0', id: 1, result: ['acme'] });
    expect(await xmlCall(emu.url, '/xmlrpc/2/db', 'list', [])).toEqual({ result: ['acme'] });
  });

  test('an unknown database is a server error, not a silent success', async () => {
    const ans = await xmlCall(emu.url, '/xmlrpc/2/common', 'authenticate', ['other', 'admin', 'admin', {}]);
    expect(ans).toMatchObject({ fault: { faultCode: 1, faultString: expect.stringContaining('database "other" does not exist') } });
  });

  test('unknown routes answer an HTML 404 like Odoo', async () => {
    const res = await fetch(`${emu.url}/json/2/res.partner/search`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});

test('JSON-2 refuses a request for another database named in X-Odoo-Database', async () => {
  const emu = await startEmulator({ version: 19, db: 'o19' });
  try {
    const auth = { Authorization: `bearer ${emu.users.admin.apiKey}` };
    expect((await postJson(`${emu.url}/json/2/res.partner/search_count`, { domain: [] }, { ...auth, 'X-Odoo-Database': 'o19' })).status).toBe(200);
    const other = await postJson(`${emu.url}/json/2/res.partner/search_count`, { domain: [] }, { ...auth, 'X-Odoo-Database': 'elsewhere' });
    expect(other.status).toBe(404);
    expect(other.body.message).toContain('elsewhere');
  } finally {
    await emu.close();
  }
});
