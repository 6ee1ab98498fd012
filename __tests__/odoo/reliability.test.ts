import { UserError } from '../../src/core/user-error.js';
import { startEmulator, type Emulator } from '../../src/odoo/emulator/index.js';
import { connect, OdooError, type OdooClient } from '../../src/odoo/index.js';
import { startServer, xmlVersion } from './servers.js';

let emu: Emulator;
let client: OdooClient;
beforeAll(async () => {
  emu = await startEmulator({ version: 17 });
  // An API key: long enough to be masked, so web pages the server sends may be quoted.
  client = await connect({ url: emu.url, user: 'admin' }, { apiKey: emu.users.admin.apiKey }, { retries: 2, retryDelayMs: 1, timeoutMs: 2000 });
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => emu.setFaults(undefined));

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
}

test('a read survives a dropped connection by retrying', async () => {
  emu.setFaults({ failAfter: 0, mode: 'drop', once: true });
  const before = client.stats;
  const rows = await client.searchRead('project.project', [], { fields: ['name'] });
  expect(rows.length).toBeGreaterThan(0);
  expect(client.stats.retries - before.retries).toBe(1);
});

test('a create is never sent twice, even when the connection drops', async () => {
  const requests = emu.stats.requests;
  emu.setFaults({ failAfter: 0, mode: 'drop', once: true });
  const e = (await failure(client.create('project.tags', [{ name: 'never-twice' }]))) as OdooError;
  expect(e).toBeInstanceOf(OdooError);
  expect(e.kind).toBe('network');
  expect(emu.stats.requests - requests).toBe(1);
  expect(await client.searchCount('project.tags', [['name', '=', 'never-twice']])).toBe(0);
});

test('load is retried after a drop and stays idempotent', async () => {
  emu.setFaults({ failAfter: 0, mode: 'drop', once: true });
  const res = await client.load('project.tags', ['id', 'name'], [['odoo_project_sync_test.retry_a', 'retry-a']]);
  expect(res.messages).toEqual([]);
  const again = await client.load('project.tags', ['id', 'name'], [['odoo_project_sync_test.retry_a', 'retry-a']]);
  expect(again.ids).toEqual(res.ids);
  expect(await client.searchCount('project.tags', [['name', '=', 'retry-a']])).toBe(1);
});

test('a response slower than the timeout fails as a timeout once: timeout_ms is the whole wait, retries included', async () => {
  emu.setFaults({ failAfter: 0, mode: 'slow', slowMs: 1500 });
  const before = client.stats;
  const e = (await failure(client.searchCount('project.task', [], { timeoutMs: 100 }))) as OdooError;
  expect(e.kind).toBe('timeout');
  expect(e.message).toBe('Odoo did not answer project.task.search_count within 100 ms.');
  expect(e.hint).toBe('The server may be busy: try again later, or raise timeout_ms in the [connection] table (now 100).');
  expect(client.stats.calls - before.calls).toBe(1);
});

test("a proxy's 502 is retried, then reported as the proxy's", async () => {
  emu.setFaults({ failAfter: 0, mode: 'proxy502' });
  const e = (await failure(client.searchCount('project.task', []))) as OdooError;
  expect(e.kind).toBe('server');
  expect(e.status).toBe(502);
  expect(e.message).toMatch(/^A proxy in front of Odoo answered 502 \(502 Bad Gateway\)/);
});

