/**
 * What Odoo 17's hr_holidays showed about approvals (read by hand first, then compared):
 * action_approve writes Second Approval only on `self.filtered(lambda h: h.validation_type == 'both')`
 * and calls action_validate on the others, yet the map said "Approve sets Status to Second
 * Approval" and never that Approve also leads to Approved. A button method that sets the state
 * itself after a call (repair's "Set to Draft" cancels first) does not lead to the state passed through.
 * action_validate's guard tests the state and the validation type together, and was not read at all.
 * Its mail-link routes (/leave/validate runs action_approve) read "serves a response".
 * Its activity_update() schedules the approval activity; the button that calls it did not say so.
 * Its copy_data() refuses duplicating ("A time off cannot be duplicated."), which was not told.
 */
import { featureMapOf, type MapFeature } from './support.js';

const FILES: Record<string, string> = {
  'leave/__init__.py': 'from . import controllers, models\n',
  'leave/controllers/__init__.py': 'from . import main\n',
  // hr_holidays' mail links: /leave/refuse reads the record by its token and refuses it.
  'leave/controllers/main.py': `from odoo import http
from odoo.http import request


class LeaveController(http.Controller):

    @http.route('/leave/cancel', type='http', auth='user')
    def leave_cancel(self, res_id, token):
        record = request.env['leave.request'].browse(int(res_id))
        record.action_cancel()
        return request.redirect('/odoo')
`,
  'leave/__manifest__.py': "{'name': 'Leave', 'depends': ['base'], 'data': ['security/ir.model.access.csv', 'data/activities.xml', 'views/leave_views.xml']}\n",
  'leave/data/activities.xml': `<?xml version="1.0"?>
<odoo>
    <record id="mail_act_leave_approval" model="mail.activity.type">
        <field name="name">Leave Approval</field>
    </record>
</odoo>
`,
  'leave/models/__init__.py': 'from . import leave\n',
  'leave/models/leave.py': `from odoo import _, fields, models
from odoo.exceptions import UserError


class Leave(models.Model):
    _name = 'leave.request'
    _description = 'Leave Request'

    name = fields.Char(required=True)
    validation_type = fields.Selection([('one', 'One approval'), ('both', 'Two approvals')], string='Validation')
    state = fields.Selection([('draft', 'To Submit'), ('confirm', 'To Approve'), ('validate1', 'Second Approval'), ('validate', 'Approved'), ('cancel', 'Cancelled')], string='Status')

    def action_approve(self):
        if any(leave.state != 'confirm' for leave in self):
            raise UserError(_('Only requests to approve can be approved.'))
        self.filtered(lambda leave: leave.validation_type == 'both').write({'state': 'validate1'})
        self.filtered(lambda leave: not leave.validation_type == 'both').action_validate()
        return True

    def action_validate(self):
        if any(leave.state not in ('confirm', 'validate1') and leave.validation_type != 'one' for leave in self):
            raise UserError(_('Only requests to approve can be validated.'))
        self.write({'state': 'validate'})

    def action_cancel(self):
        self.write({'state': 'cancel'})

    def action_reset(self):
        if self.filtered(lambda leave: leave.state != 'cancel'):
            self.action_cancel()
        self.write({'state': 'draft'})

    def action_confirm(self):
        self.write({'state': 'confirm'})
        self.activity_update()

    def activity_update(self):
        for leave in self.filtered(lambda leave: leave.state == 'confirm'):
            leave.activity_schedule('leave.mail_act_leave_approval')

    def copy_data(self, default=None):
        raise UserError(_('A leave request cannot be duplicated.'))
`,
  'leave/security/ir.model.access.csv': 'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_leave,leave,model_leave_request,base.group_user,1,1,1,0\n',
  'leave/views/leave_views.xml': `<?xml version="1.0"?>
<odoo>
    <record id="leave_view_form" model="ir.ui.view">
        <field name="model">leave.request</field>
        <field name="arch" type="xml">
            <form>
                <header>
                    <button name="action_confirm" type="object" string="Confirm"/>
                    <button name="action_approve" type="object" string="Approve"/>
                    <button name="action_validate" type="object" string="Validate"/>
                    <button name="action_cancel" type="object" string="Cancel"/>
                    <button name="action_reset" type="object" string="Set to Draft"/>
                    <field name="state" widget="statusbar"/>
                </header>
                <field name="name"/>
            </form>
        </field>
    </record>
</odoo>
`,
};

