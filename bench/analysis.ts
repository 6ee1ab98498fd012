/**
 * Bench: static analysis of a generated tree of 500 modules (~1 M lines of Python and XML).
 * Targets: < 15 s on a 2-core machine, peak memory < 1 GB.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { analyseAddons } from '../src/analysis/index.js';
import { lastRun } from '../src/analysis/pool.js';

const MODULES = 500;
const MODELS_PER_MODULE = 5;
const FIELDS_PER_MODEL = 60;
const METHODS_PER_MODEL = 17;
const run_ = promisify(execFile);

export function pythonModel(mod: number, n: number): string {
  const name = `bench${mod}.model${n}`;
  const lines = [
    'from odoo import _, api, fields, models',
    'from odoo.exceptions import ValidationError',
    '',
    '',
    `class Model${n}(models.Model):`,
    `    """Bench model ${n} of module ${mod}, so that the analyser has docstrings to read."""`,
    `    _name = '${name}'`,
    `    _description = 'Bench Model ${n}'`,
    "    _inherit = ['mail.thread']",
    '',
  ];
  for (let f = 0; f < FIELDS_PER_MODEL; f++) {
    const kind = f % 5;
    if (kind === 0) lines.push(`    name_${f} = fields.Char(string='Name ${f}', required=${f % 2 === 0 ? 'True' : 'False'}, help='Help text ${f}.')`);
    else if (kind === 1) lines.push(`    partner_${f}_id = fields.Many2one('res.partner', string='Partner ${f}')`);
    else if (kind === 2) lines.push(`    state_${f} = fields.Selection([('a', 'A'), ('b', 'B'), ('c', 'C')], string='State ${f}', default='a')`);
    else if (kind === 3) lines.push(`    amount_${f} = fields.Float(compute='_compute_${f}', store=True)`);
    else lines.push(`    line_${f}_ids = fields.One2many('bench${mod}.model${(n + 1) % MODELS_PER_MODULE}', 'parent_id', string='Lines ${f}')`);
  }
  lines.push('', `    _sql_constraints = [('name_uniq', 'unique(name_0)', 'Name must be unique.')]`, '');
  for (let m = 0; m < METHODS_PER_MODEL; m++) {
    const deco = m % 4 === 0 ? `    @api.depends('name_${m}', 'state_2')` : m % 4 === 1 ? `    @api.constrains('amount_${m}')` : m % 4 === 2 ? `    @api.onchange('partner_1_id')` : '';
    if (deco) lines.push(deco);
    lines.push(
      `    def ${m % 4 === 3 ? 'action' : '_method'}_${m}(self):`,
      `        """Do step ${m} so that the record moves on."""`,
      '        for record in self:',
      `            if record.state_2 == 'a' and record.name_0 or record.amount_3 > ${m}:`,
      `                record.amount_3 = sum(l.amount_3 for l in record.line_4_ids if l.state_2 == 'b')`,
      "            elif record.state_2 == 'b':",
      "                raise ValidationError(_('Step refused.'))",
      '            else:',
      '                record.amount_3 = 0 if record.amount_3 else 1',
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

export function xmlViews(mod: number, n: number): string {
  const model = `bench${mod}.model${n}`;
  const fieldsXml = Array.from({ length: FIELDS_PER_MODEL }, (_, f) => `                    <field name="f_${f}"/>`);
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<odoo>'];
  for (const type of ['tree', 'form', 'kanban', 'search']) {
    out.push(
      `    <record id="view_${n}_${type}" model="ir.ui.view">`,
      `        <field name="name">${model}.${type}</field>`,
      `        <field name="model">${model}</field>`,
      '        <field name="arch" type="xml">',
      `            <${type}>`,
      ...(type === 'form' ? ['                <header>', `                    <button name="action_3" string="Go" type="object" groups="group_user"/>`, '                </header>'] : []),
      ...fieldsXml.slice(0, type === 'form' ? FIELDS_PER_MODEL : 12),
      `            </${type}>`,
      '        </field>',
      '    </record>',
    );
  }
  out.push(
    `    <record id="action_${n}" model="ir.actions.act_window">`,
    `        <field name="name">Model ${n}</field>`,
    `        <field name="res_model">${model}</field>`,
    '        <field name="help" type="html"><p>Track things so that nothing is lost.</p></field>',
    '    </record>',
    `    <menuitem id="menu_${n}" name="Model ${n}" parent="menu_root" action="action_${n}"/>`,
    '</odoo>',
  );
  return `${out.join('\n')}\n`;
}

export function generate(root: string, modules = MODULES): void {
  for (let mod = 0; mod < modules; mod++) {
    const dir = join(root, `bench_module_${mod}`);
    mkdirSync(join(dir, 'models'), { recursive: true });
    mkdirSync(join(dir, 'views'), { recursive: true });
    mkdirSync(join(dir, 'security'), { recursive: true });
    const data = ['security/security.xml', 'security/ir.model.access.csv', ...Array.from({ length: MODELS_PER_MODULE }, (_, n) => `views/model_${n}.xml`), 'views/menus.xml'];
    writeFileSync(join(dir, '__manifest__.py'), `{\n    'name': 'Bench ${mod}',\n    'depends': ['base', 'mail'],\n    'data': ${JSON.stringify(data)},\n    'application': True,\n}\n`);
    writeFileSync(join(dir, '__init__.py'), 'from . import models\n');
    writeFileSync(join(dir, 'security/security.xml'), '<odoo>\n    <record id="group_user" model="res.groups"><field name="name">Bench User</field></record>\n</odoo>\n');
    writeFileSync(
      join(dir, 'security/ir.model.access.csv'),
      `id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\n${Array.from({ length: MODELS_PER_MODULE }, (_, n) => `access_${n},a${n},model_bench${mod}_model${n},group_user,1,1,1,0`).join('\n')}\n`,
    );
    writeFileSync(join(dir, 'views/menus.xml'), '<odoo>\n    <menuitem id="menu_root" name="Bench" groups="group_user"/>\n</odoo>\n');
    for (let n = 0; n < MODELS_PER_MODULE; n++) {
      writeFileSync(join(dir, `models/model_${n}.py`), pythonModel(mod, n));
      writeFileSync(join(dir, `views/model_${n}.xml`), xmlViews(mod, n));
    }
  }
}

/** What the child process measured: the analysis alone, in a process of its own. */
interface ChildFigures {
  modules: number;
  problems: number;
  lines: number;
  python: number;
  threads: number;
  seconds: number;
  cpuSeconds: number;
  /** resourceUsage().maxRSS of the child: its own peak, worker threads included, in KB. */
  maxRssKb: number;
}

