/**
 * TOML syntax errors say what the mistake is, not only the parser's symptom (an unclosed `[todo`
 * read "illegal character in key" in session 8's tmux drive), at the parser's own position.
 */
import { parse, TomlError } from 'smol-toml';
import { tomlSyntaxMessage } from '../../src/core/toml-error.js';
import { parseConfig } from '../../src/state/config.js';

function messageOf(text: string): { line: number; message: string } {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof TomlError) return { line: e.line, message: tomlSyntaxMessage(e, text) };
    throw e;
  }
  throw new Error('parsed');
}

test.each([
  ['[todo\nx = 1\n', 1, 'the table header [todo is not closed: add ] at the end of the line (illegal character in key)'],
  ['a = 1\n[[features.a.stories]   # a note\ntext = "x"\n', 2, 'the table header [[features.a.stories] is not closed: add ]] at the end of the line (expected end of table array declaration)'],
  ['a = "abc\nb = 1\n', 1, 'a string is not closed on this line: add the closing quote (control characters are not allowed in strings)'],
  ['a = \n', 1, 'a value is missing after "=" (invalid value)'],
  ['a = 1\na = 2\n', 2, 'this key or table is already defined earlier in the file: keep one of them (trying to redefine an already defined table or value)'],
  ['a b = 1\n', 1, 'illegal character in key'],
])('%j', (text, line, message) => {
  expect(messageOf(text)).toEqual({ line, message });
});

test('the workspace config names the file, the line and the mistake', async () => {
  const r = await parseConfig('source = "source"\n[todo\nhours_per_day = 6\n');
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.message).toBe('the table header [todo is not closed: add ] at the end of the line (illegal character in key)');
  expect(r.error.where).toMatchObject({ file: 'odoo-project-sync.toml', line: 2 });
});
