/**
 * Odoo models from Python source, by walking the @lezer/python syntax tree: classes with
 * _name/_inherit/_inherits/_description, fields, methods with decorators and complexity.
 */
import type { SyntaxNode, Tree, TreeBuffer } from '@lezer/common';
import { parser } from '@lezer/python';
import { callArgs, children, firstChildOf, lineIndex, literal, NOT_LITERAL, stringList, stringValue } from './py-literal.js';
import { scanBody } from './complexity.js';
import { methodEffects, routeOf } from './python-effects.js';
import type { MethodRole, ModelKind, PyController, PyDecorator, PyField, PyMethod, PyModel, SourceProblem, SqlConstraint } from './types.js';

export interface PythonAnalysis {
  models: PyModel[];
  controllers: PyController[];
  problem?: SourceProblem;
}

/** First syntax error of a tree, as line and column (1-based). */
export function firstSyntaxError(tree: Tree, src: string): { line: number; column: number } | undefined {
  const at = firstErrorPos(tree, 0);
  if (at === Infinity) return undefined;
  const lineStart = src.lastIndexOf('\n', at - 1) + 1;
  return { line: lineIndex(src)(at), column: at - lineStart + 1 };
}

/**
 * Start of the earliest error node, scanning the tree's flat node buffers directly (type ids in
 * a Uint16Array) instead of visiting every node: a pre-order walk meets error nodes in order of
 * their start, so the smallest start is the first error such a walk would find.
 */
function firstErrorPos(tree: Tree, offset: number): number {
  if (tree.type.isError) return offset;
  let best = Infinity;
  for (let i = 0; i < tree.children.length && best === Infinity; i++) {
    const child = tree.children[i];
    const pos = offset + tree.positions[i];
    if ('buffer' in child) {
      const { buffer, set } = child as TreeBuffer;
      const types = set.types;
      for (let j = 0; j < buffer.length; j += 4) {
        if (types[buffer[j]].isError) best = Math.min(best, pos + buffer[j + 1]);
      }
    } else {
      best = firstErrorPos(child, pos);
    }
  }
  return best;
}

export function analysePython(src: string, file: string): PythonAnalysis {
  const tree = parser.parse(src);
  const error = firstSyntaxError(tree, src);
  if (error) {
    return {
      models: [],
      controllers: [],
      problem: { kind: 'python-syntax', file, ...error, message: 'Python syntax error; the file was skipped' },
    };
  }
  const lineOf = lineIndex(src);
  const models: PyModel[] = [];
  const controllers: PyController[] = [];
  for (const stmt of children(tree.topNode)) {
    const cls = stmt.name === 'DecoratedStatement' ? stmt.getChild('ClassDefinition') : stmt;
    if (cls?.name === 'ClassDefinition') {
      const m = readClass(cls, src, file, lineOf);
      if (m) models.push(m);
      else {
        const c = readController(cls, src, file, lineOf);
        if (c) controllers.push(c);
      }
    }
  }
  return { models, controllers };
}

const text = (n: SyntaxNode, src: string) => src.slice(n.from, n.to);

function modelKind(bases: string): ModelKind | undefined {
  if (/\bTransientModel\b/.test(bases)) return 'transient';
  if (/\bAbstractModel\b/.test(bases)) return 'abstract';
  if (/\bModel\b/.test(bases)) return 'model';
  return undefined;
}

