/**
 * What a button, and saving, do is told in the words of its form: a Boolean it sets is ticked or unticked, a
 * selection shows its label, a field its label, never `Sets archive to "true"` (seen on Odoo 17's
 * maintenance module: the "Cancel" and "Reopen Request" stories had no criterion at all).
 */
import { featureMapOf } from './support.js';

const FILES: Record<string, string> = {
  'repair_desk/__init__.py': 'from . import models\n',
  'repair_desk/__manifest__.py': "{'name': 'Repair Desk', 'depends': ['base'], 'data': ['security/ir.model.access.csv', 'views/repair_views.xml']}\n",
  'repair_desk/models/__init__.py': 'from . import repair\n',
  'repair_desk/models/repair.py': `from odoo import api, fields, models


class Repair(models.Model):
    _name = 'repair.desk.order'
    _inherit = ['mail.thread', 'mail.alias.mixin']
    _description = 'Repair Order'

    name = fields.Char(required=True)
    archive = fields.Boolean(string='Archived')
    priority = fields.Selection([('0', 'Normal'), ('1', 'Urgent')], string='Priority')
    note_kind = fields.Char(string='Note Kind')

    def cancel_order(self):
        self.write({'archive': True, 'priority': '1', 'note_kind': 'cancel'})

    def reopen_order(self):
        self.write({'archive': False})

    def write(self, vals):
        before = vals.copy()
        if vals and 'note_kind' not in vals and 'priority' in vals:
            vals['note_kind'] = 'reprioritised'
        if 'archive' in vals or vals.get('priority'):
            self.message_subscribe(partner_ids=[])
        if self.name:
            self.activity_unlink(['repair_desk.act_repair'])
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.message_post(body='Created')
        return records
`,
  'repair_desk/security/ir.model.access.csv':
    'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_repair_user,repair user,model_repair_desk_order,base.group_user,1,1,1,1\n',
  'repair_desk/views/repair_views.xml': `<odoo>
  <record id="repair_form" model="ir.ui.view">
    <field name="name">repair.form</field>
    <field name="model">repair.desk.order</field>
    <field name="arch" type="xml">
      <form>
        <header>
          <button string="Cancel" name="cancel_order" type="object"/>
          <button string="Reopen" name="reopen_order" type="object"/>
        </header>
        <field name="name"/>
      </form>
    </field>
  </record>
  <record id="repair_action" model="ir.actions.act_window">
    <field name="name">Repair Orders</field>
    <field name="res_model">repair.desk.order</field>
  </record>
  <menuitem id="menu_root" name="Repairs"/>
  <menuitem id="menu_orders" name="Repair Orders" parent="menu_root" action="repair_action"/>
  <menuitem id="menu_reporting" name="Reporting" parent="menu_root"/>
  <menuitem id="menu_report_orders" name="Repair Orders" parent="menu_reporting" action="repair_action"/>
</odoo>
`,
};

test('a button story says what the button writes, and the model what saving does besides, with labels', async () => {
  const features = await featureMapOf(FILES);
  // Two menus of one name are told apart by their parent menu.
  expect(features['repair_desk-app-menu_root'].stories[0].text).toBe('As an Internal User, I want to open the Repairs app and reach Repair Orders and Reporting / Repair Orders.');
  const stories = features['repair_desk-model-repair_desk_order'].stories;
  const of = (caption: string) => stories.find((s) => s.text.includes(`"${caption}"`))?.acceptance;
  const F = 'addons/repair_desk/models/repair.py';
  const L = (needle: string) => FILES['repair_desk/models/repair.py'].split('\n').findIndex((l) => l.includes(needle)) + 1;
  expect(of('Cancel')).toEqual([
    `It ticks "Archived" (${F}:${L("'note_kind': 'cancel'")}).`,
    `It sets Priority to "Urgent" (${F}:${L("'note_kind': 'cancel'")}).`,
    `It sets Note Kind to "cancel" (${F}:${L("'note_kind': 'cancel'")}).`,
  ]);
  expect(of('Reopen')).toEqual([`It unticks "Archived" (${F}:${L("{'archive': False}")}).`]);
  // What saving does besides saving, from the create() and write() overrides; `vals.copy()` copies no record.
  expect(stories[0].acceptance).toContain(`Each Repair Order has its own email alias: mail sent to it creates records in Odoo (mail.alias.mixin) (${F}:${L('class Repair')}).`);
  expect(stories[0].acceptance.filter((a) => /saving it|^Saving|^Creating/.test(a))).toEqual([
    `When Priority changes, saving it also sets Note Kind to "reprioritised" (${F}:${L("= 'reprioritised'")}).`,
    `When Archived or Priority change, saving it also adds followers (${F}:${L('message_subscribe')}).`,
    `Saving a Repair Order can also remove the activities act_repair (${F}:${L('activity_unlink')}).`,
    `Creating a Repair Order also posts a message in the chatter (${F}:${L('message_post')}).`,
  ]);
});
