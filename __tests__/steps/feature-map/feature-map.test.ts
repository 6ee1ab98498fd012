/** Step 4 on the example modules: the features, roles, stories and criteria a reviewer expects. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { featureMapStep, featureReviewSpec } from '../../../src/steps/feature-map/index.js';
import { cleanup, copyExamples, makeContext, tempDir } from './support.js';

interface MapFeature {
  title: string;
  kind: string;
  module: string;
  roles: string[];
  evidence: string[];
  owner: string;
  scope: string;
  stories: { text: string; acceptance: string[] }[];
}

let root: string;
let text: string;
let features: Record<string, MapFeature>;

beforeAll(async () => {
  root = tempDir();
  copyExamples(root);
  const r = await featureMapStep.run(makeContext(root));
  expect(r.ok).toBe(true);
  text = readFileSync(join(root, 'feature_user_story_map.toml'), 'utf8');
  features = (parse(text) as unknown as { features: Record<string, MapFeature> }).features;
});
afterAll(() => cleanup(root));

const stories = (id: string) => features[id].stories.map((s) => s.text);

test('the map is valid for its own reviewer', () => {
  expect(featureReviewSpec.validate(text).filter((d) => d.severity === 'error')).toEqual([]);
});

test('the equipment app menu is a feature, reached by technicians', () => {
  const app = features['equipment_maintenance-app-menu_equipment_root'];
  expect(app).toMatchObject({ kind: 'app', title: 'Equipment app', roles: ['Maintenance Technician'] });
  expect(app.evidence[0]).toBe('addons/equipment_maintenance/views/equipment_menus.xml:3');
  expect(stories('equipment_maintenance-app-menu_equipment_root')[0]).toMatch(
    /^As a Maintenance Technician, I want to open the Equipment app and reach Maintenance Requests, Equipment and Vehicles, so that /,
  );
  expect(app.stories[0].acceptance).toContain('Vehicles is shown to Maintenance Manager only.');
  expect(app.stories[0].acceptance).toContain('Its web assets load without errors (1 JS, 1 SCSS files).');
});

test('the maintenance request model comes with its views, required fields, states and rules', () => {
  const f = features['equipment_maintenance-model-equipment_request'];
  expect(f.title).toBe('Maintenance Request (equipment.request)');
  expect(f.evidence).toEqual(expect.arrayContaining([
    'addons/equipment_maintenance/models/equipment_request.py:8',
    'addons/equipment_maintenance/views/equipment_request_views.xml:20',
  ]));
  const story = f.stories[0];
  expect(story.text).toBe(
    'As a Maintenance Technician, I want to record and follow Maintenance Requests in list, form and kanban views with search filters, so that a technician repairs the equipment quickly.',
  );
  expect(story.acceptance).toEqual(expect.arrayContaining([
    'A Maintenance Request cannot be saved without Reference, Subject, Equipment, Maintenance Type and Status.',
    'Status goes through New → Confirmed → In Progress → Done → Cancelled.',
    'Saving is refused with "A single request cannot last more than a week.".',
    'Record rule: Technicians see their own requests (Maintenance Technician).',
  ]));
});

test('a model only managers may create gets a manager story and a read-only technician story', () => {
  expect(stories('equipment_maintenance-model-equipment_item')).toEqual([
    expect.stringMatching(/^As a Maintenance Manager, I want to record and follow Equipment in /),
    expect.stringMatching(/^As a Maintenance Technician, I want to look up Equipment, /),
  ]);
});

test('the "Mark as done" button is a feature with its benefit from the docstring and its refusal message', () => {
  const f = features['equipment_maintenance-action-equipment_request-action_done'];
  expect(f.title).toBe('"Mark as done" on Maintenance Request');
  expect(f.stories[0].text).toBe(
    'As a Maintenance Technician, I want to use "Mark as done" on a Maintenance Request, so that the equipment history stays complete.',
  );
  expect(f.stories[0].acceptance).toContain('Refused with "Only confirmed or started requests can be marked as done.".');
  expect(f.evidence[0]).toBe('addons/equipment_maintenance/views/equipment_request_views.xml:31');
  expect(stories('equipment_maintenance-action-equipment_request-action_cancel')[0]).toMatch(/^As a Maintenance Manager, I want to use "Cancel"/);
});

test('the report, the cron, the wizard, the email and the constraints are features', () => {
  expect(features['equipment_maintenance-report-action_report_equipment_request'].stories[0].text).toMatch(
    /I want to print the "Maintenance Report" of a Maintenance Request/,
  );
  const cron = features['equipment_maintenance-cron-ir_cron_preventive_requests'];
  expect(cron.stories[0].text).toMatch(/^As a Maintenance Manager, I want to have Odoo generate preventive maintenance requests automatically/);
  expect(cron.stories[0].acceptance).toContain('Runs every 1 days without anyone starting it.');
  expect(features['equipment_maintenance-wizard-equipment_request_done_wizard'].stories[0].acceptance).toContain(
    'The wizard cannot be confirmed without Requests and Close Date.',
  );
  expect(features['equipment_maintenance-email-mail_template_request_done'].kind).toBe('email');
  expect(features['equipment_maintenance-constraint-equipment_item-serial_no_unique'].stories[0].acceptance).toEqual([
    'Saving is refused with "Another equipment already has this serial number.".',
    'The database enforces unique(serial_no).',
  ]);
  expect(features['equipment_maintenance-constraint-equipment_request-check_duration'].stories[0].acceptance).toContain(
    'Checked whenever duration and schedule_date change.',
  );
});

test('extensions of existing models: fields and xpaths on crm.lead and sale.order, roles from the module', () => {
  const lead = features['sale_site_visit-extension-crm_lead'];
  expect(lead.stories[0].text).toMatch(/^As a Salesperson, I want to see and set Site Visit Required, Site Visits and Customer Budget on the Lead\/Opportunity form/);
  const order = features['sale_site_visit-extension-sale_order'];
  expect(order.stories[0].acceptance).toContain('Saving is refused with "The delivery window must start before it ends.".');
  expect(features['helpdesk_lite-extension-res_partner'].roles).toEqual(['Helpdesk Agent']);
});

test('every feature id is free of dots and every story follows the template', () => {
  for (const [id, f] of Object.entries(features)) {
    expect(id).toMatch(/^[a-z0-9_-]+$/);
    expect(f.stories.length).toBeGreaterThan(0);
    for (const s of f.stories) expect(s.text).toMatch(/^As an? [^,]+, I want to .+, so that .+\.$/);
  }
});

test('the same sources give the same bytes', async () => {
  const again = tempDir();
  copyExamples(again);
  await featureMapStep.run(makeContext(again));
  const second = readFileSync(join(again, 'feature_user_story_map.toml'), 'utf8');
  cleanup(again);
  expect(second.replace(/project = .*/, '')).toBe(text.replace(/project = .*/, ''));
});

