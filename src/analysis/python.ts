/**
 * Odoo models from Python source, by walking the tree-sitter syntax tree: classes with
 * _name/_inherit/_inherits/_description, fields, methods with decorators and complexity.
 */
import { NOT_OWN_METHODS, scanBodies, type BodySpan } from './method-scan.js';
import { callArgs, literal, NOT_LITERAL, stringList, stringValue } from './py-literal.js';
import { endLineOf, firstNamed, firstSyntaxError, lineOf, named, textOf, withPythonTree, type PyNode } from './py-parser.js';
import { routeOf } from './python-effects.js';
import type { FieldWrite, MethodRole, ModelKind, PyController, PyDecorator, PyField, PyMethod, PyModel, RaisedMessage, SourceProblem, SqlConstraint } from './types.js';

/** Where install and uninstall hooks are defined (`post_init_hook` in the manifest names one). */
const HOOK_FILE = /(?:^|\/)(?:hooks|__init__)\.py$/;

export interface PythonAnalysis {
  models: PyModel[];
  controllers: PyController[];
  /** Module-level functions of hooks.py and __init__.py: the install hooks the manifest may name. */
  functions?: PyMethod[];
  problem?: SourceProblem;
}

/** Reads the models of one Python file. Needs `await loadPython()` first (see py-parser.ts). */
export function analysePython(src: string, file: string): PythonAnalysis {
  return withPythonTree(src, (root) => {
    const error = firstSyntaxError(root, src);
    if (error) {
      return {
        models: [],
        controllers: [],
        problem: {
          kind: 'python-syntax',
          file,
          line: error.line,
          column: error.column,
          message: `Python syntax error (${error.detail}); the file was skipped. Fix that line (python3 -m py_compile shows the details) and run the step again`,
        },
      };
    }
    const classes: ClassRead[] = [];
    // Module-level functions of the files install hooks live in (hooks.py, __init__.py), in source order with the classes.
    const hookFile = HOOK_FILE.test(file);
    const functions: { method: MethodRead; body: BodySpan; after: number }[] = [];
    // `SALE_ORDER_STATE = [('draft', "Quotation"), ...]` at the top of the file: what `selection=SALE_ORDER_STATE` holds.
    const constants = new Map<string, PyNode>();
    for (const stmt of named(root)) {
      const a = stmt.type === 'expression_statement' ? firstNamed(stmt) : undefined;
      const left = a?.type === 'assignment' ? a.childForFieldName('left') : null;
      const right = a?.type === 'assignment' ? a.childForFieldName('right') : null;
      if (left?.type === 'identifier' && right && (right.type === 'list' || right.type === 'tuple')) constants.set(textOf(left, src), right);
    }
    for (const stmt of named(root)) {
      const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
      if (def?.type === 'class_definition') {
        const c = readClass(def, src, file, constants) ?? readController(def, src, file);
        if (c) classes.push(c);
      } else if (hookFile && def?.type === 'function_definition') {
        const f = readMethod(stmt, src, file);
        if (f) functions.push({ ...f, after: classes.length });
      }
    }
    // Complexity, raise messages and effects of every method and function, in one pass over the
    // file's tree: the bodies in source order, each function between the classes it was read between.
    const order: { body: BodySpan; fn?: number }[] = [];
    const functionsAfter = (k: number) => functions.forEach((f, j) => void (f.after === k && order.push({ body: f.body, fn: j })));
    classes.forEach((c, k) => {
      functionsAfter(k);
      for (const body of c.bodies) order.push({ body });
    });
    functionsAfter(classes.length);
    const all = scanBodies(root, order.map((o) => o.body), src, file);
    const scans = all.filter((_s, k) => order[k].fn === undefined);
    const topLevel = functions.map(({ method }, j): PyMethod => {
      const { forwardsWrite: _f, ...scan } = all[order.findIndex((o) => o.fn === j)];
      return { ...method, ...scan, role: 'other' };
    });
    let i = 0;
    const models: PyModel[] = [];
    const controllers: PyController[] = [];
    // Writes through a helper of the file (`records._safe_write_for_cron({'state': 'close'})`) count
    // when that helper passes its values on to write(); others are calls of something else.
    const forwarders = new Set<string>();
    classes.flatMap((c) => c.methods).forEach((m, k) => void (scans[k]?.forwardsWrite && forwarders.add(m.name)));
    for (const c of classes) {
      // `self.write(self._prepare_confirmation_values())`: the state the helper's returned dict sets.
      const classScans = scans.slice(i, i + c.methods.length);
      const returned = new Map(c.methods.map((m, k) => [m.name, classScans[k]?.returnsState ?? []] as const));
      const methods = c.methods.map((m, k): PyMethod => {
        const { forwardsWrite: _f, returnsState: _r, writesFrom, ...found } = scans[i++];
        const viaHelper = (writesFrom ?? []).flatMap((w) => (returned.get(w.name) ?? []).map((x): FieldWrite => ({ field: x.field, value: x.value, file: w.file, line: w.line, ...(w.conditional ? { conditional: true } : {}) })));
        const scan = viaHelper.length ? { ...found, effects: { ...found.effects, writes: [...found.effects.writes, ...viaHelper] } } : found;
        // `result = super()._action_confirm()`: it adds to the method of the model it overrides.
        const body = c.bodies[k];
        const extended = m.name !== 'create' && body && callsSuper(src, body.from, body.to, m.name) ? { callsSuper: true as const } : {};
        if (!scan.effects.writes.some((w) => w.via)) return { ...m, ...scan, ...extended };
        return { ...m, ...scan, ...extended, effects: { ...scan.effects, writes: scan.effects.writes.filter((w) => !w.via || forwarders.has(w.via)) } };
      });
      withHelperMessages(methods);
      withHelperCalls(methods);
      if (c.kind === 'model') models.push({ ...c.model, methods });
      else controllers.push({ ...c.controller, methods: methods.map((m, k) => (m.route ? withRuns(m, src.slice(c.bodies[k].from, c.bodies[k].to)) : m)) });
    }
    return topLevel.length ? { models, controllers, functions: topLevel } : { models, controllers };
  });
}

