import { splitUrlCredentials, stripUrlCredentials } from '../../src/core/url-credentials.js';
import { startEmulator, type Emulator } from '../../src/odoo/emulator/index.js';
import { errorFromHttp } from '../../src/odoo/error-from-transport.js';
import type { ErrorContext } from '../../src/odoo/error-context.js';
import { connect, OdooError } from '../../src/odoo/index.js';
import { makeScrubber, MASK } from '../../src/odoo/secrets.js';
import { startServer, xmlVersion } from './servers.js';

/** Everything a user, a log or --debug could see of an error. */
const seen = (e: unknown): string => {
  const err = e as OdooError;
  return [err.message, err.hint, err.detail, err.server].join('\n');
};

const failure = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );

describe('redaction is no oracle', () => {
  test('a short secret masks nothing: the text is the same whatever the secret', () => {
    const text = "database 'demo' does not exist; xmlrpc version o";
    for (const password of ['o', 'demo', 'de', 'xmlr', 'Ab1']) {
      expect(makeScrubber({ password })(text)).toBe(text);
      expect(makeScrubber({ password }).withholdEchoes).toBe(true);
    }
    expect(makeScrubber({ password: 'long-enough-1' }).withholdEchoes).toBe(false);
  });

  test('a long secret is masked as a whole token, never as a part of one', () => {
    const scrub = makeScrubber({ password: 'Tr0ub4dor&3x' });
    expect(scrub('pw=Tr0ub4dor&amp;3x; next')).toBe(`${MASK} next`);
    expect(scrub('{"password":"Tr0ub4dor&3x"} ok')).toBe(`${MASK} ok`);
    expect(scrub('q=Tr0ub4dor%263x&x=1')).toBe(MASK);
    expect(scrub('no secret here')).toBe('no secret here');
    // The mask never sits inside a word: nothing of the secret's neighbourhood is spelled out.
    expect(scrub('xxTr0ub4dor&3xyy and more')).toBe(`${MASK} and more`);
  });

  test('a web page that echoes the request shows nothing of it when the secret is short', () => {
    const ctx = (password: string): ErrorContext => ({ url: 'http://h', transport: 'xmlrpc', usesApiKey: false, debug: true, scrub: makeScrubber({ password }) });
    const page = (password: string) => ({ status: 500, contentType: 'text/html', body: `<html><title>echo ${password}</title><pre>${password}</pre></html>` });
    const outputs = ['q', 'Zq', 'dem'].map((pw) => seen(errorFromHttp(page(pw), ctx(pw), '/xmlrpc/2/common')));
    // Same words whatever the (short) secret: nothing depends on it.
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toContain('page not shown');
    expect(outputs[0]).not.toContain(MASK);
  });
});

describe('Odoo errors with short or ordinary-word passwords', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: 17 });
  });
  afterAll(() => emu.close());

  test('a refused login reads the same for every wrong short password (no "[secret]" in a word)', async () => {
    const outputs: string[] = [];
    for (const password of ['demo', 'o', 'e', 'Zq7']) {
      const e = await failure(connect({ url: emu.url, db: emu.db, user: 'admin' }, { password }, { retries: 0, debug: true }));
      expect(e).toBeInstanceOf(OdooError);
      outputs.push(seen(e));
    }
    expect(outputs[0]).toContain(`database '${emu.db}'`);
    expect(outputs[0]).toContain('Access Denied');
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).not.toContain(MASK);
  });
});

describe('a password in the URL', () => {
  test('is split off the address, with or without a scheme', () => {
    expect(splitUrlCredentials('http://admin:S3cret@host:8069/x')).toEqual({ url: 'http://host:8069/x', user: 'admin', password: 'S3cret' });
    expect(splitUrlCredentials('https://me%40corp.com:p%40ss@erp.example.com')).toEqual({ url: 'https://erp.example.com', user: 'me@corp.com', password: 'p@ss' });
    expect(splitUrlCredentials('admin:pw@localhost:8069')).toEqual({ url: 'localhost:8069', user: 'admin', password: 'pw' });
    expect(splitUrlCredentials('http://admin@host')).toEqual({ url: 'http://host', user: 'admin' });
    expect(splitUrlCredentials('https://x.odoo.com')).toEqual({ url: 'https://x.odoo.com' });
    expect(stripUrlCredentials("'http://a:b@h:x' is not a server address")).toBe("'http://h:x' is not a server address");
  });

  test('is not echoed when the address cannot be used', async () => {
    const e = await failure(connect({ url: 'http://admin:S3cret@host:notaport', user: 'admin' }, { password: 'S3cret' }));
    expect(seen(e)).not.toContain('S3cret');
  });
});

describe('which secret was used', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ version: 17 });
  });
  afterAll(() => emu.close());

  test('a wrong ODOO_API_KEY with a right ODOO_PASSWORD: the key was used, the message says so and why', async () => {
    const secret = { apiKey: '0'.repeat(40), password: emu.users.admin.password, sources: { apiKey: 'ODOO_API_KEY', password: 'ODOO_PASSWORD' } };
    const e = (await failure(connect({ url: emu.url, db: emu.db, user: 'admin' }, secret, { retries: 0 }))) as OdooError;
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/ODOO_API_KEY is used, not ODOO_PASSWORD: when both are set the API key goes first/);
    expect(e.hint).toBe('Check ODOO_API_KEY, or unset it to sign in with ODOO_PASSWORD.');
  });

  test('a wrong ODOO_PASSWORD alone: the message and hint name it', async () => {
    const e = (await failure(connect({ url: emu.url, db: emu.db, user: 'admin' }, { password: 'wrong-password', sources: { password: 'ODOO_PASSWORD' } }, { retries: 0 }))) as OdooError;
    expect(e.message).toBe(`Odoo refused the login 'admin' on database '${emu.db}' with ODOO_PASSWORD: the login or the password is wrong.`);
    expect(e.hint).toMatch(/^Check ODOO_PASSWORD/);
  });
});

test('an echoing server never shows a long secret, even cut at a snippet boundary', async () => {
  const secret = 'Long-Canary-Password-0123456789';
  const echo = await startServer((_req, res, body) => {
    // Answers the version as Odoo 17, so the sign-in (the secret in its body) is what gets echoed.
    if (body.includes('<methodName>version<')) {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(xmlVersion(17));
      return;
    }
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    // The secret straddles the 200-character snippet cut.
    const flat = body.replace(/\s+/g, ' ');
    res.end(`${'x'.repeat(Math.max(0, 195 - flat.indexOf(secret)))} ${flat}`);
  });
  try {
    const e = await failure(connect({ url: echo.url, user: 'admin', db: 'x' }, { password: secret }, { retries: 0, debug: true }));
    expect(echo.requests.some((r) => r.body.includes(secret))).toBe(true);
    expect(seen(e)).not.toContain(secret.slice(0, 8));
    expect(seen(e)).not.toMatch(/Canary|0123456789/);
  } finally {
    await echo.close();
  }
});
