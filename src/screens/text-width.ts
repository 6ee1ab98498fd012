/**
 * Terminal width of the text the wizard draws, without ICU when the text allows it.
 *
 * Ink measures every line with string-width, which segments graphemes with Intl.Segmenter: the
 * first segmenter loads ICU's break rules, ~20 ms of start-up, and every string that is not plain
 * ASCII takes that path. The wizard's own text is Latin script plus rail and box symbols (·, ✓,
 * ○, ─, →). For a string made only of such code points every code point is its own grapheme
 * cluster, none is zero-width, and none combines with its neighbour, so string-width's answer is
 * simply the sum of each code point's East Asian Width. Anything else (marks, joiners, variation
 * selectors, emoji modifiers, Hangul jamo, CJK, controls) gets `undefined`, and the caller asks
 * string-width itself. __tests__/screens/text-width.test.ts holds this equal to string-width over
 * every code point of the simple ranges and random strings of them.
 */
import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Ranges of code points that never join a neighbour into one grapheme cluster and are never
 * zero-width in string-width: printable Latin and the symbol blocks a TUI draws with.
 */
const SIMPLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], // printable ASCII
  [0xa0, 0xac], // Latin-1 supplement (0xAD, the soft hyphen, is a format character)
  [0xae, 0x2ff], // Latin-1, Latin Extended A and B, IPA, spacing modifier letters
  [0x370, 0x377], // Greek (0x300-0x36F are combining marks)
  [0x37a, 0x37f],
  [0x384, 0x38a],
  [0x38c, 0x38c],
  [0x38e, 0x3a1],
  [0x3a3, 0x3ff],
  [0x400, 0x482], // Cyrillic, up to its combining marks
  [0x48a, 0x52f],
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x205e], // per mille to the four-dot mark
  [0x2070, 0x2071],
  [0x2074, 0x208e], // super- and subscripts
  [0x20a0, 0x20c0], // currency
  [0x2100, 0x218b], // letterlike symbols, number forms
  [0x2190, 0x23ff], // arrows, mathematical operators, miscellaneous technical
  [0x2460, 0x24ff], // enclosed alphanumerics
  [0x2500, 0x27bf], // box drawing, blocks, geometric shapes, miscellaneous symbols, dingbats
  [0x27c0, 0x27ff], // mathematical symbols, supplemental arrows
  [0x2900, 0x2bff], // supplemental arrows and mathematical operators, miscellaneous symbols
];

/** One lookup per code point below 0x2c00: a bit set built once. */
const LIMIT = 0x2c00;
const simple = new Uint8Array(LIMIT);
for (const [from, to] of SIMPLE_RANGES) simple.fill(1, from, to + 1);

export function isSimpleCodePoint(cp: number): boolean {
  return cp < LIMIT && simple[cp] === 1;
}

/**
 * string-width's answer for `text` (already free of ANSI escapes), or undefined when the text
 * holds a code point that needs grapheme segmentation to measure.
 */
export function simpleWidth(text: string, ambiguousIsNarrow = true): number | undefined {
  let width = 0;
  const options = { ambiguousAsWide: !ambiguousIsNarrow };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) {
      width += 1;
      continue;
    }
    // Surrogates (astral code points) are never simple: they are all >= 0x10000.
    if (!isSimpleCodePoint(c)) return undefined;
    width += eastAsianWidth(c, options);
  }
  return width;
}
