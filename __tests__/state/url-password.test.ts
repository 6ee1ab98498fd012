import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { submitField, emptyDraft, answersOf } from '../../src/screens/init-flow.js';
import { cmdInit, type CommandEnv } from '../../src/state/commands.js';
import { parseConfig } from '../../src/state/config.js';
import { toStepError } from '../../src/state/errors.js';
import { makeConnector } from '../../src/state/step-context.js';
import { defaultRegistry } from '../../src/steps/registry.js';
import { UserError } from '../../src/core/user-error.js';
import { tempDir } from './helpers.js';

function env(root: string, lines: string[]): CommandEnv {
  return {
    root,
    registry: defaultRegistry(),
    debug: false,
    insecure: false,
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
    signal: new AbortController().signal,
    lock: { pid: process.pid, host: 'test', isAlive: () => true },
  };
}

describe('a password typed into the URL is never stored or shown', () => {
  test('init keeps the address only, and says the password was not stored', async () => {
    const t = tempDir();
    try {
      const lines: string[] = [];
      // What the CLI passes for `init --url http://admin:S3cret@127.0.0.1:8069`.
      const code = await cmdInit(env(t.dir, lines), { source: 'database', url: 'http://127.0.0.1:8069', user: 'admin', urlHadPassword: true });
      expect(code).toBe(0);
      const toml = readFileSync(join(t.dir, 'odoo-project-sync.toml'), 'utf8');
      expect(toml).toContain('url = "http://127.0.0.1:8069"');
      expect(lines.join('\n')).toMatch(/the password in the URL was not stored[\s\S]*ODOO_PASSWORD/);
    } finally {
      t.cleanup();
    }
  });

  test('the config writer drops credentials even when a caller passes them', async () => {
    const t = tempDir();
    try {
      const code = await cmdInit(env(t.dir, []), { source: 'database', url: 'http://admin:S3cret@127.0.0.1:8069', user: 'admin' });
      expect(code).toBe(0);
      expect(readFileSync(join(t.dir, 'odoo-project-sync.toml'), 'utf8')).not.toContain('S3cret');
    } finally {
      t.cleanup();
    }
  });

  test('a config whose url holds a password is refused at its line', async () => {
    const r = await parseConfig('source = "database"\n[connection]\nurl = "http://admin:S3cret@h:8069"\nuser = "admin"\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe('connection.url holds a password, and no secret may be stored in the config file');
      expect(r.error.where).toMatchObject({ file: 'odoo-project-sync.toml', line: 3 });
      expect(r.error.hint).toMatch(/remove "user:password@"/);
      expect(JSON.stringify(r.error)).not.toContain('S3cret');
    }
  });

  test('step errors (journal, screen) never carry URL credentials', async () => {
    const connect = makeConnector(
      { source: 'database', addons: [], connection: { url: 'http://admin:S3cret@h:8069', user: 'admin' }, sections: {} },
      new AbortController().signal,
      { getSecret: () => undefined, debug: true, insecure: false },
    );
    const e = await connect().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect(JSON.stringify(toStepError(e, true))).not.toContain('S3cret');
    expect(JSON.stringify(toStepError(new Error('GET http://a:S3cret@h failed'), true))).not.toContain('S3cret');
  });

  test('the wizard keeps the password of a typed URL in memory for this session and shows the address only', () => {
    const draft = { ...emptyDraft(), source: 'database' as const };
    const r = submitField('url', 'http://admin:S3cret@127.0.0.1:8069', draft);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.url).toBe('http://127.0.0.1:8069');
    expect(r.draft.user).toBe('admin');
    const u = submitField('user', 'admin', r.draft);
    // The secret question is skipped: the URL gave the password.
    expect(u.ok && u.phase).toEqual({ kind: 'submitting' });
    if (!u.ok) return;
    const answers = answersOf(u.draft);
    expect(answers.url).toBe('http://127.0.0.1:8069');
    expect(answers.secret?.password).toBe('S3cret');
  });
});
