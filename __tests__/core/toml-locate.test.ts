/** Positions in TOML text come from the parser: what fools a line scanner does not fool the locator. */
import { TomlLocator } from '../../src/core/toml-locate.js';

const lineOf = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

test('a table header and a key inside a multi-line string are text, not the table and key they look like', () => {
  const text = [
    '[features.a]',
    'notes = """',
    '[features.b]',
    'title = "inside a string"',
    '"""',
    '',
    '[features.b]',
    'title = "the real one"',
  ].join('\n');
  const at = new TomlLocator(text);
  expect(at.at(['features', 'b'])).toEqual({ line: 7, column: 1 });
  expect(at.at(['features', 'b', 'title'])).toEqual({ line: 8, column: 1 });
  expect(at.at(['features', 'a', 'notes'])).toEqual({ line: 2, column: 1 });
});

test("a quoted key holding '[', '=' or '.' is one key; a nested array on its own line is no header", () => {
  const text = [
    '[t]',
    '"[x] = y" = 1',
    "'a.b' = 2",
    'grid = [',
    '  ["r"],',
    '  ["s", "t"],',
    ']',
    'after = 3',
  ].join('\n');
  const at = new TomlLocator(text);
  expect(at.at(['t', '[x] = y'])).toEqual({ line: 2, column: 1 });
  expect(at.at(['t', 'a.b'])).toEqual({ line: 3, column: 1 });
  expect(at.at(['t', 'grid', 1, 0])).toEqual({ line: 6, column: 4 });
  expect(at.at(['t', 'after'])).toEqual({ line: 8, column: 1 });
  expect(at.at(['r'])).toEqual({ line: 1, column: 1 });
});

test('arrays of tables are indexed as the data is: [[a.b]] belongs to the last [[a]]', () => {
  const text = ['[[a]]', 'n = 0', '[[a.b]]', 'm = "x"', '[[a]]', 'n = 1', '[[a.b]]', 'm = "y"', '[[a.b]]', 'm = "z"'].join('\n');
  const at = new TomlLocator(text);
  expect(at.at(['a', 1, 'n'])).toEqual({ line: 6, column: 1 });
  expect(at.at(['a', 1, 'b', 1, 'm'])).toEqual({ line: 10, column: 1 });
  expect(at.at(['a', 0, 'b', 0])).toEqual({ line: 3, column: 1 });
  // The deepest part the text has: a missing key points at its table.
  expect(at.at(['a', 1, 'b', 0, 'missing'])).toEqual({ line: 7, column: 1 });
});

test('dotted keys, inline tables and a value in a multi-line array', () => {
  const text = ['[m]', 'p.q = 1', 'inline = { r = 2, s = { t = 3 } }', 'depends = [', '  "base",', '  "sale",', ']'].join('\n');
  const at = new TomlLocator(text);
  expect(at.at(['m', 'p', 'q'])).toEqual({ line: 2, column: 1 });
  expect(at.at(['m', 'inline', 's', 't'])).toEqual({ line: 3, column: 25 });
  expect(at.at(['m', 'depends'], 'sale')).toEqual({ line: 6, column: 3 });
  expect(at.at(['m', 'depends'], 'none')).toEqual({ line: 4, column: 1 });
});

test('a large text is read a segment at a time, and a cut that falls inside a string is not kept', () => {
  // From about 110 KB to 260 KB, a multi-line string whose lines look like tables: the cuts
  // after 128 KB and 192 KB fall inside it; the segments that end there do not parse.
  const filler = Array.from({ length: 2000 }, (_, i) => `[filler.t${i}]\nvalue = "${'x'.repeat(30)}"\n`).join('');
  const fake = Array.from({ length: 5000 }, (_, i) => `[late.k${i}]\ntitle = "fake"`).join('\n');
  const text = `${filler}[late]\nnotes = '''\n${fake}\n'''\n\n[late.k7]\ntitle = "real"\n`;
  expect(text.length).toBeGreaterThan(64 * 1024);
  const at = new TomlLocator(text);
  expect(at.at(['filler', 't3', 'value'])).toEqual({ line: 8, column: 1 });
  const real = lineOf(text, '[late.k7]', lineOf(text, "'''", lineOf(text, "notes = '''")));
  expect(at.at(['late', 'k7', 'title'])).toEqual({ line: real + 1, column: 1 });
  expect(at.at(['filler', 't1999'])).toEqual({ line: 3999, column: 1 });
});

test('a text the parser refuses has no positions: 1:1 (its syntax error is reported before)', () => {
  const at = new TomlLocator('[a]\nx = 1\n[b]\ny = = 2\n');
  expect(at.at(['a', 'x'])).toEqual({ line: 1, column: 1 });
});
