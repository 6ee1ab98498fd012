/** Strict UTF-8: bytes that are not UTF-8 are refused at their line and column, never turned into U+FFFD. */
import { isUtf8 } from 'node:buffer';
import { err, ok, type Result } from './result.js';
import { UserError } from './user-error.js';

/** Line and column (1-based, in characters) of the first byte that is not UTF-8; undefined when all are. */
export function firstBadUtf8(bytes: Uint8Array): { line: number; column: number } | undefined {
  if (isUtf8(bytes)) return undefined;
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const at = lenient.indexOf('\uFFFD');
  const before = lenient.slice(0, Math.max(0, at));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/** The text of a file the user edits, or a UserError at the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, file: string): Result<string, UserError> {
  const bad = firstBadUtf8(bytes);
  if (bad) {
    return err(new UserError('input', 'this byte is not UTF-8 text (it would turn into \uFFFD)', {
      where: { file, line: bad.line, column: bad.column },
      hint: 'save the file as UTF-8 in your editor and check the character there, then run again',
    }));
  }
  return ok(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
}
