import { formatUserError } from '../../src/core/user-error.js';
import { startEmulator, type Emulator } from '../../src/odoo/emulator/index.js';
import { connect, OdooError, type OdooClient } from '../../src/odoo/index.js';
import { startServer, xmlVersion } from './servers.js';

const PASSWORD = 'Pw-7f3a9c-SECRET';
const WRONG = 'Wrong-9d8e7f-SECRET';

/** Everything a user, a log or --debug could ever see of an error. */
function exposed(e: unknown): string {
  const err = e as OdooError;
  return [String(e), err.stack, err.message, err.hint, err.detail, formatUserError(err), JSON.stringify(err), JSON.stringify(Object.entries(err))].join('\n');
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
}

describe('secrets never leak', () => {
  let emu: Emulator;
  let emu19: Emulator;
  const lines: string[] = [];
  const trace = (l: string): void => {
    lines.push(l);
  };

  beforeAll(async () => {
    emu = await startEmulator({ version: 17 });
    emu19 = await startEmulator({ version: 19 });
  });
  afterAll(async () => {
    await emu.close();
    await emu19.close();
  });

  test('not in errors or trace lines for a wrong password, an unknown model or an echoing server', async () => {
    const errors: unknown[] = [];
    errors.push(await failure(connect({ url: emu.url, user: 'admin' }, { password: WRONG }, { trace, debug: true })));

    const ok: OdooClient = await connect({ url: emu.url, user: 'admin' }, { password: 'admin' }, { trace });
    errors.push(await failure(ok.searchRead('x_no_such_model', [])));

    // A broken proxy that echoes the request (XML-RPC carries the password in the body).
    const echo = await startServer((req, res, body) => {
      if (req.url === '/xmlrpc/2/common' && body.includes('<methodName>version<')) {
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        res.end(xmlVersion(17));
        return;
      }
      res.writeHead(500, { 'Content-Type': 'text/html' });
      res.end(`<html><title>${body.slice(0, 300).replace(/</g, '&lt;')}</title><pre>${body}</pre></html>`);
    });
    try {
      errors.push(await failure(connect({ url: echo.url, user: 'admin', db: 'x' }, { password: PASSWORD }, { trace, retries: 0, debug: true })));
    } finally {
      await echo.close();
    }
    expect(errors.map((e) => (e as OdooError).kind)).toEqual(['auth', 'unknown-model', 'server']);
    expect(exposed(errors[2])).toContain('[secret]');
    for (const e of errors) {
      expect(exposed(e)).not.toContain(PASSWORD);
      expect(exposed(e)).not.toContain(WRONG);
    }
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('\n')).not.toMatch(/SECRET/);
  });

  test('not in errors or trace lines for a JSON-2 API key, right or wrong', async () => {
    const key = emu19.users.admin.apiKey;
    const wrongKey = 'f'.repeat(40);
    const errors: unknown[] = [];
    errors.push(await failure(connect({ url: emu19.url, user: 'admin' }, { apiKey: wrongKey }, { trace })));
    const c = await connect({ url: emu19.url, user: 'admin' }, { apiKey: key }, { trace });
    errors.push(await failure(c.create('project.project', [{ description: 'no name' }])));
    for (const e of errors) {
      expect(exposed(e)).not.toContain(key);
      expect(exposed(e)).not.toContain(wrongKey);
    }
    expect(lines.join('\n')).not.toContain(key);
  });
});

describe('masking keeps our own words', () => {
  test('a wrong password that is an ordinary word does not garble the message about it', async () => {
    const emu = await startEmulator({ version: 17 });
    try {
      const e = await connect({ url: emu.url, db: emu.db, user: 'admin', transport: 'xmlrpc' }, { password: 'wrong' }, { retries: 0 }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(OdooError);
      expect((e as OdooError).message).toBe(`Odoo refused the login 'admin' on database '${emu.db}' with the password: the login or the password is wrong.`);
    } finally {
      await emu.close();
    }
  });
});