/**
 * Does a method's body (src[from, to)) call the method it overrides (`super()._action_confirm()`,
 * `super(SaleOrder, self).x(`)? Read in place: this runs for every method of a tree.
 */
function callsSuper(src: string, from: number, to: number, name: string): boolean {
  for (let i = src.indexOf('super(', from); i !== -1 && i < to; i = src.indexOf('super(', i + 6)) {
    let j = src.indexOf(')', i);
    if (j === -1 || j >= to) return false;
    j = skipBlanks(src, j + 1);
    if (src[j] !== '.') continue;
    j = skipBlanks(src, j + 1);
    if (src.startsWith(name, j) && src[skipBlanks(src, j + name.length)] === '(') return true;
  }
  return false;
}

const skipBlanks = (s: string, i: number): number => {
  while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r') i++;
  return i;
};

/**
 * `record.action_approve()`, `.button_confirm(`, `answer_sudo._mark_done()` in a route's text: the
 * model methods it runs (the ORM's and Python's own calls left out).
 */
const RUN_CALL = /(?:\b([A-Za-z_][A-Za-z0-9_]*)|[\])])\.(_?[A-Za-z][A-Za-z0-9_]*)\s*\(/g;
/** 'hr.leave', "sale.order": quoted dotted lower-case names, kept when the build knows such a model. */
const MODEL_NAME = /['"]([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)['"]/g;

function withRuns(m: PyMethod, body: string): PyMethod {
  // Not the controller's own helpers (`self._get_access_data(...)`), nor a module's functions (`request.redirect(`).
  const methods = [...new Set([...body.matchAll(RUN_CALL)].filter((x) => x[1] !== 'self' && x[1] !== 'request' && x[1] !== 'super').map((x) => x[2]).filter((x) => !NOT_OWN_METHODS.has(x) && /^(?:action|button)_|^_/.test(x)))];
  if (!methods.length) return m;
  return { ...m, runs: { methods, models: [...new Set([...body.matchAll(MODEL_NAME)].map((x) => x[1]))] } };
}

/**
 * What a method refuses through the private helpers of its class it calls: lunch's action_order
 * calls `self._check_wallet()`, which raises "Your wallet does not contain enough money...". One
 * call deep, and only `_private` helpers: a public method called this way is a feature of its own.
 */
function withHelperMessages(methods: PyMethod[]): void {
  // Their own messages, read before any method gets its helpers': one call deep, no chains.
  const own = new Map(methods.map((m) => [m.name, m.messages]));
  methods.forEach((m, i) => {
    const extra: RaisedMessage[] = [];
    for (const name of m.selfCalls ?? []) {
      if (!name.startsWith('_') || name === m.name) continue;
      for (const msg of own.get(name) ?? []) {
        if (!m.messages.some((x) => x.text === msg.text) && !extra.some((x) => x.text === msg.text)) extra.push({ ...msg, via: name });
      }
    }
    if (extra.length) methods[i] = { ...m, messages: [...m.messages, ...extra] };
  });
}

const ORM_OVERRIDES = new Set(['create', 'write', 'unlink', 'copy', 'copy_data']);

/** What a helper does that a user notices: activities, chatter messages, emails, followers. */
const HELPER_CALLS = new Set([
  'activity_schedule', 'activity_feedback', 'activity_unlink', 'message_post', 'message_post_with_source', 'message_post_with_view',
  'message_post_with_template', 'message_notify', 'send_mail', 'action_send_mail', 'message_subscribe',
]);

/**
 * What a method does through the helpers of its class it calls on its own records: maintenance's
 * write() calls `self.activity_update()`, which schedules the "Maintenance Request" activity. One
 * call deep, helpers public or private, never another button's method (a feature of its own).
 */
function withHelperCalls(methods: PyMethod[]): void {
  const own = new Map(methods.map((m) => [m.name, m.effects?.calls ?? []]));
  methods.forEach((m, i) => {
    if (!m.effects) return;
    const calls = [...m.effects.calls];
    for (const name of m.selfCalls ?? []) {
      // write() and create() overrides are reactions to saving, told on the model's own story.
      if (name === m.name || /^(action|button)_/.test(name) || ORM_OVERRIDES.has(name)) continue;
      const sometimes = m.selfCallsIf?.includes(name);
      for (const c of own.get(name) ?? []) {
        // `self.env['mail.activity'].create(activity_vals)` schedules activities too (hr_holidays' activity_update).
        const told = HELPER_CALLS.has(c.name) || (c.name === 'create' && c.arg === 'mail.activity');
        if (!told || calls.some((x) => x.name === c.name && x.arg === c.arg)) continue;
        calls.push({ ...c, via: name, ...(sometimes ? { conditional: true } : {}) });
      }
    }
    if (calls.length > m.effects.calls.length) methods[i] = { ...m, effects: { ...m.effects, calls } };
  });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MethodRead = Omit<PyMethod, 'complexity' | 'messages' | 'effects'>;
/** A class as read before its method bodies are scanned. */
type ClassRead = { methods: MethodRead[]; bodies: BodySpan[] } & (
  | { kind: 'model'; model: PyModel }
  | { kind: 'controller'; controller: PyController }
);

function modelKind(bases: string): ModelKind | undefined {
  if (/\bTransientModel\b/.test(bases)) return 'transient';
  if (/\bAbstractModel\b/.test(bases)) return 'abstract';
  if (/\bModel\b/.test(bases)) return 'model';
  return undefined;
}

function readClass(cls: PyNode, src: string, file: string, constants: ReadonlyMap<string, PyNode> = new Map()): ClassRead | undefined {
  const nameNode = cls.childForFieldName('name');
  const body = cls.childForFieldName('body');
  if (!nameNode || !body) return undefined;
  const bases = cls.childForFieldName('superclasses');
  const kind = modelKind(bases ? textOf(bases, src) : '');
  const model: Mutable<PyModel> = {
    className: textOf(nameNode, src),
    kind: kind ?? 'model',
    inherit: [],
    inherits: {},
    fields: [],
    methods: [],
    sqlConstraints: [],
    file,
    line: lineOf(cls),
    endLine: endLineOf(cls),
  };
  const fields: PyField[] = [];
  const sql: SqlConstraint[] = [];
  const stmts = named(body);
  model.docstring = docOf(stmts[0], src);
  for (const stmt of stmts) {
    if (stmt.type === 'expression_statement') {
      const assign = firstNamed(stmt);
      if (assign?.type !== 'assignment') continue;
      const target = assign.childForFieldName('left');
      const value = assign.childForFieldName('right');
      if (target?.type !== 'identifier' || !value) continue;
      const name = textOf(target, src);
      switch (name) {
        case '_name':
          model.name = stringValue(value, src);
          break;
        case '_inherit':
          model.inherit = stringList(value, src);
          break;
        case '_inherits': {
          const v = literal(value, src);
          if (v && typeof v === 'object' && !Array.isArray(v)) {
            model.inherits = Object.fromEntries(
              Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
            );
          }
          break;
        }
        case '_description':
          model.description = stringValue(value, src);
          break;
        case '_sql_constraints':
          sql.push(...readSqlConstraints(value, src, file));
          break;
        default: {
          const f = readField(name, value, src, file, constants);
          if (f) fields.push(f);
        }
      }
    }
  }
  // A class that is no Odoo model: no base from models.* and no _name/_inherit.
  if (!kind && !model.name && model.inherit.length === 0) return undefined;
  model.fields = fields;
  model.sqlConstraints = sql;
  return { kind: 'model', model, ...readMethods(stmts, src, file) };
}

/** A class with @route methods (a controller); its other methods are kept for what they call. */
function readController(cls: PyNode, src: string, file: string): ClassRead | undefined {
  const nameNode = cls.childForFieldName('name');
  const body = cls.childForFieldName('body');
  if (!nameNode || !body) return undefined;
  const stmts = named(body);
  const read = readMethods(stmts, src, file);
  if (!read.methods.some((m) => m.route)) return undefined;
  const bases = cls.childForFieldName('superclasses');
  const controller: PyController = {
    className: textOf(nameNode, src),
    bases: bases ? textOf(bases, src) : '',
    docstring: docOf(stmts[0], src),
    methods: [],
    file,
    line: lineOf(cls),
    endLine: endLineOf(cls),
  };
  return { kind: 'controller', controller, ...read };
}

function readMethods(stmts: readonly PyNode[], src: string, file: string): { methods: MethodRead[]; bodies: BodySpan[] } {
  const methods: MethodRead[] = [];
  const bodies: BodySpan[] = [];
  for (const stmt of stmts) {
    if (stmt.type !== 'function_definition' && stmt.type !== 'decorated_definition') continue;
    const m = readMethod(stmt, src, file);
    if (m) {
      methods.push(m.method);
      bodies.push(m.body);
    }
  }
  return { methods, bodies };
}

/** The docstring of a body whose first statement is a string. */
function docOf(first: PyNode | undefined, src: string): string | undefined {
  if (first?.type !== 'expression_statement') return undefined;
  const s = firstNamed(first);
  if (!s || (s.type !== 'string' && s.type !== 'concatenated_string')) return undefined;
  const v = stringValue(s, src);
  return v?.trim().replace(/\s+/g, ' ') || undefined;
}

/** Where the label sits among positional arguments: fields.One2many(comodel, inverse, string), fields.Many2many(comodel, relation, col1, col2, string). */
const LABEL_AT: Record<string, number> = { Many2one: 1, One2many: 2, Many2many: 4 };

function readField(name: string, value: PyNode, src: string, file: string, constants: ReadonlyMap<string, PyNode> = new Map()): PyField | undefined {
  if (value.type !== 'call') return undefined;
  const callee = value.childForFieldName('function');
  if (callee?.type !== 'attribute') return undefined;
  const owner = callee.childForFieldName('object');
  const attr = callee.childForFieldName('attribute');
  if (!owner || !attr || textOf(owner, src) !== 'fields') return undefined;
  const type = textOf(attr, src);
  if (!/^[A-Z]/.test(type)) return undefined;
  const { positional, keyword } = callArgs(value.childForFieldName('arguments'), src);
  const relational = type === 'Many2one' || type === 'One2many' || type === 'Many2many';
  const required = keyword.get('required');
  const field: PyField = {
    name,
    type,
    file,
    line: lineOf(value),
    required: required ? literal(required, src) === true : false,
    string: stringValue(keyword.get('string'), src) ?? stringValue(positional[LABEL_AT[type] ?? 0], src),
    comodel: relational ? stringValue(keyword.get('comodel_name') ?? positional[0], src) : undefined,
    compute: stringValue(keyword.get('compute'), src),
    related: stringValue(keyword.get('related'), src),
    help: stringValue(keyword.get('help'), src),
  };
  const readonly = keyword.get('readonly');
  if (field.related && readonly && literal(readonly, src) === false) field.writable = true;
  if (type === 'One2many') field.inverse = stringValue(keyword.get('inverse_name') ?? positional[1], src);
  const groups = stringValue(keyword.get('groups'), src);
  if (groups) field.groups = groups.split(',').map((g) => g.trim()).filter(Boolean);
  const tracking = keyword.get('tracking');
  if (tracking && literal(tracking, src) !== false) field.tracking = true;
  field.configParameter = stringValue(keyword.get('config_parameter'), src);
  field.impliedGroup = stringValue(keyword.get('implied_group'), src);
  if (type === 'Selection') {
    const given = keyword.get('selection') ?? positional[0];
    const selNode = given?.type === 'identifier' ? (constants.get(textOf(given, src)) ?? given) : given;
    const sel = selNode ? literal(selNode, src) : NOT_LITERAL;
    if (Array.isArray(sel)) {
      field.selection = sel
        .filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string')
        .map(([k, l]) => [k, l] as const);
      if (field.string === stringValue(positional[0], src)) field.string = stringValue(positional[1], src);
    }
  }
  return field;
}

function readSqlConstraints(value: PyNode, src: string, file: string): SqlConstraint[] {
  const out: SqlConstraint[] = [];
  for (const item of named(value)) {
    const v = literal(item, src);
    if (v === NOT_LITERAL || !Array.isArray(v) || v.length < 3) continue;
    const [name, definition, message] = v;
    if (typeof name === 'string' && typeof definition === 'string' && typeof message === 'string') {
      out.push({ name, definition, message, file, line: lineOf(item) });
    }
  }
  return out;
}

function readDecorator(dec: PyNode, src: string): PyDecorator {
  const expr = firstNamed(dec);
  if (!expr) return { name: '', args: [] };
  if (expr.type !== 'call') return { name: textOf(expr, src).replace(/\s+/g, ''), args: [] };
  const fn = expr.childForFieldName('function');
  const args = callArgs(expr.childForFieldName('arguments'), src).positional.flatMap((a) => stringList(a, src));
  return { name: fn ? textOf(fn, src).replace(/\s+/g, '') : '', args };
}

const OVERRIDES = new Set(['create', 'write', 'unlink', 'copy', 'copy_data', 'default_get', 'name_get', '_compute_display_name']);

function roleOf(name: string, decorators: readonly PyDecorator[]): MethodRole {
  const d = new Set(decorators.map((x) => x.name));
  if (d.has('api.constrains')) return 'constraint';
  if (d.has('api.onchange')) return 'onchange';
  if (d.has('api.depends') || name.startsWith('_compute_')) return 'compute';
  if (name.startsWith('action_') || name.startsWith('button_')) return 'action';
  // @api.ondelete(at_uninstall=False) methods are how Odoo 15+ refuses a deletion: part of unlink.
  if (OVERRIDES.has(name) || d.has('api.ondelete')) return 'override';
  if (name.startsWith('_cron') || d.has('api.autovacuum')) return 'cron';
  return 'other';
}

function readMethod(stmt: PyNode, src: string, file: string): { method: MethodRead; body: BodySpan } | undefined {
  const fn = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
  if (fn?.type !== 'function_definition') return undefined;
  const nameNode = fn.childForFieldName('name');
  const body = fn.childForFieldName('body');
  if (!nameNode || !body) return undefined;
  const decoratorNodes = stmt.type === 'decorated_definition' ? named(stmt).filter((c) => c.type === 'decorator') : [];
  const decorators = decoratorNodes.map((d) => readDecorator(d, src));
  const route = decoratorNodes.map((d) => routeOf(d, src)).find((r) => r);
  const name = textOf(nameNode, src);
  const endLine = endLineOf(fn);
  return {
    method: {
      name,
      file,
      line: lineOf(fn),
      endLine,
      decorators,
      docstring: docOf(firstNamed(body), src),
      loc: endLine - lineOf(stmt) + 1,
      role: roleOf(name, decorators),
      ...(route ? { route } : {}),
    },
    body: { head: fn.startIndex, from: body.startIndex, to: body.endIndex },
  };
}
