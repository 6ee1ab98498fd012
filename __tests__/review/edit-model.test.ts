import { canUndo, createEditor, editorReducer, isDirty, textOf, UNDO_LIMIT, visibleLines } from '../../src/review/edit-model.js';
import { cleanLineInput, readLineInput, splitKeyBurst } from '../../src/review/line-input.js';
import type { EditAction, EditorState } from '../../src/review/edit-model.js';

const run = (s: EditorState, ...as: EditAction[]) => as.reduce(editorReducer, s);
const lines = (n: number) => Array.from({ length: n }, (_, i) => `k${i} = ${i}`).join('\n');

describe('edit model', () => {
  test('text round-trips byte for byte, including a final newline and CRLF', () => {
    for (const t of ['a = 1\nb = 2\n', 'a = 1', '', 'a = 1\r\nb = 2\r\n']) {
      expect(textOf(createEditor(t, 10))).toBe(t);
    }
  });

  test('replacing a line changes only that line and marks the text unsaved', () => {
    const s = run(createEditor('a = 1\nb = 2\n', 10), { type: 'move', delta: 1 }, { type: 'replace-line', text: 'b = 3' });
    expect(textOf(s)).toBe('a = 1\nb = 3\n');
    expect(isDirty(s)).toBe(true);
    expect(isDirty(run(s, { type: 'saved', revision: s.revision }))).toBe(false);
  });

  test('an edited CRLF file keeps CRLF', () => {
    const s = run(createEditor('a = 1\r\nb = 2\r\n', 10), { type: 'replace-line', text: 'a = 9' });
    expect(textOf(s)).toBe('a = 9\r\nb = 2\r\n');
  });

  test('insert below puts the cursor on the new line; pasted newlines become lines', () => {
    const s = run(createEditor('a = 1\nc = 3', 10), { type: 'insert-below', text: 'b = 2\nb2 = 2' });
    expect(textOf(s)).toBe('a = 1\nb = 2\nb2 = 2\nc = 3');
    expect(s.cursor).toBe(1);
  });

  test('deleting lines never leaves an empty buffer without a line', () => {
    let s = run(createEditor('a\nb', 10), { type: 'move', delta: 1 }, { type: 'delete-line' });
    expect(textOf(s)).toBe('a');
    expect(s.cursor).toBe(0);
    s = run(s, { type: 'delete-line' });
    expect(s.lines).toEqual(['']);
  });

  test('the window follows the cursor and shows only `height` lines', () => {
    let s = createEditor(lines(10_000), 20);
    s = run(s, { type: 'move', delta: 25 });
    expect(s.top).toBe(6);
    expect(visibleLines(s).map((l) => l.index)).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
    s = run(s, { type: 'goto', line: 99_999 });
    expect(s.cursor).toBe(9_999);
    expect(visibleLines(s)).toHaveLength(20);
    s = run(s, { type: 'page', dir: -1 });
    expect(s.cursor).toBe(9_979);
    expect(s.top).toBe(9_960);
    s = run(s, { type: 'move', delta: -100_000 });
    expect([s.cursor, s.top]).toEqual([0, 0]);
  });

  test('loading new text keeps the cursor near where it was and counts as a change', () => {
    const s0 = run(createEditor(lines(50), 10), { type: 'goto', line: 30 });
    const s = run(s0, { type: 'load', text: lines(20), saved: true });
    expect(s.cursor).toBe(19);
    expect(s.revision).toBeGreaterThan(s0.revision);
    expect(isDirty(s)).toBe(false);
  });
});

describe('undo', () => {
  test('takes back edits one at a time, in reverse, cursor included, as a saved-to-be change', () => {
    const start = createEditor('a = 1\nb = 2\nc = 3\n', 10);
    const edited = run(start, { type: 'move', delta: 1 }, { type: 'replace-line', text: 'b = 9' }, { type: 'move', delta: 1 }, { type: 'delete-line' });
    expect(textOf(edited)).toBe('a = 1\nb = 9\n');
    const once = run(edited, { type: 'undo' });
    expect(textOf(once)).toBe('a = 1\nb = 9\nc = 3\n');
    expect(once.cursor).toBe(2);
    expect(once.revision).toBeGreaterThan(edited.revision); // saved like any change
    const twice = run(once, { type: 'undo' });
    expect(textOf(twice)).toBe('a = 1\nb = 2\nc = 3\n');
    expect(canUndo(twice)).toBe(false);
    expect(run(twice, { type: 'undo' })).toBe(twice);
  });

  test('text loaded from the editor or a regenerate can be taken back; moving cannot', () => {
    const s = run(createEditor('a = 1\n', 10), { type: 'move', delta: 1 }, { type: 'load', text: 'a = 2\n', saved: true });
    expect(textOf(run(s, { type: 'undo' }))).toBe('a = 1\n');
    expect(canUndo(run(createEditor('a = 1\n', 10), { type: 'move', delta: 1 }, { type: 'load', text: 'a = 1\n', saved: true }))).toBe(false);
  });

  test('keeps the last UNDO_LIMIT changes', () => {
    let s = createEditor('x\n', 10);
    for (let i = 0; i < UNDO_LIMIT + 5; i++) s = run(s, { type: 'replace-line', text: `v${i}` });
    expect(s.history).toHaveLength(UNDO_LIMIT);
    for (let i = 0; i < UNDO_LIMIT; i++) s = run(s, { type: 'undo' });
    expect(textOf(s)).toBe('v4\n');
  });
});

describe('line input from bursts of keys', () => {
  test('DEL and BS bytes that arrive as text erase, other control characters are dropped', () => {
    expect(cleanLineInput('status = "maybe"\u007F\u007F\u007F\u007F\u007F\u007F\u007F"drop"')).toBe('status = "drop"');
    expect(cleanLineInput('a\bb\u001B[c\tz')).toBe('b[c\tz');
    expect(cleanLineInput('\u007F\u007Fx')).toBe('x');
  });

  test('a burst of repeatable keys splits; anything else stays one key', () => {
    expect(splitKeyBurst('jjj', 'jkD')).toEqual(['j', 'j', 'j']);
    expect(splitKeyBurst('ji', 'jkD')).toBeUndefined();
    expect(splitKeyBurst('j', 'jkD')).toBeUndefined();
  });
});

describe('enter inside a burst', () => {
  test('a value with a line break is submitted without the break enter added', () => {
    expect(readLineInput('status = "drop"\r')).toEqual({ text: 'status = "drop"', submitted: true });
    expect(readLineInput('a = 1\nb = 2')).toEqual({ text: 'a = 1\nb = 2', submitted: true });
    expect(readLineInput('a = 1')).toEqual({ text: 'a = 1', submitted: false });
  });
});
