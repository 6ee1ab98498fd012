import { startEmulator } from '../../src/odoo/emulator/index.js';
import { CHECK_ACCESS_RIGHTS_DEPRECATION, RPC_DEPRECATION } from '../../src/odoo/emulator/session.js';
import type { ErrorContext } from '../../src/odoo/error-context.js';
import { errorFromServer, ONLINE_PLAN_HINT } from '../../src/odoo/error-from-server.js';
import { errorFromHttp } from '../../src/odoo/error-from-transport.js';
import { connect, OdooError } from '../../src/odoo/index.js';
import { makeScrubber } from '../../src/odoo/secrets.js';
import { startServer, xmlVersion } from './servers.js';

const failure = (p: Promise<unknown>): Promise<OdooError> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as OdooError,
  );

describe('serialization failures (a stopped run still committing)', () => {
  test.each([
    [17, 'xmlrpc'],
    [19, 'json2'],
  ] as const)('Odoo %i over %s: load is retried with backoff, the user is told, and the rows are written once', async (version, transport) => {
    const emu = await startEmulator({ version });
    try {
      const notices: string[] = [];
      const secret = transport === 'json2' ? { apiKey: emu.users.admin.apiKey } : { password: emu.users.admin.password };
      const c = await connect({ url: emu.url, db: emu.db, user: 'admin', transport }, secret, { retryDelayMs: 1, onNotice: (l) => notices.push(l) });
      emu.setConflicts({ method: 'load', times: 2 });
      const res = await c.load('project.tags', ['id', 'name'], [['ops_conflict.tag_a', 'conflict-a']]);
      expect(res.messages).toEqual([]);
      expect(await c.searchCount('project.tags', [['name', '=', 'conflict-a']])).toBe(1);
      expect(notices).toEqual([
        'Odoo could not apply project.tags.load: another transaction was writing the same records (nothing was written); trying again in 4 ms (1 of 4).',
        'Odoo could not apply project.tags.load: another transaction was writing the same records (nothing was written); trying again in 8 ms (2 of 4).',
        'Odoo applied project.tags.load after 2 retries: another transaction was writing the same records.',
      ]);
    } finally {
      await emu.close();
    }
  });

  test('a conflict that outlasts every try says what happened and what to do, not "a required field or a rule"', async () => {
    const emu = await startEmulator({ version: 17 });
    try {
      const c = await connect({ url: emu.url, db: emu.db, user: 'admin' }, { password: emu.users.admin.password }, { retryDelayMs: 1 });
      emu.setConflicts({ method: 'create', times: 99 });
      const e = await failure(c.create('project.tags', [{ name: 'never' }]));
      expect(e.kind).toBe('conflict');
      expect(e.message).toBe(
        'Odoo could not apply project.tags.create after 5 tries: another transaction kept writing the same records (could not serialize access due to concurrent update). Nothing was written by these tries.',
      );
      expect(e.hint).toMatch(/wait a minute and run again/);
      emu.setConflicts(undefined);
      expect(await c.searchCount('project.tags', [['name', '=', 'never']])).toBe(0);
    } finally {
      await emu.close();
    }
  });
});