let life: MapFeature;
let features: Record<string, MapFeature>;
beforeAll(async () => {
  features = await featureMapOf(FILES);
  life = features['leave-lifecycle-leave_request'];
});

const storyOf = (text: string) => life.stories.find((s) => s.text === text);

test('a write on filtered records names the filter: the button can set that state, not always', () => {
  const approve = storyOf('As an Internal User, I want to move a Leave Request from To Approve to Second Approval with "Approve".');
  expect(approve?.acceptance[0]).toBe('"Approve" can set Status to Second Approval, only on the records whose Validation is Two approvals (addons/leave/models/leave.py:16).');
});

test('a button whose method calls another button\'s method on some records is a way of its own, with both checks', () => {
  const approved = storyOf('As an Internal User, I want to move a Leave Request from To Approve to Approved with "Approve".');
  expect(approved?.acceptance).toEqual([
    '"Approve" can set Status to Approved, only on the records a condition in the code picks (addons/leave/models/leave.py:23).',
    // hr_holidays' action_validate: `any(h.state not in (...) and h.validation_type != 'no_validation' for h in self)`.
    'Refused with "Only requests to approve can be validated." unless Status is To Approve or Second Approval, for the records whose Validation is not One approval (addons/leave/models/leave.py:21).',
    'Refused with "Only requests to approve can be approved." unless Status is To Approve (addons/leave/models/leave.py:14).',
    '"Approve" runs action_approve, which calls action_validate (addons/leave/models/leave.py:13).',
  ]);
  // The Validate button keeps its own way, with its own check only.
  expect(storyOf('As an Internal User, I want to move a Leave Request from To Approve or Second Approval to Approved with "Validate".')).toBeDefined();
});

test('a button that sets the state itself after a call does not lead to the state it passes through', () => {
  expect(life.stories.map((s) => s.text)).not.toContain('As an Internal User, I want to move a Leave Request to Cancelled with "Set to Draft".');
  expect(life.stories.map((s) => s.text)).toContain('As an Internal User, I want to move a Leave Request to To Submit with "Set to Draft".');
});

test('a refusal in copy_data is a refusal to duplicate', () => {
  const all = features['leave-model-leave_request'].stories.flatMap((x) => x.acceptance);
  expect(all).toContain('Duplicating is refused with "A leave request cannot be duplicated." (addons/leave/models/leave.py:42).');
});

test('a route that runs a button\'s method says so, on the route and on the transition', () => {
  const route = Object.entries(features).find(([id]) => id.startsWith('leave-route-'))?.[1];
  expect(route?.stories[0].acceptance).toContain('/leave/cancel runs action_cancel on Leave Request records (addons/leave/controllers/main.py:8).');
  const cancel = storyOf('As an Internal User, I want to move a Leave Request to Cancelled with "Cancel".');
  expect(cancel?.acceptance).toContain('The route /leave/cancel (auth=user) runs action_cancel too: a link in an email or a page reaches it (addons/leave/controllers/main.py:8).');
});

test('what a helper of the class does is the button\'s too: the activity it schedules, by the name the data gives its type', () => {
  const confirm = storyOf('As an Internal User, I want to move a Leave Request to To Approve with "Confirm".');
  expect(confirm?.acceptance).toContain('Schedules a "Leave Approval" activity (in activity_update) (addons/leave/models/leave.py:39).');
});
