/**
 * What Odoo 17's hr_holidays (read by hand first, then compared) and the whole CE tree showed
 * wrong in record rules:
 * - the officers' rule `[..., '|', '&', ('employee_id.user_id', '=', user.id), ('state', '!=', 'validate'),
 *   '|', ('employee_id.user_id', '!=', user.id), ('employee_id.user_id', '=', False)]` grants other
 *   people's time off too, and was told "can edit or create only their own Time Off records";
 * - crm's `['|', ('user_id', '=', user.id), ('user_id', '=', False)]` grants unassigned leads too;
 * - hr_fleet's `<record id="fleet.fleet_rule_vehicle_visibility_user">` only changes fleet's rule,
 *   and was told "Every user (global rule) sees only their own Unknown records";
 * - mrp's rules name their model with search="[('model', '=', 'mrp.production')]": "Unknown records";
 * - a domain with no user in it was shown as Python ("records matching [('state', '=', 'new')]").
 * Beside the rules: hr.leave's first window action is named "Dashboard", and the story read
 * "I want to record and follow Dashboard".
 */
import { featureMapOf, storyLines, type MapFeature } from './support.js';

const FILES: Record<string, string> = {
  'leave/__init__.py': 'from . import models\n',
  'leave/__manifest__.py': "{'name': 'Leave', 'depends': ['base'], 'data': ['security/groups.xml', 'security/ir.model.access.csv', 'security/rules.xml', 'views/leave_views.xml']}\n",
  'leave/views/leave_views.xml': `<?xml version="1.0"?>
<odoo>
    <record id="leave_view_form" model="ir.ui.view">
        <field name="model">leave.request</field>
        <field name="arch" type="xml"><form><field name="name"/></form></field>
    </record>
    <record id="leave_action_dashboard" model="ir.actions.act_window">
        <field name="name">Dashboard</field>
        <field name="res_model">leave.request</field>
    </record>
    <record id="leave_action_all" model="ir.actions.act_window">
        <field name="name">Leave Requests</field>
        <field name="res_model">leave.request</field>
    </record>
</odoo>
`,
  'leave/models/__init__.py': 'from . import leave\n',
  'leave/models/leave.py': `from odoo import fields, models


class Leave(models.Model):
    _name = 'leave.request'
    _description = 'Leave Request'

    name = fields.Char(required=True)
    employee_id = fields.Many2one('leave.employee', string='Employee')
    user_id = fields.Many2one('res.users', string='Approver')
    state = fields.Selection([('draft', 'To Submit'), ('confirm', 'To Approve'), ('validate', 'Approved')], string='Status')
    urgent = fields.Boolean(string='Urgent')


class Employee(models.Model):
    _name = 'leave.employee'
    _description = 'Leave Employee'

    name = fields.Char(required=True)
    user_id = fields.Many2one('res.users', string='User')
    kind = fields.Selection([('staff', 'Staff'), ('intern', 'Intern')], string='Kind')
`,
  'leave/security/groups.xml': `<?xml version="1.0"?>
<odoo>
    <record id="group_leave_officer" model="res.groups">
        <field name="name">Leave Officer</field>
    </record>
</odoo>
`,
  'leave/security/ir.model.access.csv': 'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_leave,leave,model_leave_request,base.group_user,1,1,1,0\naccess_emp,emp,model_leave_employee,base.group_user,1,0,0,0\n',
  'leave/security/rules.xml': `<?xml version="1.0"?>
<odoo>
    <record id="leave_rule_officer" model="ir.rule">
        <field name="name">Officers edit the others' leaves and their own unapproved ones</field>
        <field name="model_id" ref="model_leave_request"/>
        <field name="domain_force">[
            '|',
                '&amp;',
                    ('employee_id.user_id', '=', user.id),
                    ('state', '!=', 'validate'),
                '|',
                    ('employee_id.user_id', '!=', user.id),
                    ('employee_id.user_id', '=', False)
        ]</field>
        <field name="perm_read" eval="False"/>
        <field name="perm_unlink" eval="False"/>
        <field name="groups" eval="[(4, ref('group_leave_officer'))]"/>
    </record>
    <record id="leave_rule_approver" model="ir.rule">
        <field name="name">Approvers see theirs and the unassigned ones</field>
        <field name="model_id" search="[('model', '=', 'leave.request')]" model="ir.model"/>
        <field name="domain_force">['|', ('user_id', '=', user.id), ('user_id', '=', False)]</field>
        <field name="groups" eval="[(4, ref('base.group_user'))]"/>
    </record>
    <record id="leave_rule_own" model="ir.rule">
        <field name="name">Own leaves</field>
        <field name="model_id" ref="model_leave_request"/>
        <field name="domain_force">[('employee_id.user_id', '=', user.id)]</field>
        <field name="groups" eval="[(4, ref('base.group_user'))]"/>
    </record>
    <record id="leave_rule_staff" model="ir.rule">
        <field name="name">Interns' urgent leaves are not deleted</field>
        <field name="model_id" ref="model_leave_request"/>
        <field name="domain_force">['!', '&amp;', ('urgent', '=', True), ('employee_id.kind', 'in', ['intern'])]</field>
        <field name="perm_read" eval="False"/>
        <field name="perm_write" eval="False"/>
        <field name="perm_create" eval="False"/>
        <field name="groups" eval="[(4, ref('base.group_user'))]"/>
    </record>
</odoo>
`,
  // hr_fleet: a record of another module's rule that only changes its domain.
  'leave_fleet/__manifest__.py': "{'name': 'Leave Fleet', 'depends': ['leave'], 'data': ['security/rules.xml']}\n",
  'leave_fleet/security/rules.xml': `<?xml version="1.0"?>
<odoo>
    <record id="leave.leave_rule_own" model="ir.rule">
        <field name="domain_force">['|', ('employee_id.user_id', '=', user.id), ('user_id', '=', user.id)]</field>
    </record>
    <record id="fleet.fleet_rule_vehicle_visibility_user" model="ir.rule">
        <field name="domain_force">['|', ('driver_id', '=', user.partner_id.id), ('driver_employee_id.user_id', '=', user.id)]</field>
    </record>
</odoo>
`,
};

