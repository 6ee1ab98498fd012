/** Words people use for a task's status, mapped to neutral statuses. */
import type { TaskStatus } from './types.js';

const WORDS: readonly [RegExp, TaskStatus][] = [
  [/^(complete|completed|done|finished|closed|resolved|go)\b/, 'done'],
  [/^(in[ -]?progress|wip|doing|started|ongoing|partial|active)\b/, 'in_progress'],
  [/^(pending|todo|to[ -]do|not[ -]started|open|planned|future|backlog|new|waiting to start)\b/, 'pending'],
  [/^(blocked|waiting|on[ -]hold|stuck)\b/, 'blocked'],
  [/^(cancell?ed|dropped|won'?t do|abandoned)\b/, 'cancelled'],
  [/^(changes[ -]requested|needs[ -]changes|review|in[ -]review)\b/, 'changes_requested'],
  [/^(approved|accepted)\b/, 'approved'],
];

/** "Complete", "in progress", "To Do" -> a status; undefined when the text is no status word. */
export function statusFromWord(text: string): TaskStatus | undefined {
  const t = text.trim().toLowerCase().replace(/[*_`]/g, '');
  for (const [re, status] of WORDS) if (re.test(t)) return status;
  return undefined;
}
