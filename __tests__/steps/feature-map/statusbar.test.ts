/**
 * A status a user sets by clicking the form's status bar is a lifecycle, with no method behind it
 * (missed on Odoo 17: fleet's services, fleet's vehicle State stages, hr_contract's Cancelled). A
 * status bar that is not clickable only shows the status: no story of its own.
 */
import { featureMapOf } from './support.js';

const FILES: Record<string, string> = {
  'gym/__init__.py': 'from . import models\n',
  'gym/__manifest__.py': "{'name': 'Gym', 'depends': ['base'], 'data': ['security/ir.model.access.csv', 'data/conditions.xml', 'views/gym_views.xml']}\n",
  'gym/models/__init__.py': 'from . import gym\n',
  'gym/models/gym.py': `from odoo import fields, models


class Member(models.Model):
    _name = 'gym.member'
    _description = 'Gym Member'

    name = fields.Char(required=True)
    state = fields.Selection([('trial', 'Trial'), ('member', 'Member'), ('left', 'Left')], default='trial')


class Machine(models.Model):
    _name = 'gym.machine'
    _description = 'Gym Machine'

    name = fields.Char(required=True)
    condition_id = fields.Many2one('gym.condition', string='Condition')


class Condition(models.Model):
    _name = 'gym.condition'
    _description = 'Machine Condition'

    name = fields.Char(required=True)


class Visit(models.Model):
    _name = 'gym.visit'
    _description = 'Gym Visit'

    name = fields.Char()
    state = fields.Selection([('in', 'In'), ('out', 'Out')], default='in')
`,
  'gym/security/ir.model.access.csv': [
    'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink',
    'access_member,member,model_gym_member,base.group_user,1,1,1,1',
    'access_machine,machine,model_gym_machine,base.group_user,1,1,1,1',
    'access_condition,condition,model_gym_condition,base.group_user,1,1,1,1',
    'access_visit,visit,model_gym_visit,base.group_user,1,1,1,1',
    '',
  ].join('\n'),
  'gym/data/conditions.xml': `<odoo>
  <record id="condition_ok" model="gym.condition"><field name="name">Working</field></record>
  <record id="condition_broken" model="gym.condition"><field name="name">Broken</field></record>
</odoo>
`,
  'gym/views/gym_views.xml': `<odoo>
  <record id="member_form" model="ir.ui.view">
    <field name="name">gym.member.form</field>
    <field name="model">gym.member</field>
    <field name="arch" type="xml">
      <form>
        <header>
          <field name="state" widget="statusbar" options="{'clickable': '1'}" groups="base.group_system"/>
        </header>
        <field name="name"/>
      </form>
    </field>
  </record>
  <record id="machine_form" model="ir.ui.view">
    <field name="name">gym.machine.form</field>
    <field name="model">gym.machine</field>
    <field name="arch" type="xml">
      <form>
        <header><field name="condition_id" widget="statusbar" options="{'clickable': True}"/></header>
        <field name="name"/>
      </form>
    </field>
  </record>
  <record id="visit_form" model="ir.ui.view">
    <field name="name">gym.visit.form</field>
    <field name="model">gym.visit</field>
    <field name="arch" type="xml">
      <form>
        <header><field name="state" widget="statusbar" options="{'clickable': '0'}"/></header>
        <field name="name"/>
      </form>
    </field>
  </record>
  <record id="member_action" model="ir.actions.act_window">
    <field name="name">Members</field>
    <field name="res_model">gym.member</field>
  </record>
  <menuitem id="menu_root" name="Gym" action="member_action"/>
</odoo>
`,
};

test('a clickable status bar makes a lifecycle, on a selection and on a Many2one of stages; a read-only one does not', async () => {
  const features = await featureMapOf(FILES);
  const V = 'addons/gym/views/gym_views.xml';
  const member = features['gym-lifecycle-gym_member'];
  expect(member.title).toBe('Gym Member lifecycle (Status): Trial, Member and Left, set in the status bar');
  expect(member.stories.map((s) => s.text)).toEqual(['As an Administrator, I want to set the Status of a Gym Member by clicking it in the status bar.']);
  expect(member.stories[0].acceptance).toEqual([
    `The status bar of the form is clickable, shown to Administrator only: Trial, Member or Left can be chosen directly, without a button's checks (${V}:8).`,
  ]);
  const machine = features['gym-lifecycle-gym_machine'];
  expect(machine.title).toBe('Gym Machine Condition stages: Working, Broken');
  expect(machine.stories[0].text).toBe("As an Internal User, I want to move a Gym Machine through its stages in the form's status bar.");
  expect(machine.stories[0].acceptance).toContain(`The status bar of the form is clickable: any stage can be chosen directly (${V}:19).`);
  expect(features['gym-lifecycle-gym_visit']).toBeUndefined();
});
