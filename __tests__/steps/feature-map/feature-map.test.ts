/** Step 4 on the example modules: the features, roles, stories and criteria a reviewer expects. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { featureMapStep, featureReviewSpec } from '../../../src/steps/feature-map/index.js';
import { featureId } from '../../../src/steps/feature-map/ids.js';
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
}, 60_000); // reading five modules takes a few seconds on a loaded machine
afterAll(() => cleanup(root));

const stories = (id: string) => features[id].stories.map((s) => s.text);

test('the map is valid for its own reviewer', () => {
  expect(featureReviewSpec.validate(text).filter((d) => d.severity === 'error')).toEqual([]);
});

const story = (id: string, match: RegExp) => {
  const s = features[id]?.stories.find((x) => match.test(x.text));
  if (!s) throw new Error(`${id}: no story matches ${match}; stories: ${JSON.stringify(features[id]?.stories.map((x) => x.text))}`);
  return s;
};
const EM = 'addons/equipment_maintenance';
const HP = 'addons/helpdesk_portal';

test('the equipment app menu is a feature, reached by technicians, with a reason from the module summary; a menu shown to managers only is their story', () => {
  const app = features['equipment_maintenance-app-menu_equipment_root'];
  expect(app).toMatchObject({ kind: 'app', title: 'Equipment app', roles: ['Maintenance Technician', 'Maintenance Manager'] });
  expect(app.evidence[0]).toBe(`${EM}/views/equipment_menus.xml:3`);
  expect(app.stories.map((s) => s.text)).toEqual([
    'As a Maintenance Technician, I want to open the Equipment app and reach Maintenance Requests and Equipment, so that I can track equipment, vehicles and their maintenance requests.',
    'As a Maintenance Manager, I want to reach Vehicles in the Equipment app.',
  ]);
  expect(app.stories[0].acceptance.join('\n')).not.toContain('Vehicles');
  expect(app.stories[1].acceptance[0]).toBe(`Vehicles is shown to Maintenance Manager only (${EM}/views/equipment_menus.xml:13).`);
});

test('a business object carries its required fields, constraints, computes and record rules as criteria with their lines', () => {
  const f = features['equipment_maintenance-model-equipment_request'];
  expect(f.title).toBe('Maintenance Request (equipment.request)');
  const main = f.stories[0];
  expect(main.text).toBe(
    'As a Maintenance Technician, I want to record and follow Maintenance Requests in list, form and kanban views with search filters, so that a technician repairs the equipment quickly.',
  );
  expect(main.acceptance).toEqual(expect.arrayContaining([
    `Subject is required to save a Maintenance Request (${EM}/models/equipment_request.py:18).`,
    `Saving is refused when Duration (hours) and Scheduled Date change with "A single request cannot last more than a week." (${EM}/models/equipment_request.py:60).`,
    `Overdue is computed from Scheduled Date and Status (${EM}/models/equipment_request.py:42).`,
    `Deleting is refused with "Done requests are kept for the equipment history; archive them instead." (${EM}/models/equipment_request.py:76).`,
    `Maintenance Technician sees only their own Maintenance Request records (Technician or Requested By is them) ("Technicians see their own requests") (${EM}/security/equipment_rules.xml:4).`,
    `Maintenance Manager sees all Maintenance Request records ("Managers see all requests") (${EM}/security/equipment_rules.xml:11).`,
  ]));
  // The selection order is no workflow: no criterion lists the states in a row.
  expect(main.acceptance.join('\n')).not.toMatch(/→/);
  // Buttons, constraints and computes are parts of the object, not features of their own.
  expect(Object.values(features).map((x) => x.kind)).not.toContain('action');
  expect(Object.values(features).map((x) => x.kind)).not.toContain('constraint');
});

test('a model only managers may create gets a manager story and a read-only technician story', () => {
  expect(stories('equipment_maintenance-model-equipment_item').slice(0, 2)).toEqual([
    expect.stringMatching(/^As a Maintenance Manager, I want to record and follow Equipment in /),
    expect.stringMatching(/^As a Maintenance Technician, I want to look up Equipment, /),
  ]);
});

test('the lifecycle holds the transitions the code performs, with their guards, buttons and groups', () => {
  const f = features['equipment_maintenance-lifecycle-equipment_request'];
  expect(f.kind).toBe('lifecycle');
  const done = story('equipment_maintenance-lifecycle-equipment_request', /Done/);
  expect(done.text).toBe(
    'As a Maintenance Technician, I want to move a Maintenance Request from Confirmed or In Progress to Done with "Mark as done", so that the equipment history stays complete.',
  );
  expect(done.acceptance).toEqual(expect.arrayContaining([
    `"Mark as done" sets Status to Done (${EM}/models/equipment_request.py:96).`,
    `Refused with "Only confirmed or started requests can be marked as done." unless Status is Confirmed or In Progress (${EM}/models/equipment_request.py:94).`,
    `Uses the email template "Maintenance: request done" (${EM}/models/equipment_request.py:92).`,
  ]));
  expect(story('equipment_maintenance-lifecycle-equipment_request', /to Confirmed/).text).toMatch(/from New to Confirmed with "Confirm"/);
  expect(story('equipment_maintenance-lifecycle-equipment_request', /to Cancelled/).text).toMatch(/^As a Maintenance Manager, I want to move a Maintenance Request to Cancelled with "Cancel"/);
  const escalation = features['helpdesk_portal-lifecycle-helpdesk_ticket'];
  expect(escalation.stories.map((s) => s.text)).toEqual([
    'As a Helpdesk Agent, I want to move a Helpdesk Ticket from Open to Escalated with "Escalate", so that urgent tickets get senior attention.',
    'As a Helpdesk Manager, I want to move a Helpdesk Ticket from Escalated to Escalation Approved with "Approve Escalation".',
    'As a Helpdesk Manager, I want to move a Helpdesk Ticket from Escalated to Escalation Rejected with "Reject Escalation".',
    'As a Helpdesk Agent, I want to move a Helpdesk Ticket from Open, Escalation Approved or Escalation Rejected to Solved with "Solve".',
  ]);
  expect(escalation.stories[0].acceptance).toEqual(expect.arrayContaining([
    `Refused with "Say why the ticket must be escalated." (${HP}/models/helpdesk_ticket.py:32).`,
    `Schedules an activity (mail_activity_data_todo) (${HP}/models/helpdesk_ticket.py:34).`,
  ]));
  expect(escalation.stories[2].acceptance).toContain(
    `Only Helpdesk Ticket records in Escalated are moved; the others are left as they are (${HP}/models/helpdesk_ticket.py:44).`,
  );
});

test('record rules say what they grant: [] is all records, a company rule is global, a portal rule follows the contact', () => {
  const sec = features['helpdesk_portal-security-roles'];
  expect(sec.stories[0].acceptance).toEqual(expect.arrayContaining([
    `Helpdesk Manager sees all Helpdesk Ticket records (${HP}/security/helpdesk_portal_security.xml:15).`,
    `Every user (global rule) sees only Helpdesk Ticket records of their companies (or without a company) (${HP}/security/helpdesk_portal_security.xml:22).`,
    `Portal User sees only Helpdesk Ticket records of their own contact or company (through Customer) (${HP}/security/helpdesk_portal_security.xml:8).`,
  ]));
  // A feature toggle is no persona.
  for (const f of Object.values(features)) for (const s of f.stories) expect(s.text).not.toMatch(/^As an? Allow/);
  expect(sec.stories[1].text).toBe('As an Administrator, I want to switch on "Allow ticket escalations" for the users who need it.');
});

test('a tab shown to managers only is the managers\' story, not every editor\'s', () => {
  const f = features['helpdesk_portal-extension-helpdesk_ticket'];
  expect(story('helpdesk_portal-extension-helpdesk_ticket', /Internal Note/).text).toBe(
    'As a Helpdesk Manager, I want to see and set Internal Note on the Helpdesk Ticket form, so that agents can share context freely.',
  );
  expect(story('helpdesk_portal-extension-helpdesk_ticket', /Reference/).text).toMatch(/^As a Helpdesk Agent, /);
  expect(f.stories.map((s) => s.text).join('\n')).not.toMatch(/As a Helpdesk Agent, [^\n]*Internal Note/);
});

test('a One2many is labelled by its string, not by the inverse field', () => {
  expect(features['helpdesk_portal-extension-res_partner'].stories[0].text).toMatch(/Portal Tickets/);
  expect(text).not.toMatch(/keep partner_id|Partner id on each/);
});

test('portal routes, settings, the JS patch, the cron, the sequence and the email are features', () => {
  const portal = features['helpdesk_portal-route-helpdeskportal'];
  expect(portal).toMatchObject({ kind: 'route', roles: ['Portal User'] });
  expect(portal.stories[0].text).toBe(
    'As a Portal User, I want to open /my/tickets (and 1 more URL), so that they follow their questions without calling the support line.',
  );
  expect(portal.stories[0].acceptance).toEqual([
    `/my/tickets and /my/tickets/page/<int:page> serve the page helpdesk_portal.portal_my_tickets (http, auth=user, on the website) (${HP}/controllers/portal.py:17).`,
  ]);
  expect(story('helpdesk_portal-route-helpdeskportal', /call \/helpdesk\/ticket\/new/).acceptance).toContain(
    `Refused with "Opening tickets from the portal is switched off." (${HP}/controllers/portal.py:37).`,
  );
  const settings = features['helpdesk_portal-settings-config'];
  expect(settings.stories.map((s) => s.text)).toEqual([
    'As an Administrator, I want to switch "Tickets from the Portal" on or off in Settings, so that they need not send an email.',
    'As an Administrator, I want to switch "Escalations" on or off in Settings.',
  ]);
  expect(settings.stories[1].acceptance).toEqual([`It gives every internal user the group "Allow ticket escalations" (${HP}/models/res_config_settings.py:11).`]);
  const ui = features['helpdesk_portal-ui-assets'];
  expect(ui.title).toBe('Web client changes: 1 JS, 1 SCSS and 2 QWeb template files');
  expect(ui.stories[0].acceptance).toContain(`"My Tickets" is a new template (${HP}/views/portal_templates.xml:3).`);
  expect(ui.stories[0].acceptance[0]).toBe(`js/ticket_form_patch.js patches FormController (web.assets_backend) (${HP}/static/src/js/ticket_form_patch.js:1).`);
  expect(ui.roles).not.toContain('Portal User');
  // A registry entry is named for what it is to a user, never by its key alone (Odoo 17 hr_contract
  // read "use contract_warning_tooltip in the web client").
  expect(features['equipment_maintenance-ui-assets'].stories[0].text).toBe('As a Maintenance Technician, I want to use the equipment priority badge field widget in the web client.');
  const cron = features['helpdesk_portal-automation-ir_cron_remind_escalations'];
  expect(cron.title).toBe('When the scheduled action runs every 4 hours, then remind managers of waiting escalations');
  expect(cron.stories[0].acceptance).toContain(`Runs every 4 hours without anyone starting it (${HP}/data/ir_cron_data.xml:4).`);
  expect(features['helpdesk_portal-sequence-seq_helpdesk_ticket_portal'].stories[0].acceptance).toContain(
    `create on Helpdesk Ticket takes the next number (${HP}/models/helpdesk_ticket.py:23).`,
  );
  expect(features['helpdesk_portal-email-mail_template_ticket_solved'].stories[0].text).toBe(
    'As a Helpdesk Agent, I want to have Odoo send the "Helpdesk: ticket solved" email when I use "Solve" on a Helpdesk Ticket.',
  );
});

test('menus under another app are a navigation feature; stage data beside functional features is listed', () => {
  expect(features['sale_site_visit-app-menus'].stories[0].text).toMatch(/^As a Salesperson, I want to reach Site Visits from the menus of other apps\.$/);
  expect(features['helpdesk_lite-data-records'].stories[0].acceptance[0]).toMatch(/^Loads \d+ Ticket Stage records \(helpdesk.stage\)/);
});

test('a data-only module is a feature listing what it loads', () => {
  const f = features['helpdesk_lite_stages-data-records'];
  expect(f.kind).toBe('data');
  expect(f.stories[0].acceptance).toContain('Loads 2 Ticket Stage records (helpdesk.stage) (addons/helpdesk_lite_stages/data/helpdesk_config_data.xml:3).');
});

test('extensions of existing models: fields on crm.lead and sale.order with the module\'s roles', () => {
  expect(features['sale_site_visit-extension-crm_lead'].stories[0].text).toMatch(/^As a Salesperson, I want to see and set Customer Budget, Site Visit Required and Site Visits on the Lead\/Opportunity form/);
  expect(features['sale_site_visit-extension-sale_order'].stories[0].acceptance).toContain(
    'Saving is refused when Delivery From and Delivery Until change with "The delivery window must start before it ends." (addons/sale_site_visit/models/sale_order.py:20).',
  );
  // The title names the methods its estimate counts, not only the fields.
  expect(features['sale_site_visit-extension-crm_lead'].title).toBe('Lead/Opportunity: 4 new fields and 2 methods on 1 view (crm.lead)');
});

test('stories give a reason only when the code states one, and the reviewer asks for the others', () => {
  const texts = Object.values(features).flatMap((f) => f.stories.map((s) => s.text));
  for (const t of texts) expect(t).toMatch(/^As an? [^,]+, I want to .+\.$/);
  const endings = new Map<string, number>();
  for (const t of texts) {
    const m = /, so that (.+)\.$/.exec(t);
    if (m) endings.set(m[1].split(' ').slice(-4).join(' '), (endings.get(m[1].split(' ').slice(-4).join(' ')) ?? 0) + 1);
  }
  expect(Math.max(...endings.values())).toBeLessThanOrEqual(2);
  const asked = featureReviewSpec.validate(text).filter((d) => /needs a reason/.test(d.message));
  expect(asked.length).toBe(texts.filter((t) => !/, so that /.test(t)).length);
  expect(text.split('\n')[asked[0].line - 1]).toMatch(/^text = "As an? .*[^t]\."$/);
});

test('every feature id is free of dots', () => {
  for (const id of Object.keys(features)) expect(id).toMatch(/^[a-z0-9_-]+$/);
});

test('the feature ids of the example modules are the ones maps already carry (decisions are matched by id)', () => {
  expect(Object.keys(features).sort()).toEqual([
    'equipment_maintenance-app-menu_equipment_root',
    'equipment_maintenance-automation-ir_cron_preventive_requests',
    'equipment_maintenance-email-mail_template_request_done',
    'equipment_maintenance-lifecycle-equipment_request',
    'equipment_maintenance-model-equipment_item',
    'equipment_maintenance-model-equipment_request',
    'equipment_maintenance-model-equipment_vehicle',
    'equipment_maintenance-report-action_report_equipment_request',
    'equipment_maintenance-security-roles',
    'equipment_maintenance-sequence-seq_equipment_request',
    'equipment_maintenance-ui-assets',
    'equipment_maintenance-wizard-equipment_request_done_wizard',
    'helpdesk_lite-app-menu_helpdesk_root',
    'helpdesk_lite-data-records',
    'helpdesk_lite-extension-res_partner',
    'helpdesk_lite-model-helpdesk_stage',
    'helpdesk_lite-model-helpdesk_tag',
    'helpdesk_lite-model-helpdesk_team',
    'helpdesk_lite-model-helpdesk_ticket',
    'helpdesk_lite-security-roles',
    'helpdesk_lite_stages-data-records',
    'helpdesk_portal-automation-ir_cron_remind_escalations',
    'helpdesk_portal-email-mail_template_ticket_solved',
    'helpdesk_portal-extension-helpdesk_ticket',
    'helpdesk_portal-extension-res_partner',
    'helpdesk_portal-lifecycle-helpdesk_ticket',
    'helpdesk_portal-route-helpdeskportal',
    'helpdesk_portal-security-roles',
    'helpdesk_portal-sequence-seq_helpdesk_ticket_portal',
    'helpdesk_portal-settings-config',
    'helpdesk_portal-ui-assets',
    'sale_site_visit-app-menus',
    'sale_site_visit-extension-crm_lead',
    'sale_site_visit-extension-sale_order',
    'sale_site_visit-model-sale_site_visit',
    'sale_site_visit-security-roles',
  ]);
  // Studio's double underscores and non-ASCII names keep the id they always had.
  expect(featureId('studio_customization', 'automation', 'x_studio__Équipe.run')).toBe('studio_customization-automation-x_studio___quipe_run');
});

test('the same sources give the same bytes', async () => {
  const again = tempDir();
  copyExamples(again);
  await featureMapStep.run(makeContext(again));
  const second = readFileSync(join(again, 'feature_user_story_map.toml'), 'utf8');
  cleanup(again);
  expect(second.replace(/project = .*/, '')).toBe(text.replace(/project = .*/, ''));
}, 60_000);

