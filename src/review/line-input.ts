/**
 * Cleans what an inline text input produced. Ink hands a burst of keys that arrived in one read
 * (a held backspace, a busy frame) to the input as one string, so DEL/BS bytes can land in the
 * value as text. They are applied here as the erasures the user meant; other control characters
 * (which would corrupt the terminal and the TOML) are dropped. Tabs and line breaks (as \n)
 * are kept.
 */
export function cleanLineInput(value: string): string {
  let out = '';
  for (const ch of value.replace(/\r\n?/g, '\n')) {
    if (ch === '\u007F' || ch === '\b') out = [...out].slice(0, -1).join('');
    else if (ch === '\t' || ch === '\n' || ch >= ' ') out += ch;
  }
  return out;
}

/**
 * An input value after a change. A line break in it means enter was pressed inside a burst (or
 * several lines were pasted): the value is then submitted, without the break enter added.
 */
export function readLineInput(value: string): { text: string; submitted: boolean } {
  const text = cleanLineInput(value);
  if (!text.includes('\n')) return { text, submitted: false };
  return { text: text.endsWith('\n') ? text.slice(0, -1) : text, submitted: true };
}

/**
 * Command keys that arrived together ("jjj"), one by one, when every one of them is in `repeatable`
 * (keys whose effect does not depend on what an earlier one in the burst changed). Undefined
 * otherwise: the burst is then one unknown key, ignored rather than half-applied.
 */
export function splitKeyBurst(input: string, repeatable: string): string[] | undefined {
  if (input.length < 2) return undefined;
  const keys = [...input];
  return keys.every((k) => repeatable.includes(k)) ? keys : undefined;
}

export interface LineState {
  value: string;
  /** Cursor offset in code points, 0..length. */
  cursor: number;
}

export interface LineKey {
  leftArrow?: boolean;
  rightArrow?: boolean;
  backspace?: boolean;
  delete?: boolean;
  return?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  home?: boolean;
  end?: boolean;
}

/**
 * Applies one keypress, or a burst of keys that arrived in one read, to a line being edited.
 * Each character of a burst is applied in order at the cursor, so a held backspace erases the
 * characters before the cursor and typing after it inserts where the user sees the cursor.
 */
export function applyLineKeys(
  state: LineState,
  input: string,
  key: LineKey,
): LineState & { submitted: boolean } {
  const chars = [...state.value];
  let cursor = Math.min(Math.max(state.cursor, 0), chars.length);
  const erase = () => {
    if (cursor > 0) {
      chars.splice(cursor - 1, 1);
      cursor -= 1;
    }
  };
  const done = (submitted: boolean) => ({ value: chars.join(''), cursor, submitted });

  if (key.leftArrow) return { ...done(false), cursor: Math.max(0, cursor - 1) };
  if (key.rightArrow) return { ...done(false), cursor: Math.min(chars.length, cursor + 1) };
  if (key.home || (key.ctrl && input === 'a')) return { ...done(false), cursor: 0 };
  if (key.end || (key.ctrl && input === 'e')) return { ...done(false), cursor: chars.length };
  if (key.ctrl && input === 'u') {
    chars.splice(0, cursor);
    cursor = 0;
    return done(false);
  }
  if ((key.backspace || key.delete) && input.length <= 1) {
    erase();
    return done(false);
  }
  if (key.return && input.length <= 1) return done(true);
  if (key.ctrl || key.meta) return done(false);

  for (const ch of input.replace(/\r\n?/g, '\n')) {
    if (ch === '\u007F' || ch === '\b') erase();
    else if (ch === '\n') return done(true);
    else if (ch === '\t' || ch >= ' ') {
      chars.splice(cursor, 0, ch);
      cursor += 1;
    }
  }
  return done(false);
}
