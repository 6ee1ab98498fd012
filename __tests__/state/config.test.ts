import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/state/config.js';
import { writeConfig } from '../../src/state/config-write.js';
import { tempDir } from './helpers.js';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const errOf = async (text: string) => {
  const r = await parseConfig(text);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('odoo-project-sync.toml', () => {
  test('a valid database config parses, step tables kept as sections', async () => {
    const r = await parseConfig('source = "database"\n[connection]\nurl = "https://x.odoo.com"\nuser = "me"\ntimeout_ms = 5000\n[estimate]\nhours_per_field = 0.5\n');
    expect(r.ok && r.value).toEqual({
      source: 'database',
      addons: [],
      connection: { url: 'https://x.odoo.com', db: undefined, user: 'me', transport: undefined, insecure: undefined, timeoutMs: 5000 },
      sections: { estimate: { hours_per_field: 0.5 } },
    });
  });

  test('a TOML syntax error names file:line:col and says what to do', async () => {
    const e = await errOf('source = "database"\n\n[connection\nurl = "x"\n');
    expect(e.where).toMatchObject({ file: 'odoo-project-sync.toml', line: 3 });
    expect(e.where?.column).toBeGreaterThan(0);
    expect(e.hint).toMatch(/fix the TOML syntax/);
  });

  test('a schema error points at the offending key', async () => {
    const e = await errOf('source = "database"\n\n[connection]\nurl = "ftp://x"\nuser = "me"\n');
    expect(e.message).toMatch(/^connection\.url: /);
    expect(e.where).toEqual({ file: 'odoo-project-sync.toml', line: 4, column: 1 });
    const e2 = await errOf('# hi\nsource = "cloud"\n');
    expect(e2.where).toMatchObject({ line: 2, column: 1 });
    expect(e2.message).toMatch(/^source: /);
  });

  test('a value of the wrong type says what the key takes, what the file has, and a line to copy', async () => {
    const e = await errOf('source = "database"\n[connection]\nurl = "https://x.odoo.com"\nuser = "me"\ntimeout_ms = "60s"\n');
    expect(e.message).toBe('connection.timeout_ms: must be a whole number of milliseconds without quotes, but the file has the text "60s" (for example timeout_ms = 60000)');
    expect(e.where).toEqual({ file: 'odoo-project-sync.toml', line: 5, column: 1 });
    const e2 = await errOf('source = "database"\n[connection]\nurl = "https://x.odoo.com"\nuser = "me"\ntimeout_ms = 1.5\n');
    expect(e2.message).toBe('connection.timeout_ms: must be a whole number of milliseconds without quotes, but the file has the number 1.5 (for example timeout_ms = 60000)');
    const e3 = await errOf('source = "database"\n[connection]\nurl = "https://x.odoo.com"\nuser = "me"\ninsecure = "yes"\n');
    expect(e3.message).toBe('connection.insecure: must be true or false, without quotes, but the file has the text "yes" (for example insecure = true)');
    const e4 = await errOf('source = "database"\n[connection]\nurl = "https://x.odoo.com"\nuser = "me"\ntransport = "grpc"\n');
    expect(e4.message).toBe('connection.transport: must be one of "auto", "xmlrpc", "json2", but the file has the text "grpc"');
    const e5 = await errOf('source = "database"\n[connection]\nurl = "https://x.odoo.com"\nuser = "me"\ntimeout_ms = 0\n');
    expect(e5.message).toBe('connection.timeout_ms: must be greater than 0, but the file has the number 0 (for example timeout_ms = 60000)');
  });

  test('a secret in the file is refused at its line, pointing at the environment instead', async () => {
    const e = await errOf('source = "database"\n[connection]\nurl = "https://x"\nuser = "me"\npassword = "hunter2"\n');
    expect(e.message).toMatch(/secret \(connection\.password\) must not be stored/);
    expect(e.where).toMatchObject({ line: 5, column: 1 });
    expect(e.hint).toMatch(/ODOO_PASSWORD or ODOO_API_KEY/);
    expect(e.message + e.hint).not.toContain('hunter2');
  });

  test('a database workspace needs a connection, a source workspace an addons path', async () => {
    expect((await errOf('source = "database"\n')).message).toMatch(/needs a \[connection\]/);
    expect((await errOf('source = "source"\n')).message).toMatch(/at least one addons path/);
  });

  test('init never writes the secret it was given, and the file validates', async () => {
    const r = await writeConfig(t.dir, {
      source: 'database',
      url: 'https://acme.odoo.com',
      db: 'acme',
      user: 'admin',
      secret: { password: 'S3cr3t-pass', apiKey: 'k-123456789' },
    });
    expect(r.ok).toBe(true);
    const text = readFileSync(join(t.dir, 'odoo-project-sync.toml'), 'utf8');
    expect(text).not.toContain('S3cr3t-pass');
    expect(text).not.toContain('k-123456789');
    expect(text).not.toMatch(/password\s*=|api_?key\s*=/i);
    expect(text).toContain('url = "https://acme.odoo.com"');
    expect((await parseConfig(text)).ok).toBe(true);
  });

  test('bidi controls in the answers are written as \\u escapes and read back as the same text; the user\'s own lines stay as they were', async () => {
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), '# mine: \u202e kept as I wrote it\nsource = "database"\n\n[connection]\nurl = "https://x.example.com"\nuser = "me"\n');
    const r = await writeConfig(t.dir, { source: 'database', url: 'https://x.example.com', db: 'de\u202emo', user: 'ad\u2066min' });
    expect(r.ok).toBe(true);
    const text = readFileSync(join(t.dir, 'odoo-project-sync.toml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# mine: \u202e kept as I wrote it');
    expect(text.split('\n').slice(1).join('\n')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('db = "de\\u202emo"');
    const back = await parseConfig(text);
    expect(back.ok && back.value.connection).toMatchObject({ db: 'de\u202emo', user: 'ad\u2066min' });
  });

  test('updating keeps the user comments, layout and extra tables', async () => {
    mkdirSync(join(t.dir, 'addons'));
    const mine = '# my notes: do not lose these\nsource = "database"  # for now\n\n[connection]\nurl = "https://old.example.com"\nuser = "me"\ntimeout_ms = 9000\n\n# estimates tuned by the team\n[estimate]\nhours_per_field = 0.75\n';
    writeFileSync(join(t.dir, 'odoo-project-sync.toml'), mine);
    const r = await writeConfig(t.dir, { source: 'database', url: 'https://new.example.com', user: 'me' });
    expect(r.ok).toBe(true);
    const text = readFileSync(join(t.dir, 'odoo-project-sync.toml'), 'utf8');
    expect(text).toContain('# my notes: do not lose these');
    expect(text).toContain('# for now');
    expect(text).toContain('# estimates tuned by the team');
    expect(text).toContain('hours_per_field = 0.75');
    expect(text).toContain('timeout_ms = 9000');
    expect(text).toContain('url = "https://new.example.com"');
  });

  test('a source-code workspace without an addons path is refused with a hint', async () => {
    const r = await writeConfig(t.dir, { source: 'source' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.hint).toMatch(/--addons PATH/);
  });

  test('a source-code workspace can carry the connection step 7 needs; re-init without one keeps a hand-added one', async () => {
    mkdirSync(join(t.dir, 'addons'));
    const r = await writeConfig(t.dir, { source: 'source', addons: ['addons'], url: 'https://acme.odoo.com', db: 'acme', user: 'admin' });
    expect(r.ok && r.value.connection).toEqual({ url: 'https://acme.odoo.com', db: 'acme', user: 'admin', transport: 'auto' });
    const file = join(t.dir, 'odoo-project-sync.toml');
    // The user adds a timeout by hand, then runs init again with only the addons.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^\[connection\]$/m, '[connection]\ntimeout_ms = 90000'));
    const again = await writeConfig(t.dir, { source: 'source', addons: ['addons'] });
    expect(again.ok && again.value.connection).toMatchObject({ url: 'https://acme.odoo.com', user: 'admin', timeoutMs: 90000 });
    expect(again.ok && again.value.source).toBe('source');
    const half = await writeConfig(t.dir, { source: 'source', addons: ['addons'], url: 'https://acme.odoo.com' });
    expect(!half.ok && half.error.message).toBe('a connection for step 7 needs the login too');
  });

  test('a new source-code workspace without a connection has no empty [connection] table', async () => {
    const r = await writeConfig(t.dir, { source: 'source', addons: ['addons'] });
    expect(r.ok && r.value.connection).toBeUndefined();
    expect(readFileSync(join(t.dir, 'odoo-project-sync.toml'), 'utf8')).not.toMatch(/^\[connection\]/m);
  });

  test('init over a file with a TOML syntax error refuses, naming the line, and leaves the file as it was', async () => {
    const file = join(t.dir, 'odoo-project-sync.toml');
    const broken = '# my notes\nsource = "source"\naddons = ["addons"\n[sync]\nproject_name = "Mine"\n';
    writeFileSync(file, broken);
    const r = await writeConfig(t.dir, { source: 'source', addons: ['addons'] });
    expect(!r.ok && r.error.where).toMatchObject({ file: 'odoo-project-sync.toml', line: 4 });
    expect(!r.ok && r.error.hint).toMatch(/fix the TOML syntax at that position, then run init again/);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  test('a misspelled section is refused at its line with the name it was meant to be, not silently ignored', async () => {
    const e = await errOf('source = "source"\naddons = ["addons"]\n\n[estimates]\nbase = 2.0\n');
    expect(e.message).toBe("unknown section [estimates] (did you mean [estimate]?): nothing reads it, so its settings would be ignored");
    expect(e.where).toMatchObject({ file: 'odoo-project-sync.toml', line: 4 });
    expect(e.hint).toMatch(/\[connection\], \[estimate\], \[todo\] and \[sync\]/);
    const key = await errOf('source = "source"\naddons = ["addons"]\nsorce = "x"\n');
    expect(key.message).toMatch(/^unknown key "sorce" \(did you mean "source"\?\)/);
    expect(key.where).toMatchObject({ line: 3 });
  });
});
