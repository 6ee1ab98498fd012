import { parse, TomlError } from 'smol-toml';
import type { Diagnostic, ReviewSpec } from './types.js';

const CONFLICT = /^(<{7}|={7}|>{7})(?: |$)/;

/** 0-based indexes of git-style conflict marker lines (what merge3 leaves for the user). */
export function conflictLines(lines: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) if (CONFLICT.test(lines[i])) out.push(i);
  return out;
}

/** How many conflict blocks (`<<<<<<<` openers) the text holds. */
export function countConflicts(lines: readonly string[]): number {
  let n = 0;
  for (const l of lines) if (l.startsWith('<<<<<<<')) n++;
  return n;
}

/**
 * Everything the reviewer checks, in order: unresolved merge conflicts, then TOML syntax
 * (smol-toml), then the step's schema. Each stage runs only when the previous one is clean,
 * because a later stage's messages about a broken file are noise. Sorted by position.
 */
export function validateDocument(text: string, spec?: Pick<ReviewSpec, 'validate'>, errorsOnly = false): Diagnostic[] {
  const lines = text.split('\n');
  const markers = conflictLines(lines);
  if (markers.length > 0) {
    return markers
      .filter((i) => lines[i].startsWith('<<<<<<<'))
      .map((i) => ({
        line: i + 1,
        column: 1,
        message: 'unresolved merge conflict: keep the lines you want and delete the marker lines',
        severity: 'error' as const,
      }));
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    return [{ line: e.line, column: e.column, message: tomlMessage(e.message), severity: 'error' }];
  }
  if (!spec) return [];
  return [...spec.validate(text, parsed, errorsOnly)].sort(byPosition);
}

/** smol-toml's message carries a code excerpt; the reviewer shows the file itself, so keep line 1. */
function tomlMessage(message: string): string {
  const first = message.split('\n', 1)[0];
  return first.replace(/^Invalid TOML document:\s*/, '') || 'invalid TOML';
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column;
}

export const errorsOf = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === 'error');

/** "4:7 message", the way every diagnostic is shown. */
export const formatDiagnostic = (d: Diagnostic): string => `${d.line}:${d.column} ${d.message}`;

/**
 * The next diagnostic after (or, with dir -1, before) a 0-based line, wrapping around.
 * Undefined when there is none.
 */
export function nextDiagnostic(
  ds: readonly Diagnostic[],
  fromLine: number,
  dir: 1 | -1,
): Diagnostic | undefined {
  if (ds.length === 0) return undefined;
  const sorted = [...ds].sort(byPosition);
  if (dir === 1) return sorted.find((d) => d.line - 1 > fromLine) ?? sorted[0];
  return [...sorted].reverse().find((d) => d.line - 1 < fromLine) ?? sorted[sorted.length - 1];
}
