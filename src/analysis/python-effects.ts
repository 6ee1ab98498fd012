/**
 * What a method body does that a consultant can name, read from the syntax tree (never run):
 * the literal values it writes to fields (state transitions), the conditions under which it
 * refuses (guards on a field), the calls that notify, number or open something, and the
 * routes a controller method serves. method-scan.ts hands each assignment, call and raise of a
 * body to `readEffect`, in source order.
 */
import { callArgs, literal, stringList, stringValue } from './py-literal.js';
import { firstNamed, lineOf, named, textOf, type PyNode } from './py-parser.js';
import type { FieldCopy, FieldGuard, FieldWrite, MethodCall, PyRoute } from './types.js';

/** The value of a write of the day's date or the current time (see literalScalar): never a literal string of Odoo code. */
export const WRITTEN_TODAY = '=today';
export const WRITTEN_NOW = '=now';

/** Calls worth naming: notifications, numbering, references to records, record creation. */
export const CALLS: ReadonlySet<string> = new Set([
  'message_post', 'message_post_with_source', 'message_post_with_view', 'message_post_with_template', 'message_notify',
  'message_subscribe', 'activity_schedule', 'activity_feedback', 'activity_unlink', 'send_mail', 'next_by_code', 'ref', 'create',
  'action_send_mail', '_send_email', 'send_mail_batch', 'render', 'copy',
]);

/** What one body yields; guards carry the offset of the statement that states them, for ordering. */
export interface EffectsFound {
  /** A write() of one of the method's parameters: the method is a helper others write through. */
  forwards?: boolean;
  writes: FieldWrite[];
  guards: (FieldGuard & { at: number })[];
  calls: MethodCall[];
  copies?: FieldCopy[];
  /** `self.write(self._prepare_x())`: the helpers whose returned values are written, resolved per class (python.ts). */
  writesFrom?: { name: string; line: number; file: string; conditional?: true }[];
}

/** The names readCall looks for, as words of a source: a call whose text holds none of them has no effect to read. */
const CALL_NAMES = new RegExp(`\\b(?:write|update|${[...CALLS].join('|')})\\b`, 'g');

/**
 * A method called with a dict as its first argument (`records._safe_write_for_cron({'state':
 * 'close'})`): it may write those values through (a second scan: one regex with both costs
 * three times as much on the Odoo CE tree).
 */
