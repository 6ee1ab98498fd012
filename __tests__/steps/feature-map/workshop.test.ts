/**
 * What Odoo 17's maintenance module showed wrong or missed (read by hand first, then compared):
 * an @api.ondelete method's refusal ("You cannot delete an equipment category containing
 * equipment...") was not in the map; a stage record was "loaded by addons" (the folder above the
 * module, not the module) when the addons path is nested; a write of fields.Date.today() was not
 * told at all ("Close Date is set when the request reaches a done stage").
 */
import { featureMapOf, storyLines } from './support.js';
import type { MapFeature } from './support.js';

const FILES: Record<string, string> = {
  'workshop/__init__.py': 'from . import models\n',
  'workshop/__manifest__.py':
    "{'name': 'Workshop', 'depends': ['mail'], 'data': ['security/ir.model.access.csv', 'security/workshop_rules.xml', 'data/workshop_data.xml', 'views/workshop_views.xml'], 'post_init_hook': 'post_init_hook'}\n",
  // OCA maintenance_plan's hook: it turns existing data into plans, and refuses to install on ambiguous data.
  'workshop/hooks.py': `from odoo import _
from odoo.exceptions import UserError


def post_init_hook(env):
    """Create a default category for the machines already in the database."""
    machines = env["workshop.machine"].search([])
    if len(machines.mapped("name")) != len(machines):
        raise UserError(_("Two machines share a name: rename one before installing."))
    env["workshop.category"].create({"name": "Default"})
`,
  // website_hr_recruitment adds implied groups to hr_recruitment's groups: the names stay hr_recruitment's.
  'garage_hr/__manifest__.py': "{'name': 'Garage HR', 'depends': ['base'], 'data': ['security/groups.xml']}\n",
  'garage_hr/security/groups.xml': `<?xml version="1.0"?>
<odoo>
    <record id="group_workshop_repair_staff" model="res.groups">
        <field name="name">Repairer</field>
    </record>
</odoo>
`,
  // OCA maintenance_plan: users reach the plans of the equipment they follow.
  'workshop/security/workshop_rules.xml': `<?xml version="1.0"?>
<odoo>
    <record id="garage_hr.group_workshop_repair_staff" model="res.groups">
        <field name="implied_ids" eval="[(4, ref('base.group_user'))]"/>
    </record>
    <record id="job_position_public" model="ir.rule">
        <field name="name">Job Positions: Public</field>
        <field name="model_id" ref="hr.model_hr_job"/>
        <field name="domain_force">[('website_published', '=', True)]</field>
        <field name="groups" eval="[(4, ref('base.group_public'))]"/>
    </record>
    <record id="job_rule_user" model="ir.rule">
        <field name="name">Jobs of the machines one follows</field>
        <field name="model_id" ref="model_workshop_job"/>
        <field name="domain_force">[('category_id.message_partner_ids', 'in', [user.partner_id.id])]</field>
        <field name="groups" eval="[(4, ref('base.group_user'))]"/>
    </record>
</odoo>
`,
  'workshop/models/__init__.py': 'from . import workshop\n',
  'workshop/models/workshop.py': `from odoo import api, fields, models, _
from odoo.exceptions import UserError


class Stage(models.Model):
    _name = 'workshop.stage'
    _description = 'Workshop Stage'

    name = fields.Char(required=True)
    done = fields.Boolean('Request Done')


class Category(models.Model):
    _name = 'workshop.category'
    _description = 'Machine Category'

    name = fields.Char(required=True)
    job_ids = fields.One2many('workshop.job', 'category_id')

    @api.ondelete(at_uninstall=False)
    def _unlink_except_contains_jobs(self):
        for category in self:
            if category.job_ids:
                raise UserError(_("You cannot delete a category that holds jobs."))


class Job(models.Model):
    _name = 'workshop.job'
    _description = 'Workshop Job'

    name = fields.Char(required=True)
    category_id = fields.Many2one('workshop.category', 'Category')
    stage_id = fields.Many2one('workshop.stage', 'Stage')
    close_date = fields.Date('Close Date')
    started_at = fields.Datetime('Started')

    def write(self, vals):
        res = super().write(vals)
        if 'stage_id' in vals:
            self.filtered(lambda j: j.stage_id.done).write({'close_date': fields.Date.today()})
        return res

    def action_start(self):
        self.write({'started_at': fields.Datetime.now()})


class Measured(models.AbstractModel):
    _name = 'workshop.measured'
    _description = 'Measured Item'

    effective_date = fields.Date('Effective Date', required=True)
    mtbf = fields.Integer(compute='_compute_mtbf', string='MTBF')

    @api.depends('effective_date')
    def _compute_mtbf(self):
        for item in self:
            item.mtbf = 0


class Machine(models.Model):
    _name = 'workshop.machine'
    _inherit = ['mail.thread', 'workshop.measured']
    _description = 'Machine'

    name = fields.Char(required=True)


# Odoo 17 repair: buttons reach the state writes through the methods they call.
class Order(models.Model):
    _name = 'workshop.order'
    _description = 'Repair Order'

    state = fields.Selection([('draft', 'New'), ('confirmed', 'Confirmed'), ('under_repair', 'Under Repair'), ('done', 'Repaired')], string='Status', default='draft')

    def action_validate(self):
        if self.filtered(lambda o: o.state != 'draft'):
            raise UserError(_("Only new orders can be confirmed."))
        return self._action_confirm()

    def _action_confirm(self):
        self.write({'state': 'confirmed'})

    def action_repair_end(self):
        if self.filtered(lambda o: o.state != 'under_repair'):
            raise UserError(_("Repair must be under repair in order to end reparation."))
        return self.action_repair_done()

    def action_repair_done(self):
        self.write({'state': 'done'})
`,
  // website_hr_recruitment's /jobs/add: a signed-in website route that creates a record with the user's rights.
  'workshop/controllers/main.py': `from odoo import http
from odoo.http import request


class WorkshopSite(http.Controller):
    @http.route('/workshop/job/add', type='json', auth="user", website=True)
    def job_add(self, **kwargs):
        job = request.env['workshop.job'].with_context(rendering_bundle=True).create({'name': 'New job'})
        return job.id

    @http.route('/workshop/request', type='http', auth="user", website=True)
    def request_job(self, **kwargs):
        request.env['workshop.job'].sudo().create({'name': kwargs.get('name')})
        return request.redirect('/my')
`,
  'workshop/security/ir.model.access.csv':
    'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\n' +
    'access_stage,stage,model_workshop_stage,base.group_user,1,1,1,1\n' +
    'access_category,category,model_workshop_category,base.group_user,1,1,1,1\n' +
    'access_job,job,model_workshop_job,base.group_user,1,1,1,1\n' +
    'access_machine,machine,model_workshop_machine,base.group_user,1,1,1,1\n' +
    'access_order,order,model_workshop_order,base.group_user,1,1,1,1\n' +
    'access_order_repairer,order repairer,model_workshop_order,garage_hr.group_workshop_repair_staff,1,1,1,1\n',
  'workshop/data/workshop_data.xml': `<?xml version="1.0"?>
<odoo>
    <record id="stage_new" model="workshop.stage"><field name="name">New</field></record>
    <record id="stage_done" model="workshop.stage"><field name="name">Repaired</field><field name="done" eval="True"/></record>
</odoo>
`,
  'workshop/views/workshop_views.xml': `<?xml version="1.0"?>
<odoo>
    <record id="job_form" model="ir.ui.view">
        <field name="name">workshop.job.form</field>
        <field name="model">workshop.job</field>
        <field name="arch" type="xml">
            <form>
                <header>
                    <button name="action_start" string="Start" type="object"/>
                    <field name="stage_id" widget="statusbar" options="{'clickable': '1'}"/>
                </header>
                <field name="name"/>
                <field name="category_id"/>
                <field name="close_date" groups="base.group_no_one"/>
            </form>
        </field>
    </record>
    <record id="job_kanban" model="ir.ui.view">
        <field name="name">workshop.job.kanban</field>
        <field name="model">workshop.job</field>
        <field name="arch" type="xml">
            <kanban default_group_by="stage_id"><templates><t t-name="kanban-box"><div><field name="name"/></div></t></templates></kanban>
        </field>
    </record>
    <record id="order_form" model="ir.ui.view">
        <field name="name">workshop.order.form</field>
        <field name="model">workshop.order</field>
        <field name="arch" type="xml">
            <form>
                <header>
                    <button name="action_validate" string="Confirm Repair" type="object"/>
                    <button name="action_repair_end" string="End Repair" type="object"/>
                    <field name="state" widget="statusbar"/>
                </header>
            </form>
        </field>
    </record>
    <record id="category_form" model="ir.ui.view">
        <field name="name">workshop.category.form</field>
        <field name="model">workshop.category</field>
        <field name="arch" type="xml"><form><field name="name"/></form></field>
    </record>
</odoo>
`,
};

