/**
 * Odoo 17's sale.order had no lifecycle in the map: its Status is `fields.Selection(selection=
 * SALE_ORDER_STATE, ...)`, a list kept at the top of the file, and Confirm writes
 * `self.write(self._prepare_confirmation_values())`, a dict a helper returns. Its message_post override
 * marks an order sent when an email goes out; a button that only posts a note is no way to "sent".
 * payment.provider's state is radio buttons on the form: "No code sets Enabled" would mislead.
 */
import { featureMapOf, storyLines, type MapFeature } from './support.js';

const FILES: Record<string, string> = {
  'shop/__init__.py': 'from . import models\n',
  'shop/__manifest__.py': "{'name': 'Shop', 'depends': ['mail'], 'data': ['security/ir.model.access.csv', 'views/views.xml']}\n",
  'shop/models/__init__.py': 'from . import order\n',
  'shop/models/order.py': `from odoo import _, fields, models
from odoo.exceptions import UserError

ORDER_STATE = [
    ('draft', "Quotation"),
    ('sent', "Quotation Sent"),
    ('sale', "Sales Order"),
    ('cancel', "Cancelled"),
]


class ShopOrder(models.Model):
    _name = 'shop.order'
    _inherit = ['mail.thread']
    _description = 'Shop Order'

    name = fields.Char()
    state = fields.Selection(selection=ORDER_STATE, string="Status", default='draft')

    def action_confirm(self):
        if self.filtered(lambda o: o.state not in ('draft', 'sent')):
            raise UserError(_("Only quotations can be confirmed."))
        self.write(self._prepare_confirmation_values())
        return True

    def _prepare_confirmation_values(self):
        return {'state': 'sale', 'date_order': fields.Datetime.now()}

    def action_cancel(self):
        self.write({'state': 'cancel'})

    def action_update_prices(self):
        self.message_post(body=_("Prices updated."))

    def message_post(self, **kwargs):
        if self.env.context.get('mark_so_as_sent'):
            self.filtered(lambda o: o.state == 'draft').write({'state': 'sent'})
        return super().message_post(**kwargs)


class Provider(models.Model):
    _name = 'shop.provider'
    _description = 'Payment Provider'

    name = fields.Char()
    state = fields.Selection([('disabled', 'Disabled'), ('enabled', 'Enabled'), ('test', 'Test Mode')], string='State', default='disabled')

    def action_archive(self):
        self.write({'state': 'disabled'})
`,
  'shop/security/ir.model.access.csv': 'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_order,order,model_shop_order,base.group_user,1,1,1,1\naccess_provider,provider,model_shop_provider,base.group_user,1,1,1,1\n',
  'shop/views/views.xml': `<?xml version="1.0"?>
<odoo>
    <record id="order_form" model="ir.ui.view">
        <field name="model">shop.order</field>
        <field name="arch" type="xml">
            <form>
                <header>
                    <button name="action_confirm" type="object" string="Confirm"/>
                    <button name="action_cancel" type="object" string="Cancel"/>
                    <button name="action_update_prices" type="object" string="Update Prices"/>
                    <field name="state" widget="statusbar"/>
                </header>
                <field name="name"/>
            </form>
        </field>
    </record>
    <record id="provider_form" model="ir.ui.view">
        <field name="model">shop.provider</field>
        <field name="arch" type="xml">
            <form>
                <header><button name="action_archive" type="object" string="Archive"/></header>
                <field name="state" widget="radio"/>
            </form>
        </field>
    </record>
</odoo>
`,
};

let features: Record<string, MapFeature>;
beforeAll(async () => {
  features = await featureMapOf(FILES);
});

test('a selection kept in a module constant names the states; a write of a helper\'s returned values moves the state', () => {
  const life = features['shop-lifecycle-shop_order'];
  const confirm = life.stories.find((s) => s.text === 'As an Internal User, I want to move a Shop Order from Quotation or Quotation Sent to Sales Order with "Confirm".');
  expect(confirm?.acceptance[0]).toBe('"Confirm" sets Status to Sales Order (addons/shop/models/order.py:23).');
});

test('a button that only posts a note does not lead where message_post\'s email case does', () => {
  const texts = features['shop-lifecycle-shop_order'].stories.map((s) => s.text);
  expect(texts).not.toContain('As an Internal User, I want to move a Shop Order to Quotation Sent with "Update Prices".');
  expect(texts).toContain('As an Internal User, I want to move a Shop Order from Quotation to Quotation Sent.');
});

test('a state the form shows as a plain field is chosen by hand: no state is said to be set by no code', () => {
  expect(storyLines(features['shop-lifecycle-shop_provider']).filter((l) => l.startsWith('No code in this module sets'))).toEqual([]);
});