let features: Record<string, MapFeature>;
beforeAll(async () => {
  features = await featureMapOf(FILES);
});

const all = (id: string) => storyLines(features[id]).join('\n');

test('a rule that grants other people\'s records too is said term by term, not as "their own"', () => {
  const text = all('leave-model-leave_request');
  expect(text).toContain(
    'Leave Officer can edit or create only the Leave Request records where (Employee\'s user is them and Status is not Approved) or Employee\'s user is not them or Employee\'s user is not set ("Officers edit the others\' leaves and their own unapproved ones")',
  );
  expect(text).not.toMatch(/Leave Officer can edit or create only their own/);
});

test('a user field that may also be empty grants the unassigned records, and a model found by search= is named', () => {
  expect(all('leave-model-leave_request')).toContain(
    'Internal User sees only the Leave Request records where Approver is them or Approver is not set ("Approvers see theirs and the unassigned ones")',
  );
});

test('a rule that only makes records their own keeps its short form; "!" and selection labels through a path are said', () => {
  const text = all('leave-model-leave_request');
  expect(text).toContain('Internal User sees only their own Leave Request records (Employee\'s user is them) ("Own leaves")');
  expect(text).toContain('Internal User can delete only the Leave Request records where not (Urgent is true and Employee\'s kind is Intern)');
});

test('a record of another module\'s rule takes that rule\'s model and groups, and says what it changes', () => {
  const security = all('leave_fleet-security-roles');
  expect(security).toContain(
    'Internal User sees only their own Leave Request records (Employee\'s user or Approver is them) (a change of the rule "Own leaves" of leave) (addons/leave_fleet/security/rules.xml:3)',
  );
  // fleet is not analysed: no model, no groups, and no "global rule" either.
  expect(security).toContain(
    'The record rule fleet.fleet_rule_vehicle_visibility_user is changed: its groups see only the records where Driver is them or Driver employee\'s user is them (addons/leave_fleet/security/rules.xml:6)',
  );
  expect(security).not.toMatch(/Unknown|Every user \(global rule\)/);
});

test('an action named after its screen does not name the records of the story', () => {
  expect(features['leave-model-leave_request'].stories[0].text).toBe('As an Internal User, I want to record and follow Leave Requests in form view.');
});
