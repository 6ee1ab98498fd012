/**
 * Status symbols common enough to read without a legend: checkbox markers and emoji. A legend in
 * the document overrides every one of them (Obsidian's "[-]" is cancelled, another plan's is "in
 * progress"; a traffic-light circle may be a priority).
 */
import type { TaskStatus } from './types.js';

const SYMBOLS: Readonly<Record<TaskStatus, readonly string[]>> = {
  done: ['[x]', '[X]', '[✓]', '[✔]', '✅', '✔️', '✔', '☑️', '☑', '✓', '🟢', '🎉', '💚'],
  in_progress: ['[~]', '[/]', '[>]', '🔄', '⏳', '⌛', '🚧', '🔨', '🏗️', '🏗', '⚙️', '⚙', '🟡', '🟠', '🔶', '◐', '◑', '▶️', '▶', '🔃'],
  review: ['[?]', '👀', '🔍', '🔎', '🧪', '🟣'],
  pending: ['[ ]', '⬜', '⬜️', '🔲', '☐', '⭕', '○', '◯', '⚪', '📋', '🆕', '🔳', '⏸️', '⏸'],
  blocked: ['[!]', '❌', '⛔', '🚫', '🛑', '🔴', '🚨', '⏹️', '⏹'],
  cancelled: ['[-]', '🗑️', '🗑', '✖️', '✖', '➖', '⊘'],
  changes_requested: [],
  approved: ['👍', '🆗'],
};

/** Symbol -> status, longest first so "✔️" is matched before "✔". */
const TABLE: readonly [string, TaskStatus][] = (Object.entries(SYMBOLS) as [TaskStatus, readonly string[]][])
  .flatMap(([status, ss]) => ss.map((s) => [s, status] as [string, TaskStatus]))
  .sort((a, b) => b[0].length - a[0].length);

/** The common symbol the text starts with, and its length. */
export function leadingSymbol(text: string): { symbol: string; status: TaskStatus } | undefined {
  for (const [symbol, status] of TABLE) if (text.startsWith(symbol)) return { symbol, status };
  return undefined;
}

/** The common symbol the text ends with ("Task description 🚧"). */
export function trailingSymbol(text: string): { symbol: string; status: TaskStatus } | undefined {
  for (const [symbol, status] of TABLE) if (!symbol.startsWith('[') && text.endsWith(symbol)) return { symbol, status };
  return undefined;
}

/** A checkbox marker "[x]", "[ ]", "[~]", "[✅]", "[⏸️]" ... (one character, or one emoji with its variation selector, between brackets). */
export const CHECKBOX = /^\[(\p{Extended_Pictographic}\uFE0F?|.)\]/u;