test('a changed code base keeps the ids of unchanged features and the user edits survive the merge', async () => {
  const dir = tempDir();
  const addons = copyExamples(dir);
  const ctx = makeContext(dir);
  await featureMapStep.run(ctx);
  const file = join(dir, 'feature_user_story_map.toml');
  const before = parse(readFileSync(file, "utf8")) as unknown as { features: Record<string, MapFeature> };
  // The user takes ownership, rewords a story and scopes a feature out.
  const edited = readFileSync(file, 'utf8')
    .replace(/(\[features\.equipment_maintenance-action-equipment_request-action_done\][\s\S]*?)owner = ""/, '$1owner = "alice"')
    .replace(/(\[features\.helpdesk_lite-model-helpdesk_tag\][\s\S]*?)scope = "in"/, '$1scope = "out"')
    .replace('I want to use \\"Mark as done\\" on a Maintenance Request', 'I want to close a repair in one click');
  writeFileSync(file, edited);
  // The code changes: lines move (a longer header) and a new button appears.
  const py = join(addons, 'equipment_maintenance/models/equipment_request.py');
  writeFileSync(py, readFileSync(py, 'utf8').replace('# -*- coding: utf-8 -*-\n', '# -*- coding: utf-8 -*-\n# Maintenance requests.\n# Part of the examples.\n').replace(
    '    def action_cancel(self):',
    '    def action_reopen(self):\n        """Reopen a cancelled request."""\n        self.write({\'state\': \'draft\'})\n\n    def action_cancel(self):',
  ));
  const r = await featureMapStep.run(ctx);
  expect(r.ok && r.value.warnings).toEqual([]);
  const merged = readFileSync(file, 'utf8');
  expect(merged).not.toContain('<<<<<<<');
  const after = parse(merged) as unknown as { features: Record<string, MapFeature> };
  for (const id of Object.keys(before.features)) expect(Object.keys(after.features)).toContain(id);
  expect(Object.keys(after.features)).toContain('equipment_maintenance-action-equipment_request-action_reopen');
  const done = after.features['equipment_maintenance-action-equipment_request-action_done'];
  expect(done.owner).toBe('alice');
  expect(done.stories[0].text).toContain('I want to close a repair in one click');
  expect(done.evidence).toContain('addons/equipment_maintenance/models/equipment_request.py:92');
  expect(after.features['helpdesk_lite-model-helpdesk_tag'].scope).toBe('out');
  cleanup(dir);
});

test('a source-code workspace without addons paths is a config error naming the key', async () => {
  const dir = tempDir();
  const r = await featureMapStep.run(makeContext(dir, { addons: [] }));
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.where).toEqual({ file: 'odoo-project-sync.toml', field: 'addons' });
  cleanup(dir);
});

test('a database workspace reads the generated modules/ folder and marks them as from the database', async () => {
  const dir = tempDir();
  copyExamples(dir);
  const { renameSync } = await import('node:fs');
  renameSync(join(dir, 'addons'), join(dir, 'modules'));
  const r = await featureMapStep.run(makeContext(dir, { source: 'database', addons: [] }));
  expect(r.ok).toBe(true);
  const map = parse(readFileSync(join(dir, 'feature_user_story_map.toml'), 'utf8')) as { modules: Record<string, { origin: string }> };
  expect(map.modules.equipment_maintenance.origin).toBe('database');
  cleanup(dir);
});
