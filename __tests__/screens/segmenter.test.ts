import { GraphemeSegmenter, isOneClusterPerUnit } from '../../src/screens/segmenter.js';
import { isSimpleCodePoint } from '../../src/screens/text-width.js';

const icu = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ours = new GraphemeSegmenter();
const plain = (it: Iterable<{ segment: string; index: number; input: string }>) => [...it].map(({ segment, index, input }) => ({ segment, index, input }));

const units: string[] = [];
for (let cp = 0; cp < 0x3000; cp++) if ((cp !== 0x0d && (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))) || isSimpleCodePoint(cp)) units.push(String.fromCharCode(cp));

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Segments and containing() at every index, as one comparable string. */
function describeSegments(s: { containing(i: number): { segment: string; index: number } | undefined } & Iterable<{ segment: string; index: number; input: string }>, text: string): string {
  const at: string[] = [];
  for (let i = -1; i <= text.length; i++) {
    const x = s.containing(i);
    at.push(x ? `${x.index}:${x.segment}` : '-');
  }
  return JSON.stringify([plain(s), at]);
}

function same(text: string): void {
  const a = describeSegments(ours.segment(text), text);
  const b = describeSegments(icu.segment(text), text);
  if (a !== b) expect([text, a]).toEqual([text, b]);
}

describe('GraphemeSegmenter: Intl.Segmenter without ICU for the lines the wizard draws', () => {
  it('splits the simple strings by unit, exactly as Intl.Segmenter does', () => {
    const next = rng(7);
    for (let n = 0; n < 1000; n++) {
      const len = Math.floor(next() * 30);
      let s = '';
      for (let i = 0; i < len; i++) s += next() < 0.1 ? '\u001b[31m' : units[Math.floor(next() * units.length)];
      expect(isOneClusterPerUnit(s)).toBe(true);
      same(s);
    }
  });

  it('every simple unit next to every kind of neighbour stays its own cluster', () => {
    for (const u of units) same(`a${u}b${u}${u}\n`);
  });

  it('hands everything else to Intl.Segmenter', () => {
    for (const s of ['e\u0301x', 'a\r\nb', '👍🏽 ok', '👨‍👩‍👧', '🇫🇷', '한국어', '\u1100\u1161', '✔\ufe0f', 'ก\u0e33', '']) {
      same(s);
    }
    expect(isOneClusterPerUnit('a\r\nb')).toBe(false);
    expect(isOneClusterPerUnit('e\u0301')).toBe(false);
  });
});