let features: Record<string, MapFeature>;
beforeAll(async () => {
  // The addons path two folders deep, as in a customer's repository (src/custom/workshop/...).
  features = await featureMapOf(FILES, 'src/custom');
});

const all = (id: string) => storyLines(features[id]);

test('an @api.ondelete method refuses deleting, at its raise', () => {
  expect(all('workshop-model-workshop_category')).toContain('Deleting is refused with "You cannot delete a category that holds jobs." (src/custom/workshop/models/workshop.py:24).');
});

test('a stage record is loaded by its module, wherever the addons path is', () => {
  expect(all('workshop-lifecycle-workshop_job')).toContain('The stage "Repaired" is loaded by workshop (src/custom/workshop/data/workshop_data.xml:4).');
});

test("a write of today's date or the current time says so", () => {
  const job = all('workshop-model-workshop_job');
  expect(job).toContain("When Stage changes, saving it can also set Close Date to today's date (src/custom/workshop/models/workshop.py:40).");
  expect(job).toContain('It sets Started to the current date and time (src/custom/workshop/models/workshop.py:44).');
});

test("an abstract model of the same module that a model inherits brings its fields' criteria, with their labels", () => {
  const machine = all('workshop-model-workshop_machine');
  expect(machine).toContain('Effective Date is required to save a Machine (src/custom/workshop/models/workshop.py:51).');
  expect(machine).toContain('MTBF is computed from Effective Date (src/custom/workshop/models/workshop.py:55).');
});

