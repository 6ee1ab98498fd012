/**
 * What OCA's helpdesk_mgmt (16.0) showed, its feature list written by hand first: three roles of
 * one category, "User: Personal tickets", "User: Team tickets" and "User", were all named
 * "Helpdesk User", so the map said both "Helpdesk User sees only ..." and "Helpdesk User sees all";
 * a rule read "Team in user.helpdesk_team_ids.ids"; the closing email that the Done stage sends read
 * "No code ... sends it: it is picked in the email composer"; settings relaying a company field
 * without a string of their own were named by their technical name.
 */
import { mapDocOf, storyLines, type MapFeature } from './support.js';

const FILES: Record<string, string> = {
  'desk/__init__.py': 'from . import models\n',
  'desk/__manifest__.py': "{'name': 'Desk', 'summary': '''\n        Helpdesk''', 'depends': ['mail'], 'data': ['security/groups.xml', 'security/ir.model.access.csv', 'security/rules.xml', 'data/mail.xml', 'data/stages.xml']}\n",
  'desk/models/__init__.py': 'from . import desk\n',
  'desk/models/desk.py': `from odoo import fields, models


class Ticket(models.Model):
    _name = 'desk.ticket'
    _description = 'Desk Ticket'

    name = fields.Char(required=True)
    user_id = fields.Many2one('res.users', string='Assigned user')
    team_id = fields.Many2one('desk.team', string='Team')
    stage_id = fields.Many2one('desk.stage', string='Stage')


class Team(models.Model):
    _name = 'desk.team'
    _description = 'Desk Team'

    name = fields.Char(required=True)


class Stage(models.Model):
    _name = 'desk.stage'
    _description = 'Desk Stage'

    name = fields.Char(required=True)
    mail_template_id = fields.Many2one('mail.template', string='Email Template')


class Users(models.Model):
    _inherit = 'res.users'

    desk_team_ids = fields.Many2many('desk.team', string='Desk teams')


class Company(models.Model):
    _inherit = 'res.company'

    desk_portal_select_team = fields.Boolean(string='Select team in the portal')


class Settings(models.TransientModel):
    _inherit = 'res.config.settings'

    desk_portal_select_team = fields.Boolean(related='company_id.desk_portal_select_team', readonly=False)
`,
  'desk/security/groups.xml': `<?xml version="1.0"?>
<odoo>
    <record id="module_desk_category" model="ir.module.category">
        <field name="name">Desk</field>
    </record>
    <record id="group_desk_user_own" model="res.groups">
        <field name="name">User: Personal tickets</field>
        <field name="category_id" ref="module_desk_category"/>
    </record>
    <record id="group_desk_user_team" model="res.groups">
        <field name="name">User: Team tickets</field>
        <field name="category_id" ref="module_desk_category"/>
        <field name="implied_ids" eval="[(4, ref('group_desk_user_own'))]"/>
    </record>
    <record id="group_desk_user" model="res.groups">
        <field name="name">User</field>
        <field name="category_id" ref="module_desk_category"/>
        <field name="implied_ids" eval="[(4, ref('group_desk_user_team'))]"/>
    </record>
</odoo>
`,
  'desk/security/ir.model.access.csv':
    'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_ticket,ticket,model_desk_ticket,group_desk_user_own,1,1,1,0\naccess_team,team,model_desk_team,group_desk_user_own,1,0,0,0\naccess_stage,stage,model_desk_stage,group_desk_user_own,1,0,0,0\n',
  'desk/security/rules.xml': `<?xml version="1.0"?>
<odoo>
    <record id="rule_personal" model="ir.rule">
        <field name="name">Personal Tickets</field>
        <field name="model_id" ref="model_desk_ticket"/>
        <field name="domain_force">['|', ('user_id', '=', user.id), '&amp;', ('user_id', '=', False), ('team_id', 'in', user.desk_team_ids.ids)]</field>
        <field name="groups" eval="[(4, ref('group_desk_user_own'))]"/>
    </record>
    <record id="rule_all" model="ir.rule">
        <field name="name">All Tickets</field>
        <field name="model_id" ref="model_desk_ticket"/>
        <field name="domain_force">[(1, '=', 1)]</field>
        <field name="groups" eval="[(4, ref('group_desk_user'))]"/>
    </record>
</odoo>
`,
  'desk/data/mail.xml': `<?xml version="1.0"?>
<odoo>
    <record id="closed_ticket_template" model="mail.template">
        <field name="name">Desk: ticket closed</field>
        <field name="model_id" ref="model_desk_ticket"/>
        <field name="subject">Your ticket is closed</field>
    </record>
</odoo>
`,
  'desk/data/stages.xml': `<?xml version="1.0"?>
<odoo>
    <record id="stage_done" model="desk.stage">
        <field name="name">Done</field>
        <field name="mail_template_id" ref="closed_ticket_template"/>
    </record>
</odoo>
`,
};

let features: Record<string, MapFeature>;
let summary: string | undefined;
beforeAll(async () => {
  const doc = await mapDocOf(FILES);
  features = doc.features;
  summary = doc.modules.desk.summary;
});

test('a summary written over lines is one line, as on the app card', () => {
  expect(summary).toBe('Helpdesk');
});

test('roles of one category that would share a name keep what follows the colon', () => {
  const lines = storyLines(features['desk-model-desk_ticket']);
  expect(lines).toContain(
    'Desk User (Personal tickets) sees only the Desk Ticket records where Assigned user is them or (Assigned user is not set and Team is one of their desk teams) ("Personal Tickets") (addons/desk/security/rules.xml:3).',
  );
  expect(lines).toContain('Desk User sees all Desk Ticket records ("All Tickets") (addons/desk/security/rules.xml:9).');
  expect(features['desk-security-roles'].title).toBe('Roles and access: Desk User (Personal tickets), Desk User (Team tickets) and Desk User');
});

test('an email a stage names is sent when a record reaches that stage', () => {
  const email = features['desk-email-closed_ticket_template'];
  expect(email.stories[0].text).toBe('As a Desk User (Personal tickets), I want to have Odoo send the "Desk: ticket closed" email when a Desk Ticket reaches the stage "Done".');
  expect(email.stories[0].acceptance).toContain('"Done" (Desk Stage) names it as Email Template: Odoo sends it from there (addons/desk/data/stages.xml:3).');
  expect(storyLines(email).join('\n')).not.toMatch(/picked in the email composer/);
});

test('a setting relaying a company field is named by that field\'s label', () => {
  expect(features['desk-settings-config'].stories.map((s) => s.text)).toEqual(['As an Administrator, I want to switch "Select team in the portal" on or off in Settings.']);
});
