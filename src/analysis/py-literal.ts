/**
 * Reads Python literals (strings, numbers, lists, tuples, dicts, True/False/None) from a
 * tree-sitter syntax tree. Never evaluates anything: a non-literal node yields NOT_LITERAL.
 */
import { named, textOf, type PyNode } from './py-parser.js';
import type { PyLiteral } from './types.js';

export const NOT_LITERAL: unique symbol = Symbol('not a literal');
export type PyValue = PyLiteral;

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '',
};

/** Decodes one Python string token (prefixes, triple quotes, escapes). */
export function decodeString(token: string): string {
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(token);
  if (!m) return token;
  const raw = m[1].toLowerCase().includes('r');
  const q = m[2];
  const body = token.slice(m[0].length, token.length - q.length);
  if (raw || !body.includes('\\')) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|[\s\S])/g, (all, e: string) => {
    if (e.length > 1 && /^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCodePoint(parseInt(e, 8));
    return SIMPLE_ESCAPES[e] ?? all;
  });
}

/** An f-string: its value is computed when it runs, so it is no literal. */
export function isFString(node: PyNode, src: string): boolean {
  const token = textOf(node, src);
  const quote = token.search(/['"]/);
  return quote > 0 && /[fF]/.test(token.slice(0, quote));
}

export function literal(node: PyNode, src: string): PyValue | typeof NOT_LITERAL {
  switch (node.type) {
    case 'string':
      return isFString(node, src) ? NOT_LITERAL : decodeString(textOf(node, src));
    case 'concatenated_string': {
      let s = '';
      for (const c of named(node)) {
        if (c.type !== 'string' || isFString(c, src)) return NOT_LITERAL;
        s += decodeString(textOf(c, src));
      }
      return s;
    }
    case 'integer':
    case 'float': {
      const n = Number(textOf(node, src).replace(/_/g, ''));
      return Number.isNaN(n) ? NOT_LITERAL : n;
    }
    case 'true':
      return true;
    case 'false':
      return false;
    case 'none':
      return null;
    case 'unary_operator': {
      const op = node.childForFieldName('operator');
      const arg = node.childForFieldName('argument');
      const v = arg ? literal(arg, src) : NOT_LITERAL;
      const sign = op ? textOf(op, src) : '';
      if (typeof v !== 'number' || (sign !== '-' && sign !== '+')) return NOT_LITERAL;
      return sign === '-' ? -v : v;
    }
    case 'parenthesized_expression': {
      const inner = named(node);
      return inner.length === 1 ? literal(inner[0], src) : NOT_LITERAL;
    }
    case 'list':
    case 'tuple':
    case 'set': {
      const out: PyValue[] = [];
      for (const c of named(node)) {
        const v = literal(c, src);
        if (v === NOT_LITERAL) return NOT_LITERAL;
        out.push(v);
      }
      return out;
    }
    case 'dictionary': {
      const out: Record<string, PyValue> = {};
      for (const pair of named(node)) {
        const k = pair.type === 'pair' ? pair.childForFieldName('key') : null;
        const vn = pair.type === 'pair' ? pair.childForFieldName('value') : null;
        if (!k || !vn) return NOT_LITERAL;
        const key = literal(k, src);
        const v = literal(vn, src);
        if (typeof key !== 'string' || v === NOT_LITERAL) return NOT_LITERAL;
        out[key] = v;
      }
      return out;
    }
    default:
      return NOT_LITERAL;
  }
}

/** A literal string, or undefined for anything else (a lambda, a call, a name...). */
export function stringValue(node: PyNode | undefined, src: string): string | undefined {
  if (!node) return undefined;
  const v = literal(node, src);
  return typeof v === 'string' ? v : undefined;
}

/** A literal list/tuple of strings (or a single string), else []. */
export function stringList(node: PyNode | undefined, src: string): string[] {
  if (!node) return [];
  const v = literal(node, src);
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

export interface CallArgs {
  positional: PyNode[];
  keyword: Map<string, PyNode>;
}

/** Splits a call's argument_list into positional and keyword argument nodes (splats are left out). */
export function callArgs(argList: PyNode | null, src: string): CallArgs {
  const positional: PyNode[] = [];
  const keyword = new Map<string, PyNode>();
  if (!argList) return { positional, keyword };
  for (const c of named(argList)) {
    if (c.type === 'keyword_argument') {
      const name = c.childForFieldName('name');
      const value = c.childForFieldName('value');
      if (name && value) keyword.set(textOf(name, src), value);
    } else if (c.type !== 'list_splat' && c.type !== 'dictionary_splat') {
      positional.push(c);
    }
  }
  return { positional, keyword };
}
