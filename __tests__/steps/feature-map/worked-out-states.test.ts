/**
 * sms's sms.sms writes `{'state': state}` with the state the IAP answer gives, yet the map said
 * "No code in this module sets Processing, Sent, Delivered or Canceled". And a rule on a related
 * selection (sale.order.line's `state = fields.Selection(related='order_id.state')`) showed the raw
 * value ('sale') where the order's label is known.
 */
import { featureMapOf, storyLines, type MapFeature } from './support.js';

const FILES: Record<string, string> = {
  'note/__init__.py': 'from . import models\n',
  'note/__manifest__.py': "{'name': 'Notes', 'depends': ['base'], 'data': ['security/ir.model.access.csv', 'security/rules.xml', 'views/views.xml']}\n",
  'note/models/__init__.py': 'from . import note\n',
  'note/models/note.py': `from odoo import fields, models


class Message(models.Model):
    _name = 'note.message'
    _description = 'Text Message'

    name = fields.Char()
    state = fields.Selection([('outgoing', 'In Queue'), ('sent', 'Sent'), ('error', 'Error')], string='Status', default='outgoing')

    def action_resend(self):
        self.write({'state': 'outgoing'})

    def _postprocess(self, results):
        for result in results:
            self.write({'state': result['state']})


class Line(models.Model):
    _name = 'note.line'
    _description = 'Message Line'

    message_id = fields.Many2one('note.message')
    state = fields.Selection(related='message_id.state', string='Message Status')
`,
  'note/security/ir.model.access.csv': 'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_message,message,model_note_message,base.group_user,1,1,1,1\naccess_line,line,model_note_line,base.group_user,1,1,1,1\n',
  'note/security/rules.xml': `<?xml version="1.0"?>
<odoo>
    <record id="rule_sent_lines" model="ir.rule">
        <field name="name">Sent lines</field>
        <field name="model_id" ref="model_note_line"/>
        <field name="domain_force">[('state', '=', 'sent')]</field>
        <field name="groups" eval="[(4, ref('base.group_user'))]"/>
    </record>
</odoo>
`,
  'note/views/views.xml': `<?xml version="1.0"?>
<odoo>
    <record id="message_form" model="ir.ui.view">
        <field name="model">note.message</field>
        <field name="arch" type="xml">
            <form><header><button name="action_resend" type="object" string="Resend"/></header><field name="name"/></form>
        </field>
    </record>
</odoo>
`,
};

let features: Record<string, MapFeature>;
beforeAll(async () => {
  features = await featureMapOf(FILES);
});

test('a state written from a variable may be any of them: no state is said to be set by no code', () => {
  const lines = storyLines(features['note-lifecycle-note_message']);
  expect(lines).toContain('"Resend" sets Status to In Queue (addons/note/models/note.py:12).');
  expect(lines.filter((l) => l.startsWith('No code in this module sets'))).toEqual([]);
});

test('a related selection shows the labels of the field it relays', () => {
  expect(storyLines(features['note-model-note_line'])).toContain('Internal User sees only the Message Line records where Message Status is Sent ("Sent lines") (addons/note/security/rules.xml:3).');
});
