/**
 * Reads Python literals (strings, numbers, lists, tuples, dicts, True/False/None) from a
 * @lezer/python syntax tree. Never evaluates anything: a non-literal node yields NOT_LITERAL.
 */
import type { SyntaxNode } from '@lezer/common';

export const NOT_LITERAL: unique symbol = Symbol('not a literal');
export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '',
};

/** Decodes one Python string token (prefixes, triple quotes, escapes). f-strings keep their text. */
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

/** Children of a node, without punctuation tokens and comments. */
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (!PUNCT.has(c.name)) out.push(c);
  }
  return out;
}

/** The first child that `children` would return, without building the list. */
export function firstChildOf(node: SyntaxNode): SyntaxNode | null {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (!PUNCT.has(c.name)) return c;
  }
  return null;
}
const PUNCT = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '.', 'Comment']);

export function literal(node: SyntaxNode, src: string): PyValue | typeof NOT_LITERAL {
  switch (node.name) {
    case 'String':
      return decodeString(src.slice(node.from, node.to));
    case 'ContinuedString': {
      let s = '';
      for (const c of children(node)) {
        if (c.name !== 'String') return NOT_LITERAL;
        s += decodeString(src.slice(c.from, c.to));
      }
      return s;
    }
    case 'Number': {
      const n = Number(src.slice(node.from, node.to).replace(/_/g, ''));
      return Number.isNaN(n) ? NOT_LITERAL : n;
    }
    case 'Boolean':
      return src.slice(node.from, node.to) === 'True';
    case 'None':
      return null;
    case 'UnaryExpression': {
      const [op, arg] = children(node);
      const v = arg ? literal(arg, src) : NOT_LITERAL;
      if (op && src.slice(op.from, op.to) === '-' && typeof v === 'number') return -v;
      return NOT_LITERAL;
    }
    case 'ParenthesizedExpression': {
      const inner = children(node);
      return inner.length === 1 ? literal(inner[0], src) : NOT_LITERAL;
    }
    case 'ArrayExpression':
    case 'TupleExpression':
    case 'SetExpression': {
      const out: PyValue[] = [];
      for (const c of children(node)) {
        const v = literal(c, src);
        if (v === NOT_LITERAL) return NOT_LITERAL;
        out.push(v);
      }
      return out;
    }
    case 'DictionaryExpression': {
      const items = children(node);
      const out: Record<string, PyValue> = {};
      for (let i = 0; i + 1 < items.length; i += 2) {
        const k = literal(items[i], src);
        const v = literal(items[i + 1], src);
        if (typeof k !== 'string' || v === NOT_LITERAL) return NOT_LITERAL;
        out[k] = v;
      }
      return items.length % 2 === 0 ? out : NOT_LITERAL;
    }
    default:
      return NOT_LITERAL;
  }
}

/** A literal string, or undefined for anything else (a lambda, a call, a name...). */
export function stringValue(node: SyntaxNode | undefined, src: string): string | undefined {
  if (!node) return undefined;
  const v = literal(node, src);
  return typeof v === 'string' ? v : undefined;
}

/** A literal list/tuple of strings (or a single string), else []. */
export function stringList(node: SyntaxNode | undefined, src: string): string[] {
  if (!node) return [];
  const v = literal(node, src);
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

export interface CallArgs {
  positional: SyntaxNode[];
  keyword: Map<string, SyntaxNode>;
}

/** Splits an ArgList into positional and keyword argument nodes. */
export function callArgs(argList: SyntaxNode | null, src: string): CallArgs {
  const positional: SyntaxNode[] = [];
  const keyword = new Map<string, SyntaxNode>();
  if (!argList) return { positional, keyword };
  const items = children(argList);
  for (let i = 0; i < items.length; i++) {
    const c = items[i];
    if (c.name === 'VariableName' && items[i + 1]?.name === 'AssignOp' && items[i + 2]) {
      keyword.set(src.slice(c.from, c.to), items[i + 2]);
      i += 2;
    } else {
      positional.push(c);
    }
  }
  return { positional, keyword };
}

/** 1-based line of an offset, using a precomputed table of line starts. */
export function lineIndex(src: string): (offset: number) => number {
  const starts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
