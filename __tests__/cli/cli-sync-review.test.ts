/** `run sync` headless on a hand-kept plan: the review printed once, --json for scripts, --strict for CI. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { execa } from 'execa';
import { startEmulator, type Emulator } from '../../src/odoo/emulator/index.js';
import type { PlanReview } from '../../src/steps/sync/review.js';

const repo = process.cwd();
const cli = join(repo, 'dist', 'cli.js');
const plan = join(repo, '__tests__/fixtures/plans/shapes/11-table-legend-checkbox-emoji.md');
let emu: Emulator;
let ws: string;
jest.setTimeout(60_000);

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: repo });
  emu = await startEmulator({ version: 17 });
  ws = mkdtempSync(join(tmpdir(), 'ops-cli-sync-'));
  copyFileSync(plan, join(ws, 'ToDo.md'));
  await ops(['init', '--source', 'database', '--url', emu.url, '--db', emu.db, '--user', 'admin']);
}, 120_000);
afterAll(async () => {
  await emu.close();
  rmSync(ws, { recursive: true, force: true });
});

const ops = (args: string[]) =>
  execa('node', [cli, '--workspace', ws, ...args], {
    reject: false,
    stdin: 'ignore',
    env: { ...process.env, ODOO_URL: '', ODOO_DB: '', ODOO_USER: '', ODOO_API_KEY: '', ODOO_PASSWORD: 'admin', NO_COLOR: '1' },
  });

test('--dry-run prints every task with id, status, milestone, owner and hours, and each warning once', async () => {
  const r = await ops(['run', 'sync', '--dry-run']);
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toMatch(/8 tasks in 2 milestones: 2 Done, 2 In Progress, 4 To Do/);
  expect(r.stderr).toMatch(/Sprint 1: Scheduling\s+4\s+1\s+1\s+2\s+20/);
  expect(r.stderr).toMatch(/── Sprint 1: Scheduling \(4 tasks\) ──\nId\s+Status\s+Owner\s+Hours\s+Sync\s+Task\n1\.1\s+Done\s+Ines \(tag\)\s+6\s+create\s+Technician calendar view\n/);
  expect(r.stderr).toMatch(/\n1\.4\s+To Do\s+-\s+8\s+create\s+Travel time between visits\n/);
  expect(r.stderr).toMatch(/── Sprint 2: On site \(4 tasks\) ──\nId[^\n]*\n…n_the_worksheet\s+In Progress\s+ines \(tag\)\s+3\s+create\s+Signature on the worksheet/);
  const warning = 'status "❓" is not in the document\'s legend';
  expect(r.stderr.split(warning)).toHaveLength(2);
  expect(r.stdout).toMatch(/^Sync to Odoo: dry run: 8 tasks, 8 to create, 0 to update, \d+ warnings? \(\d+ Odoo calls\)$/m);
  expect(emu.stats.byMethod.load ?? 0).toBe(0);
});

test('--json prints the review that sync-plan.json holds', async () => {
  const r = await ops(['run', 'sync', '--dry-run', '--json']);
  expect(r.exitCode).toBe(0);
  const printed = JSON.parse(r.stdout) as { review: PlanReview };
  expect(printed).toEqual(JSON.parse(readFileSync(join(ws, '.odoo-project-sync', 'sync-plan.json'), 'utf8')));
  const { review } = printed;
  expect(review.tasks.map((t) => [t.id, t.status, t.milestone, t.owner ?? null, t.hours ?? null])).toEqual([
    ['1.1', 'Done', 'Sprint 1: Scheduling', 'Ines', 6],
    ['1.2', 'In Progress', 'Sprint 1: Scheduling', null, 4],
    ['1.3', 'To Do', 'Sprint 1: Scheduling', null, 2],
    ['1.4', 'To Do', 'Sprint 1: Scheduling', null, 8],
    ['2.signature_on_the_worksheet', 'In Progress', 'Sprint 2: On site', 'ines', 3],
    ['2.photo_upload_from_the_phone', 'Done', 'Sprint 2: On site', null, null],
    ['2.offline_mode_for_basements', 'To Do', 'Sprint 2: On site', null, null],
    ['2.spare_parts_used_on_the_visit', 'To Do', 'Sprint 2: On site', null, null],
  ]);
  expect(review.byStatus).toEqual({ Done: 2, 'In Progress': 2, 'To Do': 4 });
  expect(review.byMilestone.map((m) => [m.name, m.tasks, m.hours])).toEqual([['Sprint 1: Scheduling', 4, 20], ['Sprint 2: On site', 4, 3]]);
  expect(review.project).toEqual({ name: 'Field Service Rollout', from: 'plan' });
});

test('--strict exits 2 on a plan warning, naming the line, before anything is sent', async () => {
  const before = emu.stats.requests;
  const r = await ops(['run', 'sync', '--strict']);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toMatch(/ToDo\.md:24/);
  expect(r.stderr).toMatch(/--strict/);
  expect(emu.stats.requests).toBe(before);
});
