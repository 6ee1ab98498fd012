/**
 * A grapheme segmenter that answers without ICU when every code point of the string is its own
 * grapheme cluster, the case for nearly every line the wizard draws.
 *
 * Ink's output path (@alcalzone/ansi-tokenize, slice-ansi) segments each line with an
 * Intl.Segmenter created when those modules load, and the first one loads ICU's break rules:
 * ~20 ms of start-up. The TUI bundle swaps those constructors for this one (scripts/build.mjs).
 * A string of printable Latin, the symbol blocks of text-width.ts and controls other than CR has
 * one cluster per code point (none of them is Extend, ZWJ, SpacingMark, Prepend, a regional
 * indicator or a Hangul jamo, and CR LF is the only control pair that joins), so the segments are
 * its UTF-16 units. Any other string goes to a real Intl.Segmenter, made on first need.
 * __tests__/screens/segmenter.test.ts holds both paths equal to Intl.Segmenter.
 */
import { isSimpleCodePoint } from './text-width.js';

export interface GraphemeSegment {
  segment: string;
  index: number;
  input: string;
}

export interface GraphemeSegments extends Iterable<GraphemeSegment> {
  containing(index?: number): GraphemeSegment | undefined;
}

/** One cluster per UTF-16 unit for the whole string? */
export function isOneClusterPerUnit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) return false; // CR LF is one cluster
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) continue; // other controls stand alone
    if (!isSimpleCodePoint(c)) return false;
  }
  return true;
}

class UnitSegments implements GraphemeSegments {
  constructor(private readonly input: string) {}

  containing(index = 0): GraphemeSegment | undefined {
    const i = Math.trunc(Number(index) || 0);
    if (i < 0 || i >= this.input.length) return undefined;
    return { segment: this.input[i], index: i, input: this.input };
  }

  *[Symbol.iterator](): Iterator<GraphemeSegment> {
    for (let i = 0; i < this.input.length; i++) yield { segment: this.input[i], index: i, input: this.input };
  }
}

let icu: Intl.Segmenter | undefined;

export class GraphemeSegmenter {
  segment(input: string): GraphemeSegments {
    const text = String(input);
    if (isOneClusterPerUnit(text)) return new UnitSegments(text);
    icu ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return icu.segment(text) as unknown as GraphemeSegments;
  }
}
