/**
 * Replays every request recorded from real Odoo 17/19 (__tests__/fixtures/odoo-facts) against the
 * emulator, over HTTP, with the protocol of the recording, and compares statuses, error codes,
 * exception names, messages and the shape of the results (not ids or timestamps).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModules, startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { FACTS, fact, kw, postJson, sameShape, xmlCall } from './helpers.js';

const EXTRA_MODULES = ['document_page', 'document_page_project', 'document_knowledge'];

function lastLine(s: string): string {
  return s.trim().split('\n').pop() ?? '';
}

function filesIn(dir: string): string[] {
  return readdirSync(join(FACTS, dir)).filter((f) => f.endsWith('.json') && !f.startsWith('errors.'));
}

describe.each([17, 19] as const)('Odoo %i recordings', (version) => {
  const dir = `${version}.0`;
  const db = `o${version}`;
  let emu: Emulator;
  beforeAll(async () => {
    // 17 was recorded with OCA document_page installed; 19 without.
    const modules = version === 17 ? [...defaultModules(version), ...EXTRA_MODULES] : defaultModules(version);
    emu = await startEmulator({ version, db, modules });
  });
  afterAll(() => emu.close());

  describe('XML-RPC errors', () => {
    const cases = Object.entries(fact(`${dir}/errors.xmlrpc.json`).cases as Record<string, any>);
    test.each(cases)('%s', async (_name, c) => {
      const ans = await xmlCall(emu.url, c.request.endpoint, c.request.method, c.request.params);
      if ('fault' in c) {
        expect('fault' in ans).toBe(true);
        if (!('fault' in ans)) return;
        expect(ans.fault.faultCode).toBe(c.fault.faultCode);
        if (c.fault.faultCode === 1) expect(lastLine(ans.fault.faultString)).toBe(lastLine(c.fault.faultString));
        else expect(ans.fault.faultString).toBe(c.fault.faultString);
      } else {
        expect(ans).toEqual({ result: c.result });
      }
    });
  });

  describe('JSON-RPC errors', () => {
    const cases = Object.entries(fact(`${dir}/errors.jsonrpc.json`).cases as Record<string, any>);
    test.each(cases)('%s', async (_name, c) => {
      const res = await postJson(emu.url + c.request.endpoint, c.request.body);
      expect(res.status).toBe(c.http_status);
      if (c.body.error) {
        const { debug, ...data } = c.body.error.data;
        expect(res.body.error.code).toBe(c.body.error.code);
        expect(res.body.error.message).toBe(c.body.error.message);
        expect(res.body.error.data).toMatchObject(data);
        expect(lastLine(res.body.error.data.debug).split(':')[0]).toBe(lastLine(debug).split(':')[0]);
      } else {
        expect(res.body).toEqual(c.body);
      }
    });
  });

  describe('XML-RPC results', () => {
    test('common.version, with the recorded status and content type', async () => {
      const rec = fact(`${dir}/xmlrpc_common_version.json`);
      expect(await xmlCall(emu.url, '/xmlrpc/2/common', 'version', [])).toEqual({ result: rec.result });
      const raw = await fetch(`${emu.url}/xmlrpc/2/common`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml' },
        body: "<?xml version='1.0'?>\n<methodCall>\n<methodName>version</methodName>\n<params>\n</params>\n</methodCall>\n",
      });
      expect(raw.status).toBe(rec.http_status);
      expect(raw.headers.get('content-type')).toBe(rec.content_type);
      expect(await raw.text()).toContain('<name>server_version_info</name>');
    });

    test.each(filesIn(dir).filter((f) => f.startsWith('fields_get.')))('%s', async (file) => {
      const rec = fact(`${dir}/${file}`);
      const ours = await kw(emu.url, db, rec.request.model, 'fields_get', rec.request.args, rec.request.kwargs);
      expect(ours).toEqual(rec.result);
    });

    test.each(filesIn(`${dir}/extract`).filter((f) => f.startsWith('read.')))('extract/%s', async (file) => {
      const rec = fact(`${dir}/extract/${file}`);
      const ours: Record<string, unknown>[] = await kw(emu.url, db, rec.request.model, 'read', rec.request.args, rec.request.kwargs);
      expect(ours.map((r) => r.id)).toEqual(rec.result.map((r: { id: number }) => r.id));
      ours.forEach((row, i) => expect(row).toEqual(expect.objectContaining(rec.result[i])));
    });

    test('extract/search_read.ir.module.module.installed', async () => {
      const rec = fact(`${dir}/extract/search_read.ir.module.module.installed.json`);
      const ours: { name: string }[] = await kw(emu.url, db, 'ir.module.module', 'search_read', [rec.request.domain]);
      expect(ours.map((m) => m.name).sort()).toEqual(rec.result.map((m: { name: string }) => m.name).sort());
      expect(sameShape(rec.result, ours)).toEqual([]);
    });

    test.each(filesIn(dir).filter((f) => f.startsWith('search_read.')))('%s', async (file) => {
      const rec = fact(`${dir}/${file}`);
      const ours = await kw(emu.url, db, rec.request.model, 'search_read', [rec.request.domain], { fields: rec.request.fields });
      const byId = (rows: { id: number }[]) => [...rows].sort((a, b) => a.id - b.id);
      expect(byId(ours)).toEqual(byId(rec.result));
    });

    test.each(filesIn(`${dir}/sync`).filter((f) => f.startsWith('search_read.project') || f.startsWith('search_read.res')))(
      'sync/%s',
      async (file) => {
        const rec = fact(`${dir}/sync/${file}`);
        const ours = await kw(emu.url, db, rec.request.model, 'search_read', [rec.request.domain], {
          fields: rec.request.fields,
          limit: rec.request.limit,
        });
        expect(ours.length).toBeGreaterThan(0);
        expect(ours.length).toBeLessThanOrEqual(rec.request.limit);
        expect(sameShape(rec.result, ours)).toEqual([]);
      },
    );

    test('sync: batch create, then the unique tag name violation', async () => {
      const batch = fact(`${dir}/sync/create.batch.project.tags.json`);
      const ids = await kw(emu.url, db, 'project.tags', 'create', batch.request.args);
      expect(ids).toEqual([expect.any(Number), expect.any(Number)]);
      const dup = fact(`${dir}/sync/create.duplicate.project.tags.json`);
      const ans = await xmlCall(emu.url, '/xmlrpc/2/object', 'execute_kw', [db, 2, 'admin', 'project.tags', 'create', dup.request.args, {}]);
      expect(ans).toEqual({ fault: dup.result });
    });

    test('sync: load twice gives the same ids, bad data gives the recorded messages', async () => {
      const rec = fact(`${dir}/sync/load.project.task.json`);
      const { fields, rows } = rec.request;
      const first = await kw(emu.url, db, 'project.task', 'load', [fields, rows]);
      const second = await kw(emu.url, db, 'project.task', 'load', [fields, rows]);
      expect(first).toEqual({ ...rec.result.first, ids: [expect.any(Number), expect.any(Number)] });
      expect(second).toEqual(first);
      const bad = [['odoo_project_sync_facts.task_c', 'Facts task C', 'no_such_module.no_such_project', 'x']];
      expect(await kw(emu.url, db, 'project.task', 'load', [fields, bad])).toEqual(rec.result.bad);
      const after = fact(`${dir}/sync/search_read.ir.model.data.after_load.json`);
      const imd = await kw(emu.url, db, 'ir.model.data', 'search_read', [after.request.domain], {
        fields: ['module', 'name', 'model', 'res_id', 'noupdate'],
      });
      expect(imd.map((r: { res_id: number }) => r.res_id)).toEqual(first.ids);
      expect(sameShape(after.result, imd)).toEqual([]);
    });
  });
});

describe('Odoo 19 JSON-2 recordings', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: 19, db: 'o19' });
  });
  afterAll(() => emu.close());

  function headers(recorded: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = { ...recorded };
    const auth = recorded.Authorization;
    if (auth?.includes('API key of admin')) out.Authorization = `bearer ${emu.users.admin.apiKey}`;
    else if (auth?.includes('API key of lab_noproject')) out.Authorization = `bearer ${emu.users.noProject.apiKey}`;
    else if (auth) out.Authorization = 'bearer 0000000000000000000000000000000000000000';
    return out;
  }

  const cases = Object.entries(fact('19.0-json2/errors.json2.json').cases as Record<string, any>);
  test.each(cases)('error case %s', async (_name, c) => {
    const res = await postJson(emu.url + c.request.path, c.request.body, headers(c.request.headers));
    expect(res.status).toBe(c.http_status);
    const recorded = JSON.parse(c.body_raw);
    if (c.http_status === 200) {
      expect(res.body).toEqual(recorded);
      return;
    }
    const { debug: _debug, ...rest } = recorded;
    expect(res.body).toMatchObject(rest);
    expect(typeof res.body.debug).toBe('string');
    expect(res.headers.get('www-authenticate')).toBe(c.response_headers['WWW-Authenticate'] ?? null);
  });

  test.each(filesIn('19.0-json2'))('%s', async (file) => {
    const rec = fact(`19.0-json2/${file}`);
    const res = await postJson(emu.url + rec.request.path, rec.request.body, headers(rec.request.headers));
    expect(res.status).toBe(rec.http_status);
    expect(res.headers.get('content-type')).toBe(rec.response_headers['Content-Type']);
    expect(res.body).toEqual(rec.body);
  });
});
