/**
 * Reads a task plan (ToDo.md from step 6 or one kept by hand, in any shape) into one model:
 * document -> phases -> tasks, the sections between them kept as tags. Tables, checklists,
 * heading-per-task plans and mixes of these all map onto it (see outline.ts for what a heading
 * is, status.ts for how a status is read). Nothing the user wrote makes it fail but an input that
 * is no plan at all: an odd cell is kept as pending with a warning naming its line.
 */
import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import type { Result } from '../../../core/result.js';
import type { UserError } from '../../../core/user-error.js';
import { isTaskList, readTaskList } from './checklist.js';
import { readHeadingTask } from './heading-task.js';
import { parseItemText } from './item-text.js';
import { LEGEND_HEADING, readLegend } from './legend-read.js';
import { parseMarkdown } from './markdown.js';
import { NoticeLog } from './notices.js';
import { buildOutline, type HeadingInfo } from './outline.js';
import { finishPlan, PhaseDrafts, type PhaseDraft } from './phases.js';
import { prepareSource } from './source.js';
import { readTable } from './table.js';
import { lineOf, nodeText } from './text.js';
import type { PlanTask, TaskPlan } from './types.js';

export type { PlanPhase, PlanTask, TaskPlan, TaskStatus } from './types.js';
export { allTasks, STATUS_LABEL } from './types.js';

/** Headings over tables of figures, not tasks (a legend heading is one that is a legend, not "Markers, Legends"). */
const SUMMARY = /summary|overview|totals?|statistics/i;
/** A checklist of what "done" means, not work: "Definition of Done (DoD) Checklist", "Acceptance criteria". */
const CRITERIA = /\b(definition of (done|ready)|dod|dor|acceptance criteria|success criteria|exit criteria|quality gates?)\b/i;

export function parseTaskPlan(raw: string, file: string): Result<TaskPlan, UserError> {
  const prepared = prepareSource(raw, file);
  if (!prepared.ok) return prepared;
  const source = prepared.value;
  const md = parseMarkdown(source);
  const log = new NoticeLog();
  log.list.push(...md.notices);
  const { legend, nodes: legendNodes, notices } = readLegend(md.root);
  log.list.push(...notices);
  const kids = md.root.children;
  const base = { legend, log };
  const isTaskBlock = (n: RootContent) => !legendNodes.has(n) && ((n.type === 'list' && hasTaskList(n)) || (n.type === 'table' && n.children.length > 1));
  const outline = buildOutline(kids, legend, isTaskBlock, md.frontTitle);
  const drafts = new PhaseDrafts(outline.title);
  const stack: HeadingInfo[] = [];
  let phase: HeadingInfo | undefined;
  const add = (draft: PhaseDraft, tasks: readonly PlanTask[]) => tasks.forEach((t) => draft.add(t));
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i];
    if (legendNodes.has(node)) continue;
    const info = outline.headings.get(i);
    if (info) {
      while (stack.length > 0 && stack[stack.length - 1].depth >= info.depth) stack.pop();
      const levelOfPhase = phase?.depth ?? Infinity;
      if (info.kind === 'task') {
        const draft = drafts.of(phase);
        const ctx = context(stack);
        add(draft, readHeadingTask(info.heading, info.subtree, { ...base, ...ctx, deriveId: (t, parent) => draft.derive(t, parent ?? ctx.scope) }));
        i += info.subtree.length;
        continue;
      }
      if (info.kind === 'phase') phase = info;
      else if (info.kind === 'title' || info.depth <= levelOfPhase) phase = undefined;
      if (info.kind !== 'title') stack.push(info);
      continue;
    }
    const criteria = stack.find((h) => CRITERIA.test(h.name));
    if (criteria && (node.type === 'table' || node.type === 'list')) {
      log.info(lineOf(node), `under "${criteria.name}": criteria every task must meet, not read as tasks`);
      continue;
    }
    const ctx = context(stack);
    const draft = drafts.of(phase);
    if (node.type === 'table') {
      const rows = readTable(node, { ...base, ...ctx, underSummary: stack.some((h) => SUMMARY.test(h.name) || LEGEND_HEADING.test(h.name)), deriveId: (t) => draft.derive(t, ctx.scope) });
      for (const r of rows ?? []) (r.phase && !phase ? drafts.named(r.phase, r.task.line) : draft).add(r.task);
    } else if (node.type === 'list') {
      readList(node, ctx.tags, (list, tags) => add(draft, readTaskList(list, { ...base, ...ctx, tags, deriveId: (t, parent) => draft.derive(t, parent ?? ctx.scope) })), () => {
        if (phase && !stack.some((h) => h.kind === 'meta')) log.info(lineOf(node), 'list without checkboxes or status symbols: not read as tasks');
      });
    }
  }
  return finishPlan(file, outline.title, drafts.list, log.list);

  function context(stack: readonly HeadingInfo[]) {
    const sections = stack.filter((h) => h.kind === 'section');
    const withStatus = [...stack].reverse().find((h) => h.status);
    return { tags: sections.map((h) => h.name), sectionStatus: withStatus?.status, scope: sections.length > 0 ? sections[sections.length - 1].name : undefined };
  }

  function hasTaskList(list: List): boolean {
    return isTaskList(list, base) || list.children.some((item) => item.children.some((c) => c.type === 'list' && hasTaskList(c)));
  }

  /** A task list, or a plain list whose items hold task lists (their item text becomes a tag). */
  function readList(list: List, tags: readonly string[], read: (l: List, tags: readonly string[]) => void, plain: () => void): void {
    if (isTaskList(list, base)) return read(list, tags);
    const nested = list.children.flatMap((item: ListItem) => item.children.filter((c): c is List => c.type === 'list').map((l) => [item, l] as const));
    if (!nested.some(([, l]) => hasTaskList(l))) return plain();
    for (const [item, l] of nested) {
      const para = item.children.find((c): c is Paragraph => c.type === 'paragraph');
      readList(l, [...tags, parseItemText(para ? nodeText(para) : '', legend).title].filter(Boolean), read, () => undefined);
    }
  }
}

