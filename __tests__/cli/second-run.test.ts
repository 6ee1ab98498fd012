/**
 * Steps 4-6 run again with nothing changed keep their results without redoing the work: no
 * input, output or state file is read whole (each process is watched by a preload that records
 * every whole-file read), nothing is journaled. Any edit makes the step run again, also one
 * that keeps the file's size and mtime (the stat cache's racy rule: ctime and inode still move).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';

const repo = process.cwd();
const cli = join(repo, 'dist', 'cli.js');
const preload = join(repo, '__tests__', 'fixtures', 'whole-reads.mjs');
let tmp: string;
let ws: string;

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: repo });
}, 120_000);
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ops-again-'));
  cpSync(join(repo, 'examples', 'addons'), join(tmp, 'addons'), { recursive: true });
  ws = join(tmp, 'ws');
  mkdirSync(ws);
  writeFileSync(join(ws, 'odoo-project-sync.toml'), 'source = "source"\naddons = ["../addons"]\n');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const clean = { ...process.env, ODOO_URL: '', ODOO_DB: '', ODOO_USER: '', ODOO_PASSWORD: '', ODOO_API_KEY: '' };

/** Runs the CLI; `reads`: the files under the temp folder it read whole, relative to it. */
async function ops(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string; reads: string[] }> {
  const log = join(tmp, 'reads.json');
  rmSync(log, { force: true });
  const r = await execa('node', [`--import=${preload}`, cli, '--workspace', ws, ...args], { reject: false, env: { ...clean, OPS_WHOLE_READS: log }, stdin: 'ignore' });
  const all = JSON.parse(readFileSync(log, 'utf8')) as string[];
  const reads = [...new Set(all.filter((p) => p.startsWith(`${tmp}/`)).map((p) => relative(tmp, p)))].sort();
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr, reads };
}

const journal = () => readFileSync(join(ws, '.odoo-project-sync', 'journal.jsonl'), 'utf8');
/** What any command reads to know where the workspace stands: its settings, history, lock and stat cache. */
const BOOKKEEPING = ['ws/.odoo-project-sync/hash-cache.json', 'ws/.odoo-project-sync/journal.jsonl', 'ws/.odoo-project-sync/lock', 'ws/odoo-project-sync.toml'];

/** Rewrites a file with other bytes of the same length and puts its mtime back. */
function sneakyEdit(file: string, from: string, to: string): void {
  expect(to.length).toBe(from.length);
  const st = statSync(file, { bigint: true });
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
  // To the nanosecond (utimes() takes a double, which loses the last digits): GNU touch.
  const ns = st.mtimeNs;
  execFileSync('touch', ['-m', '-d', `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`, file]);
  expect(statSync(file, { bigint: true })).toMatchObject({ size: st.size, mtimeNs: st.mtimeNs });
}

async function firstRuns(): Promise<void> {
  for (const step of [['feature-map'], ['feature-review', '--yes'], ['todo']]) {
    const r = await ops(['run', ...step]);
    expect({ step, exitCode: r.exitCode, stderr: r.stderr }).toMatchObject({ exitCode: 0 });
  }
}

