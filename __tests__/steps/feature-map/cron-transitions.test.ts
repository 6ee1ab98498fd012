/**
 * A state a scheduled action moves records to is told as Odoo doing it on schedule, not as a
 * user's wish with "it runs from code" (seen on Odoo 17's fleet: "As a Fleet Manager, I want to
 * move a Vehicle Contract to Expired", three times, for what its daily cron does through
 * run_scheduler -> scheduler_manage_contract_expiration). A write through a helper of the same file
 * that passes its values on to write() is a write (Odoo 17's hr_contract moves contracts with
 * `_safe_write_for_cron({'state': 'close'}, from_cron)`); a helper that writes nothing is not.
 */
import { featureMapOf } from './support.js';

const MODEL = `from odoo import api, fields, models


class Lease(models.Model):
    _name = 'lease.contract'
    _description = 'Lease Contract'

    name = fields.Char(required=True)
    state = fields.Selection([('draft', 'Draft'), ('open', 'Running'), ('expired', 'Expired'), ('closed', 'Closed')], default='draft')
    end_date = fields.Date()

    def action_close(self):
        self.write({'state': 'closed'})

    def action_expire(self):
        self.write({'state': 'expired'})

    @api.model
    def manage_expiry(self):
        """Expires the leases whose end date has passed."""
        self.search([('end_date', '<', fields.Date.today())])._safe_write({'state': 'expired'}, True)

    def _safe_write(self, vals, from_cron=False):
        for lease in self:
            lease.write(vals)

    def action_remind(self):
        # A helper that takes a dict and writes nothing: no transition to Closed.
        self._notify({'state': 'closed'})

    def _notify(self, values):
        return dict(values)

    def run_scheduler(self):
        \"\"\"Method called by the cron task in order to update the date_end of the leases when necessary.\"\"\"
        self.manage_expiry()
`;

const FILES: Record<string, string> = {
  'lease/__init__.py': 'from . import models\n',
  'lease/__manifest__.py': "{'name': 'Leases', 'depends': ['base'], 'data': ['security/ir.model.access.csv', 'data/cron.xml', 'views/lease_views.xml']}\n",
  'lease/models/__init__.py': 'from . import lease\n',
  'lease/models/lease.py': MODEL,
  'lease/security/ir.model.access.csv':
    'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_lease_user,lease user,model_lease_contract,base.group_user,1,1,1,1\n',
  'lease/data/cron.xml': `<odoo>
  <record id="ir_cron_lease" model="ir.cron">
    <field name="name">Leases: Checks contracts</field>
    <field name="model_id" ref="model_lease_contract"/>
    <field name="state">code</field>
    <field name="code">model.run_scheduler()</field>
    <field name="interval_number">1</field>
    <field name="interval_type">days</field>
  </record>
</odoo>
`,
  'lease/views/lease_views.xml': `<odoo>
  <record id="lease_form" model="ir.ui.view">
    <field name="name">lease.form</field>
    <field name="model">lease.contract</field>
    <field name="arch" type="xml">
      <form>
        <header>
          <button string="Close" name="action_close" type="object"/>
        </header>
        <field name="name"/>
      </form>
    </field>
  </record>
  <record id="lease_action" model="ir.actions.act_window">
    <field name="name">Leases</field>
    <field name="res_model">lease.contract</field>
  </record>
  <menuitem id="menu_root" name="Leases" action="lease_action"/>
</odoo>
`,
};

test('a transition a scheduled action performs, through the method it calls, is Odoo moving the record on schedule', async () => {
  const features = await featureMapOf(FILES);
  const L = (needle: string) => MODEL.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const stories = features['lease-lifecycle-lease_contract'].stories;
  const byText = (re: RegExp) => stories.filter((s) => re.test(s.text));
  // The button: a user's story.
  expect(byText(/Closed/).map((s) => s.text)).toEqual(['As an Internal User, I want to move a Lease Contract to Closed with "Close".']);
  // The cron, two calls deep: Odoo does it, every day, with the scheduled action named.
  const scheduled = byText(/have Odoo/);
  expect(scheduled.map((s) => s.text)).toEqual(['As an Internal User, I want to have Odoo move a Lease Contract to Expired every day.']);
  expect(scheduled[0].acceptance).toContain('The scheduled action "Leases: Checks contracts" runs manage_expiry every day, without anyone starting it (addons/lease/data/cron.xml:2).');
  expect(scheduled[0].acceptance.join('\n')).not.toMatch(/runs from code/);
  expect(scheduled[0].acceptance).toContain(`Manage expiry can set Status to Expired, only on the records a condition in the code picks (addons/lease/models/lease.py:${L("_safe_write({'state'")}).`);
  // A method nothing calls stays what it was: code, no schedule claimed.
  const expire = stories.find((s) => s.acceptance.some((a) => a.includes(`lease.py:${L("{'state': 'expired'})")}`) && a.startsWith('Expire')));
  expect(expire?.text).toBe('As an Internal User, I want to move a Lease Contract to Expired.');
  expect(expire?.acceptance).toContain(`No button in this module's views calls action_expire: it runs from code (addons/lease/models/lease.py:${L('def action_expire')}).`);
  // The scheduled action's own feature follows the call it makes.
  const cron = features['lease-automation-ir_cron_lease'].stories[0];
  // hr_holidays' "Accrual Time Off: Updates the number of time off" read "have Odoo updates ...".
  expect(cron.text).toMatch(/^As an? [\w ]+, I want to have Odoo check contracts every day/);
  // "in order to update the date_end ..." (hr_holidays' _update_accrual) speaks of the code, not of a user's reason.
  expect(cron.text).not.toContain('so that');
  expect(cron.acceptance).toContain(`run_scheduler calls manage_expiry: Expires the leases whose end date has passed (addons/lease/models/lease.py:${L('def manage_expiry')}).`);
});