/** Runs in the child (`bench.js --analysis-child <root>`): analyse, then print the figures as JSON. */
export async function analysisChild(root: string): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await analyseAddons(['.'], { base: root });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const figures: ChildFigures = {
    modules: result.modules.length,
    problems: result.problems.length,
    lines: result.lines,
    python: result.modules.reduce((n, m) => n + m.lines.python, 0),
    threads: lastRun.threads,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    maxRssKb: resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

export async function run(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'ops-bench-analysis-'));
  try {
    generate(root);
    // The analysis runs in a child process, so its peak memory is its own: this process holds
    // the generated tree's bookkeeping and whatever the benches before it left behind.
    const { stdout } = await run_(process.execPath, [process.argv[1], '--analysis-child', root], { maxBuffer: 1 << 20 });
    const f = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildFigures;
    if (f.modules !== MODULES || f.problems > 0) {
      throw new Error(`bench tree misread: ${f.modules} modules, ${f.problems} problems`);
    }
    console.log(`bench analysis: modules = ${f.modules} (lines: ${f.python} Python + ${f.lines - f.python} XML = ${f.lines})`);
    console.log(`bench analysis: threads = ${f.threads}`);
    console.log(`bench analysis: cpu time = ${f.cpuSeconds.toFixed(2)} s (wall time is higher when other work shares the CPU)`);
    console.log(`bench analysis: time = ${f.seconds.toFixed(2)} s (target < 15 s)`);
    console.log(`bench analysis: throughput = ${Math.round(f.lines / f.seconds)} lines/s (target > 66667 lines/s)`);
    console.log(`bench analysis: peak memory = ${Math.round(f.maxRssKb / 1024)} MB (maxRSS of a process running only the analysis; target < 1024 MB)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