describe('a second run with nothing changed', () => {
  test('feature map, approval and ToDo keep their results, read no input or output whole and journal nothing', async () => {
    await firstRuns();
    const before = journal();
    const map = await ops(['run', 'feature-map']);
    expect(map).toMatchObject({ exitCode: 0, reads: BOOKKEEPING });
    expect(map.stdout).toMatch(/^Feature map: \d+ modules, \d+ features, \d+ stories$/);
    expect(map.stderr).toMatch(/\[feature-map\] nothing changed since it ran .*: its result stands/);
    const approve = await ops(['run', 'feature-review', '--yes']);
    expect(approve).toMatchObject({ exitCode: 0, reads: BOOKKEEPING, stdout: 'feature_user_story_map.toml is approved already, as it is' });
    const todo = await ops(['run', 'todo']);
    expect(todo).toMatchObject({ exitCode: 0, reads: BOOKKEEPING });
    expect(todo.stdout).toMatch(/^ToDo: implement: /);
    expect(journal()).toBe(before);
    const status = await ops(['status']);
    expect(status.stdout).toMatch(/feature-map\s+done/);
    expect(status.stdout).toMatch(/todo\s+done/);
  }, 120_000);

  test('checking the map step 4 wrote (run feature-review, no --yes) reads no file whole; an edit keeping size and mtime is read, checked and refused at its line', async () => {
    expect((await ops(['run', 'feature-map'])).exitCode).toBe(0);
    const check = await ops(['run', 'feature-review']);
    expect(check).toMatchObject({ exitCode: 0, reads: BOOKKEEPING, stdout: 'feature_user_story_map.toml is valid; approve it with `odoo-project-sync run feature-review --yes`' });
    const mapFile = join(ws, 'feature_user_story_map.toml');
    sneakyEdit(mapFile, 'priority = "medium"', 'priority = "urgent"');
    const line = readFileSync(mapFile, 'utf8').split('\n').indexOf('priority = "urgent"') + 1;
    const bad = await ops(['run', 'feature-review']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`^feature_user_story_map\\.toml:${line}:1: priority must be one of`));
    expect(bad.reads).toContain('ws/feature_user_story_map.toml');
    expect((await ops(['run', 'feature-review', '--yes'])).exitCode).toBe(2);
  }, 120_000);

  test('an edit that keeps size and mtime still makes each step run: a module file, the map, the ToDo, a state file, the settings', async () => {
    await firstRuns();
    const model = join(tmp, 'addons', 'helpdesk_lite', 'models', 'helpdesk_ticket.py');
    // A module source: the analysis runs again.
    sneakyEdit(model, 'Ticket', 'Tickey');
    let r = await ops(['run', 'feature-map']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).not.toMatch(/nothing changed/);
    expect(r.reads).toContain(relative(tmp, model));

    // The map itself (changed after approval): approving reads and records it again.
    await ops(['run', 'feature-review', '--yes']);
    await ops(['run', 'todo']);
    const mapFile = join(ws, 'feature_user_story_map.toml');
    const mapText = readFileSync(mapFile, 'utf8');
    const title = /^title = "(.+)"$/m.exec(mapText)?.[1] as string;
    sneakyEdit(mapFile, `title = "${title}"`, `title = "${title.slice(0, -1)}${title.endsWith('x') ? 'y' : 'x'}"`);
    r = await ops(['run', 'feature-review', '--yes']);
    expect(r).toMatchObject({ exitCode: 0, stdout: 'approved feature_user_story_map.toml' });
    r = await ops(['run', 'todo']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).not.toMatch(/nothing changed/);

    // The ToDo the step wrote: the step runs and takes the user's text over.
    const todoFile = join(ws, 'ToDo.md');
    const todoText = readFileSync(todoFile, 'utf8');
    const box = todoText.indexOf('- [ ]');
    expect(box).toBeGreaterThan(-1);
    sneakyEdit(todoFile, todoText.slice(box, box + 5), '- [x]');
    r = await ops(['run', 'todo']);
    expect(r.stderr).not.toMatch(/nothing changed/);

    // The ledger of kept statuses (a state file the step reads).
    r = await ops(['run', 'todo']);
    expect(r.stderr).toMatch(/nothing changed/);
    appendFileSync(join(ws, '.odoo-project-sync', 'todo-kept.json'), '\n');
    r = await ops(['run', 'todo']);
    expect(r.stderr).not.toMatch(/nothing changed/);

    // The settings: another estimate rate re-estimates.
    r = await ops(['run', 'todo']);
    expect(r.stderr).toMatch(/nothing changed/);
    appendFileSync(join(ws, 'odoo-project-sync.toml'), '\n[estimate]\nstory = 0.5\n');
    r = await ops(['run', 'todo']);
    expect(r.stderr).not.toMatch(/nothing changed/);
  }, 180_000);
});
