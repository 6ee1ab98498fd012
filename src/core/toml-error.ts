/**
 * What smol-toml's syntax errors mean, said for the person who typed the file: the parser's own
 * words ("illegal character in key" for an unclosed `[todo`) name a symptom, not the mistake.
 * The position stays the parser's; only the wording is added to, for the mistakes people make.
 */
import type { TomlError } from 'smol-toml';

export function tomlSyntaxMessage(e: TomlError, text: string): string {
  const parser = e.message.split('\n', 1)[0].replace(/^Invalid TOML document:\s*/, '') || 'invalid TOML';
  const line = text.split(/\r?\n/)[e.line - 1] ?? '';
  const code = line.replace(/\s+#.*$/, '').trimEnd();
  const header = /^\s*(\[\[?)/.exec(code);
  if (header) {
    const close = header[1] === '[[' ? ']]' : ']';
    if (!code.includes(close)) return `the table header ${code.trim()} is not closed: add ${close} at the end of the line (${parser})`;
  }
  if (/control characters are not allowed in strings/.test(parser) && e.column > code.length) {
    return `a string is not closed on this line: add the closing quote (${parser})`;
  }
  if (/invalid value/.test(parser) && /=\s*$/.test(code)) return `a value is missing after "=" (${parser})`;
  if (/redefine an already defined/.test(parser)) return `this key or table is already defined earlier in the file: keep one of them (${parser})`;
  return parser;
}
