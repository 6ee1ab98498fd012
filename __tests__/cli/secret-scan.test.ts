/**
 * Acceptance "Secret scan" (issue 10): canary passwords and API keys, long and 1-4 characters,
 * through every step (resume --yes runs extract to sync) and every error path, with --debug,
 * against the emulator and hostile servers. Afterwards every byte of output, the workspaces, the
 * cache folder, HOME and the temp folder the CLI used is searched for each canary (raw, URL-,
 * XML- and JSON-encoded) and for any partial mask.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { startEmulator, type Emulator, type EmulatorVersion } from '../../src/odoo/emulator/index.js';
import { deadPort, startServer, xmlVersion, type TestServer } from '../odoo/servers.js';

const repo = process.cwd();
const cli = join(repo, 'dist', 'cli.js');

/** Canaries: unusual enough that any hit is a leak, never an accident. */
const LONG_PASSWORD = 'Cnry-Pw-7Xq9-kZ4v';
const LONG_KEY = 'c4n4ryk3yc4n4ryk3yc4n4ryk3yc4n4ryk3y0a1b';
// API keys are ASCII (they travel in an HTTP header), so the 4-character key is too.
const SHORT = ['ǂ', 'Ʃǂ', 'Ʃǂ9', 'Zq9J'];
const WRONG_LONG = 'Cnry-Wrong-3Jh8-pQ2w';
/** The password of a user who may sign in but not write projects (the access-denied path). */
const NO_RIGHTS = 'Cnry-NoRights-8Vd3-mH6s';
const CANARIES = [LONG_PASSWORD, LONG_KEY, WRONG_LONG, NO_RIGHTS, ...SHORT, 'ǂ§'];

/** How XML carries a text: every non-ASCII character as a decimal or a hex character reference. */
const xmlRefs = (c: string): string[] =>
  [10, 16].map((radix) =>
    [...c].map((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return cp < 128 ? ch : `&#${radix === 16 ? 'x' : ''}${cp.toString(radix)};`;
    }).join(''),
  );

let root: string;
let output = '';
/** What the last command printed, shown when an exit code is unexpected. */
let last = '';
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: repo });
  root = mkdtempSync(join(tmpdir(), 'ops-secret-scan-'));
  for (const d of ['home', 'cache', 'tmp', 'ws']) mkdirSync(join(root, d));
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(root, { recursive: true, force: true });
});

function clean(): Record<string, string> {
  return {
    ...process.env,
    ODOO_URL: '',
    ODOO_DB: '',
    ODOO_USER: '',
    ODOO_PASSWORD: '',
    ODOO_API_KEY: '',
    HOME: join(root, 'home'),
    XDG_CACHE_HOME: join(root, 'cache'),
    TMPDIR: join(root, 'tmp'),
  } as Record<string, string>;
}

async function ops(ws: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const r = await execa('node', [cli, ...args], { cwd: ws, reject: false, env: { ...clean(), ...env }, stdin: 'ignore', timeout: 240_000 });
  // The command line itself holds the canaries on purpose (init --url with credentials): only
  // what the tool printed is scanned.
  const printed = `${r.stdout}\n${r.stderr}\n`;
  output += printed;
  last = printed;
  return r.exitCode ?? -1;
}

async function emulator(version: EmulatorVersion, credentials: { password?: string; apiKey?: string }): Promise<Emulator> {
  const emu = await startEmulator({ version, credentials: { admin: credentials } });
  servers.push(emu);
  return emu;
}

function workspace(name: string, url: string, extra = '', user = 'admin'): string {
  const ws = join(root, 'ws', name);
  mkdirSync(ws, { recursive: true });
  writeFileSync(join(ws, 'odoo-project-sync.toml'), `source = "database"\n\n[connection]\nurl = "${url}"\ndb = "demo"\nuser = "${user}"\n${extra}`);
  return ws;
}

/** A full run: init with the password in the URL, then every step, then status and a dry run. */
async function fullRun(name: string, emu: Emulator, secretEnv: Record<string, string>, urlSecret: string): Promise<void> {
  const ws = join(root, 'ws', name);
  mkdirSync(ws, { recursive: true });
  const withCreds = emu.url.replace('http://', `http://admin:${encodeURIComponent(urlSecret)}@`);
  expect(await ops(ws, ['init', '--url', withCreds, '--db', emu.db])).toBe(0);
  writeFileSync(join(ws, 'ToDo.md'), '# Plan\n\n- [ ] T1: first task\n- [x] T2: second task\n');
  expect([await ops(ws, ['resume', '--yes', '--debug'], secretEnv), last]).toEqual([0, last]);
  expect(await ops(ws, ['status', '--json'], secretEnv)).toBe(0);
  expect(await ops(ws, ['run', 'sync', '--dry-run', '--debug'], secretEnv)).toBe(0);
  // ODOO_URL holding the credentials: used in memory, never written.
  expect(await ops(ws, ['run', 'sync', '--yes', '--debug'], { ODOO_URL: withCreds })).toBe(0);
}

