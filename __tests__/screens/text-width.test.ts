import stringWidth from 'string-width';
import { isSimpleCodePoint, simpleWidth } from '../../src/screens/text-width.js';

const simpleCodePoints: number[] = [];
for (let cp = 0; cp < 0x3000; cp++) if (isSimpleCodePoint(cp)) simpleCodePoints.push(cp);

/** A small deterministic generator, so a failure names a string that can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('simpleWidth: string-width without ICU for the text the wizard draws', () => {
  it('covers the symbols the screens use', () => {
    for (const ch of '·✓✗○●◉─│┌┐└┘├┤→←↑↓…–—•▸▾⚠✔✘★☐☑') expect(isSimpleCodePoint(ch.codePointAt(0)!)).toBe(true);
    expect(simpleWidth('odoo-project-sync · module source')).toBe(33);
  });

  it.each([true, false])('equals string-width on every simple code point (ambiguousIsNarrow=%s)', (narrow) => {
    const wrong: string[] = [];
    for (const cp of simpleCodePoints) {
      const s = String.fromCodePoint(cp);
      const want = stringWidth(s, { ambiguousIsNarrow: narrow });
      if (simpleWidth(s, narrow) !== want) wrong.push(`U+${cp.toString(16)} ${simpleWidth(s, narrow)} != ${want}`);
    }
    expect(wrong).toEqual([]);
    expect(simpleCodePoints.length).toBeGreaterThan(2500);
  });

  it('equals string-width on random strings of simple code points', () => {
    const next = rng(42);
    for (let n = 0; n < 2000; n++) {
      const len = 1 + Math.floor(next() * 40);
      let s = '';
      for (let i = 0; i < len; i++) s += String.fromCodePoint(simpleCodePoints[Math.floor(next() * simpleCodePoints.length)]);
      const narrow = next() < 0.5;
      expect([s, simpleWidth(s, narrow)]).toEqual([s, stringWidth(s, { ambiguousIsNarrow: narrow })]);
    }
  });

  it('leaves what needs grapheme segmentation to string-width', () => {
    for (const s of ['e\u0301', 'a\u200db', '✔\ufe0f', '👍🏽', '한', '\u1100\u1161', '日本', 'x\u00ady', '\u001b[1mx', 'tab\there', 'line\n'])
      expect(simpleWidth(s)).toBeUndefined();
  });
});