test('a changed code base keeps the ids of unchanged features and the user edits survive the merge', async () => {
  const dir = tempDir();
  const addons = copyExamples(dir);
  const ctx = makeContext(dir);
  await featureMapStep.run(ctx);
  const file = join(dir, 'feature_user_story_map.toml');
  const before = parse(readFileSync(file, "utf8")) as unknown as { features: Record<string, MapFeature> };
  // The user takes ownership, rewords a story and scopes a feature out.
  const edited = readFileSync(file, 'utf8')
    .replace(/(\[features\.equipment_maintenance-lifecycle-equipment_request\][\s\S]*?)owner = ""/, '$1owner = "alice"')
    .replace(/(\[features\.helpdesk_lite-model-helpdesk_tag\][\s\S]*?)scope = "in"/, '$1scope = "out"')
    .replace('I want to move a Maintenance Request from Confirmed or In Progress to Done with \\"Mark as done\\"', 'I want to close a repair in one click');
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
  const life = after.features['equipment_maintenance-lifecycle-equipment_request'];
  expect(life.stories.map((s) => s.text)).toContainEqual(expect.stringMatching(/^As a Maintenance Technician, I want to move a Maintenance Request to New\.$/));
  expect(life.owner).toBe('alice');
  expect(life.stories.map((s) => s.text).join('\n')).toContain('I want to close a repair in one click');
  expect(life.evidence).toContain('addons/equipment_maintenance/models/equipment_request.py:92');
  expect(after.features['helpdesk_lite-model-helpdesk_tag'].scope).toBe('out');
  cleanup(dir);
}, 60_000);