function readClass(cls: SyntaxNode, src: string, file: string, lineOf: (o: number) => number): PyModel | undefined {
  const nameNode = cls.getChild('VariableName');
  const body = cls.getChild('Body');
  if (!nameNode || !body) return undefined;
  const bases = cls.getChild('ArgList');
  const kind = modelKind(bases ? text(bases, src) : '');
  const model: {
    -readonly [K in keyof PyModel]: PyModel[K];
  } = {
    className: text(nameNode, src),
    kind: kind ?? 'model',
    inherit: [],
    inherits: {},
    fields: [],
    methods: [],
    sqlConstraints: [],
    file,
    line: lineOf(cls.from),
    endLine: lineOf(cls.to - 1),
  };
  const fields: PyField[] = [];
  const methods: PyMethod[] = [];
  const sql: SqlConstraint[] = [];
  const stmts = children(body);
  const first = stmts[0];
  if (first?.name === 'ExpressionStatement') model.docstring = docOf(first, src);
  for (const stmt of stmts) {
    if (stmt.name === 'AssignStatement') {
      const [target, op, value] = children(stmt);
      if (target?.name !== 'VariableName' || op?.name !== 'AssignOp' || !value) continue;
      const name = text(target, src);
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
          sql.push(...readSqlConstraints(value, src, file, lineOf));
          break;
        default: {
          const f = readField(name, value, src, file, lineOf);
          if (f) fields.push(f);
        }
      }
    } else if (stmt.name === 'FunctionDefinition' || stmt.name === 'DecoratedStatement') {
      const m = readMethod(stmt, src, file, lineOf);
      if (m) methods.push(m);
    }
  }
  // A class that is no Odoo model: no base from models.* and no _name/_inherit.
  if (!kind && !model.name && model.inherit.length === 0) return undefined;
  model.fields = fields;
  model.methods = methods;
  model.sqlConstraints = sql;
  return model;
}

/** A class with @route methods (a controller); its other methods are kept for what they call. */
function readController(cls: SyntaxNode, src: string, file: string, lineOf: (o: number) => number): PyController | undefined {
  const nameNode = cls.getChild('VariableName');
  const body = cls.getChild('Body');
  if (!nameNode || !body) return undefined;
  const methods = children(body)
    .filter((s) => s.name === 'FunctionDefinition' || s.name === 'DecoratedStatement')
    .map((s) => readMethod(s, src, file, lineOf))
    .filter((m): m is PyMethod => !!m);
  if (!methods.some((m) => m.route)) return undefined;
  const first = children(body)[0];
  const bases = cls.getChild('ArgList');
  return {
    className: text(nameNode, src),
    bases: bases ? text(bases, src) : '',
    docstring: first?.name === 'ExpressionStatement' ? docOf(first, src) : undefined,
    methods,
    file,
    line: lineOf(cls.from),
    endLine: lineOf(cls.to - 1),
  };
}

function docOf(stmt: SyntaxNode, src: string): string | undefined {
  const s = stmt.firstChild;
  if (!s || (s.name !== 'String' && s.name !== 'ContinuedString')) return undefined;
  const v = stringValue(s, src);
  return v?.trim().replace(/\s+/g, ' ') || undefined;
}

const LABEL_AT: Record<string, number> = { Many2one: 1, One2many: 2, Many2many: 4 };

