/**
 * What Odoo 17's sale_project showed (its feature list written by hand first): its central feature,
 * confirming a sales order creates the projects and tasks of the service lines, was not in the map.
 * The module overrides `_action_confirm` (calling super()) and runs
 * `self.order_line.sudo().with_company(...)._timesheet_service_generation()` on the lines; neither
 * the override of another module's step nor a call through a chain of calls was read.
 */
import { featureMapOf, type MapFeature } from './support.js';

const FILES: Record<string, string> = {
  'shop/__init__.py': 'from . import models\n',
  'shop/__manifest__.py': "{'name': 'Shop', 'depends': ['base'], 'data': ['security/ir.model.access.csv', 'views/views.xml']}\n",
  'shop/models/__init__.py': 'from . import shop\n',
  'shop/models/shop.py': `from odoo import fields, models


class ShopOrder(models.Model):
    _name = 'shop.order'
    _description = 'Shop Order'

    name = fields.Char(required=True)
    state = fields.Selection([('draft', 'Quotation'), ('sale', 'Order')], default='draft')
    line_ids = fields.One2many('shop.order.line', 'order_id')

    def action_confirm(self):
        self._action_confirm()

    def _action_confirm(self):
        self.write({'state': 'sale'})

    def action_view_lines(self):
        return {'type': 'ir.actions.act_window', 'res_model': 'shop.order.line'}


class ShopOrderLine(models.Model):
    _name = 'shop.order.line'
    _description = 'Shop Order Line'

    order_id = fields.Many2one('shop.order')
    name = fields.Char()
`,
  'shop/security/ir.model.access.csv': 'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_order,order,model_shop_order,base.group_user,1,1,1,1\naccess_line,line,model_shop_order_line,base.group_user,1,1,1,1\n',
  'shop/views/views.xml': `<?xml version="1.0"?>
<odoo>
    <record id="shop_order_form" model="ir.ui.view">
        <field name="model">shop.order</field>
        <field name="arch" type="xml">
            <form><header><button name="action_confirm" type="object" string="Confirm"/></header><field name="name"/></form>
        </field>
    </record>
</odoo>
`,
  'shop_project/__init__.py': 'from . import models\n',
  'shop_project/__manifest__.py': "{'name': 'Shop - Project', 'depends': ['shop'], 'data': []}\n",
  'shop_project/models/__init__.py': 'from . import shop\n',
  'shop_project/models/shop.py': `from odoo import fields, models


class ShopOrder(models.Model):
    _inherit = 'shop.order'

    def _action_confirm(self):
        """ On confirmation, service lines create their tasks. """
        result = super()._action_confirm()
        self.line_ids.sudo().with_company(self.env.company)._create_tasks()
        return result

    def action_view_lines(self):
        action = super().action_view_lines()
        action['name'] = 'Lines'
        return action


class ShopOrderLine(models.Model):
    _inherit = 'shop.order.line'

    task_name = fields.Char()

    def _create_tasks(self):
        """ For service lines, create the task in the line's project. """
        for line in self:
            line.task_name = line.name
`,
};

let features: Record<string, MapFeature>;
beforeAll(async () => {
  features = await featureMapOf(FILES);
});

test('an override of another module\'s step that calls super() is a story of what the module adds to it, with the method it runs on related records', () => {
  const ext = features['shop_project-extension-shop_order'];
  expect(ext.stories).toEqual([
    {
      text: 'As an Internal User, I want to have Odoo do what Shop - Project adds when a Shop Order is confirmed.',
      acceptance: [
        '_action_confirm runs when a Shop Order is confirmed: On confirmation, service lines create their tasks (addons/shop_project/models/shop.py:7).',
        'It runs _create_tasks on the Shop Order Line records: For service lines, create the task in the line\'s project (addons/shop_project/models/shop.py:24).',
      ],
    },
  ]);
});
