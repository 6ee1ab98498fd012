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
