/**
 * Task tables: a row per task, found by their header (a task name column, and a status column
 * or a heading that gives the status). Summary tables (counts per phase) are not tasks. Columns
 * the model has no field for are kept in the task's description, so nothing written is lost.
 */
import type { Table, TableCell } from 'mdast';
import { parseHours } from './hours.js';
import { parseItemText } from './item-text.js';
import type { Legend } from './legend.js';
import type { NoticeLog } from './notices.js';
import { ownerOf } from './owner.js';
import { resolveStatus, type ResolvedStatus } from './status.js';
import { columnsOf, type Column } from './table-columns.js';
import { lineOf, nodeText, rawOf } from './text.js';
import type { PlanTask } from './types.js';

export interface TableContext {
  legend: Legend;
  log: NoticeLog;
  /** The table sits under a Summary / Overview / Progress heading. */
  underSummary: boolean;
  sectionStatus?: ResolvedStatus;
  tags: readonly string[];
  deriveId: (title: string) => string;
}

export interface TableRow {
  task: PlanTask;
  /** The row's Phase / Milestone / Sprint cell, if the table has one. */
  phase?: string;
}

const EMPTY = /^(-|—|–|n\/a)?$/i;
const numeric = (s: string) => /^[\d\s.,%/~≈+-]*$/.test(s);

/** Rows of a task table, or undefined when the table holds no tasks (a notice says why). */
export function readTable(table: Table, ctx: TableContext): TableRow[] | undefined {
  const line = lineOf(table);
  const { at, header } = columnsOf(table);
  const body = table.children.slice(1);
  const texts = (c: Column) => body.map((r) => (at.has(c) ? nodeText(r.children[at.get(c) as number] ?? r).trim() : ''));
  const counts = header.some((h) => /^(passed|failed|total|count|%|percent)$/i.test(h)) && !at.has('id');
  if (ctx.underSummary || counts || (at.has('task') && body.length > 0 && texts('task').every(numeric))) {
    ctx.log.info(line, 'summary table: not read as tasks');
    return undefined;
  }
  const itemish = at.has('id') || at.has('owner') || at.has('estimate');
  if (!at.has('task') && !at.has('id')) {
    ctx.log.info(line, 'table without a task or id column: not read as tasks');
    return undefined;
  }
  if (!at.has('status') && !ctx.sectionStatus && !itemish) {
    ctx.log.info(line, 'table without a Status column: not read as tasks');
    return undefined;
  }
  const rows: TableRow[] = [];
  const used = new Set([...at].filter(([c]) => USED.has(c)).map(([, i]) => i));
  const otherHeaders = header.filter((_, k) => !used.has(k)).length;
  for (const row of body) {
    const rowLine = lineOf(row);
    const cell = (c: Column): TableCell | undefined => (at.has(c) ? row.children[at.get(c) as number] : undefined);
    const read = new Map<Column, string>();
    const text = (c: Column): string => {
      let t = read.get(c);
      if (t === undefined) {
        const x = cell(c);
        t = x ? nodeText(x).trim() : '';
        read.set(c, t);
      }
      return t;
    };
    if (row.children.every((c) => nodeText(c).trim() === '')) continue;
    const idText = text('id').replace(/^#/, '');
    const parsed = parseItemText(at.has('task') ? text('task') : idText, ctx.legend);
    const title = parsed.title || idText;
    if (!title) {
      ctx.log.info(rowLine, 'table row without a task name or id: skipped');
      continue;
    }
    if (!parsed.title) ctx.log.warn(rowLine, 'table row without a task name: named by its id');
    let status: ResolvedStatus | undefined = at.has('status') && text('status') !== '' ? resolveStatus(ctx.legend, text('status'), rowLine, ctx.log) : undefined;
    status ??= parsed.status ?? ctx.sectionStatus ?? { status: 'pending', from: 'none' };
    const est = parseHours(text('estimate'));
    if (est !== undefined && Number.isNaN(est)) ctx.log.warn(rowLine, `estimate "${text('estimate')}" is not a duration: left out`);
    const evidenceCell = cell('evidence');
    const evidence = evidenceCell ? rawOf(evidenceCell).trim() : '';
    const id = idText !== '' ? idText : (parsed.id ?? ctx.deriveId(title));
    rows.push({
      task: {
        id,
        explicitId: idText !== '' || parsed.id !== undefined,
        title,
        status: status.status,
        statusFrom: status.from,
        owner: ownerOf(text('owner')) ?? parsed.owner,
        estimate: est === undefined || Number.isNaN(est) ? parsed.estimate : est,
        complexity: EMPTY.test(text('complexity')) ? undefined : text('complexity'),
        evidence: EMPTY.test(evidence) ? undefined : evidence,
        description: withStatusRemark(otherColumns(header, at, used, otherHeaders, row.children), cell('status')),
        tags: ctx.tags,
        line: rowLine,
      },
      phase: EMPTY.test(text('phase')) ? undefined : text('phase'),
    });
  }
  return rows;
}

/**
 * "✅ Done — false positive (empty form default, not real credential)": a status cell that says
 * more than the status keeps what it says, as a line of the task's details.
 */
function withStatusRemark(description: string | undefined, cell: TableCell | undefined): string | undefined {
  const raw = cell ? rawOf(cell).trim() : '';
  // Words beyond the status itself: "Done", "In progress", "✅ DONE (PT-C)" say no more than that.
  const words = raw.replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length <= 3) return description;
  const line = `**Status:** ${raw}`;
  return description === undefined ? line : `${line}\n\n${description}`;
}

const USED: ReadonlySet<Column> = new Set(['id', 'task', 'status', 'owner', 'estimate', 'complexity', 'evidence', 'phase']);

/** Notes and the columns without a field of their own, as "**Header:** value" lines. */
function otherColumns(
  header: readonly string[],
  at: ReadonlyMap<Column, number>,
  used: ReadonlySet<number>,
  otherHeaders: number,
  cells: readonly TableCell[],
): string | undefined {
  const lines: string[] = [];
  cells.forEach((c, i) => {
    if (used.has(i)) return;
    const v = rawOf(c).trim();
    if (EMPTY.test(v)) return;
    lines.push(at.get('notes') === i && otherHeaders === 1 ? v : `**${header[i] || `Column ${i + 1}`}:** ${v}`);
  });
  return lines.length > 0 ? lines.join('\n\n') : undefined;
}
