/**
 * What Odoo 17's lunch module showed wrong or missed (read by hand first, then compared):
 * record rules that apply to some operations only were told as "sees only"; kanban cards'
 * <a type="object"> buttons were not buttons ("no button calls action_order: it runs from code");
 * settings kept on the company (related, readonly=False) were no settings; a record of another
 * module the data changes was "loaded"; the app story gave its users menus only managers see;
 * "in order to be able to ..." became "so that be able to ..."; message_notify was a chatter post.
 */
import { featureMapOf, storyLines } from './support.js';
import type { MapFeature } from './support.js';

const FILES: Record<string, string> = {
  'canteen/__init__.py': 'from . import models\n',
  'canteen/__manifest__.py':
    "{'name': 'Canteen', 'summary': 'Track meal orders at work', 'depends': ['base', 'mail'], 'data': ['security/canteen_security.xml', 'security/ir.model.access.csv', 'views/canteen_views.xml', 'views/res_config_settings.xml']}\n",
  'canteen/models/__init__.py': 'from . import canteen\n',
  'canteen/models/canteen.py': `from odoo import fields, models
from odoo.exceptions import UserError


class Meal(models.Model):
    _name = 'canteen.meal'
    _description = 'Meal Order'

    name = fields.Char(required=True)
    user_id = fields.Many2one('res.users', 'User')
    state = fields.Selection([('new', 'To Order'), ('ordered', 'Ordered'), ('done', 'Received')], 'Status', default='new')

    def action_order(self):
        if not self.name:
            raise UserError("Name the meal first.")
        self.write({'state': 'ordered'})
        self._check_wallet()

    def action_receive(self):
        self.write({'state': 'done'})
        self.user_id.partner_id.message_notify(body="Your meal is here")

    def add_to_cart(self):
        """Does nothing yet: needed in order to be able to reuse this model in place of a wizard."""
        return True

    def action_open_cook(self):
        return {'type': 'ir.actions.act_window', 'res_model': 'canteen.meal', 'view_mode': 'kanban'}

    def action_print(self):
        """Prints the ticket in order to be able to hand it to the cook."""
        return True

    def _check_wallet(self):
        for meal in self:
            if meal.user_id.credit < 0:
                raise UserError("Your wallet does not contain enough money to order that.")

    def get_wallet_balance(self, user):
        """Returns the wallet balance of the user. The balance sums the cash moves.

        :param user: res.users record
        :return: float
        """
        return 0.0


class Company(models.Model):
    _inherit = 'res.company'

    canteen_limit = fields.Float()


class Settings(models.TransientModel):
    _inherit = 'res.config.settings'

    currency_id = fields.Many2one('res.currency', related='company_id.currency_id')
    company_canteen_limit = fields.Float(string="Maximum Overdraft", related='company_id.canteen_limit', readonly=False)


class Partner(models.Model):
    _inherit = 'res.partner'

    def _get_canteen_values(self):
        """Override of payment to return canteen-specific rendering values."""
        return {}


class Device(models.Model):
    _inherit = 'res.users'

    def unlink(self):
        """Notify users when their canteen badge is removed."""
        return super().unlink()
`,
  'canteen/security/canteen_security.xml': `<?xml version="1.0"?>
<odoo>
    <record id="module_category_canteen" model="ir.module.category">
        <field name="name">Canteen</field>
    </record>
    <record id="group_canteen_user" model="res.groups">
        <field name="name">User</field>
        <field name="category_id" ref="module_category_canteen"/>
    </record>
    <record id="group_canteen_manager" model="res.groups">
        <field name="name">Manager</field>
        <field name="category_id" ref="module_category_canteen"/>
        <field name="implied_ids" eval="[(4, ref('group_canteen_user'))]"/>
    </record>
    <record id="rule_delete" model="ir.rule">
        <field name="name">Only new meals deleted</field>
        <field name="model_id" ref="model_canteen_meal"/>
        <field name="domain_force">[('state', '=', 'new')]</field>
        <field name="perm_read" eval="0"/>
        <field name="perm_write" eval="0"/>
        <field name="perm_create" eval="0"/>
        <field name="perm_unlink" eval="1"/>
        <field name="groups" eval="[(4, ref('group_canteen_user'))]"/>
    </record>
    <record id="rule_write" model="ir.rule">
        <field name="name">Own meals not received</field>
        <field name="model_id" ref="model_canteen_meal"/>
        <field name="domain_force">[('state', '!=', 'done'), ('user_id', '=', user.id)]</field>
        <field name="perm_read" eval="False"/>
        <field name="perm_create" eval="False"/>
        <field name="perm_unlink" eval="False"/>
        <field name="groups" eval="[(4, ref('group_canteen_user'))]"/>
    </record>
    <record id="rule_read" model="ir.rule">
        <field name="name">Own meals</field>
        <field name="model_id" ref="model_canteen_meal"/>
        <field name="domain_force">[('user_id', '=', user.id)]</field>
        <field name="groups" eval="[(4, ref('group_canteen_user'))]"/>
    </record>
    <record id="base.default_user" model="res.users">
        <field name="groups_id" eval="[(4, ref('group_canteen_manager'))]"/>
    </record>
</odoo>
`,
  'canteen/security/ir.model.access.csv': [
    'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink',
    'access_meal_user,meal,model_canteen_meal,group_canteen_user,1,1,1,1',
    'access_meal_manager,meal,model_canteen_meal,group_canteen_manager,1,1,1,1',
    '',
  ].join('\n'),
  'canteen/views/canteen_views.xml': `<?xml version="1.0"?>
<odoo>
    <record id="meal_kanban" model="ir.ui.view">
        <field name="name">canteen.meal.kanban</field>
        <field name="model">canteen.meal</field>
        <field name="arch" type="xml">
            <kanban>
                <field name="state"/>
                <templates>
                    <t t-name="kanban-box">
                        <div>
                            <field name="name"/>
                            <a role="button" name="action_order" string="Order" type="object" groups="canteen.group_canteen_manager">Order</a>
                            <button name="action_receive" string="Receive" type="object" groups="canteen.group_canteen_manager"/>
                            <button name="add_to_cart" string="Add To Cart" type="object"/>
                            <button name="action_print" string="Print" type="object"/>
                            <a type="object" name="action_open_cook"><i class="fa fa-cutlery"/> Cook's view</a>
                        </div>
                    </t>
                </templates>
            </kanban>
        </field>
    </record>
    <record id="meal_action" model="ir.actions.act_window">
        <field name="name">Meals</field>
        <field name="res_model">canteen.meal</field>
        <field name="view_mode">kanban</field>
    </record>
    <menuitem id="menu_root" name="Canteen" groups="group_canteen_user"/>
    <menuitem id="menu_meals" name="My Meals" parent="menu_root" action="meal_action"/>
    <menuitem id="menu_manager" name="Manager" parent="menu_root" groups="group_canteen_manager"/>
    <menuitem id="menu_all_meals" name="All Meals" parent="menu_manager" action="meal_action"/>
</odoo>
`,
  'canteen/views/res_config_settings.xml': `<?xml version="1.0"?>
<odoo>
    <record id="settings_form" model="ir.ui.view">
        <field name="name">res.config.settings.canteen</field>
        <field name="model">res.config.settings</field>
        <field name="inherit_id" ref="base.res_config_settings_view_form"/>
        <field name="arch" type="xml">
            <xpath expr="//form" position="inside">
                <field name="currency_id" invisible="1"/>
                <field name="company_canteen_limit"/>
            </xpath>
        </field>
    </record>
</odoo>
`,
};

