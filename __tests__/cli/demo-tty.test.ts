import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { Terminal } from './terminal.js';

const repo = process.cwd();
let tmp: string;
beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: repo });
}, 120_000);
beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'ops-demo-'))));
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const terminals: Terminal[] = [];
afterEach(async () => {
  await Promise.all(terminals.splice(0).map((t) => t.kill()));
});
const onTerminal = (args: string) => {
  const t = new Terminal(repo, tmp, args);
  terminals.push(t);
  return t;
};

describe('npm start (the demo) on a terminal', () => {
  test('creates ./demo-workspace, runs against the emulator, and quits with q', async () => {
    const t = onTerminal('demo');
    const screen = await t.waitFor((s) => /127\.0\.0\.1:\d+ \(demo\)/.test(s) && s.includes('Extract'));
    expect(screen).toMatch(/demo: workspace .*demo-workspace, Odoo emulator 17 at http:\/\/127\.0\.0\.1:\d+/);
    expect(screen).not.toContain('127.0.0.1:8069');
    t.type('q');
    expect((await t.proc).exitCode).toBe(0);
    const config = readFileSync(join(tmp, 'demo-workspace', 'odoo-project-sync.toml'), 'utf8');
    // The emulator's address changes each run: it never lands in the user's file, nor a secret.
    expect(config).toContain('url = "http://127.0.0.1:8069"');
    expect(config).not.toMatch(/^\s*(password|api_?key|secret)\s*=/im);
    expect(existsSync(join(tmp, 'demo-workspace', '.odoo-project-sync', 'lock'))).toBe(false);
  }, 60_000);

  test('first run on a terminal opens the set-up screen and takes arrow keys', async () => {
    const t = onTerminal(`--workspace ${tmp}`);
    await t.waitFor((s) => s.includes('Where is the source of truth?'));
    await t.waitFor((s) => s.includes('❯ Custom module source code'), t.type('\u001b[B'));
    await t.waitFor((s) => s.includes('Addons path'), t.type('\r'));
  }, 60_000);

  test('text beyond Latin (CJK, emoji, accents) is measured and drawn, in colour', async () => {
    // The TUI bundle measures simple text without ICU and hands the rest to string-width: this
    // text takes the second path, through the colour codes of a terminal without --no-color.
    const t = onTerminal(`--workspace ${tmp}`);
    await t.waitFor((s) => s.includes('Where is the source of truth?'));
    await t.waitFor((s) => s.includes('❯ Custom module source code'), t.type('\u001b[B'));
    await t.waitFor((s) => s.includes('Addons path'), t.type('\r'));
    const screen = await t.waitFor((s) => s.includes('モジュール ✅ café'), t.type('モジュール ✅ café'));
    expect(screen).not.toMatch(/RangeError|Maximum call stack|internal error/);
    t.type('\u0003');
    expect((await t.proc).exitCode).toBe(130);
  }, 60_000);

  test("a step engine's own error reaches the screen with its hint (engines and TUI share UserError)", async () => {
    // The TUI bundle and the engines' ES modules each hold a copy of UserError: the sync engine
    // catches the workspace's "outside the workspace" error and explains the config key instead.
    // A connection, or sync could not run at all (it would say so and how to add one).
    writeFileSync(join(tmp, 'odoo-project-sync.toml'), 'source = "source"\naddons = ["addons"]\n\n[connection]\nurl = "http://127.0.0.1:9"\nuser = "admin"\n\n[sync]\nplan_file = "../outside-plan.md"\n');
    mkdirSync(join(tmp, 'addons'));
    const t = onTerminal(`--workspace ${tmp}`);
    await t.waitFor((s) => s.includes('Sync to Odoo'));
    t.type('7');
    const screen = await t.waitFor((s) => s.includes('r to retry'), t.type('\r'));
    expect(screen).toContain('[sync] plan_file "../outside-plan.md" is outside the workspace.');
    expect(screen).toContain('Copy the plan into');
    expect(screen).not.toContain('internal error');
    t.type('q');
    expect((await t.proc).exitCode).toBe(0);
  }, 60_000);
});

