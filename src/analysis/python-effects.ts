/**
 * What a method body does that a consultant can name, read from the syntax tree (never run):
 * the literal values it writes to fields (state transitions), the conditions under which it
 * refuses (guards on a field), the calls that notify, number or open something, and the
 * routes a controller method serves.
 */
import type { SyntaxNode } from '@lezer/common';
import { callArgs, children, literal, stringList, stringValue } from './py-literal.js';
import type { FieldGuard, FieldWrite, MethodCall, MethodEffects, PyRoute } from './types.js';

type LineOf = (offset: number) => number;

const text = (n: SyntaxNode, src: string) => src.slice(n.from, n.to);

/** Calls worth naming: notifications, numbering, references to records, record creation. */
const CALLS = new Set([
  'message_post', 'message_post_with_source', 'message_post_with_view', 'message_post_with_template', 'message_notify',
  'message_subscribe', 'activity_schedule', 'activity_feedback', 'activity_unlink', 'send_mail', 'next_by_code', 'ref', 'create',
  'action_send_mail', '_send_email', 'send_mail_batch', 'render',
]);

/** Writes, guards and named calls of one function body. */
export function methodEffects(body: SyntaxNode, src: string, file: string, lineOf: LineOf): MethodEffects {
  const writes: FieldWrite[] = [];
  const guards: FieldGuard[] = [];
  const calls: MethodCall[] = [];
  const visit = (n: SyntaxNode): void => {
    switch (n.name) {
      case 'FunctionDefinition':
      case 'ClassDefinition':
        return;
      case 'AssignStatement': {
        const [target, op, value] = children(n);
        if (target?.name === 'MemberExpression' && op?.name === 'AssignOp' && value) {
          const field = target.lastChild?.name === 'PropertyName' ? text(target.lastChild, src) : undefined;
          const v = literalScalar(value, src);
          if (field && v !== undefined) writes.push({ field, value: v, file, line: lineOf(n.from) });
        }
        break;
      }
      case 'IfStatement':
        readIfGuard(n, src, file, lineOf, guards);
        break;
      case 'CallExpression': {
        const callee = n.firstChild;
        const name = callee?.name === 'MemberExpression' && callee.lastChild?.name === 'PropertyName' ? text(callee.lastChild, src) : undefined;
        const args = callArgs(n.getChild('ArgList'), src);
        if (name === 'write' || name === 'update') {
          const dict = args.positional[0];
          const v = dict?.name === 'DictionaryExpression' ? literalPairs(dict, src) : [];
          for (const [field, value] of v) writes.push({ field, value, file, line: lineOf(n.from) });
          // `records.filtered(lambda r: r.state == 'draft').write(...)`: the filter is a guard.
          const receiver = callee?.firstChild;
          if (receiver?.name === 'CallExpression') readFilterGuard(receiver, src, file, lineOf, guards);
        }
        if (name && CALLS.has(name)) {
          const first = stringValue(args.positional[0], src);
          const model = name === 'create' && callee?.firstChild ? envModel(callee.firstChild, src) : undefined;
          if (name !== 'create' || model) {
            if (name !== 'ref' || first?.includes('.')) calls.push({ name, arg: model ?? first, file, line: lineOf(n.from) });
          }
        }
        break;
      }
      default:
    }
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  for (let c = body.firstChild; c; c = c.nextSibling) visit(c);
  return { writes, guards, calls };
}

/** `self.env['x.y']` -> 'x.y'. */
function envModel(n: SyntaxNode, src: string): string | undefined {
  if (n.name !== 'MemberExpression') return undefined;
  const parts = children(n);
  const key = parts.at(-1);
  if (parts.length === 2 && key?.name === 'String' && /\benv$/.test(text(parts[0], src))) return stringValue(key, src);
  return undefined;
}

function literalScalar(n: SyntaxNode, src: string): string | undefined {
  const v = literal(n, src);
  return typeof v === 'string' || typeof v === 'boolean' ? String(v) : undefined;
}

function literalPairs(dict: SyntaxNode, src: string): [string, string][] {
  const items = children(dict);
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) {
    const k = stringValue(items[i], src);
    const v = literalScalar(items[i + 1], src);
    if (k && v !== undefined) out.push([k, v]);
  }
  return out;
}

/** Comparisons `x.field == 'a'`, `x.field in ('a', 'b')`, their negations, inside a condition. */
function comparisons(n: SyntaxNode, src: string): { field: string; negated: boolean; values: string[] }[] {
  const out: { field: string; negated: boolean; values: string[] }[] = [];
  const walk = (x: SyntaxNode): void => {
    if (x.name === 'LambdaExpression' || x.name === 'Body') return;
    if (x.name === 'BinaryExpression') {
      const parts = children(x);
      const left = parts[0];
      const right = parts.at(-1);
      const ops = parts.slice(1, -1).map((p) => text(p, src)).join(' ');
      if (left?.name === 'MemberExpression' && left.lastChild?.name === 'PropertyName' && right) {
        const values = stringList(right, src);
        if (values.length && ['==', '!=', 'in', 'not in'].includes(ops)) {
          out.push({ field: text(left.lastChild, src), negated: ops === '!=' || ops === 'not in', values });
          return;
        }
      }
    }
    for (let c = x.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(n);
  return out;
}

/** `if <cond on a field>: raise X('msg')` -> the values for which the method refuses. */
function readIfGuard(n: SyntaxNode, src: string, file: string, lineOf: LineOf, out: FieldGuard[]): void {
  const parts = children(n);
  const cond = parts[1];
  const body = parts[2];
  if (!cond || body?.name !== 'Body') return;
  const raise = children(body).find((s) => s.name === 'RaiseStatement');
  if (!raise) return;
  const cmp = comparisons(cond, src);
  if (cmp.length !== 1) return;
  const message = firstString(raise, src);
  // The condition names the refused values; a negated one names the allowed values.
  const { field, negated, values } = cmp[0];
  out.push({ field, allowed: negated, values, message, file, line: lineOf(n.from) });
}

function readFilterGuard(call: SyntaxNode, src: string, file: string, lineOf: LineOf, out: FieldGuard[]): void {
  const callee = call.firstChild;
  if (callee?.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName' || text(callee.lastChild, src) !== 'filtered') return;
  const lambda = call.getChild('ArgList')?.getChild('LambdaExpression');
  if (!lambda) return;
  const cmp = comparisons(children(lambda).at(-1) ?? lambda, src);
  if (cmp.length !== 1) return;
  const { field, negated, values } = cmp[0];
  out.push({ field, allowed: !negated, values, file, line: lineOf(call.from) });
}

function firstString(n: SyntaxNode, src: string): string | undefined {
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (c.name === 'String' || c.name === 'ContinuedString') return stringValue(c, src);
    const inner = firstString(c, src);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** `@http.route('/my/x', auth='user', type='http', website=True)` on a decorator node. */
export function routeOf(dec: SyntaxNode, src: string): PyRoute | undefined {
  const names = children(dec).filter((c) => c.name === 'VariableName' || c.name === 'PropertyName').map((c) => text(c, src));
  if (names.at(-1) !== 'route') return undefined;
  const { positional, keyword } = callArgs(dec.getChild('ArgList'), src);
  const urls = stringList(keyword.get('route') ?? positional[0], src);
  const kw = (k: string) => stringValue(keyword.get(k), src);
  const website = keyword.get('website');
  return {
    urls,
    auth: kw('auth') ?? 'user',
    type: kw('type') ?? 'http',
    website: website ? literal(website, src) === true : false,
    methods: stringList(keyword.get('methods'), src),
  };
}
