/**
 * Reads a task plan (ToDo.md from step 6 or a hand-written one) into phases and tasks. Three
 * families are understood, also mixed in one document: tables with a Status column, checkbox
 * lists (nested = subtasks), and a heading per task with a "Status:" line. Statuses come from
 * the document's own legend first, then from plain words.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { err, ok, type Result } from '../../../core/result.js';
import { UserError } from '../../../core/user-error.js';
import { isChecklist, readChecklist } from './checklist.js';
import { isTaskHeading, readHeadingTask } from './heading-task.js';
import { readLegend } from './legend.js';
import { readTable } from './table.js';
import { lineOf, nodeText, slug } from './text.js';
import type { PlanNotice, PlanPhase, PlanTask, TaskPlan } from './types.js';

export type { PlanNotice, PlanPhase, PlanTask, TaskPlan, TaskStatus } from './types.js';
export { allTasks, STATUS_LABEL } from './types.js';

const SUMMARY = /\b(summary|overview|totals?|statistics|legend)\b/i;

interface PhaseDraft {
  name: string;
  line: number;
  tasks: PlanTask[];
  usedIds: Set<string>;
  key?: string;
}

export function parseTaskPlan(source: string, file: string): Result<TaskPlan, UserError> {
  if (source.trim() === '') {
    return err(
      new UserError('input', 'The task plan is empty.', {
        where: { file, line: 1 },
        hint: 'Run step 6 (todo) to write ToDo.md, or point [sync] plan_file in odoo-project-sync.toml at a plan.',
      }),
    );
  }
  const root: Root = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const legend = readLegend(root);
  const notices: PlanNotice[] = [];
  const phases: PhaseDraft[] = [];
  const stack: Heading[] = [];
  let title: string | undefined;
  let current: PhaseDraft | undefined;
  const phaseFor = (h: Heading | undefined): PhaseDraft => {
    const name = h ? nodeText(h).trim() : (title ?? 'Tasks');
    const line = h ? lineOf(h) : 1;
    if (current && current.line === line && current.name === name) return current;
    current = { name, line, tasks: [], usedIds: new Set() };
    phases.push(current);
    return current;
  };
  const kids = root.children;
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i];
    if (i === legend.nodeIndex) continue;
    if (node.type === 'heading') {
      if (node.depth === 1 && title === undefined) {
        title = nodeText(node).replace(/^(todo|to-do|tasks?|plan)\s*[:\-–]\s*/i, '').trim();
      }
      const body = directBody(kids, i);
      const enclosing = stack.filter((h) => h.depth < node.depth);
      if (node.depth > 1 && isTaskHeading(body, source)) {
        const phase = phaseFor(enclosing[enclosing.length - 1]);
        const r = readHeadingTask(node, body, { file, source, legend, deriveId: (t) => derive(phase, t) });
        if (!r.ok) return err(r.error);
        addTask(phase, r.value.task);
        notices.push(...r.value.notices);
        i += body.length;
        continue;
      }
      stack.splice(0, stack.length, ...enclosing, node);
      current = undefined;
      continue;
    }
    const underSummary = stack.some((h) => SUMMARY.test(nodeText(h)));
    const section = stack[stack.length - 1];
    if (node.type === 'table') {
      const phase = phaseFor(section);
      const r = readTable(node, { file, source, legend, underSummary, deriveId: (t) => derive(phase, t) });
      if (!r.ok) return err(r.error);
      if (r.value.kind === 'not-tasks') notices.push(r.value.notice);
      else {
        r.value.tasks.forEach((t) => addTask(phase, t));
        notices.push(...r.value.notices);
      }
    } else if (node.type === 'list') {
      if (!isChecklist(node)) {
        // A plain list beside a task table explains those tasks (step 6 lists how each estimate
        // was computed); elsewhere it may be a task list we cannot read, so it is reported.
        const explainsTasks = current !== undefined && current.tasks.length > 0;
        if (!underSummary && section && !explainsTasks) {
          notices.push({ line: lineOf(node), message: 'list without checkboxes: not read as tasks' });
        }
        continue;
      }
      const phase = phaseFor(section);
      const r = readChecklist(node, { file, deriveId: (t, parent) => derive(phase, t, parent) });
      r.tasks.forEach((t) => addTask(phase, t));
      notices.push(...r.notices);
    }
  }
  return finish(file, title, phases, notices);
}

/** Nodes after a heading up to the next heading of any depth. */
function directBody(kids: readonly RootContent[], headingIndex: number): RootContent[] {
  const out: RootContent[] = [];
  for (let j = headingIndex + 1; j < kids.length && kids[j].type !== 'heading'; j++) out.push(kids[j]);
  return out;
}

function phaseKey(p: PhaseDraft): string {
  const m = /^(?:phase|stage|sprint|milestone|step)\s+([A-Za-z0-9.]+)\b/i.exec(p.name);
  return m ? slug(m[1]) : slug(p.name, 32);
}

function derive(phase: PhaseDraft, title: string, parentId?: string): string {
  phase.key ??= phaseKey(phase);
  const base = `${parentId ?? phase.key}.${slug(title, 40)}`;
  let id = base;
  for (let n = 2; phase.usedIds.has(id); n++) id = `${base}-${n}`;
  phase.usedIds.add(id);
  return id;
}

function addTask(phase: PhaseDraft, task: PlanTask): void {
  phase.usedIds.add(task.id);
  phase.tasks.push(task);
}

function finish(
  file: string,
  title: string | undefined,
  drafts: PhaseDraft[],
  notices: PlanNotice[],
): Result<TaskPlan, UserError> {
  const withTasks = drafts.filter((p) => p.tasks.length > 0);
  if (withTasks.length === 0) {
    const seen = notices.length > 0 ? ` (${notices.length} block(s) read past, first at line ${notices[0].line})` : '';
    return err(
      new UserError('input', `No tasks found in the plan${seen}.`, {
        where: { file, line: 1 },
        hint: 'Write tasks as a table with Task and Status columns, a checkbox list (- [ ] ...), or a heading per task with a "Status:" line.',
      }),
    );
  }
  const firstLine = new Map<string, number>();
  for (const t of withTasks.flatMap((p) => p.tasks)) {
    const prev = firstLine.get(t.id);
    if (prev !== undefined) {
      return err(
        new UserError('input', `Task id "${t.id}" is used twice (first at line ${prev}).`, {
          where: { file, line: t.line },
          hint: 'Give every task its own id; ids become external ids in Odoo.',
        }),
      );
    }
    firstLine.set(t.id, t.line);
  }
  const keys = new Set<string>();
  const phases: PlanPhase[] = withTasks.map((p) => {
    let key = p.key ?? phaseKey(p);
    for (let n = 2; keys.has(key); n++) key = `${p.key ?? phaseKey(p)}_${n}`;
    keys.add(key);
    return { key, name: p.name, line: p.line, tasks: p.tasks };
  });
  return ok({ title, phases, notices: [...notices].sort((a, b) => a.line - b.line) });
}
