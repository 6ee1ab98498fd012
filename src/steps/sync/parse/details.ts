/**
 * What is written under a task (a checklist item's indented content, a heading task's body):
 * kept as the task's description, with its "Key: value" lines read as fields ("Files:" lines are
 * also the task's evidence). Status, owner and estimate lines are facts, not description.
 */
import type { Nodes } from 'mdast';
import { fieldOf, type FieldKey } from './fields.js';
import { lineOf, nodeSource } from './text.js';

export interface Details {
  description?: string;
  fields: Map<FieldKey, { value: string; line: number }>;
}

/** A node's Markdown with the indentation of its nested lines removed. */
export function dedented(source: string, node: Nodes): string {
  const text = nodeSource(source, node);
  const indent = Math.max(0, (node.position?.start.column ?? 1) - 1);
  const strip = new RegExp(`^ {0,${indent}}`);
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? l : l.replace(strip, '')))
    .join('\n');
}

const FACT: ReadonlySet<FieldKey> = new Set(['status', 'owner', 'estimate', 'complexity']);

export function readDetails(source: string, nodes: readonly Nodes[]): Details {
  const fields: Details['fields'] = new Map();
  const kept: string[] = [];
  const note = (key: FieldKey, value: string, line: number) => {
    const prev = fields.get(key);
    if (!prev) fields.set(key, { value, line });
    else if (key === 'evidence') prev.value = `${prev.value}, ${value}`;
  };
  for (const n of nodes) {
    if (n.type === 'list') {
      const items = n.children.filter((item) => {
        const f = fieldOf(nodeSource(source, item).replace(/\s*\n\s*/g, ' '));
        if (f) note(f.key, f.value, lineOf(item));
        return !f || !FACT.has(f.key);
      });
      if (items.length === n.children.length) kept.push(dedented(source, n));
      else if (items.length > 0) kept.push(items.map((item) => dedented(source, item)).join('\n'));
      continue;
    }
    if (n.type === 'paragraph') {
      const lines = dedented(source, n).split('\n');
      const rest = lines.filter((l, i) => {
        const f = fieldOf(l);
        if (f) note(f.key, f.value, lineOf(n) + i);
        return !f || !FACT.has(f.key);
      });
      if (rest.join('').trim() !== '') kept.push(rest.join('\n'));
      continue;
    }
    kept.push(dedented(source, n));
  }
  const description = kept.join('\n\n').trim();
  return { description: description === '' ? undefined : description, fields };
}
