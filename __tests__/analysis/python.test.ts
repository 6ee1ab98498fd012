import { analysePython } from '../../src/analysis/python.js';
import { readManifest } from '../../src/analysis/manifest.js';
import { loadPython } from '../../src/analysis/py-parser.js';

// The parser's WebAssembly loads once per thread before the first parse.
await loadPython();

const SRC = `from odoo import api, fields, models

class Request(models.Model):
    """A repair to carry out."""
    _name = 'x.request'
    _description = "Repair Request"
    _inherit = ['mail.thread']

    name = fields.Char('Subject', required=True, help='What broke.')
    partner_id = fields.Many2one('res.partner', string='Customer')
    state = fields.Selection([('new', 'New'), ('done', 'Done')], string='Status', required=True)
    total = fields.Float(compute='_compute_total')

    _sql_constraints = [('name_uniq', 'unique(name)', 'Names are unique.')]

    @api.depends('partner_id')
    def _compute_total(self):
        for rec in self:
            rec.total = 1 if rec.partner_id and rec.name or rec.state else 0

    @api.constrains('name')
    def _check_name(self):
        for rec in self:
            if len(rec.name) < 3:
                raise ValidationError(_("Too short."))
            elif rec.name == 'x':
                pass

    def action_done(self):
        """Close it so that the customer knows."""
        self.write({'state': 'done'})
        return [r for r in self if r.state]

    @api.model_create_multi
    def create(self, vals_list):
        try:
            return super().create(vals_list)
        except Exception:
            with self.env.cr.savepoint():
                while False:
                    pass

class Vehicle(models.Model):
    _name = 'x.vehicle'
    _inherits = {'x.request': 'request_id'}

class NotAModel:
    pass
`;

describe('analysePython', () => {
  const { models, problem } = analysePython(SRC, 'm/models/x.py');

  test('reads models with _name, _inherit, _inherits and _description; skips plain classes', () => {
    expect(problem).toBeUndefined();
    expect(models.map((m) => m.name)).toEqual(['x.request', 'x.vehicle']);
    expect(models[0]).toMatchObject({ description: 'Repair Request', inherit: ['mail.thread'], docstring: 'A repair to carry out.', line: 3 });
    expect(models[1].inherits).toEqual({ 'x.request': 'request_id' });
  });

  test('reads fields with type, label, relation, compute, required, help and selection', () => {
    const f = Object.fromEntries(models[0].fields.map((x) => [x.name, x]));
    expect(f.name).toMatchObject({ type: 'Char', string: 'Subject', required: true, help: 'What broke.', line: 9 });
    expect(f.partner_id).toMatchObject({ type: 'Many2one', comodel: 'res.partner', string: 'Customer', required: false });
    expect(f.state.selection).toEqual([['new', 'New'], ['done', 'Done']]);
    expect(f.total.compute).toBe('_compute_total');
    expect(models[0].sqlConstraints).toEqual([expect.objectContaining({ name: 'name_uniq', message: 'Names are unique.' })]);
  });

  test('classifies methods and measures cyclomatic complexity from the tree', () => {
    const m = Object.fromEntries(models[0].methods.map((x) => [x.name, x]));
    expect(m._compute_total).toMatchObject({ role: 'compute', complexity: 1 + 1 + 1 + 1 + 1 }); // for, if-expr, and, or
    expect(m._check_name).toMatchObject({ role: 'constraint', complexity: 1 + 3, messages: [{ text: 'Too short.', file: 'm/models/x.py', line: 25 }] }); // for, if, elif
    expect(m.action_done).toMatchObject({ role: 'action', docstring: 'Close it so that the customer knows.', complexity: 1 + 2 }); // comprehension for + if
    expect(m.create).toMatchObject({ role: 'override', complexity: 1 + 3 }); // except, with, while
    expect(m.create.decorators).toEqual([{ name: 'api.model_create_multi', args: [] }]);
    expect(m._compute_total.decorators).toEqual([{ name: 'api.depends', args: ['partner_id'] }]);
  });

  test('a syntax error is reported with its line and the file yields no model', () => {
    const r = analysePython('class A(models.Model):\n    _name = "a"\n    def broken(:\n        pass\n', 'm/a.py');
    expect(r.models).toEqual([]);
    expect(r.problem).toMatchObject({ kind: 'python-syntax', file: 'm/a.py', line: 3 });
  });
});

