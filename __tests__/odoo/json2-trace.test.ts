/** JSON-2 (Odoo 19): what the --debug trace calls each round trip. */
import { startEmulator, type Emulator } from '../../src/odoo/emulator/index.js';
import { connect } from '../../src/odoo/index.js';

let emu19: Emulator;
beforeAll(async () => {
  emu19 = await startEmulator({ version: 19 });
});
afterAll(async () => {
  await emu19.close();
});

test('the trace names what carries each call: the version comes over http, never "xmlrpc", on JSON-2', async () => {
  const lines: string[] = [];
  const c = await connect({ url: emu19.url, user: 'admin' }, { apiKey: emu19.users.admin.apiKey }, { trace: (l) => lines.push(l) });
  await c.searchCount('project.task', []);
  expect(lines[0]).toMatch(/^odoo http version ok \d+ms$/);
  expect(lines.some((l) => l.startsWith('odoo xmlrpc '))).toBe(false);
  expect(lines.at(-1)).toMatch(/^odoo json2 project\.task\.search_count ok \d+ms$/);
});
