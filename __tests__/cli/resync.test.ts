/**
 * `run sync --yes` again with nothing changed, as a user runs it (the built CLI, the emulator):
 * the plan, the state file and the outputs are checked by stat alone, never read whole (a preload
 * records every whole-file read), and Odoo sees no sign-in.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { startEmulator, type Emulator } from '../../src/odoo/emulator/index.js';

const repo = process.cwd();
const cli = join(repo, 'dist', 'cli.js');
const preload = join(repo, '__tests__', 'fixtures', 'whole-reads.mjs');
const plan = join(repo, '__tests__/fixtures/plans/status-table.md');
let emu: Emulator;
let tmp: string;

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: repo });
  emu = await startEmulator({ version: 17 });
  tmp = mkdtempSync(join(tmpdir(), 'ops-resync-'));
  copyFileSync(plan, join(tmp, 'ToDo.md'));
}, 120_000);
afterAll(async () => {
  await emu.close();
  rmSync(tmp, { recursive: true, force: true });
});

const env = { ...process.env, ODOO_URL: '', ODOO_DB: '', ODOO_USER: '', ODOO_API_KEY: '', ODOO_PASSWORD: 'admin', NO_COLOR: '1' };

async function ops(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string; reads: string[] }> {
  const log = join(tmpdir(), `ops-resync-reads-${process.pid}.json`);
  rmSync(log, { force: true });
  const r = await execa('node', [`--import=${preload}`, cli, '--workspace', tmp, ...args], { reject: false, env: { ...env, OPS_WHOLE_READS: log }, stdin: 'ignore' });
  const all = JSON.parse(readFileSync(log, 'utf8')) as string[];
  const reads = [...new Set(all.filter((p) => p.startsWith(`${tmp}/`)).map((p) => relative(tmp, p)))].sort();
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr, reads };
}

test('a no-change re-sync reads only its bookkeeping, signs in no more, and says what a full run says', async () => {
  expect((await ops(['init', '--source', 'database', '--url', emu.url, '--db', emu.db, '--user', 'admin'])).exitCode).toBe(0);
  expect((await ops(['run', 'sync', '--yes'])).exitCode).toBe(0);
  const full = await ops(['run', 'sync', '--yes']);
  expect(full.reads).toContain('.odoo-project-sync/sync-state.json');
  // The first answer from the kept result hashes what the full run had just written.
  expect((await ops(['run', 'sync', '--yes'])).exitCode).toBe(0);
  const signIns = emu.stats.byMethod.authenticate;
  const again = await ops(['run', 'sync', '--yes']);
  expect(again.exitCode).toBe(0);
  expect(again.stdout.replace(/\(\d+ Odoo calls\)/, '')).toBe(full.stdout.replace(/\(\d+ Odoo calls\)/, ''));
  expect(again.stderr).toMatch(/nothing changed in the plan, the workspace or Odoo since the last sync/);
  expect(emu.stats.byMethod.authenticate).toBe(signIns);
  expect(again.reads).toEqual([
    '.odoo-project-sync/cache/odoo-sessions.json',
    '.odoo-project-sync/cache/sync-unchanged.json',
    '.odoo-project-sync/hash-cache.json',
    '.odoo-project-sync/journal.jsonl',
    '.odoo-project-sync/lock',
    'odoo-project-sync.toml',
  ]);
});
