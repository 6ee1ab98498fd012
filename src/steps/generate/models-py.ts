/** models/<model>.py: a class per new model, an _inherit class per customized existing model. */
import { withPythonTree } from '../../analysis/py-parser.js';
import { hasBidiControls } from '../../core/bidi.js';
import type { FieldRec, ModelRec } from '../extract/schema.js';
import type { GenContext } from './context.js';
import { className, indent, isModelName, isPyIdent, pyStr } from './py.js';

const FIELD_CLASS: Record<string, string> = {
  char: 'Char', text: 'Text', html: 'Html', integer: 'Integer', float: 'Float', monetary: 'Monetary',
  boolean: 'Boolean', date: 'Date', datetime: 'Datetime', binary: 'Binary', selection: 'Selection',
  many2one: 'Many2one', one2many: 'One2many', many2many: 'Many2many', json: 'Json', properties: 'Properties',
};

/** True when modelFile writes the field (a Python identifier of a type the generator knows). */
export function writesField(ctx: GenContext, f: FieldRec): boolean {
  return isPyIdent(ctx.fieldName(f.model, f.name)) && FIELD_CLASS[f.ttype] !== undefined;
}

/** True when the code parses as Python. Needs `await loadPython()` first (the generate step does). */
export function looksLikePython(code: string): boolean {
  return withPythonTree(code, (root) => !root.hasError);
}

export function modelFile(ctx: GenContext, module: string, model: string, newModel: ModelRec | undefined, fields: FieldRec[], carriesData = false): string {
  const name = ctx.modelName(model);
  if (!isModelName(name)) throw new Error(`bug: model name ${name} passed validation`);
  const lines: string[] = [`class ${className(name)}(models.Model):`];
  if (newModel) {
    lines.push(`    _name = ${pyStr(name)}`);
    lines.push(`    _description = ${pyStr(newModel.label)}`);
    const inherits = [newModel.mailThread ? 'mail.thread' : '', newModel.mailActivity ? 'mail.activity.mixin' : ''].filter((x) => x);
    if (inherits.length > 0) lines.push(`    _inherit = [${inherits.map(pyStr).join(', ')}]`);
    if (newModel.order !== 'id') lines.push(`    _order = ${pyStr(ctx.renameText(newModel.order))}`);
    const recName = fields.find((f) => f.name === 'x_name');
    if (recName) lines.push(`    _rec_name = ${pyStr(ctx.fieldName(model, 'x_name'))}`);
  } else {
    lines.push(`    _inherit = ${pyStr(model)}`);
  }
  const methods: string[] = [];
  let body = 0;
  for (const f of fields) {
    const fname = ctx.fieldName(model, f.name);
    if (!isPyIdent(fname)) {
      ctx.warnings.push(`${module}: field ${model}.${f.name} has a name that is not a Python identifier; left out`);
      continue;
    }
    const cls = FIELD_CLASS[f.ttype];
    if (!cls) {
      ctx.warnings.push(`${module}: field ${model}.${f.name} has type ${f.ttype}, which the generator does not write; left out`);
      continue;
    }
    lines.push('', `    ${fname} = fields.${cls}(`);
    for (const arg of fieldArgs(ctx, f)) lines.push(`        ${arg},`);
    lines.push('    )');
    body++;
    if (f.compute) methods.push(computeMethod(ctx, module, model, f));
  }
  if (body === 0 && !newModel) lines.push('    pass');
  for (const m of methods) lines.push('', m);
  if (carriesData) {
    // data/records.xml is loaded after the pre_init_hook adopted the existing rows: those keep what they hold now.
    lines.push('', '    def _load_records_write(self, values):', '        if not adopted(self):', '            super()._load_records_write(values)');
  }
  const imports = importsFor(methods.join('\n'), body > 0);
  if (carriesData) imports.push('', 'from ..hooks import adopted');
  return `${imports.join('\n')}\n\n\n${lines.join('\n')}\n`;
}

const DATEUTIL_MODULES = ['parser', 'relativedelta', 'rrule', 'tz'];

/**
 * Only the imports the file uses. Studio compute code runs with datetime, time and dateutil at
 * hand (Odoo's safe_eval context); where the code names them, they are imported for real, with
 * the dateutil submodules it reaches (`import dateutil` alone has no `dateutil.relativedelta`).
 */
function importsFor(methods: string, hasFields: boolean): string[] {
  const uses = (n: string) => new RegExp(`(?<![\\w.])${n}\\b`).test(methods);
  const std = ['datetime', 'time'].filter(uses).map((n) => `import ${n}`);
  const dateutil = uses('dateutil') ? DATEUTIL_MODULES.filter((m) => methods.includes(`dateutil.${m}`)).map((m) => `import dateutil.${m}`) : [];
  if (uses('dateutil') && dateutil.length === 0) dateutil.push('import dateutil');
  const odoo = [...(/^\s*@api\./m.test(methods) ? ['api'] : []), ...(hasFields ? ['fields'] : []), 'models'];
  return [...std, ...(std.length > 0 ? [''] : []), ...dateutil, ...(dateutil.length > 0 ? [''] : []), `from odoo import ${odoo.join(', ')}`];
}

