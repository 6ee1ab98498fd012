import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allTasks, parseTaskPlan, type TaskPlan } from '../../../../src/steps/sync/parse/index.js';

const fixtures = join(process.cwd(), '__tests__/fixtures');
const read = (rel: string): string => readFileSync(join(fixtures, rel), 'utf8');

function parsed(text: string, file = 'ToDo.md'): TaskPlan {
  const r = parseTaskPlan(text, file);
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message}`);
  return r.value;
}

function count<T extends string>(xs: readonly T[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const x of xs) c[x] = (c[x] ?? 0) + 1;
  return c;
}

describe('seed 001 (mojibake emoji, legend, summary table)', () => {
  const plan = parsed(read('001_98750762156189e6.txt'), '001.txt');
  const tasks = allTasks(plan);

  test('8 phases and 54 tasks: 26 complete, 28 pending', () => {
    expect(plan.title).toBe('Odoo CE DevOps Master Plan');
    expect(plan.phases.map((p) => p.name)).toEqual([
      'Phase 0: Platform Readiness',
      'Phase 1: Infrastructure Baseline',
      'Phase 2: Database Initialization',
      'Phase 3: CE + OCA Parity',
      'Phase 4: Odoo.sh Operational Parity',
      'Phase 5: Enterprise Extras',
      'Phase 6: Production Launch',
      'Phase 7: Operate & Learn',
    ]);
    expect(tasks).toHaveLength(54);
    expect(count(tasks.map((t) => t.status))).toEqual({ done: 26, pending: 28 });
  });

  test('owners and evidence are kept; the summary table is no task', () => {
    expect(new Set(tasks.map((t) => t.owner))).toEqual(
      new Set(['Claude', 'DevOps', 'CI', 'BI Architect', 'Finance SSC', 'All']),
    );
    const t43 = tasks.find((t) => t.id === '4.3');
    expect(t43).toMatchObject({ title: 'GAP 3: Multi-DC backups', evidence: '`scripts/backup/`, `docs/DR_RUNBOOK.md`', line: 88 });
    expect(tasks.find((t) => t.id === '3.1')?.evidence).toBeUndefined();
    expect(plan.notices).toEqual([{ line: 139, level: 'info', message: 'summary table: not read as tasks' }]);
  });
});

describe('task plan families', () => {
  test('status table from step 6: estimates, complexity, evidence, ids', () => {
    const plan = parsed(read('plans/status-table.md'));
    const tasks = allTasks(plan);
    expect(plan.title).toBe('Fleet Maintenance Portal');
    expect(plan.phases.map((p) => [p.key, p.tasks.length])).toEqual([['1', 3], ['2', 2]]);
    expect(tasks.map((t) => t.status)).toEqual(['done', 'in_progress', 'pending', 'blocked', 'pending']);
    expect(tasks[0]).toMatchObject({ id: 'fleet.model', estimate: 6.5, complexity: 'medium', evidence: '`models/equipment.py:12`' });
    expect(tasks[4].owner).toBeUndefined();
    expect(plan.notices.map((n) => n.line)).toEqual([26]);
  });

  test('checkbox list: markers, nesting into subtasks, owners and estimates, stray item reported', () => {
    const plan = parsed(read('plans/checklist.md'));
    const tasks = allTasks(plan);
    expect(plan.phases.map((p) => p.name)).toEqual(['Sprint 1: Content', 'Sprint 2: Launch']);
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Write the new home page copy', 'done'],
      ['Migrate the blog', 'pending'],
      ['Export posts', 'done'],
      ['Map categories', 'in_progress'],
      ['Fix image links', 'pending'],
      ['Legal review of terms', 'blocked'],
      ['Set up redirects', 'in_progress'],
      ['Old newsletter archive', 'cancelled'],
      ['Go live', 'pending'],
    ]);
    const blog = tasks[1];
    expect(tasks.filter((t) => t.parentId === blog.id).map((t) => t.title)).toEqual([
      'Export posts',
      'Map categories',
      'Fix image links',
    ]);
    expect(tasks[0]).toMatchObject({ owner: 'admin', estimate: 4 });
    expect(tasks[5].owner).toBe('Marc Demo');
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(plan.notices).toEqual([{ line: 19, level: 'info', message: 'list item without a checkbox in a task list: kept out of the tasks' }]);
  });

  test('heading per task with a Status: line, as paragraph, list or bold', () => {
    const plan = parsed(read('plans/heading-per-task.md'));
    const tasks = allTasks(plan);
    expect(plan.phases.map((p) => [p.name, p.tasks.length])).toEqual([['Phase A: Setup', 2], ['Phase B: Go-live', 2]]);
    expect(tasks.map((t) => [t.id, t.status, t.owner, t.estimate])).toEqual([
      ['A.1', 'done', 'admin', 2],
      ['A.2', 'in_progress', 'Marc Demo', 5],
      ['B.1', 'pending', 'Trainer Team', 8],
      ['B.2', 'blocked', undefined, undefined],
    ]);
    expect(tasks[0].description).toBe('Teams for first and second line, as agreed in the kickoff.');
    expect(tasks[1].evidence).toBe('`data/sla.csv:1`');
    expect(tasks[3].description).toBe('Waiting for the mail provider.');
  });
});

describe('bad input is a UserError with file and line', () => {
  const fail = (text: string) => {
    const r = parseTaskPlan(text, 'ToDo.md');
    if (r.ok) throw new Error('expected an error');
    return r.error;
  };

  test('empty document', () => {
    const e = fail('  \n\n');
    expect(e.message).toMatch(/empty/);
    expect(e.where).toEqual({ file: 'ToDo.md', line: 1 });
  });

  test('a document without tasks says what it read past', () => {
    const e = fail('# Notes\n\n## Ideas\n\n- just a thought\n\n| A | B |\n|---|---|\n| 1 | 2 |\n');
    expect(e.message).toMatch(/No tasks found.*2 block\(s\).*line 5/);
    expect(e.hint).toMatch(/Status/);
  });

  test('a status symbol that is not in the legend is kept as pending with a warning; the rest is read', () => {
    const doc = '## Legend\n- ✅ Complete\n- 🔲 Pending\n\n## Phase 1\n\n| # | Task | Status |\n|---|---|---|\n| 1.1 | A | ✅ |\n| 1.2 | B | ⭐ |\n| 1.3 | C | ⭐ |\n';
    const plan = parsed(doc);
    expect(allTasks(plan).map((t) => [t.id, t.status, t.statusFrom])).toEqual([
      ['1.1', 'done', 'legend'],
      ['1.2', 'pending', 'unknown'],
      ['1.3', 'pending', 'unknown'],
    ]);
    const message = 'status "⭐" is not in the document\'s legend and is no status word: read as To Do';
    expect(plan.notices).toEqual([
      { line: 10, level: 'warning', message },
      { line: 11, level: 'warning', message },
    ]);
  });

  test('a repeated task id is qualified with its phase and reported, never a reason to stop', () => {
    const doc = '## Phase 1\n\n| # | Task | Status |\n|---|---|---|\n| 1.1 | A | Done |\n\n## Phase 2\n\n| # | Task | Status |\n|---|---|---|\n| 1.1 | B | Pending |\n';
    const plan = parsed(doc);
    expect(allTasks(plan).map((t) => [t.id, t.title])).toEqual([['1.1', 'A'], ['2.1.1', 'B']]);
    expect(plan.notices).toEqual([{ line: 11, level: 'warning', message: 'task id "1.1" is used twice (first at line 5): this one is kept as "2.1.1"' }]);
  });

  test('a table row without a task name keeps its id as the name, with a warning', () => {
    const doc = '## P\n\n| # | Task | Status |\n|---|---|---|\n| 1.1 | A | Done |\n| 1.2 |  | Done |\n';
    const plan = parsed(doc);
    expect(allTasks(plan).map((t) => t.title)).toEqual(['A', '1.2']);
    expect(plan.notices).toEqual([{ line: 6, level: 'warning', message: 'table row without a task name: named by its id' }]);
  });
});
