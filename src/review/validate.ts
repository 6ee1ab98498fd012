import { parse, TomlError } from 'smol-toml';
import { TomlLocator } from '../core/toml-locate.js';
import type { Diagnostic, Finding, KeyFinding, ReviewSpec } from './types.js';
import { tomlSyntaxMessage } from '../core/toml-error.js';

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
export function validateDocument(text: string, spec?: Pick<ReviewSpec, 'validate' | 'find'>, errorsOnly = false): Diagnostic[] {
  return placeSorted(text, findProblems(text, spec, errorsOnly));
}

/** placeAll, sorted by position. */
export const placeSorted = (text: string, findings: readonly Finding[]): Diagnostic[] => placeAll(text, findings).sort(byPosition);

/**
 * The same check, its findings as the check gives them: the schema's still at key paths, in the
 * check's order. For a caller that counts errors, or shows the messages before their lines.
 */
export function findProblems(text: string, spec?: Pick<ReviewSpec, 'validate' | 'find'>, errorsOnly = false): Finding[] {
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
    return [{ line: e.line, column: e.column, message: tomlSyntaxMessage(e, text), severity: 'error' }];
  }
  if (!spec) return [];
  return spec.find ? spec.find(text, parsed, errorsOnly) : spec.validate(text, parsed, errorsOnly);
}

export const isPlaced = (f: Finding): f is Diagnostic => 'line' in f;

/** Finding -> diagnostic, from one parse of the text for positions, made when a finding has a key path. */
export function placer(text: string): (f: Finding) => Diagnostic {
  let locator: TomlLocator | undefined;
  return (f) => (isPlaced(f) ? f : { ...(locator ??= new TomlLocator(text)).at(f.path, f.value), message: f.message, severity: f.severity });
}

/** Findings at key paths -> line:column; the same message at the same place is given once. */
export function placeAll(text: string, findings: readonly Finding[]): Diagnostic[] {
  const place = placer(text);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const d = place(f);
    const k = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(d);
  }
  return out;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column;
}

export const errorsOf = <T extends Finding>(ds: readonly T[]): T[] => ds.filter((d) => d.severity === 'error');

/** "4:7 message", the way every diagnostic is shown; "features.x.stories[0].text: message" before it is placed. */
export const formatDiagnostic = (d: Finding): string => (isPlaced(d) ? `${d.line}:${d.column} ${d.message}` : `${keyText(d)}: ${d.message}`);

/** A key path the way TOML writes it: features.x.stories[0].text. */
function keyText(f: KeyFinding): string {
  return f.path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${/^[A-Za-z0-9_-]+$/.test(String(k)) ? String(k) : JSON.stringify(String(k))}`))
    .join('');
}

/**
 * The next diagnostic after (or, with dir -1, before) a 0-based line, wrapping around.
 * Undefined when there is none.
 */
export function nextDiagnostic(
  ds: readonly Finding[],
  fromLine: number,
  dir: 1 | -1,
): Diagnostic | undefined {
  const sorted = ds.filter(isPlaced).sort(byPosition);
  if (sorted.length === 0) return undefined;
  if (dir === 1) return sorted.find((d) => d.line - 1 > fromLine) ?? sorted[0];
  return [...sorted].reverse().find((d) => d.line - 1 < fromLine) ?? sorted[sorted.length - 1];
}
