/**
 * What else Odoo 17's hr_expense showed, read by hand first and then compared with the map:
 * - the app's "so that" came from a note on compatibility far down the description ("so that you
 *   are able to automatically re-invoice ..."), not from its first reason ("allows you to manage
 *   your employees' daily expenses"), and spoke to "you";
 * - a button's reason was a docstring naming a model ("Open the account.payment.register wizard");
 * - the expenses were called "Expenses Analysis", the name of the reporting action;
 * - the employees' rule `[('employee_id.user_id', '=', user.id), ('state', '=', 'draft')]` read
 *   "their own ... (the rule also tests Status)", hiding which of their records;
 * - expenses created from incoming emails (message_new) were not told;
 * - the QWeb bodies of the messages it posts (data/mail_templates.xml) were listed as web client templates.
 */
import { featureMapOf, storyLines, type MapFeature } from './support.js';

const FILES: Record<string, string> = {
  'spend/__init__.py': 'from . import models\n',
  'spend/__manifest__.py': `{
    'name': 'Spending',
    'depends': ['mail'],
    'description': """
This application allows you to manage your employees' daily expenses.

This module also uses analytic accounting so that you are able to re-invoice your customers' expenses.
""",
    'data': ['security/ir.model.access.csv', 'security/rules.xml', 'data/mail_templates.xml', 'views/spend_views.xml'],
}
`,
  'spend/models/__init__.py': 'from . import spend\n',
  'spend/models/spend.py': `from odoo import api, fields, models


class Spend(models.Model):
    _name = 'spend.line'
    _inherit = ['mail.thread']
    _description = 'Spending'

    name = fields.Char(required=True)
    user_id = fields.Many2one('res.users', string='Owner')
    state = fields.Selection([('draft', 'To Submit'), ('done', 'Done')], string='Status', default='draft')

    def action_pay(self):
        """Open the account.payment.register wizard to pay the selected lines."""
        self.message_post_with_source('spend.spend_paid_message', render_values={'name': self.name})
        return True

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        return super().message_new(msg_dict, custom_values=custom_values)
`,
  'spend/security/ir.model.access.csv': 'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_spend,spend,model_spend_line,base.group_user,1,1,1,1\n',
  'spend/security/rules.xml': `<?xml version="1.0"?>
<odoo>
    <record id="spend_own_draft" model="ir.rule">
        <field name="name">Own draft spending</field>
        <field name="model_id" ref="model_spend_line"/>
        <field name="domain_force">[('user_id', '=', user.id), ('state', '=', 'draft')]</field>
        <field name="groups" eval="[(4, ref('base.group_user'))]"/>
    </record>
</odoo>
`,
  'spend/data/mail_templates.xml': `<?xml version="1.0"?>
<odoo>
    <template id="spend_paid_message">
        <p>The spending <t t-out="name"/> is paid.</p>
    </template>
</odoo>
`,
  'spend/views/spend_views.xml': `<?xml version="1.0"?>
<odoo>
    <record id="spend_view_form" model="ir.ui.view">
        <field name="model">spend.line</field>
        <field name="arch" type="xml">
            <form>
                <header><button name="action_pay" type="object" string="Pay"/></header>
                <field name="name"/>
            </form>
        </field>
    </record>
    <record id="spend_analysis_action" model="ir.actions.act_window">
        <field name="name">Spending Analysis</field>
        <field name="res_model">spend.line</field>
    </record>
    <record id="spend_action" model="ir.actions.act_window">
        <field name="name">My Spending</field>
        <field name="res_model">spend.line</field>
    </record>
    <menuitem id="spend_root" name="Spending"/>
    <menuitem id="spend_menu" name="My Spending" parent="spend_root" action="spend_action"/>
</odoo>
`,
};

let features: Record<string, MapFeature>;
beforeAll(async () => {
  features = await featureMapOf(FILES);
});

test('the app\'s reason is the first the description states, said by the persona', () => {
  const app = Object.entries(features).find(([id]) => id.startsWith('spend-app-'))?.[1];
  expect(app?.stories[0].text).toBe('As an Internal User, I want to open the Spending app and reach My Spending, so that I can manage our employees\' daily expenses.');
});

test('a docstring that names a model is no reason; an analysis action does not name the records', () => {
  const model = features['spend-model-spend_line'];
  expect(model.stories.map((s) => s.text)).toEqual([
    'As an Internal User, I want to record and follow My Spending in form view.',
    'As an Internal User, I want to use "Pay" on a Spending.',
  ]);
});

test('a rule on their own records that also tests a field says which of their records', () => {
  expect(storyLines(features['spend-model-spend_line'])).toContain(
    'Internal User sees only their own Spending records (Owner is them) where Status is To Submit ("Own draft spending") (addons/spend/security/rules.xml:3).',
  );
});

test('an email to the alias making a record (message_new) is told', () => {
  expect(storyLines(features['spend-model-spend_line'])).toContain('An email sent to the Spending alias creates a Spending (message_new reads the email) (addons/spend/models/spend.py:19).');
});

test('the body of a message the code posts is no web client template', () => {
  expect(Object.keys(features).filter((id) => id.startsWith('spend-ui-'))).toEqual([]);
});
