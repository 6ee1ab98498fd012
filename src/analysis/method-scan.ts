import { firstNamed, lineOf, type PyNode } from './py-parser.js';
import { CALLS, callNameOffsets, firstMessage, literalPairs, mayHaveEffect, ownRecordsCall, readEffect, SAME_RECORDS, valsCondition, type EffectsFound } from './python-effects.js';
import type { MethodEffects, RaisedMessage } from './types.js';

/**
 * Nodes that open a decision in Python: if/elif (statements, comprehension filters and
 * conditional expressions), loops (incl. comprehension `for`), except clauses, with blocks,
 * match cases and short-circuit boolean operators (one node per `and`/`or`).
 */
const DECISIONS = new Set([
  'if_statement', 'elif_clause', 'conditional_expression', 'if_clause',
  'for_statement', 'while_statement', 'for_in_clause',
  'except_clause', 'except_group_clause', 'with_statement', 'case_clause', 'boolean_operator',
]);
/** Functions and classes defined inside a method: what they do is not the method's effect. */
const NESTED = new Set(['function_definition', 'class_definition']);
/** `self.name(` at a call's start: the method calls `name` on its own records. */
const SELF_CALL = /self\.([A-Za-z_][A-Za-z0-9_]*)\s*\(/y;
/**
 * `x = self`, `x = self - y`, `x = self.filtered(...)` (sorted, with_context, sudo, browse, search...),
 * `x = super().create(vals_list)` in create(): x holds records of the method's own model. Not `x = self.partner_id` or `x = self.env[...]`.
 */
const SELF_ALIAS = /([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(?:super\([^)]*\)\.create\(|self(?:[ \t]*[-&|][^=]|\.(?:filtered|filtered_domain|sorted|with_context|sudo|with_company|with_user|exists|browse|search)\(|[ \t]*(?:#|\r?\n|$)))/y;
/** Receivers that are Python modules or helpers, not records. */
const NOT_RECORDS = new Set(['fields', 'models', 'api', 'tools', 'json', 're', 'datetime', 'date', 'time', 'os', 'logging', '_logger', 'math', 'base64', 'itertools', 'collections', 'werkzeug', 'request', 'http', 'odoo', 'pytz', 'dateutil', 'relativedelta', 'str', 'dict', 'list', 'set', 'super', 'Command', 'osv', 'expression', 'float_utils', 'markupsafe', 'Markup', 'babel', 'io', 'csv', 'hashlib', 'uuid', 'random', 'requests', 'etree', 'html', 'lxml', 'functools', 'operator', 'textwrap', 'unicodedata', 'urls', 'url_parse', 'misc', 'format_date', 'image', 'pdf', 'xlsxwriter', 'zipfile', 'ast', 'contextlib', 'threading', 'traceback', 'psycopg2', 'sql', 'SQL']);
/**
 * Names called on records that are not a module's own methods: the ORM's, Python's built-ins
 * (str, dict, list), and the mail thread's and activity mixin's (readEffect reads those).
 */
export const NOT_OWN_METHODS: ReadonlySet<string> = new Set([
  ...SAME_RECORDS, ...CALLS,
  'mapped', 'ensure_one', 'read', 'write', 'unlink', 'search_count', 'search_read', 'read_group', '_read_group', 'name_get', 'ids', 'get', 'items', 'keys', 'values', 'append', 'extend', 'add', 'update', 'pop', 'setdefault', 'join', 'split', 'strip', 'replace', 'format', 'lower', 'upper', 'startswith', 'endswith', 'encode', 'decode', 'index', 'count', 'remove', 'insert', 'sort', 'copy_data', 'default_get', 'fields_get', 'check_access_rights', 'check_access_rule', 'has_group', '_for_xml_id', 'flush_model', 'flush_recordset', 'invalidate_model', 'invalidate_recordset', 'invalidate_cache', 'modified', 'execute', 'fetchall', 'fetchone', 'dictfetchall', 'message_unsubscribe', 'next_by_id', 'round', 'compute', 'is_zero', 'compare_amounts', '_convert', 'context_today', 'to_date', 'to_string', 'grouped', 'concat', 'union', 'name_search', 'name_create', '_search', 'search_fetch', 'fetch', 'retrieving', '_get', 'get_param', 'set_param', 'translate', '_render', '_render_field', 'getattr', 'isoformat', 'strftime', 'date', 'astimezone', 'localize', 'total_seconds', 'search_and_replace',
]);
const ALIAS_CALL = /([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*\(/y;

const SCANNED = [...DECISIONS, ...NESTED, 'else_clause', 'raise_statement', 'assignment', 'call', 'return_statement'];

export interface BodyScan {
  /** Cyclomatic complexity: 1 + decision points found in the body's syntax tree. */
  complexity: number;
  /** The first string literal of every `raise` in the body, without repeats: what a user is told. */
  messages: RaisedMessage[];
  effects: MethodEffects;
  selfCalls?: string[];
  /** The state the dict it returns sets (`return {'state': 'sale', ...}`): a write() of its result sets it. */
  returnsState?: { field: string; value: string }[];
  /** `self.write(self._prepare_x())`: the helpers whose returned values it writes (resolved per class in python.ts). */
  writesFrom?: { name: string; line: number; file: string; conditional?: true }[];
  /** Methods called on other records: `sheet_ids._do_refuse` for `self.sheet_ids._do_refuse(...)`, `action_post` for `moves.action_post()`. */
  recordCalls?: string[];
  /** Those of selfCalls made only on some of the records: inside an `if`, or on `self.filtered(...)`. */
  selfCallsIf?: string[];
  /** It passes one of its parameters to write(): a helper others write through (resolved per file). */
  forwardsWrite?: true;
}

/** A function body, by its character offsets in the source. */
export interface BodySpan {
  /** Where its `def` starts: the text up to `from` holds the parameters. */
  head: number;
  from: number;
  to: number;
}

/**
 * Scans the bodies of a file's methods in one pass over its tree: the search for the nodes
 * that matter runs inside the WebAssembly parser, and only those cross into JavaScript.
 * `bodies` are in source order and do not overlap (methods of top-level classes).
 */
export function scanBodies(root: PyNode, bodies: readonly BodySpan[], src: string, file: string): BodyScan[] {
  const found = bodies.map(() => ({ complexity: 1, messages: [] as RaisedMessage[], effects: { writes: [], guards: [], calls: [] } as EffectsFound, selfCalls: [] as string[], recordCalls: new Set<string>(), returnsState: [] as { field: string; value: string }[], always: new Set<string>(), sometimes: new Set<string>() }));
  if (bodies.length === 0) return [];
  let b = 0;
  let nestedUntil = -1;
  // Names the body gives a part of its own records (`other_moves = self - moves_with_payments`).
  const aliases = new Set<string>();
  let names: number[] | undefined;
  const offsets = () => (names ??= callNameOffsets(src));
  // Open `if 'field' in vals:` blocks (their end offset and fields): what runs inside them is a
  // reaction to those fields being saved.
  let when: { until: number; fields: string[]; other: boolean }[] = [];
  for (const n of root.descendantsOfType(SCANNED)) {
    if (!n) continue;
    const at = n.startIndex;
    while (b < bodies.length && bodies[b].to <= at) {
      b++;
      aliases.clear();
    }
    if (b === bodies.length) break;
    if (at < bodies[b].from) continue;
    const type = n.type;
    const scan = found[b];
    if (when.length && when[when.length - 1].until <= at) when = when.filter((w) => w.until > at);
    if (DECISIONS.has(type)) {
      scan.complexity++;
      if (type === 'if_statement' || type === 'elif_clause') {
        const cond = n.childForFieldName('condition');
        const body = n.childForFieldName('consequence');
        const read = cond && body ? valsCondition(cond, src) : { fields: [], other: true };
        // An elif runs only when the tests before it failed: never every time.
        if (body) when.push({ until: body.endIndex, fields: read.fields, other: read.other || type === 'elif_clause' });
        // `if not to_process: return res`: what follows, to the end of the method, runs only sometimes.
        const last = body ? body.namedChildren.filter((x) => x?.type !== 'comment').at(-1) : undefined;
        if (body && last?.type === 'return_statement') when.unshift({ until: bodies[b].to, fields: [], other: true });
      }
      continue;
    }
    if (type === 'else_clause') {
      when.push({ until: n.endIndex, fields: [], other: true });
      continue;
    }
    if (NESTED.has(type)) {
      nestedUntil = Math.max(nestedUntil, n.endIndex);
      continue;
    }
    // A call the parser found that starts with `self.name(`: its callee is that method (a cheap
    // look at the text where the node starts, no walk of its children).
    if (type === 'call' && at >= nestedUntil && src.startsWith('self.', at)) {
      SELF_CALL.lastIndex = at;
      let name = SELF_CALL.exec(src)?.[1];
      let some = false;
      // `self.filtered(lambda h: ...).action_validate()` starts like `self.filtered(`: what it calls
      // is the outer attribute, on some of the records (hr_holidays' action_approve).
      if (name && SAME_RECORDS.has(name)) {
        const chain = ownRecordsCall(n, src);
        name = chain?.name;
        some = !!chain?.some;
      }
      if (name) calledOwn(scan, name, some || when.length > 0);
      else recordCall(scan, src, at, n.endIndex);
    } else if (type === 'call' && at >= nestedUntil && aliases.size) {
      // `other_moves._post(soft=False)` where other_moves is some of self: account.move's action_post.
      ALIAS_CALL.lastIndex = at;
      const m = ALIAS_CALL.exec(src);
      if (m && aliases.has(m[1])) calledOwn(scan, m[2], when.length > 0);
      else recordCall(scan, src, at, n.endIndex);
    } else if (type === 'call' && at >= nestedUntil) recordCall(scan, src, at, n.endIndex);
    if (type === 'assignment' && at >= nestedUntil) {
      SELF_ALIAS.lastIndex = at;
      const a = SELF_ALIAS.exec(src);
      if (a) aliases.add(a[1]);
    }
    // `return {'state': 'sale', ...}` (sale's _prepare_confirmation_values): the state the values it returns set.
    if (type === 'return_statement' && at >= nestedUntil && RETURNS_DICT.test(src.slice(at, at + 40))) {
      const dict = firstNamed(n);
      if (dict?.type === 'dictionary') for (const [field, value] of literalPairs(dict, src)) if (field === 'state' || field === 'status') scan.returnsState.push({ field, value });
      continue;
    }
    if (type === 'raise_statement' && !raisesBug(src, at)) {
      const m = firstMessage(n, src);
      if (m && !scan.messages.some((x) => x.text === m)) scan.messages.push({ text: m, file, line: lineOf(n) });
    }
    if (at >= nestedUntil && mayHaveEffect(n, type, src, offsets)) {
      const w = scan.effects.writes.length;
      const c = scan.effects.calls.length;
      const span = bodies[b];
      readEffect(n, src, file, scan.effects, (name) => isParameter(src.slice(span.head, span.from), name));
      if (when.length) {
        const onChangeOf = [...new Set(when.flatMap((x) => x.fields))];
        const conditional = when.some((x) => x.other);
        for (const e of [...scan.effects.writes.slice(w), ...scan.effects.calls.slice(c)]) {
          if (onChangeOf.length) e.onChangeOf = onChangeOf;
          if (conditional) e.conditional = true;
        }
      }
    }
  }
  return found.map(({ complexity, messages, effects, selfCalls, recordCalls, returnsState, always, sometimes }) => ({
    complexity,
    messages,
    ...(returnsState.length ? { returnsState } : {}),
    ...(effects.writesFrom ? { writesFrom: effects.writesFrom } : {}),
    ...(recordCalls.size ? { recordCalls: [...recordCalls] } : {}),
    ...(effects.forwards ? { forwardsWrite: true as const } : {}),
    ...(selfCalls.length ? { selfCalls } : {}),
    ...([...sometimes].some((x) => !always.has(x)) ? { selfCallsIf: [...sometimes].filter((x) => !always.has(x)) } : {}),
    effects: {
      writes: effects.writes,
      // In source order of the statements that state them, as a reader meets them.
      guards: effects.guards.sort((x, y) => x.at - y.at).map(({ at: _at, ...g }) => g),
      calls: effects.calls,
      ...(effects.copies ? { copies: effects.copies } : {}),
    },
  }));
}

/** Records `records.method(` (not on self itself): a method of another model this one may run. */
function recordCall(scan: { recordCalls: Set<string> }, src: string, at: number, end: number): void {
  const name = lastCallName(src, at, end);
  if (!name || NOT_OWN_METHODS.has(name) || name.startsWith('__')) return;
  RECORD_HEAD.lastIndex = at;
  const head = RECORD_HEAD.exec(src);
  if (!head || NOT_RECORDS.has(head[1])) return;
  // `self.method(` and `self.filtered(...).method(` are calls of its own (SELF_CALL, ownRecordsCall).
  if (head[1] === 'self' && (head[2] === undefined || head[2] === name || SAME_RECORDS.has(head[2]))) return;
  // `self.sheet_ids._do_refuse(` and `self.order_line.sudo()._timesheet_service_generation()` keep the
  // field they go through (which model they run on); a call on a variable keeps the name only.
  scan.recordCalls.add(head[1] === 'self' && head[2] !== 'env' ? `${head[2]}.${name}` : name);
}

/** `return {` at a return statement's start. */
const RETURNS_DICT = /^return\s*\{/;

/** `records.x` or `self.field` where a call's text starts. */
const RECORD_HEAD = /([A-Za-z_][A-Za-z0-9_]*)(?:\s*\.\s*([A-Za-z_][A-Za-z0-9_]*))?/y;

/**
 * The method a call node calls, read from its text: the name before the parenthesis that closes at
 * `end` (`a.sudo().with_company(c)._timesheet_service_generation()` -> `_timesheet_service_generation`),
 * when it is an attribute (a `.name(`), not a plain function.
 */
function lastCallName(src: string, from: number, end: number): string | undefined {
  let i = end - 1;
  if (src[i] !== ')') return undefined;
  let depth = 0;
  for (; i >= from; i--) {
    const c = src[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      depth--;
      if (depth === 0) break;
    }
  }
  if (i <= from) return undefined;
  let j = i - 1;
  while (j > from && (src[j] === ' ' || src[j] === '\t')) j--;
  const stop = j + 1;
  while (j >= from && isWordChar(src.charCodeAt(j))) j--;
  if (j + 1 === stop || !isWordChar(src.charCodeAt(j + 1)) || (src.charCodeAt(j + 1) >= 48 && src.charCodeAt(j + 1) <= 57)) return undefined;
  const start = j + 1;
  while (j > from && (src[j] === ' ' || src[j] === '\t' || src[j] === '\n' || src[j] === '\r')) j--;
  return src[j] === '.' ? src.slice(start, stop) : undefined;
}

/** [A-Za-z0-9_] by char code. */
const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Records a call of one of the method's own methods, and whether it runs on all of the records. */
function calledOwn(scan: { selfCalls: string[]; always: Set<string>; sometimes: Set<string> }, name: string, some: boolean): void {
  if (!scan.selfCalls.includes(name)) scan.selfCalls.push(name);
  (some ? scan.sometimes : scan.always).add(name);
}

/**
 * Python's own exceptions signal a bug or a misuse by code (`raise AssertionError(_('One2Many
 * fields cannot be synchronized...'))`, `raise NotImplementedError(...)`): Odoo shows them as a
 * server error with a traceback, not as a message that refuses the user something. UserError,
 * ValidationError, AccessError, RedirectWarning, werkzeug's and modules' own exceptions are refusals.
 */
const BUG_EXCEPTIONS = new Set([
  'AssertionError', 'AttributeError', 'Exception', 'IndexError', 'KeyError', 'LookupError',
  'NotImplementedError', 'RuntimeError', 'SyntaxError', 'TypeError', 'ValueError', 'ZeroDivisionError',
]);
const RAISED = /raise\s+(?:[A-Za-z_][A-Za-z0-9_]*\.)*([A-Za-z_][A-Za-z0-9_]*)/y;

function raisesBug(src: string, at: number): boolean {
  RAISED.lastIndex = at;
  const name = RAISED.exec(src)?.[1];
  return name !== undefined && BUG_EXCEPTIONS.has(name);
}

/** Whether `name` is a parameter in a `def` line's text (`def _safe_write(self, vals, from_cron=False):`). */
function isParameter(head: string, name: string): boolean {
  const open = head.indexOf('(');
  if (open === -1) return false;
  return head
    .slice(open + 1)
    .split(/[,()]/)
    .some((p) => p.trim().replace(/^\*{1,2}/, '').split(/[:=\s]/)[0] === name);
}