function fieldArgs(ctx: GenContext, f: FieldRec): string[] {
  const args: string[] = [];
  const rel = f.relation ? ctx.modelName(f.relation) : undefined;
  if (f.ttype === 'many2one' || f.ttype === 'one2many' || f.ttype === 'many2many') {
    if (!rel || !isModelName(rel)) {
      ctx.warnings.push(`field ${f.model}.${f.name}: relation ${String(f.relation)} is not a valid model name`);
    } else args.push(`comodel_name=${pyStr(rel)}`);
  }
  if (f.ttype === 'one2many' && f.relationField && f.relation) args.push(`inverse_name=${pyStr(ctx.fieldName(f.relation, f.relationField))}`);
  if (f.ttype === 'many2many') {
    if (f.relationTable) args.push(`relation=${pyStr(f.relationTable)}`);
    if (f.column1) args.push(`column1=${pyStr(f.column1)}`);
    if (f.column2) args.push(`column2=${pyStr(f.column2)}`);
  }
  if (f.ttype === 'selection') {
    args.push(`selection=[${f.selection.map((o) => `(${pyStr(o.value)}, ${pyStr(o.label)})`).join(', ')}]`);
  }
  args.push(`string=${pyStr(f.label)}`);
  if (f.help) args.push(`help=${pyStr(f.help)}`);
  if (f.required) args.push('required=True');
  if (f.readonly) args.push('readonly=True');
  if (f.index) args.push('index=True');
  if (!f.copied) args.push('copy=False');
  if (f.translate && ['char', 'text', 'html'].includes(f.ttype)) args.push('translate=True');
  if (f.tracking) args.push('tracking=True');
  if (f.size && f.ttype === 'char') args.push(`size=${Math.trunc(f.size)}`);
  if (f.ttype === 'monetary' && f.currencyField) args.push(`currency_field=${pyStr(ctx.fieldName(f.model, f.currencyField))}`);
  if (f.ttype === 'many2one' && f.onDelete) args.push(`ondelete=${pyStr(f.onDelete)}`);
  if (f.domain && ['many2one', 'one2many', 'many2many'].includes(f.ttype)) args.push(`domain=${pyStr(ctx.renameText(f.domain))}`);
  if (f.groups.length > 0) args.push(`groups=${pyStr(f.groups.join(','))}`);
  if (f.related) args.push(`related=${pyStr(ctx.renameText(f.related))}`);
  if (f.compute) args.push(`compute=${pyStr(`_compute_${ctx.fieldName(f.model, f.name)}`)}`);
  if ((f.compute || f.related) && f.store) args.push('store=True');
  return args;
}

/**
 * The Studio compute code becomes the method body (it loops `for record in self:` itself). Code
 * that does not parse, or holds bidi controls, is kept as a string constant and the method raises, so the module still
 * loads and the text never runs as code.
 */
function computeMethod(ctx: GenContext, module: string, model: string, f: FieldRec): string {
  const fname = ctx.fieldName(model, f.name);
  const deps = (f.depends ?? '').split(',').map((d) => ctx.renameText(d.trim())).filter((d) => d !== '');
  const head = [
    ...(deps.length > 0 ? [`    @api.depends(${deps.map(pyStr).join(', ')})`] : []),
    `    def _compute_${fname}(self):`,
  ];
  const code = ctx.renameText(f.compute ?? '');
  // Bidi controls can make code read differently than it runs (Trojan Source): never emit it as code.
  const trojan = hasBidiControls(code);
  if (!trojan && code.trim() !== '' && looksLikePython(code) && !/^[ \t]/.test(code.replace(/^\s*\n/, ''))) {
    return [...head, indent(code.replace(/\s+$/, ''), '        ')].join('\n');
  }
  ctx.warnings.push(
    trojan
      ? `${module}: compute code of ${model}.${f.name} holds bidirectional control characters, which can hide what code does (Trojan Source); kept as text in the method, which raises until it is checked and fixed`
      : `${module}: compute code of ${model}.${f.name} does not parse as Python; kept as text in the method, which raises until it is fixed`,
  );
  return [
    ...head,
    `        studio_code = ${pyStr(f.compute ?? '')}`,
    `        raise NotImplementedError(${pyStr(`compute code of ${f.name} needs fixing: `)} + studio_code)`,
  ].join('\n');
}