// Each of these files was skipped whole as a "syntax error" by the previous parser (@lezer/python);
// Python 3.10+ accepts them all (Odoo 17 has each form: account_move.py, res_users.py, mail_thread.py...).
describe('valid Python forms the analysis used to drop', () => {
  const forms: [string, string, string, string[]][] = [
    ['a bare yield', 'x.batch', "    name = fields.Char('Batch')\n\n    def _iter(self):\n        yield\n", ['name']],
    ['floats with a trailing dot', 'x.rate', '    ratio = fields.Float(default=0.)\n    cap = fields.Float(string="Cap", default=100.)\n', ['ratio', 'cap']],
    ['*rest in a comprehension target', 'x.line', "    code = fields.Char()\n\n    def _heads(self, rows):\n        return [first for first, *rest in rows]\n", ['code']],
    [
      'match/case with class patterns',
      'x.ticket',
      "    state = fields.Selection([('new', 'New'), ('done', 'Done')])\n\n    def _label(self, value):\n        match value:\n            case str() | bytes():\n                return 'text'\n            case {'state': 'done'}:\n                return 'done'\n            case _:\n                return 'other'\n",
      ['state'],
    ],
  ];
  test.each(forms)('%s: the model and its fields are read', (_form, model, body, fields) => {
    const src = `from odoo import fields, models\n\n\nclass Thing(models.Model):\n    _name = '${model}'\n\n${body}`;
    const r = analysePython(src, 'm/models/thing.py');
    expect(r.problem).toBeUndefined();
    expect(r.models.map((m) => m.name)).toEqual([model]);
    expect(r.models[0].fields.map((f) => f.name)).toEqual(fields);
  });

  test('match/case counts one decision per case', () => {
    const src = `from odoo import models\n\nclass T(models.Model):\n    _name = 'x.t'\n${forms[3][2]}`;
    const m = analysePython(src, 'm/t.py').models[0].methods[0];
    expect(m).toMatchObject({ name: '_label', complexity: 1 + 3, line: 7, endLine: 14 });
  });
});

// Odoo 17 lunch: action_order refuses through self._check_wallet(), whose raise is 10 lines below its def.
describe('what a method refuses, and where', () => {
  const src = `from odoo import models, _
from odoo.exceptions import UserError, ValidationError


class LunchOrder(models.Model):
    _name = 'lunch.order'

    def _check_wallet(self):
        self.env.flush_all()
        for line in self:
            if line.balance < 0:
                raise ValidationError(_('Your wallet does not contain enough money to order that.'))

    def action_confirm(self):
        raise UserError(_('Confirm elsewhere.'))

    def action_order(self):
        for order in self:
            if not order.supplier_id.available_today:
                raise UserError(_('The vendor related to this order is not available today.'))
        self.write({'state': 'ordered'})
        self._check_wallet()
        self.action_confirm()
`;
  const methods = Object.fromEntries(analysePython(src, 'lunch/models/lunch_order.py').models[0].methods.map((m) => [m.name, m]));

  test('each message carries the line of its raise, not of the def', () => {
    expect(methods._check_wallet.messages).toEqual([{ text: 'Your wallet does not contain enough money to order that.', file: 'lunch/models/lunch_order.py', line: 12 }]);
  });

  test('a private helper of the class that the method calls adds its messages, marked with the helper; a public method it calls does not', () => {
    expect(methods.action_order.messages).toEqual([
      { text: 'The vendor related to this order is not available today.', file: 'lunch/models/lunch_order.py', line: 20 },
      { text: 'Your wallet does not contain enough money to order that.', file: 'lunch/models/lunch_order.py', line: 12, via: '_check_wallet' },
    ]);
  });
});