const DICT_CALL = /\.\s*[A-Za-z_][A-Za-z0-9_]*\s*\(\s*\{/g;

/** An assignment whose target is a bare name (`x = ...`, `x: T = ...`): it writes no field. */
const TO_NAME = /[A-Za-z_][A-Za-z0-9_]*[ \t]*[=:]/y;

/**
 * A cheap look at the source before `readEffect` walks a node's children (each step a call into
 * the parser): false when the text alone shows there is nothing to read, i.e. an assignment to a
 * bare name, or a call whose text names none of the calls readCall keeps. `names`: the offsets of
 * those names in `src` (callNameOffsets), ascending.
 */
export function mayHaveEffect(n: PyNode, type: string, src: string, names: () => readonly number[]): boolean {
  if (type === 'assignment') {
    TO_NAME.lastIndex = n.startIndex;
    return !TO_NAME.test(src);
  }
  if (type !== 'call') return true;
  const at = names();
  const from = n.startIndex;
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length && at[lo] < n.endIndex;
}

/** Offsets in `src` of the names readCall looks for and of calls with a dict first (see mayHaveEffect), ascending. */
export function callNameOffsets(src: string): number[] {
  const names: number[] = [];
  CALL_NAMES.lastIndex = 0;
  for (let m = CALL_NAMES.exec(src); m; m = CALL_NAMES.exec(src)) names.push(m.index);
  const dicts: number[] = [];
  DICT_CALL.lastIndex = 0;
  for (let m = DICT_CALL.exec(src); m; m = DICT_CALL.exec(src)) dicts.push(m.index);
  if (dicts.length === 0) return names;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < names.length || j < dicts.length) out.push(j >= dicts.length || (i < names.length && names[i] <= dicts[j]) ? names[i++] : dicts[j++]);
  return out;
}

/** Reads one assignment, call or raise node of a method body into `out`. */
export function readEffect(n: PyNode, src: string, file: string, out: EffectsFound, isParameter: (name: string) => boolean = () => false): void {
  switch (n.type) {
    case 'assignment': {
      const target = n.childForFieldName('left');
      let value = n.childForFieldName('right');
      // `a.x = b.y = False` writes False to both.
      while (value?.type === 'assignment') value = value.childForFieldName('right');
      const v = value ? literalScalar(value, src) : undefined;
      if (target && value?.type === 'conditional_expression' && target.type === 'attribute') return readEither(target, value, src, file, n, out);
      if (target && value && v === undefined) return readCopy(target, value, src, file, n, out);
      if (!target || v === undefined) return;
      // `rec.state = 'done'`, or in a create/write override `vals['kanban_state'] = 'normal'`.
      const field = target.type === 'attribute' ? textOf(target.childForFieldName('attribute') ?? target, src) : valsKey(target, src);
      const object = target.type === 'attribute' ? target.childForFieldName('object') : null;
      const whose: ReturnType<typeof recordsOf> = object ? recordsOf(object, src) : { own: true };
      if (!field || !whose) return;
      out.writes.push({ field, value: v, file, line: lineOf(n), ...('model' in whose ? { model: whose.model } : {}), ...(whose.some ? { conditional: true } : {}) });
      return;
    }
    case 'raise_statement':
      readIfGuard(n, src, file, out);
      return;
    case 'call':
      readCall(n, src, file, out, isParameter);
      return;
    default:
  }
}

/**
 * `leave.state = 'confirm' if leave.validation_type != 'no_validation' else 'draft'`: each
 * literal is written on some of the records; anything else is a value the code works out.
 */
function readEither(target: PyNode, value: PyNode, src: string, file: string, n: PyNode, out: EffectsFound): void {
  const [yes, , no] = named(value);
  const a = yes ? literalScalar(yes, src) : undefined;
  const b = no ? literalScalar(no, src) : undefined;
  const object = target.childForFieldName('object');
  const fieldNode = target.childForFieldName('attribute');
  const whose = object ? recordsOf(object, src) : undefined;
  if (a === undefined || b === undefined || !fieldNode || !whose) return readCopy(target, value, src, file, n, out);
  const field = textOf(fieldNode, src);
  for (const v of new Set([a, b])) out.writes.push({ field, value: v, file, line: lineOf(n), ...('model' in whose ? { model: whose.model } : {}), conditional: true });
}

/**
 * `sheet.state = sheet.approval_state`: one field of a record takes the value of another of the
 * same record. A state set to what the code works out (`picking.state = relevant_move_state`)
 * is kept too, without `from`: its values are not known.
 */
function readCopy(target: PyNode, value: PyNode, src: string, file: string, n: PyNode, out: EffectsFound): void {
  if (target.type !== 'attribute') return;
  const object = target.childForFieldName('object');
  const fieldNode = target.childForFieldName('attribute');
  if (object?.type !== 'identifier' || !fieldNode) return;
  const field = textOf(fieldNode, src);
  const from = value.type === 'attribute' ? value.childForFieldName('object') : null;
  const source = value.type === 'attribute' ? value.childForFieldName('attribute') : null;
  if (from && source && textOf(object, src) === textOf(from, src)) (out.copies ??= []).push({ field, from: textOf(source, src), file, line: lineOf(n) });
  else if (field === 'state' || field === 'status') (out.copies ??= []).push({ field, file, line: lineOf(n) });
}

function readCall(n: PyNode, src: string, file: string, out: EffectsFound, isParameter: (name: string) => boolean): void {
  const callee = n.childForFieldName('function');
  const nameNode = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : null;
  if (!callee || !nameNode) return;
  const name = textOf(nameNode, src);
  const receiver = callee.childForFieldName('object');
  // `update` writes records (`self.update({...})`), but it is also dict.update: `context.update(...)`.
  const dictLike = name === 'update' && receiver?.type === 'identifier' && DICTS.test(textOf(receiver, src));
  // `_write` is the ORM's low-level write (stored values only): it changes the records all the same.
  const isWrite = name === 'write' || name === '_write' || (name === 'update' && !dictLike);
  const args = callArgs(n.childForFieldName('arguments'), src);
  const first = args.positional[0];
  if (!isWrite && !CALLS.has(name)) {
    // `contracts._safe_write_for_cron({'state': 'close'}, from_cron)`: kept as a write through
    // that method, which analysePython keeps only if the method passes its values to write().
    if (first?.type !== 'dictionary' || !receiver || name === 'update') return;
    const whose = recordsOf(receiver, src);
    if (!whose) return;
    for (const [field, value] of literalPairs(first, src)) {
      out.writes.push({ field, value, file, line: lineOf(n), via: name, ...('model' in whose ? { model: whose.model } : {}), ...(whose.some ? { conditional: true } : {}) });
    }
    return;
  }
  if (isWrite && first?.type === 'identifier' && isParameter(textOf(first, src))) out.forwards = true;
  const whose = isWrite && receiver ? recordsOf(receiver, src) : undefined;
  if (isWrite && receiver && !whose) return;
  if (isWrite && first?.type === 'call' && (!whose || !('model' in whose))) {
    // `self.write(self._prepare_confirmation_values())`: what the helper returns is written.
    const helper = /^self\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)$/.exec(textOf(first.childForFieldName('function') ?? first, src).trim());
    if (helper) (out.writesFrom ??= []).push({ name: helper[1], line: lineOf(n), file, ...(whose?.some ? { conditional: true } : {}) });
  }
  if (isWrite) {
    const dict = args.positional[0];
    const pairs = dict?.type === 'dictionary' ? literalPairs(dict, src) : [];
    for (const [field, value] of pairs) {
      out.writes.push({ field, value, file, line: lineOf(n), ...(whose && 'model' in whose ? { model: whose.model } : {}), ...(whose?.some ? { conditional: true } : {}) });
    }
    // `self.write({'state': newstate})` (ir.module.module's _state_update): a state the code works out.
    if (dict?.type === 'dictionary' && (!whose || !('model' in whose))) {
      for (const field of workedOutStates(dict, src)) (out.copies ??= []).push({ field, file, line: lineOf(n) });
    }
    // `records.filtered(lambda r: r.state == 'draft').write(...)`: the filter is a guard.
    if (receiver?.type === 'call') readFilterGuard(receiver, src, file, out);
  }
  if (CALLS.has(name)) {
    const first = stringValue(args.positional[0], src) ?? (args.positional[0]?.type === 'list' ? stringList(args.positional[0], src)[0] : undefined);
    const model = name === 'create' && receiver ? envModel(envOf(receiver, src), src) : undefined;
    if (name === 'create' && !model) return;
    if (name === 'ref' && !first?.includes('.')) return;
    // `self.copy({...})` duplicates a record; `vals.copy()` and `context.copy()` take no argument.
    if (name === 'copy' && args.positional.length + args.keyword.size === 0) return;
    // `request.env['hr.job'].sudo().create(...)` creates whatever the user's rights are.
    const sudo = model !== undefined && receiver !== null && /\.sudo\(/.test(textOf(receiver, src));
    // `self.filtered(lambda r: not r.schedule_date).activity_unlink([...])`: on some of the records only.
    const some = name !== 'create' && name !== 'ref' && !!receiver && !!recordsOf(receiver, src)?.some;
    out.calls.push({ name, arg: model ?? first, file, line: lineOf(n), ...(sudo ? { sudo: true } : {}), ...(some ? { conditional: true } : {}) });
  }
}

/** The names the values of create() and write() go by in Odoo's code. */
const VALS = new Set(['vals', 'values', 'val', 'vals_dict']);

/** `vals['field']` -> 'field'. */
function valsKey(n: PyNode, src: string): string | undefined {
  if (n.type !== 'subscript') return undefined;
  const value = n.childForFieldName('value');
  const keys = n.childrenForFieldName('subscript');
  if (value?.type !== 'identifier' || !VALS.has(textOf(value, src)) || keys.length !== 1 || !keys[0]) return undefined;
  return stringValue(keys[0], src);
}

/**
 * What an `if` tests: the fields whose presence in the saved values it asks for (`'stage_id' in
 * vals`, `vals.get('user_id')`, joined by `or`/`and`), and whether it also tests anything else
 * (`other`): then what its body does happens only sometimes. A test of anything else joined by
 * `or` makes it no reaction to those fields at all.
 */
export function valsCondition(cond: PyNode, src: string): { fields: string[]; other: boolean } {
  const none = { fields: [], other: true };
  switch (cond.type) {
    case 'parenthesized_expression': {
      const inner = firstNamed(cond);
      return inner ? valsCondition(inner, src) : none;
    }
    case 'boolean_operator': {
      const l = cond.childForFieldName('left');
      const r = cond.childForFieldName('right');
      const a = l ? valsCondition(l, src) : none;
      const b = r ? valsCondition(r, src) : none;
      const fields = [...a.fields, ...b.fields.filter((f) => !a.fields.includes(f))];
      const and = textOf(cond, src).slice((l?.endIndex ?? 0) - cond.startIndex).trimStart().startsWith('and');
      if (and) return { fields, other: a.other || b.other };
      // `'a' in vals or 'b' in vals`: when a or b changes. `'a' in vals or other`: not only then.
      return a.fields.length && b.fields.length && !a.other && !b.other ? { fields, other: false } : none;
    }
    case 'comparison_operator': {
      const parts = named(cond);
      const op = textOf(cond, src).slice((parts[0]?.endIndex ?? 0) - cond.startIndex, (parts[1]?.startIndex ?? 0) - cond.startIndex).trim();
      const key = parts.length === 2 ? stringValue(parts[0], src) : undefined;
      const ofVals = key !== undefined && parts[1].type === 'identifier' && VALS.has(textOf(parts[1], src));
      if (ofVals && op === 'in') return { fields: [key], other: false };
      // `'kanban_state' not in vals`: unless the user set it too, a test on the values alone.
      return ofVals && /^not\s+in$/.test(op) ? { fields: [], other: false } : none;
    }
    case 'identifier':
      // `if vals:` asks whether anything is saved at all.
      return VALS.has(textOf(cond, src)) ? { fields: [], other: false } : none;
    case 'call': {
      const fn = cond.childForFieldName('function');
      const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      const attr = fn?.type === 'attribute' ? fn.childForFieldName('attribute') : null;
      if (obj?.type !== 'identifier' || !VALS.has(textOf(obj, src)) || !attr || textOf(attr, src) !== 'get') return none;
      const key = stringValue(callArgs(cond.childForFieldName('arguments'), src).positional[0], src);
      return key ? { fields: [key], other: false } : none;
    }
    default:
      return none;
  }
}

/** Names that hold dicts in Odoo code, not records: their `update()` writes nothing. */
const DICTS = /^(?:context|ctx|vals|values|val|res|result|kwargs|params|data|defaults?|options|action|domain|.*_(?:vals|values|dict|context|ctx))$/;

/** Recordset methods that keep the very records and change only the environment: `env['x'].sudo()` is still `env['x']`. */
const SAME_ENV_RECORDS: ReadonlySet<string> = new Set(['sudo', 'with_context', 'with_company', 'with_user', 'with_env']);

/** Recordset methods that return records of the same model: `self.sudo().filtered(...)` is still `self`. */
export const SAME_RECORDS: ReadonlySet<string> = new Set([...SAME_ENV_RECORDS, 'filtered', 'filtered_domain', 'exists', 'sorted', 'browse', 'search']);

/**
 * `self.sudo().filtered(...).action_x()`: the method a call runs on the method's own records, reached
 * through recordset methods only (`some` when one of them picks records, see recordsOf), or undefined
 * when the call is one of those methods itself or leaves the records (`self.partner_id.x()`).
 */
export function ownRecordsCall(call: PyNode, src: string): { name: string; some: boolean } | undefined {
  const fn = call.childForFieldName('function');
  const attr = fn?.type === 'attribute' ? fn.childForFieldName('attribute') : null;
  const object = fn?.childForFieldName('object');
  if (!attr || !object || SAME_RECORDS.has(textOf(attr, src))) return undefined;
  const whose = recordsOf(object, src);
  return whose && 'own' in whose ? { name: textOf(attr, src), some: !!whose.some } : undefined;
}

/**
 * Whose records a write goes to: the method's own (`self`, a loop variable, `self.filtered(...)`;
 * `some` when a filter picks among them), another model's (`self.env['x.y'].search(...)`), or
 * undefined when the chain reaches records the code does not name: a field of them
 * (`self.partner_id.write`, `companies.currency_id.active = True`) or `env.ref('x.y')`.
 */
function recordsOf(n: PyNode, src: string): { own: true; some?: boolean } | { model: string; some?: boolean } | undefined {
  let some = false;
  for (let cur: PyNode | null = n; cur; ) {
    if (cur.type === 'identifier') return { own: true, ...(some ? { some } : {}) };
    if (cur.type === 'parenthesized_expression') {
      cur = firstNamed(cur) ?? null;
      continue;
    }
    if (cur.type === 'binary_operator') {
      // `(moves_a | moves_b).write(...)`: a union of the method's own records is its own records.
      const l = cur.childForFieldName('left');
      const r = cur.childForFieldName('right');
      const a = l ? recordsOf(l, src) : undefined;
      const b = r ? recordsOf(r, src) : undefined;
      return a && b && 'own' in a && 'own' in b ? { own: true, ...(some || a.some || b.some ? { some: true } : {}) } : undefined;
    }
    if (cur.type === 'subscript') {
      const model = envModel(cur, src);
      return model ? { model, ...(some ? { some } : {}) } : undefined;
    }
    if (cur.type !== 'call') return undefined;
    const fn = cur.childForFieldName('function');
    const method = fn?.type === 'attribute' ? textOf(fn.childForFieldName('attribute') ?? fn, src) : undefined;
    if (!method || !SAME_RECORDS.has(method)) return undefined;
    if (method === 'filtered' || method === 'filtered_domain' || method === 'search') some = true;
    cur = fn?.childForFieldName('object') ?? null;
  }
  return undefined;
}

/** `env['x.y'].with_context(...).sudo()` -> `env['x.y']`: the calls that keep the model. */
function envOf(n: PyNode, src: string): PyNode {
  let cur = n;
  while (cur.type === 'call') {
    const fn = cur.childForFieldName('function');
    const attr = fn?.type === 'attribute' ? fn.childForFieldName('attribute') : null;
    const object = fn?.childForFieldName('object');
    if (!attr || !object || !SAME_ENV_RECORDS.has(textOf(attr, src))) break;
    cur = object;
  }
  return cur;
}

/** `self.env['x.y']` -> 'x.y'. */
function envModel(n: PyNode, src: string): string | undefined {
  if (n.type !== 'subscript') return undefined;
  const value = n.childForFieldName('value');
  const keys = n.childrenForFieldName('subscript');
  if (!value || keys.length !== 1 || !keys[0] || !/\benv$/.test(textOf(value, src))) return undefined;
  return stringValue(keys[0], src);
}

/** `fields.Date.today()`, `fields.Datetime.now()`, `fields.Date.context_today(self)`: the date of the write. */
const TODAY = /^(?:fields\.)?Date\.(?:today|context_today)\(/;
const NOW = /^(?:fields\.)?Datetime\.now\(/;

function literalScalar(n: PyNode, src: string): string | undefined {
  if (n.type === 'call') {
    const text = textOf(n, src);
    if (TODAY.test(text)) return WRITTEN_TODAY;
    if (NOW.test(text)) return WRITTEN_NOW;
    return undefined;
  }
  const v = literal(n, src);
  return typeof v === 'string' || typeof v === 'boolean' ? String(v) : undefined;
}

/** The state or status keys of a dict whose value is no literal: `{'state': newstate}`. */
function workedOutStates(dict: PyNode, src: string): string[] {
  const out: string[] = [];
  for (const pair of named(dict)) {
    const k = pair.type === 'pair' ? stringValue(pair.childForFieldName('key') ?? undefined, src) : undefined;
    const value = pair.childForFieldName('value');
    if ((k === 'state' || k === 'status') && value && literalScalar(value, src) === undefined) out.push(k);
  }
  return out;
}

export function literalPairs(dict: PyNode, src: string): [string, string][] {
  const out: [string, string][] = [];
  for (const pair of named(dict)) {
    const k = pair.type === 'pair' ? stringValue(pair.childForFieldName('key') ?? undefined, src) : undefined;
    const value = pair.childForFieldName('value');
    const v = value ? literalScalar(value, src) : undefined;
    if (k && v !== undefined) out.push([k, v]);
  }
  return out;
}

interface Comparison {
  field: string;
  negated: boolean;
  values: string[];
}

/** Comparisons `x.field == 'a'`, `x.field in ('a', 'b')`, their negations, inside a condition. */
function comparisons(n: PyNode, src: string): Comparison[] {
  const out: Comparison[] = [];
  const walk = (x: PyNode): void => {
    if (x.type === 'lambda' || x.type === 'block') return;
    if (x.type === 'comparison_operator') {
      const parts = x.children.filter((c): c is PyNode => !!c && c.type !== 'comment');
      const left = parts[0];
      const right = parts.at(-1);
      const ops = parts.slice(1, -1).map((p) => p.type).join(' ');
      const field = left?.type === 'attribute' ? left.childForFieldName('attribute') : null;
      if (field && right && parts.length === 3) {
        const values = stringList(right, src);
        if (values.length && ['==', '!=', 'in', 'not in'].includes(ops)) {
          out.push({ field: textOf(field, src), negated: ops === '!=' || ops === 'not in', values });
          return;
        }
      }
    }
    for (const c of named(x)) walk(c);
  };
  walk(n);
  return out;
}

/** `if <cond on a field>: raise X('msg')` -> the values for which the method refuses. */
function readIfGuard(raise: PyNode, src: string, file: string, out: EffectsFound): void {
  const block = raise.parent;
  const stmt = block?.parent;
  if (block?.type !== 'block' || stmt?.type !== 'if_statement') return;
  const consequence = stmt.childForFieldName('consequence');
  if (consequence?.startIndex !== block.startIndex) return;
  // One guard per if: the first raise of its body states it.
  if (named(block).find((s) => s.type === 'raise_statement')?.startIndex !== raise.startIndex) return;
  const cond = stmt.childForFieldName('condition');
  // `if self.filtered(lambda r: r.state != 'under_repair'): raise`: raised when any record matches the lambda.
  const filter = cond ? filteredLambda(cond, src) : undefined;
  const tested = filter ?? cond;
  const cmp = tested ? comparisons(tested, src) : [];
  if (!tested || cmp.length === 0) return;
  // Several comparisons: joined by `or`, each refuses alone; by `and`, each refuses only with the others.
  const joint = cmp.length === 1 ? 'one' : joinedBy(tested, src);
  if (!joint) return;
  const message = firstMessage(raise, src);
  // The condition names the refused values; a negated one names the allowed values.
  cmp.forEach(({ field, negated, values }, k) => {
    const others = joint === 'and' ? cmp.filter((_c, j) => j !== k) : [];
    out.guards.push({ field, allowed: negated, values, message, file, line: lineOf(stmt), at: stmt.startIndex, ...(others.length ? { alsoIf: others } : {}) });
  });
}

/** 'and' or 'or' when every boolean operator in a condition is that one (lambdas aside), else undefined. */
function joinedBy(cond: PyNode, src: string): 'and' | 'or' | undefined {
  const ops = new Set<string>();
  const walk = (x: PyNode): void => {
    if (x.type === 'lambda') return;
    if (x.type === 'boolean_operator') {
      const op = x.childForFieldName('operator');
      if (op) ops.add(textOf(op, src));
    }
    if (x.type === 'not_operator') ops.add('not');
    for (const c of named(x)) walk(c);
  };
  walk(cond);
  return ops.size === 1 && (ops.has('and') || ops.has('or')) ? ([...ops][0] as 'and' | 'or') : undefined;
}

/** The body of the lambda of `<records>.filtered(lambda r: ...)`, when that call is the whole condition. */
function filteredLambda(cond: PyNode, src: string): PyNode | undefined {
  if (cond.type !== 'call') return undefined;
  const callee = cond.childForFieldName('function');
  const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : null;
  if (!name || textOf(name, src) !== 'filtered') return undefined;
  const args = cond.childForFieldName('arguments');
  const lambda = args ? named(args).find((a) => a.type === 'lambda') : undefined;
  return lambda?.childForFieldName('body') ?? undefined;
}

function readFilterGuard(call: PyNode, src: string, file: string, out: EffectsFound): void {
  const callee = call.childForFieldName('function');
  const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : null;
  if (!name || textOf(name, src) !== 'filtered') return;
  const args = call.childForFieldName('arguments');
  const lambda = args ? named(args).find((a) => a.type === 'lambda') : undefined;
  const body = lambda?.childForFieldName('body');
  if (!lambda || !body) return;
  const cmp = comparisons(body, src);
  if (cmp.length !== 1) return;
  const { field, negated, values } = cmp[0];
  out.guards.push({ field, allowed: !negated, values, file, line: lineOf(call), at: call.startIndex });
}

/** The first literal string inside a raise: the message a user is told. */
export function firstMessage(raise: PyNode, src: string): string | undefined {
  for (const s of raise.descendantsOfType(['string', 'concatenated_string'])) {
    if (!s) continue;
    // A string inside a concatenation is met after it: the whole decides.
    const v = stringValue(s, src);
    if (v !== undefined || s.type === 'concatenated_string') return v === undefined ? v : asShown(v);
  }
  return undefined;
}

/**
 * A message as a user reads it, its placeholders standing for what Odoo fills in:
 * "Employee: %(employee_name)s" -> "Employee: <employee name>", "%s" and "{}" -> "…", line
 * breaks as spaces (seen raw in hr_contract's one-contract constraint).
 */
export function asShown(message: string): string {
  return message
    .replace(/%%/g, '\u0000')
    .replace(/%\(([A-Za-z_][A-Za-z0-9_]*)\)[-#0 +]*\d*(?:\.\d+)?[sdirfgeEx]/g, (_m, name: string) => `<${name.replace(/_/g, ' ')}>`)
    .replace(/%[-#0 +]*\d*(?:\.\d+)?[sdirfgeEx]/g, '…')
    .replace(/\{([A-Za-z_][A-Za-z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}/g, (_m, name: string) => `<${name.replace(/_/g, ' ')}>`)
    .replace(/\{\d*(?::[^{}]*)?\}/g, '…')
    .replace(/\u0000/g, '%')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** `@http.route('/my/x', auth='user', type='http', website=True)` on a decorator node. */
export function routeOf(dec: PyNode, src: string): PyRoute | undefined {
  const expr = firstNamed(dec);
  const fn = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
  const last = fn?.type === 'attribute' ? fn.childForFieldName('attribute') : fn?.type === 'identifier' ? fn : null;
  if (!expr || !last || textOf(last, src) !== 'route') return undefined;
  const { positional, keyword } = callArgs(expr.type === 'call' ? expr.childForFieldName('arguments') : null, src);
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
