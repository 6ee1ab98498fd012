import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { execa } from 'execa';

const repo = process.cwd();
const cli = join(repo, 'dist', 'cli.js');
let tmp: string;

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: repo });
}, 120_000);
beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'ops-cli-'))));
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const clean = { ...process.env, ODOO_URL: '', ODOO_DB: '', ODOO_USER: '', ODOO_PASSWORD: '', ODOO_API_KEY: '' };
jest.setTimeout(30_000);
const ops = (args: string[], env: Record<string, string> = {}) =>
  execa('node', [cli, ...args], { cwd: tmp, reject: false, env: { ...clean, ...env }, stdin: 'ignore' });

/** A source-code workspace over a copy of the example modules. */
function sourceWorkspace(): string {
  cpSync(join(repo, 'examples', 'addons'), join(tmp, 'addons'), { recursive: true });
  mkdirSync(join(tmp, 'ws'));
  writeFileSync(join(tmp, 'ws', 'odoo-project-sync.toml'), 'source = "source"\naddons = ["../addons"]\n');
  return join(tmp, 'ws');
}

describe('odoo-project-sync CLI', () => {
  test('--version and --help answer without a workspace', async () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    expect(await ops(['--version'])).toMatchObject({ exitCode: 0, stdout: pkg.version });
    const help = await ops(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/odoo-project-sync run <step> \[--yes\] \[--dry-run\]/);
    expect(help.stdout).toMatch(/130 interrupted/);
  });

  test('bad usage exits 2 with the message and a hint, never a stack trace', async () => {
    const cases = [['frobnicate'], ['--frob'], ['run'], ['run', 'deploy'], ['status', 'extra'], ['init', '--source', 'cloud']];
    for (const r of await Promise.all(cases.map((args) => ops(args)))) {
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/\n  -> /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await ops(['run', 'deploy'])).stderr).toMatch(/unknown step "deploy"\n  -> one of: extract, map-review/);
  }, 30_000);

  test('without a TTY and without a command it points at the headless commands (exit 2)', async () => {
    const r = await ops([]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
    expect(r.stderr).toMatch(/status.*init.*run <step>.*resume/);
    const demo = await ops(['demo']);
    expect(demo.exitCode).toBe(2);
    expect(demo.stderr).toMatch(/needs a terminal/);
  });

  test('status of a fresh folder says to run init', async () => {
    const r = await ops(['status']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/run `odoo-project-sync init` first/);
  });

  test('init writes a config without the secret from the environment; status --json reads it', async () => {
    const r = await ops(['init', '--source', 'database', '--url', 'https://acme.odoo.com', '--db', 'acme', '--user', 'admin'], { ODOO_PASSWORD: 'pw-should-not-leak', ODOO_API_KEY: 'key-should-not-leak' });
    expect(r.exitCode).toBe(0);
    const text = readFileSync(join(tmp, 'odoo-project-sync.toml'), 'utf8');
    expect(text).toContain('url = "https://acme.odoo.com"');
    expect(text).not.toMatch(/should-not-leak/);
    const st = await ops(['status', '--json']);
    const json = JSON.parse(st.stdout) as { source: string; steps: { id: string }[] };
    expect(json.source).toBe('database');
    expect(json.steps.map((s) => s.id)).toEqual(['extract', 'map-review', 'generate', 'feature-map', 'feature-review', 'todo', 'sync']);
  });

  test('init refuses a missing addons folder and a database without URL (exit 2)', async () => {
    const a = await ops(['init', '--source', 'source', '--addons', 'nowhere']);
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toMatch(/^addons: addons path not found: nowhere\n  -> /);
    const b = await ops(['init', '--source', 'database', '--user', 'admin']);
    expect(b.exitCode).toBe(2);
    expect(b.stderr).toMatch(/^url: a database workspace needs the server URL\n  -> give --url/);
  });

  test('a broken config names file:line:col and exits 2', async () => {
    writeFileSync(join(tmp, 'odoo-project-sync.toml'), 'source = "database"\n\n[connection]\nurl = "https://x"\nuser = "me"\napi_key = "abc"\n');
    const r = await ops(['resume']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^odoo-project-sync\.toml:6:1: a secret \(connection\.api_key\) must not be stored/);
  });

  test('a step before its inputs exit 2; the source pipeline stops at review, approves with --yes, and resumes', async () => {
    const ws = sourceWorkspace();
    const early = await ops(['--workspace', ws, 'run', 'todo']);
    expect(early.exitCode).toBe(2);
    expect(early.stderr).toMatch(/needs "Feature map" first/);

    const first = await ops(['--workspace', ws, 'resume']);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/stopped at "Review feature map": review feature_user_story_map.toml/);
    expect(first.stderr).toMatch(/^\[feature-map\] /m);

    const map = join(ws, 'feature_user_story_map.toml');
    const good = readFileSync(map, 'utf8');
    writeFileSync(map, `${good}\n[broken\n`);
    const bad = await ops(['--workspace', ws, 'run', 'feature-review', '--yes']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^feature_user_story_map\.toml:\d+:\d+: /);

    writeFileSync(map, good);
    expect((await ops(['--workspace', ws, 'run', 'feature-review', '--yes'])).exitCode).toBe(0);
    expect(readFileSync(join(ws, '.odoo-project-sync', 'approved', 'feature_user_story_map.toml'), 'utf8')).toBe(good);
    await ops(['--workspace', ws, 'resume']);
    const st = JSON.parse((await ops(['--workspace', ws, 'status', '--json'])).stdout) as { steps: { id: string; kind: string }[] };
    expect(Object.fromEntries(st.steps.map((s) => [s.id, s.kind]))).toMatchObject({ extract: 'skipped', 'feature-map': 'done', 'feature-review': 'done', todo: 'done' });
    expect(readFileSync(join(ws, 'ToDo.md'), 'utf8').length).toBeGreaterThan(100);
  }, 60_000);

  test('a second wizard on a workspace held by a live process is refused (exit 2)', async () => {
    writeFileSync(join(tmp, 'odoo-project-sync.toml'), 'source = "source"\naddons = ["."]\n');
    mkdirSync(join(tmp, '.odoo-project-sync'));
    const since = Date.UTC(2026, 0, 1);
    writeFileSync(join(tmp, '.odoo-project-sync', 'lock'), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: since }));
    const r = await ops(['resume']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`workspace in use by pid ${process.pid} since 2026-01-01T00:00:00.000Z`);
    expect(r.stderr).toMatch(/-> quit it or remove the lock if it is dead/);
  });
});