let features: Record<string, MapFeature>;
beforeAll(async () => {
  features = await featureMapOf(FILES);
});

const lines = (id: string) => storyLines(features[id]).join('\n');

test('a record rule that leaves reading out says which operations it restricts; "their own" keeps its other condition', () => {
  const all = lines('canteen-model-canteen_meal');
  // The domain said in words, with the selection's label: no Python for the reader to decode.
  expect(all).toContain('Canteen User can delete only the Meal Order records where Status is To Order ("Only new meals deleted")');
  // Which of their own records: the rule's other test in words (hr_expense's drafts).
  expect(all).toContain('Canteen User can edit only their own Meal Order records (User is them) where Status is not Received ("Own meals not received")');
  // A rule with every operation sees, as before.
  expect(all).toContain('Canteen User sees only their own Meal Order records (User is them) ("Own meals")');
  expect(all).not.toMatch(/sees only the Meal Order records where Status is To Order/);
});

test('a kanban card\'s <a type="object"> is a button: the transition names it and who sees it', () => {
  const life = features['canteen-lifecycle-canteen_meal'];
  const order = life.stories.find((s) => s.text.includes('to Ordered'));
  expect(order?.text).toBe('As a Canteen Manager, I want to move a Meal Order to Ordered with "Order".');
  expect(order?.acceptance.join('\n')).not.toContain('No button');
  expect(order?.acceptance).toContain('Refused with "Name the meal first." (addons/canteen/models/canteen.py:15).');
  // lunch's action_order refuses through self._check_wallet(): the message and the line of its raise.
  expect(order?.acceptance).toContain('Refused with "Your wallet does not contain enough money to order that.", checked in _check_wallet (addons/canteen/models/canteen.py:37).');
});

