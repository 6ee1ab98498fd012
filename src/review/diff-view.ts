import { structuredPatch } from 'diff';

/** One row of the reviewer's diff view. Line numbers are 1-based; absent on the other side. */
export type DiffRow =
  | { kind: 'hunk'; text: string }
  | { kind: 'context'; text: string; oldLine: number; newLine: number }
  | { kind: 'removed'; text: string; oldLine: number }
  | { kind: 'added'; text: string; newLine: number };

export interface DiffSummary {
  rows: DiffRow[];
  added: number;
  removed: number;
}

/**
 * The generated proposal (left) against the user's current text (right), as unified-diff rows
 * with three lines of context. No rows when the texts are equal.
 */
export function diffRows(proposal: string, current: string, context = 3): DiffSummary {
  const patch = structuredPatch('proposal', 'current', proposal, current, undefined, undefined, {
    context,
  });
  const rows: DiffRow[] = [];
  let added = 0;
  let removed = 0;
  for (const h of patch.hunks) {
    rows.push({ kind: 'hunk', text: `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@` });
    let oldLine = h.oldStart;
    let newLine = h.newStart;
    for (const l of h.lines) {
      const mark = l[0];
      const text = l.slice(1);
      if (mark === '+') {
        rows.push({ kind: 'added', text, newLine: newLine++ });
        added++;
      } else if (mark === '-') {
        rows.push({ kind: 'removed', text, oldLine: oldLine++ });
        removed++;
      } else if (mark === ' ') {
        rows.push({ kind: 'context', text, oldLine: oldLine++, newLine: newLine++ });
      }
      // "\ No newline at end of file" rows carry no content the user can act on.
    }
  }
  return { rows, added, removed };
}
