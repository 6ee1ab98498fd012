// Stands in for 'string-width' (every copy: Ink's and wrap-ansi's) in the TUI bundle. Text made of
// simple code points is measured without ICU (src/screens/text-width.ts); anything else goes to
// string-width 8 itself, loaded on first need. scripts/build.mjs resolves the two imports below
// to string-width's own files.
import stripAnsi from 'strip-ansi';
import { simpleWidth } from '../src/screens/text-width.ts';

let real;

export default function stringWidth(input, options = {}) {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const { ambiguousIsNarrow = true, countAnsiEscapeCodes = false } = options;
  const text = !countAnsiEscapeCodes && (input.includes('\u001B') || input.includes('\u009B')) ? stripAnsi(input) : input;
  const width = simpleWidth(text, ambiguousIsNarrow);
  if (width !== undefined) return width;
  // require(), not import: string-width creates its Intl.Segmenter when it loads.
  real ??= require('string-width').default;
  return real(input, options);
}
