/** Task tables: a row per task, found by their header (a Task and a Status column). */
import type { Table, TableCell } from 'mdast';
import { err, ok, type Result } from '../../../core/result.js';
import type { UserError } from '../../../core/user-error.js';
import type { Legend } from './legend.js';
import { resolveStatus } from './status.js';
import { columnOf, lineOf, nodeSource, nodeText, parseHours } from './text.js';
import type { PlanNotice, PlanTask } from './types.js';

type Column = 'id' | 'task' | 'status' | 'owner' | 'estimate' | 'complexity' | 'evidence';

const HEADERS: readonly [RegExp, Column][] = [
  [/^(#|id|no\.?|nr\.?|task ?id|ref)$/, 'id'],
  [/^(task|tasks|title|name|item|description|deliverable)$/, 'task'],
  [/^(status|state|done\??)$/, 'status'],
  [/^(owner|assignee|assigned to|who|responsible)$/, 'owner'],
  [/^(estimate|est\.?|effort|hours|time)$/, 'estimate'],
  [/^(complexity|size)$/, 'complexity'],
  [/^(evidence|proof|notes?|links?|artifacts?)$/, 'evidence'],
];

export type TableRead =
  | { kind: 'tasks'; tasks: PlanTask[]; notices: PlanNotice[] }
  | { kind: 'not-tasks'; notice: PlanNotice };

export interface TableContext {
  file: string;
  source: string;
  legend: Legend;
  /** The table sits under a Summary / Overview heading. */
  underSummary: boolean;
  /** Makes an id for a row that has none. */
  deriveId: (title: string) => string;
}

function columnsOf(table: Table): Map<Column, number> {
  const cols = new Map<Column, number>();
  table.children[0]?.children.forEach((cell, i) => {
    const h = nodeText(cell).trim().toLowerCase();
    const hit = HEADERS.find(([re]) => re.test(h));
    if (hit && !cols.has(hit[1])) cols.set(hit[1], i);
  });
  return cols;
}

export function readTable(table: Table, ctx: TableContext): Result<TableRead, UserError> {
  const line = lineOf(table);
  const cols = columnsOf(table);
  const header = (table.children[0]?.children ?? []).map((c) => nodeText(c).trim().toLowerCase());
  const summaryShape = header.some((h) => /^(passed|total|count|progress|%)$/.test(h)) && !cols.has('id');
  if (ctx.underSummary || summaryShape || (header[0] === 'phase' && !cols.has('task'))) {
    return ok({ kind: 'not-tasks', notice: { line, message: 'summary table: not read as tasks' } });
  }
  if (!cols.has('status') || (!cols.has('task') && !cols.has('id'))) {
    return ok({
      kind: 'not-tasks',
      notice: { line, message: 'table without a Task and a Status column: not read as tasks' },
    });
  }
  const tasks: PlanTask[] = [];
  const notices: PlanNotice[] = [];
  for (const row of table.children.slice(1)) {
    const rowLine = lineOf(row);
    const cell = (c: Column): TableCell | undefined => {
      const i = cols.get(c);
      return i === undefined ? undefined : row.children[i];
    };
    const text = (c: Column): string => {
      const x = cell(c);
      return x ? nodeText(x).trim() : '';
    };
    const idText = text('id');
    const title = cols.has('task') ? text('task') : idText;
    if (row.children.every((c) => nodeText(c).trim() === '')) continue;
    if (!title) {
      notices.push({ line: rowLine, message: 'table row without a task name: skipped' });
      continue;
    }
    const statusCell = cell('status');
    const status = resolveStatus(ctx.legend, text('status'), {
      file: ctx.file,
      line: rowLine,
      column: statusCell ? columnOf(statusCell) : 1,
    });
    if (!status.ok) return err(status.error);
    const est = parseHours(text('estimate'));
    if (est !== undefined && Number.isNaN(est)) {
      notices.push({ line: rowLine, message: `estimate "${text('estimate')}" is not a duration: left out` });
    }
    const evidenceCell = cell('evidence');
    const evidence = evidenceCell ? nodeSource(ctx.source, evidenceCell).trim() : '';
    tasks.push({
      id: idText || ctx.deriveId(title),
      explicitId: idText !== '',
      title,
      status: status.value,
      owner: nonEmpty(text('owner')),
      estimate: est === undefined || Number.isNaN(est) ? undefined : est,
      complexity: nonEmpty(text('complexity')),
      evidence: evidence === '' || evidence === '-' ? undefined : evidence,
      line: rowLine,
    });
  }
  return ok({ kind: 'tasks', tasks, notices });
}

function nonEmpty(s: string): string | undefined {
  return s === '' || s === '-' || s === '—' ? undefined : s;
}
