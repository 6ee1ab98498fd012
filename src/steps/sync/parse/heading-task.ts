/**
 * Heading-per-task plans: "### 2.1 Title" or "## TODO-019 — Title — DONE" with "Status:", "Owner:",
 * "Estimate:", "Files:" lines (as a paragraph or a list, bold or not, in several languages); an
 * "ID:" line names a task whose heading has no id.
 * Everything else under the heading is the task's description.
 */
import type { Heading, List, RootContent } from 'mdast';
import { isTaskList, readTaskList } from './checklist.js';
import { readDetails } from './details.js';
import { fieldOf } from './fields.js';
import { parseHours } from './hours.js';
import { parseItemText } from './item-text.js';
import type { Legend } from './legend.js';
import type { NoticeLog } from './notices.js';
import { ownerOf } from './owner.js';
import { resolveStatus, type ResolvedStatus } from './status.js';
import { lineOf, nodeText, rawOf } from './text.js';
import type { PlanTask } from './types.js';

// "Task: Configure teams", "TODO # 4"; never the "TODO-" of an id such as TODO-019.
const TASK_PREFIX = /^(task|todo|to-do)\s*(?:[:#]|\s-\s)\s*/i;
/** "Task 1.2: Testing": the word before an id goes, the id stays ("1.2: Testing"). */
const TASK_WORD = /^(task|todo|to-do)\s+(?=[\w.-]*\d)/i;

/** The heading's own body holds a field line of one of `keys` ("Status: ...", in paragraph lines or list items). */
function hasFieldLine(body: readonly RootContent[], keys: readonly string[]): boolean {
  return body.some((n) => {
    if (n.type === 'paragraph') return rawOf(n).split('\n').some((l) => keys.includes(fieldOf(l)?.key ?? ''));
    if (n.type === 'list') return n.children.some((item) => keys.includes(fieldOf(rawOf(item).split('\n')[0])?.key ?? ''));
    return false;
  });
}

/** The heading's own body says "Status: ..." (paragraph lines or list items). */
export function hasStatusLine(body: readonly RootContent[]): boolean {
  return hasFieldLine(body, ['status']);
}

/** "Estimated Time: 2 hours" or "Owner: ..." under it: with a heading that names a task, the checklist below is its steps. */
export function hasTaskFieldLine(body: readonly RootContent[]): boolean {
  return hasFieldLine(body, ['estimate', 'owner']);
}

/** The heading without a "Task:" or "Task " word before its id. */
export const withoutTaskWord = (text: string): string => text.replace(TASK_PREFIX, '').replace(TASK_WORD, '');

/** The heading says it is a task: a "Task:" prefix, "Task 1.2", or an id ("T1.", "TODO-019", "2.1"). */
export function namesTask(heading: Heading, legend: Legend): boolean {
  const text = nodeText(heading).trim();
  return TASK_PREFIX.test(text) || TASK_WORD.test(text) || parseItemText(text, legend).id !== undefined;
}

export interface HeadingTaskContext {
  legend: Legend;
  log: NoticeLog;
  sectionStatus?: ResolvedStatus;
  tags: readonly string[];
  deriveId: (title: string, parentId?: string) => string;
}

/** The task, then its checklist items as subtasks. */
export function readHeadingTask(heading: Heading, body: readonly RootContent[], ctx: HeadingTaskContext): PlanTask[] {
  const lists = body.filter((n): n is List => n.type === 'list' && isTaskList(n, ctx));
  const task = headingTask(heading, body.filter((n) => !lists.includes(n as List)), ctx);
  const subtasks = lists.flatMap((l) => readTaskList(l, { ...ctx, sectionStatus: undefined, deriveId: (t, parent) => ctx.deriveId(t, parent) }, task.id));
  return [task, ...subtasks];
}

function headingTask(heading: Heading, body: readonly RootContent[], ctx: HeadingTaskContext): PlanTask {
  const head = parseItemText(withoutTaskWord(nodeText(heading).trim()), ctx.legend);
  const detail = readDetails(body);
  const line = lineOf(heading);
  const st = detail.fields.get('status');
  const status = (st ? resolveStatus(ctx.legend, st.value, st.line, ctx.log) : undefined) ?? head.status ?? ctx.sectionStatus ?? { status: 'pending', from: 'none' };
  const est = detail.fields.get('estimate');
  const hours = est ? parseHours(est.value) : undefined;
  if (est && Number.isNaN(hours)) ctx.log.warn(est.line, `estimate "${est.value}" is not a duration: left out`);
  const title = head.title || nodeText(heading).trim();
  // "- ID: `crm.setup`" under the heading names the task when its heading carries no id.
  const idLine = detail.fields.get('id')?.value.replace(/[`*]/g, '').trim() || undefined;
  const id = idLine ?? head.id;
  return {
    id: id ?? ctx.deriveId(title),
    explicitId: id !== undefined,
    title,
    status: status.status,
    statusFrom: status.from,
    owner: ownerOf(detail.fields.get('owner')?.value) ?? head.owner,
    estimate: hours !== undefined && !Number.isNaN(hours) ? hours : head.estimate,
    complexity: detail.fields.get('complexity')?.value || undefined,
    evidence: detail.fields.get('evidence')?.value || undefined,
    description: detail.description,
    tags: ctx.tags,
    line,
  };
}
