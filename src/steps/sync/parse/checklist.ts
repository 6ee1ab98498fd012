/**
 * Checkbox lists: "- [x] done", "- [ ] pending", "[~]" / "[/]" in progress, "[!]" blocked,
 * "[-]" cancelled. Nested items become subtasks. GFM parses only [ ] and [x] as task items; the
 * other markers stay text at the start of the item, so both are read here.
 */
import type { List, ListItem, Paragraph } from 'mdast';
import { lineOf, nodeText, parseHours } from './text.js';
import type { PlanNotice, PlanTask, TaskStatus } from './types.js';

const MARKERS: Readonly<Record<string, TaskStatus>> = {
  ' ': 'pending',
  x: 'done',
  X: 'done',
  '~': 'in_progress',
  '/': 'in_progress',
  '!': 'blocked',
  '-': 'cancelled',
};

export interface ChecklistContext {
  file: string;
  deriveId: (title: string, parentId?: string) => string;
}

/** True when the list (or a nested one) holds a checkbox item. */
export function isChecklist(list: List): boolean {
  return list.children.some((item) => markerOf(item) !== undefined);
}

function firstParagraph(item: ListItem): Paragraph | undefined {
  return item.children.find((c): c is Paragraph => c.type === 'paragraph');
}

function markerOf(item: ListItem): { status: TaskStatus; text: string } | undefined {
  const para = firstParagraph(item);
  const text = para ? nodeText(para).split('\n')[0].trim() : '';
  if (item.checked === true) return { status: 'done', text };
  if (item.checked === false) return { status: 'pending', text };
  const m = /^\[(.)\]\s*(.*)$/u.exec(text);
  if (m && m[1] in MARKERS) return { status: MARKERS[m[1]], text: m[2] };
  return undefined;
}

export function readChecklist(
  list: List,
  ctx: ChecklistContext,
): { tasks: PlanTask[]; notices: PlanNotice[] } {
  const tasks: PlanTask[] = [];
  const notices: PlanNotice[] = [];
  const walk = (l: List, parentId: string | undefined): void => {
    for (const item of l.children) {
      const marker = markerOf(item);
      const line = lineOf(item);
      if (!marker) {
        notices.push({ line, message: 'list item without a checkbox in a task list: not read as a task' });
        continue;
      }
      const parsed = parseItemText(marker.text);
      if (!parsed.title) {
        notices.push({ line, message: 'checkbox without a task name: skipped' });
        continue;
      }
      const status = marker.status;
      const id = parsed.id ?? ctx.deriveId(parsed.title, parentId);
      tasks.push({
        id,
        explicitId: parsed.id !== undefined,
        title: parsed.title,
        status,
        owner: parsed.owner,
        estimate: parsed.estimate,
        parentId,
        line,
      });
      for (const child of item.children) {
        if (child.type === 'list') walk(child, id);
      }
    }
  };
  walk(list, undefined);
  return { tasks, notices };
}

interface ItemText {
  id?: string;
  title: string;
  owner?: string;
  estimate?: number;
}

/**
 * One item's first line: "1.2 Title @owner (3h)" or "**2.1** Title — owner: Ana, 3 h".
 * Regexes here look at a single line of one list item, never at the document.
 */
export function parseItemText(text: string): ItemText {
  let t = text.trim();
  let id: string | undefined;
  const idm = /^((?:[A-Z]+|\d+)(?:\.\d+)+|[A-Z][A-Z0-9]*-\d+)[.:)]?\s+/.exec(t);
  if (idm) {
    id = idm[1];
    t = t.slice(idm[0].length);
  }
  let owner: string | undefined;
  let estimate: number | undefined;
  const at = /(?:^|\s)@([\p{L}\p{N}_.-]+)/u.exec(t);
  if (at) {
    owner = at[1];
    t = (t.slice(0, at.index) + t.slice(at.index + at[0].length)).trim();
  }
  const est = /\(\s*(\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?|d|days?|min|mins?))\s*\)/i.exec(t);
  if (est) {
    const h = parseHours(est[1]);
    if (h !== undefined && !Number.isNaN(h)) estimate = h;
    t = (t.slice(0, est.index) + t.slice(est.index + est[0].length)).trim();
  }
  const ow = /\s+[—–-]\s*owner:\s*(.+)$/i.exec(t);
  if (ow) {
    owner = ow[1].trim();
    t = t.slice(0, ow.index).trim();
  }
  return { id, title: t.replace(/\s+/g, ' '), owner, estimate };
}