describe('what each version expects', () => {
  test('Odoo 19 with an API key: the version comes from GET /web/version, no XML-RPC call, no deprecation in the server log', async () => {
    const emu = await startEmulator({ version: 19 });
    try {
      const c = await connect({ url: emu.url, db: emu.db, user: 'admin' }, { apiKey: emu.users.admin.apiKey });
      expect(c.transport).toBe('json2');
      expect((await c.version()).major).toBe(19);
      await c.capabilities();
      expect(emu.stats.byMethod['/web/version']).toBe(1);
      expect(emu.stats.warnings).toEqual([]);
    } finally {
      await emu.close();
    }
  });

  test('Odoo 19 over XML-RPC (a password): the deprecation is what the server logs, as the real one does', async () => {
    const emu = await startEmulator({ version: 19 });
    try {
      await connect({ url: emu.url, db: emu.db, user: 'admin' }, { password: emu.users.admin.password });
      expect(emu.stats.warnings).toContain(RPC_DEPRECATION);
    } finally {
      await emu.close();
    }
  });

  test('Odoo 17 with an API key still finds its version (no /web/version there) over XML-RPC', async () => {
    const emu = await startEmulator({ version: 17 });
    try {
      const c = await connect({ url: emu.url, db: emu.db, user: 'admin' }, { apiKey: emu.users.admin.apiKey });
      expect((await c.version()).major).toBe(17);
      expect(c.transport).toBe('xmlrpc');
    } finally {
      await emu.close();
    }
  });

  test.each([18, 19] as const)('Odoo %i: capabilities ask has_access, never the deprecated check_access_rights', async (version) => {
    const emu = await startEmulator({ version });
    try {
      const c = await connect({ url: emu.url, db: emu.db, user: 'admin', transport: 'xmlrpc' }, { password: emu.users.admin.password });
      expect((await c.capabilities()).canWriteProjects).toBe(true);
      expect(emu.stats.byMethod['check_access_rights']).toBeUndefined();
      expect(emu.stats.warnings).not.toContain(CHECK_ACCESS_RIGHTS_DEPRECATION);
      const limited = await connect({ url: emu.url, db: emu.db, user: emu.users.noProject.login, transport: 'xmlrpc' }, { password: emu.users.noProject.password });
      expect((await limited.capabilities()).canWriteProjects).toBe(false);
    } finally {
      await emu.close();
    }
  });

  test('Odoo 17: capabilities still use check_access_rights (has_access is 18+)', async () => {
    const emu = await startEmulator({ version: 17 });
    try {
      const c = await connect({ url: emu.url, db: emu.db, user: 'admin' }, { password: emu.users.admin.password });
      expect((await c.capabilities()).canWriteProjects).toBe(true);
      expect(emu.stats.byMethod['check_access_rights']).toBeGreaterThan(0);
    } finally {
      await emu.close();
    }
  });

  test('Odoo 15 is said to be outside what is tested (14/15 are not claimed)', async () => {
    const s = await startServer((req, res, body) => {
      if (body.includes('<methodName>version<')) {
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        res.end(xmlVersion(15));
        return;
      }
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><title>404 Not Found</title></html>');
    });
    try {
      const notices: string[] = [];
      await failure(connect({ url: s.url, db: 'x', user: 'admin' }, { password: 'a-long-password' }, { retries: 0, onNotice: (l) => notices.push(l) }));
      expect(notices).toEqual([`${s.url} runs Odoo 15.0; this tool is tested against Odoo 16-19 only (task owners, hours and states differ before 16): check what it writes.`]);
    } finally {
      await s.close();
    }
  });
});

describe('Odoo Online refusing the external API', () => {
  const ctx = (url: string): ErrorContext => ({ url, db: 'acme', login: 'admin', transport: 'xmlrpc', usesApiKey: true, secretSource: 'ODOO_API_KEY', scrub: makeScrubber({}) });

  test('an Access Denied from *.odoo.com names the Custom-plan rule beside the key check', () => {
    const e = errorFromServer({ text: 'Access Denied', faultCode: 3 }, ctx('https://acme.odoo.com'));
    expect(e.kind).toBe('auth');
    expect(e.hint).toMatch(/^Check ODOO_API_KEY.*On Odoo Online \(\*\.odoo\.com\) the external API works only on the Custom plan/);
    const onPremise = errorFromServer({ text: 'Access Denied', faultCode: 3 }, ctx('https://erp.example.com'));
    expect(onPremise.hint).not.toMatch(/Custom plan/);
  });

  test('a refusal that talks about the API and a plan is reported as such, wherever it comes from', () => {
    const e = errorFromServer({ text: 'Access to the external API is not available on your current plan.', faultCode: 4 }, ctx('https://acme.odoo.com'));
    expect(e.message).toBe('Odoo refused the external API for this database: Access to the external API is not available on your current plan.');
    expect(e.hint).toBe(ONLINE_PLAN_HINT);
  });

  test('an HTTP 403 in front of an *.odoo.com database says the same', () => {
    const e = errorFromHttp({ status: 403, contentType: 'text/html', body: '<html><title>Forbidden</title></html>' }, ctx('https://acme.odoo.com'), '/xmlrpc/2/common');
    expect(e.hint).toBe(ONLINE_PLAN_HINT);
  });
});
