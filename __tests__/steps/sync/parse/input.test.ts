/** Inputs a person may point the sync at: CRLF and BOM files, code blocks, binaries, empty files. */
import { parseTaskPlan } from '../../../../src/steps/sync/parse/index.js';
import { bigPlan } from '../../../../bench/plans.js';
import { count, parsed, readFixture, rows } from './plan-rows.js';

const crlfBom = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;

describe('line ends and byte-order marks change nothing', () => {
  test.each(['001_98750762156189e6.txt', 'plans/shapes/12-same-level-phases-front-matter.md', 'plans/shapes/11-table-legend-checkbox-emoji.md'])('%s as CRLF with a BOM', (file) => {
    const lf = parsed(readFixture(file));
    const crlf = parsed(crlfBom(readFixture(file)));
    expect(rows(crlf)).toEqual(rows(lf));
    expect(crlf.title).toBe(lf.title);
    expect(crlf.notices).toEqual(lf.notices);
    expect(crlf.phases.flatMap((p) => p.tasks.map((t) => [t.line, t.description, t.evidence]))).toEqual(lf.phases.flatMap((p) => p.tasks.map((t) => [t.line, t.description, t.evidence])));
  });

  test('seed 001 with CRLF and a BOM: 8 milestones, 54 tasks, 26 done, 28 pending', () => {
    const plan = parsed(crlfBom(readFixture('001_98750762156189e6.txt')));
    expect(plan.phases).toHaveLength(8);
    expect(count(rows(plan).map((r) => r[2]))).toEqual({ done: 26, pending: 28 });
  });
});

describe('code blocks are never tasks', () => {
  test('a mermaid diagram (closed or not) with checkbox-like and Status-like lines adds no task', () => {
    const diagram = '```mermaid\ngantt\n  title Plan\n  section Build\n  - [ ] Not a task :a1, 2026-01-01, 3d\n  | # | Task | Status |\n## T9. Not a heading\n```\n';
    const plan = parsed(`# Plan\n\n## Phase 1\n\n- [x] Real task\n\n${diagram}\n- [ ] Second real task\n`);
    expect(rows(plan)).toEqual([
      ['Phase 1', 'Real task', 'done'],
      ['Phase 1', 'Second real task', 'pending'],
    ]);
    expect(plan.notices).toEqual([]);
  });

  test('an unclosed fence ends at the next heading with a warning: the tasks after it are kept', () => {
    const doc = '# P\n\n## Phase 1\n\n- [x] One\n\n```json\n{ "a": 1 }\n\n## Phase 2\n\n- [ ] Two\n- [ ] Three\n';
    const plan = parsed(doc);
    expect(rows(plan)).toEqual([
      ['Phase 1', 'One', 'done'],
      ['Phase 2', 'Two', 'pending'],
      ['Phase 2', 'Three', 'pending'],
    ]);
    expect(plan.notices).toEqual([{ line: 7, level: 'warning', message: 'code fence is never closed: ended before the next heading (line 10)' }]);
  });
});

describe('what is no plan says so, with the file and what to do', () => {
  const fail = (text: string) => {
    const r = parseTaskPlan(text, 'plan.md');
    if (r.ok) throw new Error('expected an error');
    return r.error;
  };

  test('a binary file', () => {
    const e = fail('PK\u0003\u0004\u0014\u0000\u0006\u0000binary zip data');
    expect(e.message).toBe('plan.md is not a text file: it holds binary data (byte 0x03 on line 1).');
    expect(e.where).toEqual({ file: 'plan.md', line: 1 });
    expect(e.hint).toMatch(/Markdown plan itself/);
  });

  test('an empty file, and one of blanks only', () => {
    for (const text of ['', '\uFEFF  \r\n\r\n']) expect(fail(text).message).toBe('The task plan is empty.');
  });

  test('a document with no tasks says what it read past', () => {
    const e = fail('# Notes\n\n## Ideas\n\n- just a thought\n\n| A | B |\n|---|---|\n| 1 | 2 |\n');
    expect(e.message).toBe('No tasks found in the plan (2 block(s) read past, first at line 5).');
    expect(e.hint).toMatch(/checkbox list/);
  });
});

test('a 20,000-task plan reads whole: every task, phase and status', () => {
  const plan = parsed(bigPlan(20_000, 40));
  const statuses = count(rows(plan).map((r) => r[2]));
  expect(plan.phases).toHaveLength(40);
  expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(20_000);
  expect(statuses).toEqual({ done: 5000, in_progress: 5000, pending: 5000, blocked: 5000 });
});