test('a map the user broke is kept as they left it, and the step says which line to fix', async () => {
  const dir = tempDir();
  copyExamples(dir);
  const ctx = makeContext(dir);
  await featureMapStep.run(ctx);
  const file = join(dir, 'feature_user_story_map.toml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => l === 'owner = ""');
  lines[at] = 'owner = "alice'; // the closing quote is missing
  const broken = lines.join('\n');
  writeFileSync(file, broken);
  const r = await featureMapStep.run(ctx);
  expect(r.ok).toBe(true);
  expect(readFileSync(file, 'utf8')).toBe(broken);
  if (r.ok) {
    expect(r.value.warnings).toEqual([
      `feature_user_story_map.toml:${at + 1}:15: a string is not closed on this line: add the closing quote (control characters are not allowed in strings). Your text is kept as you left it, but it cannot be approved until that line is fixed: fix it in the reviewer (or an editor), then approve the file`,
    ]);
  }
  cleanup(dir);
}, 60_000);

test('a map from an earlier version: edits carry over by id, features the code no longer has are listed', async () => {
  const dir = tempDir();
  copyExamples(dir);
  const ctx = makeContext(dir);
  // No last proposal (.odoo-project-sync/) and ids of an earlier version: one per button.
  writeFileSync(join(dir, 'feature_user_story_map.toml'), [
    'version = 1',
    '[features.equipment_maintenance-model-equipment_request]',
    'title = "Maintenance Request (equipment.request)"', 'module = "equipment_maintenance"', 'kind = "model"',
    'owner = "bob"', 'milestone = "MVP"', 'priority = "low"',
    '[[features.equipment_maintenance-model-equipment_request.stories]]',
    'text = "As a Maintenance Technician, I want to log a breakdown in two clicks, so that repairs start the same day."',
    '[features.equipment_maintenance-action-equipment_request-action_done]',
    'title = "\\"Mark as done\\" on Maintenance Request"', 'module = "equipment_maintenance"', 'kind = "action"', 'owner = "alice"',
    '',
  ].join('\n'));
  const r = await featureMapStep.run(ctx);
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.value.warnings.join('\n')).toMatch(/1 feature\(s\) of your map are no longer in the code .*equipment_maintenance-action-equipment_request-action_done/);
  const out = readFileSync(join(dir, 'feature_user_story_map.toml'), 'utf8');
  expect(out).toContain('# - equipment_maintenance-action-equipment_request-action_done: "Mark as done" on Maintenance Request (you set owner "alice")');
  const map = parse(out) as unknown as { features: Record<string, MapFeature & { milestone: string; priority: string }> };
  const f = map.features['equipment_maintenance-model-equipment_request'];
  expect([f.owner, f.milestone, f.priority]).toEqual(['bob', 'MVP', 'low']);
  expect(f.stories.map((s) => s.text)).toEqual(['As a Maintenance Technician, I want to log a breakdown in two clicks, so that repairs start the same day.']);
  expect(f.evidence.length).toBeGreaterThan(0); // what the code says is regenerated
  expect(map.features['equipment_maintenance-lifecycle-equipment_request'].owner).toBe('');
  cleanup(dir);
}, 60_000);

test('a source-code workspace without addons paths is a config error naming the key', async () => {
  const dir = tempDir();
  const r = await featureMapStep.run(makeContext(dir, { addons: [] }));
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.where).toEqual({ file: 'odoo-project-sync.toml', field: 'addons' });
  cleanup(dir);
}, 60_000);

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
}, 60_000);