describe('syntax errors still name the line', () => {
  test.each([
    ['a missing colon after def', 'class A(models.Model):\n    _name = "a"\n\n    def f(self)\n        pass\n', 4],
    ['an unclosed bracket', "x = 1\ny = (1,\nz = 2\n", 2],
    ['an unmatched brace', 'a = 1\n}\nb = 2\n', 2],
    ['an unterminated string', "a = 1\nx = 'abc\nb = 2\n", 2],
  ])('%s', (_what, src, line) => {
    const r = analysePython(src, 'm/a.py');
    expect(r.models).toEqual([]);
    expect(r.problem).toMatchObject({ kind: 'python-syntax', file: 'm/a.py', line });
    expect(r.problem?.message).toMatch(/the file was skipped/);
  });
});

describe('readManifest', () => {
  test('reads the dict literal without evaluating it', () => {
    const r = readManifest("# c\n{'name': 'X', 'depends': ['base'], 'data': ['a.xml'], 'application': True,\n 'assets': {'web.assets_backend': ['x/static/a.js']}}\n", 'x/__manifest__.py');
    expect(r.ok && r.value).toMatchObject({ name: 'X', depends: ['base'], data: ['a.xml'], application: true, assets: ['x/static/a.js'], line: 2 });
  });

  test('a manifest with code in it is malformed, with the line of the offending entry', () => {
    const r = readManifest("{\n  'name': 'X',\n  'data': open('/etc/passwd').read(),\n}\n", 'x/__manifest__.py');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: 'manifest-malformed', line: 3 });
  });
});

test('a manifest with comments inside its lists and ("remove", ...) asset tuples is read (as in Odoo 17 hr_holidays)', () => {
  const r = readManifest(
    "{\n  'name': 'Time Off',\n  'data': [\n    'a.xml',  # first\n    # a whole-line comment\n    'b.xml',\n  ],\n  'assets': {'web.assets_backend': ['x/static/**/*', ('remove', 'x/static/**/*.dark.scss')]},\n}\n",
    'x/__manifest__.py',
  );
  expect(r.ok && r.value.data).toEqual(['a.xml', 'b.xml']);
});

test('what a method writes and calls is read wherever the call sits: in the value of an assignment to a name, inside another call, behind a comment', () => {
  const src = `from odoo import fields, models

class Order(models.Model):
    _name = 'x.order'
    state = fields.Selection([('draft', 'Draft')])

    def action_confirm(self):
        result = self.write({'state': 'sale'})
        done: bool = self.filtered(lambda o: o.state == 'draft').write({'state': 'done'})
        self.state = 'cancel'
        self.active = False
        count = 0
        print(len(self.env['mail.mail'].create({'subject': 'x'})))
        self.message_post(  # tell the followers
            body='Confirmed')
        template = self.env.ref('x.mail_confirmed')
        updated = self.update({'note': 'kept'})
        return result, count, template, updated
`;
  const [method] = analysePython(src, 'x/models/order.py').models[0].methods;
  expect(method.effects?.writes.map((w) => [w.field, w.value, w.line])).toEqual([
    ['state', 'sale', 8],
    ['state', 'done', 9],
    ['state', 'cancel', 10],
    ['active', 'false', 11],
    ['note', 'kept', 17],
  ]);
  expect(method.effects?.guards).toMatchObject([{ field: 'state', allowed: true, values: ['draft'], line: 9 }]);
  expect(method.effects?.calls.map((c) => [c.name, c.arg, c.line])).toEqual([
    ['create', 'mail.mail', 13],
    ['message_post', undefined, 14],
    ['ref', 'x.mail_confirmed', 16],
  ]);
});

