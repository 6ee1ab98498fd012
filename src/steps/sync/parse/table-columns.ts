/** Which column of a table says what: found by the header's words, in several languages. */
import type { Table } from 'mdast';
import { nodeText } from './text.js';

export type Column = 'id' | 'task' | 'status' | 'owner' | 'estimate' | 'complexity' | 'evidence' | 'phase' | 'notes';

const HEADERS: readonly [RegExp, Column][] = [
  [/^(#|id|no\.?|nr\.?|n°|task ?id|ref|key|ticket|issue)$/, 'id'],
  [/^(tasks?|title|name|items?|work items?|deliverables?|activity|steps?|todo|to-do|stor(y|ies)|user story|objective|actions?|action items?|what|aufgabe|tâche|tarea|任务|タスク|작업|항목)$/, 'task'],
  [/^(status|state|done\??|progress|statut|estado|stato|状态|狀態|ステータス|상태)$/, 'status'],
  [/^(owners?|assignee|assigned( to)?|who|responsible|lead|dri|verantwortlich|responsable|负责人|担当(者)?|담당(자)?)$/, 'owner'],
  [/^(estimates?|est\.?|est\.? ?time|estimated (time|hours|effort)|effort|hours|hours est\.?|est\.? hours|time|duration|aufwand|工数|估算)( ?\((h|hrs|hours|d|days)\))?$/, 'estimate'],
  [/^(complexity|size)$/, 'complexity'],
  [/^(evidence|proof|files?|links?|artifacts?|pr|commit)$/, 'evidence'],
  [/^(phase|milestone|sprint|epic|release|iteration)$/, 'phase'],
  [/^(notes?|details?|description|acceptance( criteria)?|comments?|remarks?)$/, 'notes'],
];

export interface Columns {
  readonly at: ReadonlyMap<Column, number>;
  /** Header texts, by column index. */
  readonly header: readonly string[];
}

export function columnsOf(table: Table): Columns {
  const at = new Map<Column, number>();
  const header = (table.children[0]?.children ?? []).map((c) => nodeText(c).replace(/[*_`]/g, '').trim());
  header.forEach((h, i) => {
    const hit = HEADERS.find(([re]) => re.test(h.toLowerCase()));
    if (hit && !at.has(hit[1])) at.set(hit[1], i);
  });
  // "| ID | Description | Status |": the description is the task's name when nothing else is.
  const desc = header.findIndex((h) => /^(description|deliverable|item)$/i.test(h));
  if (!at.has('task') && desc >= 0) {
    at.set('task', desc);
    if (at.get('notes') === desc) at.delete('notes');
  }
  // "| # | What We Need | Why | Blocks |": rows numbered as items, and no header names the task, so
  // the first column no header word claims does (the id column would otherwise be the task's name).
  // Without an id column such a table is a matrix ("| Feature | Status | Shop Ready |"), not tasks.
  if (!at.has('task') && at.has('id')) {
    const taken = new Set(at.values());
    const free = header.findIndex((h, i) => h !== '' && !taken.has(i));
    if (free >= 0) at.set('task', free);
  }
  return { at, header };
}