test('the install hook the manifest names says what it does, creates and refuses', () => {
  expect(all('workshop-data-records')).toEqual([
    'As an Administrator, I want to install Workshop and find Workshop Stage ready.',
    'Loads 2 Workshop Stage records (workshop.stage) (src/custom/workshop/data/workshop_data.xml:3).',
    'Installing it runs post_init_hook: Create a default category for the machines already in the database (src/custom/workshop/hooks.py:5).',
    'Installing is refused with "Two machines share a name: rename one before installing." (src/custom/workshop/hooks.py:9).',
    'Creates a Machine Category (src/custom/workshop/hooks.py:10).',
  ]);
});

test('a rule on what a related record\'s followers are says whose followers', () => {
  expect(all('workshop-model-workshop_job')).toContain(
    'Internal User sees only the Workshop Job records whose Category they follow ("Jobs of the machines one follows") (src/custom/workshop/security/workshop_rules.xml:12).',
  );
});

test('a button reaches a state write through the method it calls: the transition is that button\'s, with the checks of the button\'s method', () => {
  const life = features['workshop-lifecycle-workshop_order'].stories;
  const confirm = life.find((x) => x.text.includes('to Confirmed'));
  expect(confirm?.text).toBe('As an Internal User, I want to move a Repair Order from New to Confirmed with "Confirm Repair".');
  expect(confirm?.acceptance).toEqual([
    '"Confirm Repair" sets Status to Confirmed (src/custom/workshop/models/workshop.py:81).',
    'Refused with "Only new orders can be confirmed." unless Status is New (src/custom/workshop/models/workshop.py:76).',
    '"Confirm Repair" runs action_validate, which calls _action_confirm (src/custom/workshop/models/workshop.py:75).',
  ]);
  const end = life.find((x) => x.text.includes('to Repaired'));
  expect(end?.text).toBe('As an Internal User, I want to move a Repair Order from Under Repair to Repaired with "End Repair".');
  expect(JSON.stringify(life)).not.toContain('No button');
  // The buttons are told by the lifecycle only, not again as "use ..." stories of the model.
  expect(all('workshop-model-workshop_order').filter((x) => /use "(Confirm|End) Repair"/.test(x))).toEqual([]);
});

test("a standard model whose module is not analysed keeps Odoo's name; the website's rule reads as published records", () => {
  // website_hr_recruitment alone: hr.job was "Hr job", its public rule a raw domain.
  const every = Object.values(features).flatMap((f) => f.stories.flatMap((x) => x.acceptance));
  expect(every).toContain('Public User sees only the published Job Position records (src/custom/workshop/security/workshop_rules.xml:6).');
});

test('a signed-in website route that creates records with the user\'s rights is for those who may create them; with sudo() it stays a portal page', () => {
  const texts = features['workshop-route-workshopsite'].stories.map((x) => x.text);
  expect(texts).toEqual(['As an Internal User, I want to call /workshop/job/add (json).', 'As a Portal User, I want to open /workshop/request.']);
});

test("a field the model's own form shows to some roles or in debug mode only says so (maintenance: Cost, to Equipment Manager only)", () => {
  expect(all('workshop-model-workshop_job')).toContain('Close Date is shown in debug mode only (src/custom/workshop/views/workshop_views.xml:14).');
});

test('a group another module adds to keeps the name its own module gives it', () => {
  const text = JSON.stringify(features);
  expect(text).toContain('Repairer');
  expect(text).not.toContain('Workshop Repair Staff');
});
