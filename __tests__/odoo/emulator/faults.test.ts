import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { xmlCall } from './helpers.js';

const version = (emu: Emulator) => fetch(`${emu.url}/web/version`);

describe('fault injection', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: 19 });
  });
  afterAll(() => emu.close());
  afterEach(() => emu.setFaults(undefined));

  test('failAfter lets N requests through, then every request fails', async () => {
    emu.setFaults({ failAfter: 2, mode: 'http500' });
    expect((await version(emu)).status).toBe(200);
    expect((await version(emu)).status).toBe(200);
    const third = await version(emu);
    expect(third.status).toBe(500);
    expect(third.headers.get('content-type')).toMatch(/text\/html/);
    expect((await version(emu)).status).toBe(500);
  });

  test('once fails a single request, then serves again', async () => {
    emu.setFaults({ failAfter: 0, mode: 'proxy502', once: true });
    const bad = await version(emu);
    expect(bad.status).toBe(502);
    expect(await bad.text()).toContain('502 Bad Gateway');
    expect((await version(emu)).status).toBe(200);
  });

  test('html answers 200 with an HTML page instead of XML-RPC', async () => {
    emu.setFaults({ failAfter: 0, mode: 'html' });
    const res = await fetch(`${emu.url}/xmlrpc/2/common`, { method: 'POST', body: '<methodCall/>' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/^<!DOCTYPE html>/);
  });

  test('drop closes the connection without an answer', async () => {
    emu.setFaults({ failAfter: 0, mode: 'drop' });
    await expect(version(emu)).rejects.toThrow();
    await expect(xmlCall(emu.url, '/xmlrpc/2/common', 'version', [])).rejects.toThrow();
  });

  test('slow holds the answer past a client timeout', async () => {
    emu.setFaults({ failAfter: 0, mode: 'slow', slowMs: 60_000 });
    const controller = new AbortController();
    const seen = emu.stats.requests;
    const pending = fetch(`${emu.url}/web/version`, { signal: controller.signal });
    // abort once the server holds the request: no fixed sleep
    while (emu.stats.requests === seen) await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });

  test('latency still answers correctly', async () => {
    emu.setFaults({ latencyMs: 5 });
    const res = await version(emu);
    expect(await res.json()).toEqual({ version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' });
  });

  test('stats count every request and each method', async () => {
    const before = emu.stats.requests;
    const auth = emu.stats.byMethod.authenticate ?? 0;
    await xmlCall(emu.url, '/xmlrpc/2/common', 'authenticate', [emu.db, 'admin', 'admin', {}]);
    expect(emu.stats.requests).toBe(before + 1);
    expect(emu.stats.byMethod.authenticate).toBe(auth + 1);
  });
});

test('faults given at start apply from the first request, and close() ends a slow request', async () => {
  const emu = await startEmulator({ version: 19, faults: { failAfter: 0, mode: 'slow', slowMs: 600_000 } });
  const pending = fetch(`${emu.url}/web/version`).then(
    (r) => r.status,
    () => 'closed',
  );
  while (emu.stats.requests === 0) await new Promise((r) => setImmediate(r));
  await emu.close();
  expect(await pending).toBe('closed');
});
