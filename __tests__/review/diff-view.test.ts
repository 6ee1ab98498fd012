import { diffRows } from '../../src/review/diff-view.js';
import { highlightLine } from '../../src/review/highlight.js';

describe('diffRows', () => {
  test('equal texts give no rows', () => {
    expect(diffRows('a = 1\n', 'a = 1\n').rows).toEqual([]);
  });

  test('a changed line shows as removed then added, with line numbers on each side', () => {
    const proposal = ['[m]', 'a = 1', 'b = 2', 'c = 3', ''].join('\n');
    const current = ['[m]', 'a = 1', 'b = 20', 'c = 3', 'd = 4', ''].join('\n');
    const d = diffRows(proposal, current);
    expect(d.added).toBe(2);
    expect(d.removed).toBe(1);
    expect(d.rows[0]).toEqual({ kind: 'hunk', text: '@@ -1,4 +1,5 @@' });
    expect(d.rows).toContainEqual({ kind: 'removed', text: 'b = 2', oldLine: 3 });
    expect(d.rows).toContainEqual({ kind: 'added', text: 'b = 20', newLine: 3 });
    expect(d.rows).toContainEqual({ kind: 'added', text: 'd = 4', newLine: 5 });
  });
});

describe('highlightLine', () => {
  const kinds = (l: string) => highlightLine(l).filter((t) => t.kind !== 'text').map((t) => [t.kind, t.text]);

  test('tables, keys, strings, numbers, booleans and comments', () => {
    expect(kinds('[module.sales] # hi')).toEqual([
      ['table', '[module.sales]'],
      ['comment', '# hi'],
    ]);
    expect(kinds('name = "x # not a comment" # real')).toEqual([
      ['key', 'name '],
      ['punct', '='],
      ['string', '"x # not a comment"'],
      ['comment', '# real'],
    ]);
    expect(kinds('n = [1, 2.5, true]')).toEqual([
      ['key', 'n '],
      ['punct', '='],
      ['punct', '['],
      ['number', '1'],
      ['punct', ','],
      ['number', '2.5'],
      ['punct', ','],
      ['bool', 'true'],
      ['punct', ']'],
    ]);
  });

  test('the tokens always spell the line back', () => {
    for (const l of ['  "a=b" = \'lit\'', '[[arr]]', 'x = {a_1 = 2}', '<<<<<<< your edits', 'junk "unterminated']) {
      expect(highlightLine(l).map((t) => t.text).join('')).toBe(l);
    }
    expect(highlightLine('>>>>>>> new proposal')[0].kind).toBe('conflict');
  });
});
