/**
 * What the user set in an existing ToDo.md: status and owner per task id. Read with
 * mdast-util-from-markdown + GFM tables, never with line regexes.
 */
import type { Nodes, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { TaskStatus } from './model.js';

export interface KeptTask {
  status: TaskStatus;
  owner: string;
}

const GLYPHS: Record<string, TaskStatus> = { '✅': 'done', '🔄': 'in_progress', '🔲': 'pending', '❌': 'blocked' };
const WORDS: [RegExp, TaskStatus][] = [
  [/^(complete|completed|done|finished)$/i, 'done'],
  [/^(in progress|wip|doing|started)$/i, 'in_progress'],
  [/^(pending|todo|to do|open|not started)$/i, 'pending'],
  [/^(blocked|on hold)$/i, 'blocked'],
];

export function statusOf(cell: string): TaskStatus | undefined {
  const t = cell.trim();
  for (const [glyph, status] of Object.entries(GLYPHS)) if (t.startsWith(glyph)) return status;
  return WORDS.find(([re]) => re.test(t))?.[1];
}

function text(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(text).join('');
  return '';
}

function tables(node: Nodes): Table[] {
  if (node.type === 'table') return [node];
  if ('children' in node) return (node.children as Nodes[]).flatMap(tables);
  return [];
}

export function readExistingTodo(markdown: string): Map<string, KeptTask> {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const kept = new Map<string, KeptTask>();
  for (const table of tables(tree)) {
    const [head, ...rows] = table.children;
    if (!head) continue;
    const names = head.children.map((c) => text(c).trim().toLowerCase());
    const idCol = names.indexOf('#');
    const statusCol = names.indexOf('status');
    const ownerCol = names.indexOf('owner');
    if (idCol < 0 || statusCol < 0) continue;
    for (const row of rows) {
      const cell = (i: number) => (i >= 0 && row.children[i] ? text(row.children[i]).trim() : '');
      const id = cell(idCol);
      const status = statusOf(cell(statusCol));
      if (id && status) kept.set(id, { status, owner: cell(ownerCol) });
    }
  }
  return kept;
}
