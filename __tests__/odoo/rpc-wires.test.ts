/**
 * On Odoo 16-18 the client reads through /jsonrpc and signs in and writes through /xmlrpc/2
 * (src/odoo/transports/xmlrpc.ts). These run it through a proxy in front of the emulator that
 * sees every path, and that can refuse /jsonrpc as a proxy letting only /xmlrpc through would.
 */
import http from 'node:http';
import { startEmulator, type Emulator } from '../../src/odoo/emulator/index.js';
import { connect } from '../../src/odoo/index.js';
import { startServer, type TestServer } from './servers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ version: 17 });
});
afterAll(async () => {
  await emu.close();
});

/** Forwards to the emulator; `refuse` answers those paths with nginx's 404 page instead. */
function proxy(refuse: readonly string[] = []): Promise<TestServer> {
  return startServer((req, res, body) => {
    if (refuse.includes(req.url ?? '')) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>');
      return;
    }
    const up = http.request(`${emu.url}${req.url}`, { method: req.method, headers: { 'Content-Type': String(req.headers['content-type'] ?? '') } }, (r) => {
      res.writeHead(r.statusCode ?? 502, { 'Content-Type': String(r.headers['content-type'] ?? '') });
      r.pipe(res);
    });
    up.end(body);
  });
}

const taskFields = ['name', 'project_id', 'tag_ids', 'user_ids', 'date_deadline', 'active', 'write_date'];

test('reads go through /jsonrpc and answer what XML-RPC answers; sign-in and writes go through /xmlrpc/2', async () => {
  const json = await proxy();
  const xml = await proxy(['/jsonrpc']);
  try {
    const c = await connect({ url: json.url, db: emu.db, user: 'admin' }, { password: 'admin' });
    const viaJson = await c.searchRead('project.task', [], { fields: taskFields, context: { active_test: false } });
    const id = viaJson[0]?.id as number;
    await c.write('project.task', [id], { name: 'Renamed through XML-RPC' });
    expect(json.requests.map((r) => r.url)).toEqual(['/xmlrpc/2/common', '/xmlrpc/2/common', '/jsonrpc', '/xmlrpc/2/object']);
    expect(emu.store.get('project.task', id)?.name).toBe('Renamed through XML-RPC');

    const c2 = await connect({ url: xml.url, db: emu.db, user: 'admin' }, { password: 'admin' });
    const viaXml = await c2.searchRead('project.task', [], { fields: taskFields, context: { active_test: false } });
    expect(viaXml.length).toBeGreaterThan(5);
    expect(viaJson.map((r) => ({ ...r, name: r.id === id ? 'Renamed through XML-RPC' : r.name, write_date: undefined }))).toEqual(
      viaXml.map((r) => ({ ...r, write_date: undefined })),
    );
  } finally {
    await json.close();
    await xml.close();
  }
});

test('a proxy that lets only /xmlrpc through: the first read tries /jsonrpc once, then every read goes over XML-RPC', async () => {
  const s = await proxy(['/jsonrpc']);
  try {
    const c = await connect({ url: s.url, db: emu.db, user: 'admin' }, { password: 'admin' });
    expect(await c.searchCount('project.task', [])).toBe(emu.store.count('project.task'));
    const rows = await c.searchRead('project.project', [], { fields: ['name'] });
    expect(rows.map((r) => r.name)).toContain('Office Design');
    expect(s.requests.filter((r) => r.url === '/jsonrpc')).toHaveLength(1);
    expect(s.requests.filter((r) => r.url === '/xmlrpc/2/object')).toHaveLength(2);
  } finally {
    await s.close();
  }
});
