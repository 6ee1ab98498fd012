/** Safe Python code generation: string literals, identifiers, literal values. */
import { PY_KEYWORDS } from '../../core/python-names.js';

/**
 * A single-quoted Python string literal for any text, like repr(): backslashes, quotes, newlines,
 * control characters, line separators, bidi controls and lone surrogates are escaped; other unicode stays as is
 * (files are UTF-8). The result can never end the literal early or span a line.
 */
export function pyStr(s: string): string {
  let out = "'";
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    // Line separators, BOM, lone surrogates and bidi controls (Trojan Source) as \u escapes.
    else if (cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
      out += `\\u${cp.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}'`;
}

/** A Python literal for a JSON value (ir.default values, manifest entries). */
export function pyLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'None';
  if (typeof v === 'string') return pyStr(v);
  if (Array.isArray(v)) return `[${v.map(pyLiteral).join(', ')}]`;
  if (typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${pyStr(k)}: ${pyLiteral(x)}`).join(', ')}}`;
  }
  return 'None';
}

/** An ASCII Python identifier that is not a keyword (field names, method names). */
export const isPyIdent = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !PY_KEYWORDS.has(s);

/** Odoo model names: lowercase words joined by dots or underscores. */
export const isModelName = (s: string): boolean => /^[a-z_][a-z0-9_]*(\.[a-z0-9_]+)*$/.test(s);

/** project.task -> ProjectTask, x_equipment -> XEquipment. */
export function className(model: string): string {
  const name = model
    .split(/[._]/)
    .filter((p) => p !== '')
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
  return /^[A-Za-z]/.test(name) ? name : `Model${name}`;
}

/** Indents every non-empty line; expands tabs to 8 columns as Python does. */
export function indent(code: string, prefix: string): string {
  return code
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => expandTabs(l))
    .map((l) => (l.trim() === '' ? '' : prefix + l))
    .join('\n');
}

function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}
