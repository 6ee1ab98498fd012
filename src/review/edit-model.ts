/**
 * The reviewer's text buffer: lines, a cursor and a scroll window. Pure; the screen keeps one of
 * these in a reducer. The text round-trips byte for byte: the end-of-line style is detected once
 * and every line between two separators (including a last empty one) is kept.
 */
import { assertNever } from '../core/assert-never.js';

export interface EditorState {
  readonly lines: readonly string[];
  readonly eol: '\n' | '\r\n';
  /** 0-based line of the cursor. */
  readonly cursor: number;
  /** 0-based first visible line. */
  readonly top: number;
  /** Visible rows. */
  readonly height: number;
  /** Bumps on every change of the text. */
  readonly revision: number;
  /** The revision last handed to save. */
  readonly savedRevision: number;
  /** Earlier texts, newest last, for `u`: every change pushes the text it replaced. */
  readonly history: readonly Snapshot[];
}

export interface Snapshot {
  readonly lines: readonly string[];
  readonly cursor: number;
}

/** Changes `u` can take back; each holds the lines array only (the strings are shared). */
export const UNDO_LIMIT = 200;

export type EditAction =
  | { type: 'load'; text: string; saved: boolean }
  | { type: 'move'; delta: number }
  | { type: 'page'; dir: 1 | -1 }
  | { type: 'goto'; line: number }
  | { type: 'resize'; height: number }
  | { type: 'replace-line'; text: string }
  | { type: 'insert-below'; text: string }
  | { type: 'delete-line' }
  | { type: 'undo' }
  | { type: 'saved'; revision: number };

export function createEditor(text: string, height: number): EditorState {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    lines: text.split(eol),
    eol,
    cursor: 0,
    top: 0,
    height: Math.max(1, height),
    revision: 0,
    savedRevision: 0,
    history: [],
  };
}

export const textOf = (s: EditorState): string => s.lines.join(s.eol);

export const isDirty = (s: EditorState): boolean => s.revision !== s.savedRevision;

export function editorReducer(s: EditorState, a: EditAction): EditorState {
  switch (a.type) {
    case 'load': {
      const fresh = createEditor(a.text, s.height);
      const revision = s.revision + 1;
      // Text from the editor or a regenerate can be taken back like any edit.
      const history = a.text === textOf(s) ? s.history : remember(s);
      const next = { ...fresh, revision, savedRevision: a.saved ? revision : s.savedRevision, history };
      return scrollTo(next, Math.min(s.cursor, fresh.lines.length - 1));
    }
    case 'undo': {
      const last = s.history[s.history.length - 1];
      if (!last) return s;
      const back = { ...s, lines: last.lines, revision: s.revision + 1, history: s.history.slice(0, -1) };
      return scrollTo(back, last.cursor);
    }
    case 'move':
      return scrollTo(s, s.cursor + a.delta);
    case 'page':
      return scrollTo({ ...s, top: clampTop(s, s.top + a.dir * s.height) }, s.cursor + a.dir * s.height);
    case 'goto':
      return scrollTo(s, a.line);
    case 'resize':
      return scrollTo({ ...s, height: Math.max(1, a.height) }, s.cursor);
    case 'replace-line':
      return changed(s, splice(s.lines, s.cursor, 1, splitInput(a.text)), s.cursor);
    case 'insert-below':
      return changed(s, splice(s.lines, s.cursor + 1, 0, splitInput(a.text)), s.cursor + 1);
    case 'delete-line': {
      // A document always has one line, possibly empty.
      const lines = s.lines.length === 1 ? [''] : splice(s.lines, s.cursor, 1, []);
      return changed(s, lines, s.cursor);
    }
    case 'saved':
      return { ...s, savedRevision: Math.max(s.savedRevision, a.revision) };
    default:
      return assertNever(a);
  }
}

/** Only the lines in the scroll window, with their 0-based numbers. */
export function visibleLines(s: EditorState): { index: number; text: string }[] {
  const end = Math.min(s.lines.length, s.top + s.height);
  const out: { index: number; text: string }[] = [];
  for (let i = s.top; i < end; i++) out.push({ index: i, text: s.lines[i] });
  return out;
}

function changed(s: EditorState, lines: readonly string[], cursor: number): EditorState {
  return scrollTo({ ...s, lines, revision: s.revision + 1, history: remember(s) }, cursor);
}

function remember(s: EditorState): readonly Snapshot[] {
  const kept = s.history.length >= UNDO_LIMIT ? s.history.slice(1) : s.history;
  return [...kept, { lines: s.lines, cursor: s.cursor }];
}

export const canUndo = (s: EditorState): boolean => s.history.length > 0;

/** Moves the cursor (clamped) and scrolls just enough to keep it visible. */
function scrollTo(s: EditorState, line: number): EditorState {
  const cursor = Math.max(0, Math.min(s.lines.length - 1, line));
  let top = clampTop(s, s.top);
  if (cursor < top) top = cursor;
  else if (cursor >= top + s.height) top = cursor - s.height + 1;
  return cursor === s.cursor && top === s.top ? s : { ...s, cursor, top };
}

function clampTop(s: EditorState, top: number): number {
  return Math.max(0, Math.min(top, s.lines.length - s.height));
}

function splice(lines: readonly string[], at: number, remove: number, insert: string[]): string[] {
  const out = lines.slice();
  out.splice(at, remove, ...insert);
  return out;
}

/** Pasted text may carry newlines: it becomes several lines, never a line with a break in it. */
function splitInput(text: string): string[] {
  return text.split(/\r?\n/);
}
