/**
 * What is written under a task (a checklist item's indented content, a heading task's body):
 * kept as the task's description, with its "Key: value" lines read as fields ("Files:" lines are
 * also the task's evidence). Id, status, owner and estimate lines are facts, not description.
 */
import type { Nodes } from 'mdast';
import { fieldOf, type FieldKey } from './fields.js';
import { lineOf, rawOf } from './text.js';

export interface Details {
  description?: string;
  fields: Map<FieldKey, { value: string; line: number }>;
}

const FACT: ReadonlySet<FieldKey> = new Set(['id', 'status', 'owner', 'estimate', 'complexity']);

export function readDetails(nodes: readonly Nodes[]): Details {
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
        const f = fieldOf(rawOf(item).replace(/\s*\n\s*/g, ' '));
        if (f) note(f.key, f.value, lineOf(item));
        return !f || !FACT.has(f.key);
      });
      if (items.length === n.children.length) kept.push(rawOf(n));
      else if (items.length > 0) kept.push(items.map((item) => rawOf(item)).join('\n'));
      continue;
    }
    if (n.type === 'paragraph') {
      const lines = rawOf(n).split('\n');
      const rest = lines.filter((l, i) => {
        const f = fieldOf(l);
        if (f) note(f.key, f.value, lineOf(n) + i);
        return !f || !FACT.has(f.key);
      });
      if (rest.join('').trim() !== '') kept.push(rest.join('\n'));
      continue;
    }
    kept.push(rawOf(n));
  }
  const description = kept.join('\n\n').trim();
  return { description: description === '' ? undefined : description, fields };
}