describe('what a method writes, and to whose records', () => {
  const src = `from odoo import models

class Production(models.Model):
    _name = 'x.production'

    def action_done(self):
        self.filtered(lambda p: p.state == 'draft').state = 'confirmed'
        (self.move_ids | self.finished_ids).write({'state': 'done'})
        self.partner_id.write({'active': False})
        self.env.ref('x.cron_check').active = True
        self.env['x.move'].search([]).write({'state': 'cancel'})
        (first | second).write({'state': 'done'})
        for rec in self:
            rec.write({'priority': '1'})
        context.update({'tracking_disable': True})

    def write(self, vals):
        if vals and 'priority' not in vals and 'state' in vals:
            vals['priority'] = '0'
        if 'user_id' in vals or vals.get('team_id'):
            self.message_subscribe(partner_ids=[])
        if self.name or 'state' in vals:
            self.activity_unlink(['x.act'])
        other = vals.copy()
        if not self:
            return super().write(vals)
        self.copy({'name': 'again'})
        return super().write(vals)
`;
  const method = (name: string) => analysePython(src, 'm/models/p.py').models[0].methods.find((m) => m.name === name);

  test('only the method\'s own records count, a filter makes it "some of them", another model is named', () => {
    const writes = method('action_done')?.effects?.writes.map(({ file: _f, ...w }) => w);
    expect(writes).toEqual([
      { field: 'state', value: 'confirmed', line: 7, conditional: true },
      // (self.move_ids | ...) and self.partner_id are records of other models the code does not name; env.ref too.
      { field: 'state', value: 'cancel', line: 11, model: 'x.move', conditional: true },
      { field: 'state', value: 'done', line: 12 },
      { field: 'priority', value: '1', line: 14 },
      // context.update() is a dict's.
    ]);
  });

  test('in write(), what runs under `if "field" in vals` is a reaction to that field; other tests make it conditional', () => {
    const e = method('write')?.effects;
    expect(e?.writes.map((w) => [w.field, w.value, w.onChangeOf, w.conditional])).toEqual([['priority', '0', ['state'], undefined]]);
    expect(e?.calls.map((c) => [c.name, c.onChangeOf, c.conditional])).toEqual([
      ['message_subscribe', ['user_id', 'team_id'], undefined],
      // `self.name or 'state' in vals` is not only about the values.
      ['activity_unlink', undefined, true],
      // vals.copy() copies a dict; self.copy() after an early return runs only sometimes.
      ['copy', undefined, true],
    ]);
  });
});

// Odoo 17 account.move: action_post posts through `other_moves._post(soft=False)`, a part of its own records.
test('a call on a name the method gave part of its own records is a call on its own records; a related record is not', () => {
  const src = `from odoo import models


class Move(models.Model):
    _name = 'account.move'

    def action_post(self):
        moves_with_payments = self.filtered('payment_id')
        other_moves = self - moves_with_payments
        if other_moves:
            other_moves._post(soft=False)
        partner = self.partner_id
        partner._increase_rank()
        return False
`;
  const m = analysePython(src, 'account/models/account_move.py').models[0].methods[0];
  expect(m.selfCalls).toContain('_post');
  expect(m.selfCalls).not.toContain('_increase_rank');
});

test('a call on self.filtered(...) is made on some records only; a helper\'s calls are the caller\'s, marked with the helper (maintenance\'s activity_update)', () => {
  const src = `from odoo import api, models

class Request(models.Model):
    _name = 'x.request'

    def write(self, vals):
        res = super().write(vals)
        self.activity_update()
        return res

    def activity_update(self):
        self.filtered(lambda r: not r.schedule_date).activity_unlink(['x.mail_act_request'])
        self.activity_schedule('x.mail_act_request')
`;
  const methods = analysePython(src, 'x/models/request.py').models[0].methods;
  const byName = (n: string) => methods.find((m) => m.name === n)?.effects?.calls.map((c) => [c.name, c.conditional ?? false, c.via]);
  expect(byName('activity_update')).toEqual([['activity_unlink', true, undefined], ['activity_schedule', false, undefined]]);
  expect(byName('write')).toEqual([['activity_unlink', true, 'activity_update'], ['activity_schedule', false, 'activity_update']]);
});