function readField(
  name: string,
  value: SyntaxNode,
  src: string,
  file: string,
  lineOf: (o: number) => number,
): PyField | undefined {
  if (value.name !== 'CallExpression') return undefined;
  const callee = value.firstChild;
  if (callee?.name !== 'MemberExpression') return undefined;
  const parts = children(callee);
  if (parts.length !== 2 || text(parts[0], src) !== 'fields') return undefined;
  const type = text(parts[1], src);
  if (!/^[A-Z]/.test(type)) return undefined;
  const { positional, keyword } = callArgs(value.getChild('ArgList'), src);
  const relational = type === 'Many2one' || type === 'One2many' || type === 'Many2many';
  const field: PyField = {
    name,
    type,
    file,
    line: lineOf(value.from),
    required: literal(keyword.get('required') ?? value, src) === true,
    // fields.One2many(comodel, inverse, string), fields.Many2many(comodel, relation, col1, col2, string).
    string: stringValue(keyword.get('string'), src) ?? stringValue(positional[LABEL_AT[type] ?? 0], src),
    comodel: relational ? stringValue(keyword.get('comodel_name') ?? positional[0], src) : undefined,
    compute: stringValue(keyword.get('compute'), src),
    related: stringValue(keyword.get('related'), src),
    help: stringValue(keyword.get('help'), src),
  };
  if (type === 'One2many') field.inverse = stringValue(keyword.get('inverse_name') ?? positional[1], src);
  const groups = stringValue(keyword.get('groups'), src);
  if (groups) field.groups = groups.split(',').map((g) => g.trim()).filter(Boolean);
  const tracking = keyword.get('tracking');
  if (tracking && literal(tracking, src) !== false) field.tracking = true;
  field.configParameter = stringValue(keyword.get('config_parameter'), src);
  field.impliedGroup = stringValue(keyword.get('implied_group'), src);
  if (type === 'Selection') {
    const sel = literal(keyword.get('selection') ?? positional[0] ?? value, src);
    if (Array.isArray(sel)) {
      field.selection = sel
        .filter((p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string')
        .map(([k, l]) => [k, l] as const);
      if (field.string === stringValue(positional[0], src)) field.string = stringValue(positional[1], src);
    }
  }
  return field;
}

function readSqlConstraints(value: SyntaxNode, src: string, file: string, lineOf: (o: number) => number): SqlConstraint[] {
  const out: SqlConstraint[] = [];
  for (const item of children(value)) {
    const v = literal(item, src);
    if (v === NOT_LITERAL || !Array.isArray(v) || v.length < 3) continue;
    const [name, definition, message] = v;
    if (typeof name === 'string' && typeof definition === 'string' && typeof message === 'string') {
      out.push({ name, definition, message, file, line: lineOf(item.from) });
    }
  }
  return out;
}

function readDecorator(dec: SyntaxNode, src: string): PyDecorator {
  const names: string[] = [];
  let args: string[] = [];
  for (const c of children(dec)) {
    if (c.name === 'VariableName' || c.name === 'PropertyName') names.push(text(c, src));
    else if (c.name === 'ArgList') args = callArgs(c, src).positional.flatMap((a) => stringList(a, src));
  }
  return { name: names.join('.'), args };
}

const OVERRIDES = new Set(['create', 'write', 'unlink', 'copy', 'default_get', 'name_get', '_compute_display_name']);

function roleOf(name: string, decorators: readonly PyDecorator[]): MethodRole {
  const d = new Set(decorators.map((x) => x.name));
  if (d.has('api.constrains')) return 'constraint';
  if (d.has('api.onchange')) return 'onchange';
  if (d.has('api.depends') || name.startsWith('_compute_')) return 'compute';
  if (name.startsWith('action_') || name.startsWith('button_')) return 'action';
  if (OVERRIDES.has(name)) return 'override';
  if (name.startsWith('_cron')) return 'cron';
  return 'other';
}

function readMethod(stmt: SyntaxNode, src: string, file: string, lineOf: (o: number) => number): PyMethod | undefined {
  const fn = stmt.name === 'DecoratedStatement' ? stmt.getChild('FunctionDefinition') : stmt;
  const nameNode = fn?.getChild('VariableName');
  const body = fn?.getChild('Body');
  if (!fn || !nameNode || !body) return undefined;
  const decorators = stmt.getChildren('Decorator').map((d) => readDecorator(d, src));
  const name = text(nameNode, src);
  const first = firstChildOf(body);
  const startLine = lineOf(stmt.from);
  const endLine = lineOf(Math.max(fn.from, fn.to - 1));
  const { complexity, messages } = scanBody(body, src);
  const route = stmt.getChildren('Decorator').map((d) => routeOf(d, src)).find((r) => r);
  return {
    name,
    file,
    line: lineOf(fn.from),
    endLine,
    decorators,
    docstring: first?.name === 'ExpressionStatement' ? docOf(first, src) : undefined,
    complexity,
    loc: endLine - startLine + 1,
    messages,
    role: roleOf(name, decorators),
    effects: methodEffects(body, src, file, lineOf),
    ...(route ? { route } : {}),
  };
}