test('a button without a string is named by its text, as the user sees it', () => {
  expect(features['canteen-model-canteen_meal'].stories.map((s) => s.text)).toContain('As a Canteen User, I want to use "Cook\'s view" on a Meal Order.');
});

test('message_notify is a notification, not a chatter post', () => {
  expect(lines('canteen-lifecycle-canteen_meal')).toContain('Sends a notification (inbox or email), not kept in the chatter');
  expect(lines('canteen-lifecycle-canteen_meal')).not.toContain('Posts a message in the chatter');
});

test('a setting the company keeps (related, readonly=False) is a setting; a read-only related value is not', () => {
  const s = features['canteen-settings-config'];
  expect(s.title).toBe('Settings: Maximum Overdraft');
  expect(s.stories.map((x) => x.text)).toEqual(['As an Administrator, I want to set "Maximum Overdraft" in Settings.']);
  expect(s.stories[0].acceptance).toEqual(['It is kept on each company, as its Canteen limit (addons/canteen/models/canteen.py:58).']);
});

test('the app story lists the menus its users reach; menus shown to managers only are the managers\' story', () => {
  const app = features['canteen-app-menu_root'];
  expect(app.stories.map((s) => s.text)).toEqual([
    'As a Canteen User, I want to open the Canteen app and reach My Meals, so that I can track meal orders at work.',
    'As a Canteen Manager, I want to reach All Meals in the Canteen app.',
  ]);
});

test('"in order to be able to X" reads "so that I can X"; a purpose about the code is no reason', () => {
  const stories = features['canteen-model-canteen_meal'].stories.map((s) => s.text);
  expect(stories).toContain('As a Canteen User, I want to use "Print" on a Meal Order, so that I can hand it to the cook.');
  expect(stories).toContain('As a Canteen User, I want to use "Add To Cart" on a Meal Order.');
});

test('a record of another module the data changes is changed, not loaded by this module', () => {
  expect(features['canteen-data-records'].stories[0].acceptance).toEqual([
    'Changes 1 existing User record (base.default_user) (addons/canteen/security/canteen_security.xml:40).',
  ]);
});

test('a public method is described by the first sentence of its docstring, without its :param fields; one that says it does nothing is not described', () => {
  const all = Object.values(features).flatMap((f) => f.stories.flatMap((s) => s.acceptance));
  expect(all).toContain('get_wallet_balance: Returns the wallet balance of the user (addons/canteen/models/canteen.py:39).');
  expect(all.join('\n')).not.toMatch(/:param|add_to_cart: /);
});

test('a docstring about the code is evidence, never the goal of a story; what deleting does is', () => {
  const partner = features['canteen-extension-res_partner'].stories;
  expect(partner.map((s) => s.text)).toEqual(["As a Canteen User, I want to have the Contact follow this module's rules."]);
  expect(partner[0].acceptance).toEqual(['_get_canteen_values: Override of payment to return canteen-specific rendering values (addons/canteen/models/canteen.py:64).']);
  expect(features['canteen-extension-res_users'].stories.map((s) => s.text)).toEqual(['As a Canteen User, I want to have Odoo notify users when their canteen badge is removed.']);
});