describe('secret scan', () => {
  test('long password (Odoo 17, XML-RPC) through every step', async () => {
    const emu = await emulator(17, { password: LONG_PASSWORD });
    await fullRun('long-password', emu, { ODOO_PASSWORD: LONG_PASSWORD }, LONG_PASSWORD);
  }, 300_000);

  test('long API key (Odoo 19, JSON-2) through every step', async () => {
    const emu = await emulator(19, { apiKey: LONG_KEY });
    await fullRun('long-key', emu, { ODOO_API_KEY: LONG_KEY }, LONG_KEY);
  }, 300_000);

  test('1-character password (Odoo 17) and 4-character API key (Odoo 19) through every step', async () => {
    const e17 = await emulator(17, { password: SHORT[0] });
    await fullRun('short-password', e17, { ODOO_PASSWORD: SHORT[0] }, SHORT[0]);
    const e19 = await emulator(19, { apiKey: SHORT[3] });
    await fullRun('short-key', e19, { ODOO_API_KEY: SHORT[3] }, SHORT[3]);
  }, 300_000);

  test('every error path, with --debug', async () => {
    const emu = await emulator(17, { password: LONG_PASSWORD });
    const ws = workspace('errors', emu.url, 'timeout_ms = 1500\n');
    const extract = (env: Record<string, string>) => ops(ws, ['run', 'extract', '--debug'], env);
    for (const wrong of [WRONG_LONG, ...SHORT]) expect(await extract({ ODOO_PASSWORD: wrong })).toBe(1);
    // A non-ASCII API key is refused before it is sent (exit 2, its position named, never the key).
    expect(await extract({ ODOO_API_KEY: SHORT[2], ODOO_PASSWORD: LONG_PASSWORD })).toBe(2);
    expect(await extract({ ODOO_API_KEY: WRONG_LONG, ODOO_PASSWORD: SHORT[1] })).toBe(1);

    // Signed in, then refused: a user without project rights (Odoo's AccessError text comes back).
    const limited = await startEmulator({ version: 17, credentials: { lab_noproject: { password: NO_RIGHTS } } });
    servers.push(limited);
    const denied = workspace('access-denied', limited.url, '', limited.users.noProject.login);
    writeFileSync(join(denied, 'ToDo.md'), '# Plan\n\n- [ ] T1: first task\n');
    expect([await ops(denied, ['run', 'sync', '--yes', '--debug'], { ODOO_PASSWORD: NO_RIGHTS }), last]).toEqual([1, last]);

    // Servers that echo the request (password in the XML-RPC body), refuse POST, stay silent, or are gone.
    // The echo answers the version call as Odoo 17 would, so the sign-in (secret inside) reaches it.
    const echo: TestServer = await startServer((_req, res, body) => {
      if (body.includes('<methodName>version<')) {
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        res.end(xmlVersion(17));
        return;
      }
      res.writeHead(500, { 'Content-Type': 'text/html' });
      res.end(`<html><title>Error: ${body.replace(/<[^>]*>/g, ' ').slice(0, 400)}</title><pre>${body}</pre></html>`);
    });
    const http501 = await startServer((_req, res) => {
      res.writeHead(501, { 'Content-Type': 'text/html' });
      res.end('<html><title>Error response</title><p>Unsupported method</p></html>');
    });
    const silent = await startServer(() => undefined);
    servers.push(echo, http501, silent);
    const dead = `http://127.0.0.1:${await deadPort()}`;
    for (const url of [echo.url, http501.url, silent.url, dead]) {
      const w = workspace(`server-${url.split(':').pop()}`, url, 'timeout_ms = 1500\n');
      for (const secret of [LONG_PASSWORD, SHORT[0], SHORT[3]]) {
        expect(await ops(w, ['run', 'extract', '--debug'], { ODOO_PASSWORD: secret, ODOO_API_KEY: secret === SHORT[3] ? LONG_KEY : '' })).toBe(1);
      }
    }
    // The echo path is only a test if the secrets did reach the echo.
    for (const secret of [LONG_PASSWORD, SHORT[0], LONG_KEY]) expect(echo.requests.some((r) => r.body.includes(secret))).toBe(true);
    // A mistyped URL that still carries the credentials.
    const bad = workspace('bad-url', 'http://127.0.0.1:1');
    expect(await ops(bad, ['run', 'extract', '--debug'], { ODOO_URL: `http://admin:${LONG_PASSWORD}@127.0.0.1:notaport`, ODOO_PASSWORD: '' })).not.toBe(0);
  }, 300_000);

  test('no canary and no partial mask anywhere: output, workspaces, cache, HOME, temp files', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        const st = statSync(p, { throwIfNoEntry: false });
        if (!st) continue;
        if (st.isDirectory()) walk(p);
        else if (st.isFile()) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(20);
    expect(output).toMatch(/Sync to Odoo/);
    const texts: [string, string][] = [['(output)', output], ...files.map((f) => [f, readFileSync(f, 'latin1') + '\n' + readFileSync(f, 'utf8')] as [string, string])];
    const findings: string[] = [];
    for (const [where, text] of texts) {
      for (const c of CANARIES) {
        for (const form of new Set([c, encodeURIComponent(c), JSON.stringify(c).slice(1, -1), Buffer.from(c, 'utf8').toString('latin1'), ...xmlRefs(c)])) {
          if (text.includes(form)) findings.push(`${where}: canary ${JSON.stringify(c)} as ${JSON.stringify(form)}`);
        }
      }
      // A mask inside a word gives part of the secret away; short secrets are never masked at all.
      // The canaries are letters, digits and dashes: a mask that touches one of those cut a token.
      // Our own punctuation and JSON escapes may touch it ("(HTTP 500: ... [secret]).").
      const partial = /[\p{L}\p{N}-]\[secret\]|\[secret\][\p{L}\p{N}-]/u.exec(text);
      if (partial) findings.push(`${where}: partial mask near ${JSON.stringify(text.slice(Math.max(0, partial.index - 20), partial.index + 30))}`);
    }
    expect(findings).toEqual([]);
  });
});
