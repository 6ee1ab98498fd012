/**
 * What Odoo 17's hr_expense showed (its feature list written by hand first, then compared): the
 * report's Status is a stored compute that sets Done and Posted itself and otherwise copies
 * `approval_state`, which the buttons write through helpers (_do_submit, _do_approve...). The map
 * said "No code in this module sets Submitted, Approved or Refused", which is false, and told
 * only the two hooks set_to_paid and set_to_posted as transitions. Refusing runs from a wizard's
 * button (`self.sheet_ids._do_refuse(self.reason)`) and read "it runs from code". stock.picking's
 * compute sets some states from what it works out (`picking.state = relevant_move_state`), and
 * hr_holidays' sets `'confirm' if ... else 'draft'`.
 */
import { featureMapOf, type MapFeature } from './support.js';

const FILES: Record<string, string> = {
  'claim/__init__.py': 'from . import models, wizard\n',
  'claim/__manifest__.py': "{'name': 'Claims', 'depends': ['base'], 'data': ['security/groups.xml', 'security/ir.model.access.csv', 'views/claim_views.xml']}\n",
  'claim/models/__init__.py': 'from . import claim, batch\n',
  'claim/models/claim.py': `from odoo import api, fields, models


class ClaimSheet(models.Model):
    _name = 'claim.sheet'
    _description = 'Claim Report'

    name = fields.Char(required=True)
    move_ids = fields.One2many('claim.move', 'sheet_id')
    state = fields.Selection([('draft', 'To Submit'), ('submit', 'Submitted'), ('approve', 'Approved'), ('post', 'Posted'), ('cancel', 'Refused')], string='Status', compute='_compute_state', store=True)
    approval_state = fields.Selection([('submit', 'Submitted'), ('approve', 'Approved'), ('cancel', 'Refused')], string='Approval')

    @api.depends('move_ids', 'approval_state')
    def _compute_state(self):
        for sheet in self:
            if sheet.move_ids:
                sheet.state = 'post'
            elif sheet.approval_state:
                sheet.state = sheet.approval_state
            else:
                sheet.state = 'draft'

    def action_submit(self):
        self._do_submit()

    def action_reset(self):
        self._do_reset()

    def _do_submit(self):
        self.write({'approval_state': 'submit'})

    def _do_reset(self):
        self.write({'approval_state': False})

    def _do_refuse(self, reason):
        self.approval_state = 'cancel'
`,
  'claim/models/batch.py': `from odoo import api, fields, models


class ClaimBatch(models.Model):
    _name = 'claim.batch'
    _description = 'Claim Batch'

    sheet_ids = fields.One2many('claim.sheet', 'batch_id')
    state = fields.Selection([('draft', 'New'), ('wait', 'Waiting'), ('done', 'Done'), ('cancel', 'Cancelled')], string='Status', compute='_compute_state', store=True)

    @api.depends('sheet_ids.state')
    def _compute_state(self):
        for batch in self:
            if not batch.sheet_ids:
                batch.state = 'draft' if batch.id else 'cancel'
            else:
                batch.state = batch._relevant_state()

    def action_cancel(self):
        self.write({'state': 'cancel'})
`,
  'claim/wizard/__init__.py': 'from . import refuse\n',
  'claim/wizard/refuse.py': `from odoo import fields, models


class ClaimRefuse(models.TransientModel):
    _name = 'claim.refuse.wizard'
    _description = 'Refuse Claims'

    reason = fields.Char(required=True)
    sheet_ids = fields.Many2many('claim.sheet')

    def action_refuse(self):
        self.sheet_ids._do_refuse(self.reason)
        return {'type': 'ir.actions.act_window_close'}
`,
  'claim/security/ir.model.access.csv':
    'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_sheet,sheet,model_claim_sheet,base.group_user,1,1,1,0\naccess_batch,batch,model_claim_batch,base.group_user,1,0,0,0\naccess_batch_user,batch user,model_claim_batch,group_claim_user,1,1,1,0\naccess_refuse,refuse,model_claim_refuse_wizard,base.group_user,1,1,1,0\n',
  'claim/security/groups.xml': `<?xml version="1.0"?>
<odoo>
    <record id="group_claim_user" model="res.groups">
        <field name="name">Claim Officer</field>
    </record>
</odoo>
`,
  'claim/views/claim_views.xml': `<?xml version="1.0"?>
<odoo>
    <record id="claim_sheet_form" model="ir.ui.view">
        <field name="model">claim.sheet</field>
        <field name="arch" type="xml">
            <form>
                <header>
                    <button name="action_submit" type="object" string="Submit"/>
                    <button name="action_reset" type="object" string="Reset to Draft"/>
                    <field name="state" widget="statusbar"/>
                </header>
                <field name="name"/>
            </form>
        </field>
    </record>
    <record id="claim_batch_form" model="ir.ui.view">
        <field name="model">claim.batch</field>
        <field name="arch" type="xml">
            <form>
                <header>
                    <button name="action_cancel" type="object" string="Cancel" groups="base.group_user"/>
                    <field name="state" widget="statusbar"/>
                </header>
            </form>
        </field>
    </record>
    <record id="claim_refuse_form" model="ir.ui.view">
        <field name="model">claim.refuse.wizard</field>
        <field name="arch" type="xml">
            <form>
                <field name="reason"/>
                <footer>
                    <button name="action_refuse" type="object" string="Refuse"/>
                </footer>
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

const texts = (f: MapFeature) => f.stories.map((s) => s.text);
const lines = (f: MapFeature) => f.stories.flatMap((s) => s.acceptance);

test('writing the field a computed state copies moves the state, through the helper the button calls', () => {
  const life = features['claim-lifecycle-claim_sheet'];
  const submit = life.stories.find((s) => s.text === 'As an Internal User, I want to move a Claim Report to Submitted with "Submit".');
  expect(submit?.acceptance).toContain('"Submit" sets Status to Submitted (it sets Approval, which Status follows) (addons/claim/models/claim.py:30).');
  expect(submit?.acceptance).toContain('"Submit" runs action_submit, which calls _do_submit (addons/claim/models/claim.py:23).');
  // approval_state = False: the compute falls back to the first state, which it sets itself.
  expect(texts(life)).toContain('As an Internal User, I want to move a Claim Report to To Submit with "Reset to Draft".');
});

test('a computed state says what its compute sets and follows; "no code sets" counts what it follows', () => {
  const all = lines(features['claim-lifecycle-claim_sheet']);
  expect(all).toContain('Status is computed by _compute_state, from Move and Approval: it sets Posted or To Submit itself, else it follows Approval (addons/claim/models/claim.py:14).');
  // Through Approval, Submitted and Refused are set; nothing sets Approved.
  expect(all.filter((l) => l.startsWith('No code in this module sets'))).toEqual(['No code in this module sets Approved (addons/claim/models/claim.py:10).']);
});

test('a wizard button whose method calls the model\'s method on its records is the way to that state', () => {
  const life = features['claim-lifecycle-claim_sheet'];
  const refuse = life.stories.find((s) => s.text === 'As an Internal User, I want to move a Claim Report to Refused with "Refuse".');
  expect(refuse?.acceptance).toEqual([
    '"Refuse" sets Status to Refused (it sets Approval, which Status follows) (addons/claim/models/claim.py:36).',
    '"Refuse" of the Refuse Claims form runs action_refuse, which calls _do_refuse on the Claim Report records (addons/claim/wizard/refuse.py:11).',
  ]);
  expect(lines(life).some((l) => l.includes('runs from code'))).toBe(false);
});

test('a compute that sets a state from what it works out leaves every state possible', () => {
  const all = lines(features['claim-lifecycle-claim_batch']);
  // `'draft' if batch.id else 'cancel'`: both literals; `batch._relevant_state()`: any state.
  expect(all).toContain('Status is computed by _compute_state, from Sheet: it sets New or Cancelled itself, and other states from what the code works out (addons/claim/models/batch.py:12).');
  expect(all.filter((l) => l.startsWith('No code in this module sets'))).toEqual([]);
});

test('a button shown to every internal user is used by those who may change the records', () => {
  // stock's "Check Availability" and "Cancel" on a transfer (groups="base.group_user") read "As an Internal User".
  expect(texts(features['claim-lifecycle-claim_batch'])).toEqual(['As a Claim Officer, I want to move a Claim Batch to Cancelled with "Cancel".']);
});