test('an HTML maintenance page and an HTML 500 page each give a plain message', async () => {
  emu.setFaults({ failAfter: 0, mode: 'html' });
  const page = (await failure(client.searchCount('project.task', []))) as OdooError;
  expect(page.kind).toBe('server');
  expect(page.message).toMatch(/with a web page instead of data: "This database is under maintenance/);
  emu.setFaults({ failAfter: 0, mode: 'http500' });
  const e500 = (await failure(client.searchCount('project.task', []))) as OdooError;
  expect(e500.kind).toBe('server');
  expect(e500.message).toMatch(/error page \(HTTP 500: 500 Internal Server Error\)/);
});

test('paging costs one round trip per page plus one count, batching one per batch', async () => {
  const names = Array.from({ length: 1200 }, (_, i) => ({ name: `bulk-${String(i).padStart(4, '0')}` }));
  let calls = client.stats.calls;
  const ids = await client.create('project.tags', names);
  expect(ids).toHaveLength(1200);
  expect(client.stats.calls - calls).toBe(3);
  calls = client.stats.calls;
  const rows = await client.searchRead('project.tags', [['name', '=like', 'bulk-%']], { fields: ['name'], pageSize: 500 });
  expect(new Set(rows.map((r) => r.id)).size).toBe(1200);
  expect(client.stats.calls - calls).toBe(4);
  calls = client.stats.calls;
  const limited = await client.searchRead('project.tags', [['name', '=like', 'bulk-%']], { fields: ['name'], pageSize: 500, limit: 700, order: 'name desc' });
  expect(limited.map((r) => r.name)).toEqual(names.map((n) => n.name).reverse().slice(0, 700));
  expect(client.stats.calls - calls).toBe(3);
  await client.unlink('project.tags', ids);
});

test('a trailing slash and a pasted /odoo path still reach the server; the single database is found', async () => {
  const c = await connect({ url: `${emu.url}/odoo/`, user: 'admin' }, { password: 'admin' });
  expect(c.url).toBe(emu.url);
  expect(c.db).toBe(emu.db);
});

describe('transport choice', () => {
  let emu19: Emulator;
  beforeAll(async () => {
    emu19 = await startEmulator({ version: 19 });
  });
  afterAll(async () => {
    await emu19.close();
  });

  test('JSON-2 forced on Odoo 17 is a config error naming the setting', async () => {
    const e = (await failure(connect({ url: emu.url, user: 'admin', transport: 'json2' }, { apiKey: emu.users.admin.apiKey }))) as UserError;
    expect(e.code).toBe('config');
    expect(e.message).toMatch(/JSON-2 needs Odoo 19 or later; .* runs 17\.0\./);
    expect(e.where?.field).toBe('connection.transport');
  });

  test('JSON-2 forced without an API key asks for one', async () => {
    const e = (await failure(connect({ url: emu19.url, user: 'admin', transport: 'json2' }, { password: 'admin' }))) as UserError;
    expect(e.code).toBe('config');
    expect(e.hint).toMatch(/ODOO_API_KEY/);
  });

  test('the trace names the protocol each round trip used: on JSON-2 the version comes from GET /web/version, no XML-RPC at all', async () => {
    const lines: string[] = [];
    const c = await connect({ url: emu19.url, user: 'admin' }, { apiKey: emu19.users.admin.apiKey }, { trace: (l) => lines.push(l) });
    await c.searchCount('project.project', []);
    expect(c.transport).toBe('json2');
    expect(lines[0]).toMatch(/^odoo http version ok \d+ms$/);
    expect(lines.filter((l) => l.startsWith('odoo xmlrpc'))).toEqual([]);
    expect(lines.at(-1)).toMatch(/^odoo json2 project\.project\.search_count ok \d+ms$/);
  });

  test('an API key with a non-ASCII character or a space is named as such before any request, without showing it', async () => {
    for (const [key, kind] of [['ab\u00e9cd', 'a non-ASCII character at position 3'], ['abcd\n', 'a space or line break at position 5']] as const) {
      const lines: string[] = [];
      const e = (await failure(
        connect({ url: emu19.url, user: 'admin' }, { apiKey: key, sources: { apiKey: 'ODOO_API_KEY' } }, { trace: (l) => lines.push(l) }),
      )) as UserError;
      expect(e).toBeInstanceOf(UserError);
      expect(e.message).toBe(`ODOO_API_KEY has ${kind}: Odoo API keys are letters and digits only, and an HTTP header cannot carry it.`);
      expect(e.hint).toMatch(/Account Security/);
      expect(lines).toEqual([]);
    }
  });

  test('XML-RPC can be forced on 19 and then signs in with the API key', async () => {
    const c = await connect({ url: emu19.url, user: 'admin', transport: 'xmlrpc' }, { apiKey: emu19.users.admin.apiKey });
    expect(c.transport).toBe('xmlrpc');
    expect(await c.searchCount('project.project', [])).toBeGreaterThan(0);
  });

  test('a password alone on 19 uses XML-RPC', async () => {
    const c = await connect({ url: emu19.url, user: 'admin' }, { password: 'admin' });
    expect(c.transport).toBe('xmlrpc');
  });
});

test('a server with several databases asks which one, listing them', async () => {
  const s = await startServer((req, res) => {
    if (req.url === '/web/database/list') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: ['prod', 'staging'] }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end(xmlVersion(17));
  });
  try {
    const e = (await failure(connect({ url: s.url, user: 'admin' }, { password: 'x' }))) as UserError;
    expect(e.code).toBe('config');
    expect(e.message).toMatch(/has 2 databases \(prod, staging\); which one\?/);
    expect(e.hint).toMatch(/--db/);
  } finally {
    await s.close();
  }
});

test('an unknown database is named, with how to fix the setting', async () => {
  const e = (await failure(connect({ url: emu.url, user: 'admin', db: 'nope' }, { password: 'admin' }))) as OdooError;
  expect(e.kind).toBe('not-found');
  expect(e.message).toBe(`${emu.url} has no database 'nope'.`);
  expect(e.hint).toMatch(/--db/);
});

test('trace gets one line per round trip: wire, model.method, outcome, time', async () => {
  const lines: string[] = [];
  const c = await connect({ url: emu.url, user: 'admin' }, { password: 'admin' }, { trace: (l) => lines.push(l) });
  await c.searchCount('project.task', []);
  await c.searchRead('x_no_such_model', []).catch(() => undefined);
  await c.call('project.task', 'no_such_method', []).catch(() => undefined);
  expect(lines.length).toBe(c.stats.calls);
  // Reads go through /jsonrpc (transports/xmlrpc.ts), the rest through XML-RPC.
  expect(lines.at(-3)).toMatch(/^odoo jsonrpc project\.task\.search_count ok \d+ms$/);
  expect(lines.at(-2)).toMatch(/^odoo jsonrpc x_no_such_model\.search_read error unknown-model \d+ms$/);
  expect(lines.at(-1)).toMatch(/^odoo xmlrpc project\.task\.no_such_method error not-found \d+ms$/);
});
