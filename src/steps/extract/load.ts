/** Reads extract.json back for steps 2 and 3, with errors that name the line. */
import { err, ok, type Result } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import { ARTIFACTS, type ArtifactStore } from '../types.js';
import { EXTRACT_SCHEMA_VERSION, ExtractDoc } from './schema.js';

const RERUN = 'run the extract step again to rebuild extract.json';

/** 1-based line and column of a character offset. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function parseExtract(text: string, file: string = ARTIFACTS.extract): Result<ExtractDoc, UserError> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    // A document we wrote always ends with its closing brace; anything else was cut short.
    const truncated = !/\}\s*$/.test(text);
    const at = lineCol(text, truncated ? text.trimEnd().length : m ? Number(m[1]) : text.length);
    return err(new UserError('input', truncated ? `${file} ends too early (truncated JSON)` : `${file} is not valid JSON: ${msg}`, {
      where: { file, ...at }, hint: RERUN,
    }));
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== EXTRACT_SCHEMA_VERSION) {
    return err(new UserError('input', `${file} has schema version ${String(version)}, this version of odoo-project-sync reads ${EXTRACT_SCHEMA_VERSION}`, {
      where: { file, line: 1, column: 1, field: 'schemaVersion' }, hint: RERUN,
    }));
  }
  const parsed = ExtractDoc.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.');
    return err(new UserError('input', `${file}: ${field || 'document'}: ${issue.message}`, {
      where: { file, field, ...locate(text, issue.path) }, hint: RERUN,
    }));
  }
  return ok(parsed.data);
}

/** The line of the last named key of a path (pretty-printed JSON has one key per line). */
function locate(text: string, path: readonly PropertyKey[]): { line?: number; column?: number } {
  const key = [...path].reverse().find((p) => typeof p === 'string');
  if (typeof key !== 'string') return {};
  const i = text.indexOf(`"${key}":`);
  return i < 0 ? {} : lineCol(text, i);
}

export async function loadExtract(artifacts: ArtifactStore): Promise<Result<ExtractDoc, UserError>> {
  const text = await artifacts.read(ARTIFACTS.extract);
  if (text === undefined) {
    return err(new UserError('input', 'extract.json is missing', { where: { file: ARTIFACTS.extract }, hint: 'run the extract step first' }));
  }
  return parseExtract(text);
}

/** Deterministic bytes: 1-space indent like Odoo's recordings, trailing newline. */
export const renderExtract = (doc: ExtractDoc): string => `${JSON.stringify(doc, null, 1)}\n`;
