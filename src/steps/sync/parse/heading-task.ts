/**
 * Heading-per-task plans: "### 2.1 Title" followed by "Status: Done" (and optionally Owner:,
 * Estimate:, Complexity:, Evidence:) lines, as a paragraph or a list. Everything else under
 * the heading is kept as the task's notes.
 */
import type { Heading, RootContent } from 'mdast';
import { err, ok, type Result } from '../../../core/result.js';
import type { UserError } from '../../../core/user-error.js';
import type { Legend } from './legend.js';
import { parseItemText } from './checklist.js';
import { resolveStatus } from './status.js';
import { lineOf, nodeSource, nodeText, parseHours } from './text.js';
import type { PlanNotice, PlanTask } from './types.js';

type Key = 'status' | 'owner' | 'estimate' | 'complexity' | 'evidence';
const KEY = /^\s*(status|state|owner|assignee|estimate|effort|complexity|evidence)\s*:\s*(.*)$/i;

function keyOf(word: string): Key {
  const w = word.toLowerCase();
  if (w === 'state') return 'status';
  if (w === 'assignee') return 'owner';
  if (w === 'effort') return 'estimate';
  return w as Key;
}

/** "Key: value" lines of a paragraph or of a list's items (plain text, one per line). */
function fieldLines(node: RootContent, source: string): { key: Key; value: string; line: number }[] {
  const out: { key: Key; value: string; line: number }[] = [];
  const lines: { text: string; line: number }[] = [];
  if (node.type === 'paragraph') {
    nodeSource(source, node)
      .split('\n')
      .forEach((text, i) => lines.push({ text, line: lineOf(node) + i }));
  } else if (node.type === 'list') {
    for (const item of node.children) lines.push({ text: nodeSource(source, item), line: lineOf(item) });
  }
  for (const l of lines) {
    const m = KEY.exec(l.text.replace(/^\s*[-*]\s+/, '').replace(/\*\*/g, ''));
    if (m) out.push({ key: keyOf(m[1]), value: m[2].trim(), line: l.line });
  }
  return out;
}

/** True when the heading's own content has a "Status:" line. */
export function isTaskHeading(body: readonly RootContent[], source: string): boolean {
  return body.some((n) => fieldLines(n, source).some((f) => f.key === 'status'));
}

export function readHeadingTask(
  heading: Heading,
  body: readonly RootContent[],
  ctx: { file: string; source: string; legend: Legend; deriveId: (title: string) => string },
): Result<{ task: PlanTask; notices: PlanNotice[] }, UserError> {
  const head = parseItemText(nodeText(heading).replace(/^task\s*[:#-]?\s*/i, ''));
  const fields = new Map<Key, { value: string; line: number }>();
  const notes: string[] = [];
  const notices: PlanNotice[] = [];
  for (const n of body) {
    const f = fieldLines(n, ctx.source);
    for (const x of f) if (!fields.has(x.key)) fields.set(x.key, x);
    const rest = nodeSource(ctx.source, n)
      .split('\n')
      .filter((l) => !KEY.test(l.replace(/^\s*[-*]\s+/, '').replace(/\*\*/g, '')))
      .join('\n')
      .trim();
    if (rest) notes.push(rest);
  }
  const st = fields.get('status');
  const line = lineOf(heading);
  const status = resolveStatus(ctx.legend, st?.value ?? '', { file: ctx.file, line: st?.line ?? line, column: 1 });
  if (!status.ok) return err(status.error);
  const estText = fields.get('estimate');
  let estimate = head.estimate;
  if (estText) {
    const h = parseHours(estText.value);
    if (h !== undefined && Number.isNaN(h)) {
      notices.push({ line: estText.line, message: `estimate "${estText.value}" is not a duration: left out` });
    } else estimate = h;
  }
  return ok({
    task: {
      id: head.id ?? ctx.deriveId(head.title),
      explicitId: head.id !== undefined,
      title: head.title,
      status: status.value,
      owner: fields.get('owner')?.value || head.owner,
      estimate,
      complexity: fields.get('complexity')?.value || undefined,
      evidence: fields.get('evidence')?.value || undefined,
      notes: notes.length > 0 ? notes.join('\n\n') : undefined,
      line,
    },
    notices,
  });
}
