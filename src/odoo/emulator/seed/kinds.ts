/**
 * Reports (with their QWeb templates), saved filters, mail templates, scheduled actions,
 * sequences, languages and French label translations, as a Studio-customized database has them.
 * Field lists follow Odoo's own models per version (read in the 17.0 and 19.0 sources):
 * ir.cron numbercall/doall up to 17, mail.template report_template (16) / report_template_ids
 * (17+), ir.filters user_id (<=18) / user_ids (19), report groups_id / group_ids (19).
 * Each kind also has records an app owns (module external ids) or that are personal, which a
 * Studio extract must leave alone.
 */
import type { SeedData } from '../types.js';
import { kindModels } from './kinds-models.js';
import type { Rec } from './recorded.js';

/** Record ids far above the recorded ones, so they never collide. */
const ID = { manualAction: 9300, manualRoot: 9311, manualMenu: 9310, manualView: 9320, report: 9500, template: 9901, document: 9902, studioLayout: 9903, moduleReport: 9501, server: 9240, moduleServer: 9241, contextual: 9242 };

// Made in Settings > Technical, not with Studio: no external ids, keys of the user's choosing.
const REPORT_KEY = 'x_equipment_sheet';
const DOCUMENT_KEY = 'x_equipment_sheet_document';

const CRON_CODE = [
  "retired = model.search([('x_studio_state', '=', 'retired'), ('x_studio_active', '=', True)])",
  "retired.write({'x_studio_active': False})",
  "for rec in model.search([('x_studio_serial', '=', False)]):",
  // Odoo refuses `rec.x_studio_serial = ...` in server-action code (safe_eval forbids STORE_ATTR): a database holds write().
  "    rec.write({'x_studio_serial': env['ir.sequence'].next_by_code('x_equipment.serial')})",
].join('\n');

/** The kinds' rows, for the x_equipment model (ir.model `equipmentModelId`) and its window action. */
function rows(version: number, equipmentModelId: number, actionId: number, taskModelId: number): Record<string, Rec[]> {
  const groups = version >= 19 ? 'group_ids' : 'groups_id';
  const shared = version >= 19 ? { user_ids: [] } : { user_id: false };
  const personal = version >= 19 ? { user_ids: [2] } : { user_id: 2 };
  const reportRef = version >= 17 ? { report_template_ids: [ID.report] } : { report_template: ID.report };
  const numbercall = version <= 17 ? { numbercall: -1, doall: false } : {};
  const cron = (id: number, server: number, name: string, model: [number, string], modelName: string, code: string, extra: Rec | object = {}) => ({
    id, ir_actions_server_id: server, cron_name: name, name, model_id: model, model_name: modelName, state: 'code', code,
    user_id: 2, active: true, interval_number: 1, interval_type: 'days', nextcall: '2026-12-03 02:00:00', lastcall: false, priority: 5,
    ...numbercall, ...extra,
  });
  return {
    'res.lang': [
      { id: 1, name: 'English (US)', code: 'en_US', iso_code: 'en', active: true },
      { id: 29, name: 'French / Français', code: 'fr_FR', iso_code: 'fr', active: true },
      { id: 33, name: 'German / Deutsch', code: 'de_DE', iso_code: 'de', active: false },
    ],
    'ir.actions.report': [
      {
        id: ID.report, name: 'Equipment Sheet', type: 'ir.actions.report', model: 'x_equipment', report_type: 'qweb-pdf',
        report_name: REPORT_KEY, report_file: REPORT_KEY, binding_model_id: [equipmentModelId, 'Equipment'], binding_type: 'report',
        multi: false, paperformat_id: false, print_report_name: "'Equipment - %s' % (object.x_name)", attachment_use: false,
        attachment: false, [groups]: [],
      },
      {
        id: ID.moduleReport, name: 'Task', type: 'ir.actions.report', model: 'project.task', report_type: 'qweb-pdf',
        report_name: 'project.report_project_task_user', report_file: 'project.report_project_task_user', binding_model_id: [taskModelId, 'Task'],
        binding_type: 'report', multi: false, paperformat_id: false, print_report_name: false, attachment_use: false, attachment: false, [groups]: [],
      },
    ],
    'ir.ui.view': [
      {
        id: ID.manualView, name: 'Equipment quick form', model: 'x_equipment', key: false, type: 'form', mode: 'primary', priority: 32,
        inherit_id: false, active: true, [groups]: [], arch_db: '<form><sheet><field name="x_name"/><field name="x_studio_state"/></sheet></form>',
      },
      {
        id: ID.template, name: 'Equipment sheet', model: false, key: REPORT_KEY, type: 'qweb', mode: 'primary', priority: 16,
        inherit_id: false, active: true, [groups]: [],
        arch_db: `<t t-name="${REPORT_KEY}">\n  <t t-call="web.html_container">\n    <t t-foreach="docs" t-as="doc">\n      <t t-call="${DOCUMENT_KEY}"/>\n    </t>\n  </t>\n</t>`,
      },
      {
        id: ID.document, name: 'Equipment sheet (document)', model: false, key: DOCUMENT_KEY, type: 'qweb', mode: 'primary',
        priority: 16, inherit_id: false, active: true, [groups]: [],
        arch_db: `<t t-name="${DOCUMENT_KEY}">\n  <t t-call="web.external_layout">\n    <div class="page">\n      <h2><span t-field="doc.x_name"/></h2>\n      <p>Serial number: <span t-field="doc.x_studio_serial"/></p>\n      <p>Value: <span t-field="doc.x_studio_value"/></p>\n    </div>\n  </t>\n</t>`,
      },
    ],
    // Made in Settings > Technical, not with Studio: a window action, the menu branch that opens it
    // and a second form view, none with an external id.
    'ir.actions.act_window': [
      {
        id: ID.manualAction, name: 'Retired equipment', type: 'ir.actions.act_window', res_model: 'x_equipment', view_mode: version >= 18 ? 'list,form' : 'tree,form',
        domain: "[('x_studio_state', '=', 'retired')]", context: '{}', help: false, target: 'current', limit: 80, res_id: 0, view_id: false,
        search_view_id: false, binding_model_id: false, binding_type: 'action', binding_view_types: 'list,form', [groups]: [],
      },
    ],
    'ir.ui.menu': [
      { id: ID.manualRoot, name: 'Equipment reports', sequence: 95, parent_id: false, action: false, web_icon: false, active: true, [groups]: [] },
      { id: ID.manualMenu, name: 'Retired equipment', sequence: 10, parent_id: [ID.manualRoot, 'Equipment reports'], action: `ir.actions.act_window,${ID.manualAction}`, web_icon: false, active: true, [groups]: [] },
    ],
    'ir.filters': [
      {
        id: 11, name: 'Equipment "in use" <b> & ready', model_id: 'x_equipment', domain: "[('x_studio_state', '=', 'in_use')]",
        context: "{'group_by': ['x_studio_partner_id']}", sort: '[]', is_default: true, action_id: actionId, active: true, ...shared,
      },
      { id: 12, name: 'My retired equipment', model_id: 'x_equipment', domain: "[('x_studio_state', '=', 'retired')]", context: '{}', sort: '[]', is_default: false, action_id: false, active: true, ...personal },
      { id: 13, name: 'Tasks in progress', model_id: 'project.task', domain: "[('stage_id', '=', 2)]", context: '{}', sort: '[]', is_default: false, action_id: false, active: true, ...shared },
    ],
    'mail.template': [
      {
        id: 41, name: 'Equipment: service reminder', model_id: [equipmentModelId, 'Equipment'], model: 'x_equipment',
        subject: 'Service due for {{ object.x_name }}',
        body_html: '<div><p>Hello <t t-out="object.x_studio_partner_id.name or \'\'"/>,</p><p>Your <t t-out="object.x_name"/> (serial <t t-out="object.x_studio_serial"/>) is due for service.</p></div>',
        email_from: '{{ (object.create_uid.email_formatted or user.email_formatted) }}', email_to: false, email_cc: false,
        partner_to: '{{ object.x_studio_partner_id.id }}', reply_to: false, lang: '{{ object.x_studio_partner_id.lang }}',
        scheduled_date: false, auto_delete: true, use_default_to: false, active: true, ...reportRef,
      },
      {
        id: 42, name: 'Task: Rating Request', model_id: [taskModelId, 'Task'], model: 'project.task', subject: 'Rate our work',
        body_html: '<p>How did we do?</p>', email_from: false, email_to: false, email_cc: false, partner_to: false, reply_to: false,
        lang: false, scheduled_date: false, auto_delete: true, use_default_to: false, active: true, ...(version >= 17 ? { report_template_ids: [] } : { report_template: false }),
      },
    ],
    'ir.cron': [
      cron(21, ID.server, 'Equipment: archive retired', [equipmentModelId, 'Equipment'], 'x_equipment', CRON_CODE, { interval_type: 'days' }),
      cron(22, ID.moduleServer, 'Base: Auto-vacuum internal data', [taskModelId, 'Task'], 'project.task', 'model._run_vacuum_cleaner()'),
    ],
    'ir.actions.server': [
      { id: ID.server, name: 'Equipment: archive retired', model_id: [equipmentModelId, 'Equipment'], model_name: 'x_equipment', state: 'code', code: CRON_CODE, sequence: 5, usage: 'ir_cron', [groups]: [] },
      // A contextual action (Action menu of the equipment list and form), made in Settings.
      {
        id: ID.contextual, name: 'Mark as retired', model_id: [equipmentModelId, 'Equipment'], model_name: 'x_equipment', state: 'code',
        code: "records.write({'x_studio_state': 'retired'})", sequence: 5, usage: 'ir_actions_server', [groups]: [],
        binding_model_id: [equipmentModelId, 'Equipment'], binding_view_types: 'list,form',
      },
      { id: ID.moduleServer, name: 'Base: Auto-vacuum internal data', model_id: [taskModelId, 'Task'], model_name: 'project.task', state: 'code', code: 'model._run_vacuum_cleaner()', sequence: 5, usage: 'ir_cron', [groups]: [] },
    ],
    'ir.sequence': [
      { id: 31, name: 'Equipment serial', code: 'x_equipment.serial', implementation: 'standard', active: true, prefix: 'EQ/%(year)s/', suffix: false, number_next: 7, number_next_actual: 7, number_increment: 1, padding: 4, company_id: false, use_date_range: false },
      // Made by an app at run time (a warehouse's receipts): no external id, no code that uses it.
      { id: 32, name: 'WH Sequence in', code: false, implementation: 'standard', active: true, prefix: 'WH/IN/', suffix: false, number_next: 12, number_next_actual: 12, number_increment: 1, padding: 5, company_id: false, use_date_range: false },
      { id: 33, name: 'Task reference', code: 'project.task', implementation: 'standard', active: true, prefix: 'T', suffix: false, number_next: 1, number_next_actual: 1, number_increment: 1, padding: 5, company_id: false, use_date_range: false },
    ],
  };
}

/** External ids of the app-owned records of each kind, which the extract must skip. */
const XMLIDS = (): SeedData['xmlids'] => [
  { module: 'project', name: 'action_report_task', model: 'ir.actions.report', res_id: ID.moduleReport },
  { module: 'project', name: 'filter_task_in_progress', model: 'ir.filters', res_id: 13 },
  { module: 'project', name: 'rating_project_request_email_template', model: 'mail.template', res_id: 42 },
  { module: 'base', name: 'autovacuum_job', model: 'ir.cron', res_id: 22 },
  { module: 'base', name: 'autovacuum_job_ir_actions_server', model: 'ir.actions.server', res_id: ID.moduleServer },
  { module: 'project', name: 'seq_project_task', model: 'ir.sequence', res_id: 33 },
];

/** French labels, set on the rows as Odoo 16+ keeps them (one JSONB value per language). */
function translate(records: Record<string, Rec[]>): void {
  const set = (model: string, match: (r: Rec) => boolean, field: string, value: string) => {
    for (const r of records[model] ?? []) {
      if (!match(r)) continue;
      const tr = (r.__translations ??= {}) as Record<string, Record<string, string>>;
      (tr[field] ??= {}).fr_FR = value;
    }
  };
  const fieldId = (model: string, name: string) => records['ir.model.fields']?.find((x) => x.model === model && x.name === name)?.id;
  set('ir.model', (r) => r.model === 'x_equipment', 'name', 'Équipement');
  set('ir.model.fields', (r) => r.model === 'x_equipment' && r.name === 'x_studio_serial', 'field_description', 'Numéro de série');
  set('ir.model.fields', (r) => r.model === 'project.task' && r.name === 'x_studio_customer_ref', 'field_description', 'Référence client');
  const state = fieldId('x_equipment', 'x_studio_state');
  set('ir.model.fields.selection', (r) => Array.isArray(r.field_id) ? r.field_id[0] === state && r.value === 'retired' : r.field_id === state && r.value === 'retired', 'name', 'Hors service');
  set('ir.ui.menu', (r) => r.name === 'Equipment' && !r.parent_id, 'name', 'Équipements');
  set('ir.actions.act_window', (r) => r.res_model === 'x_equipment' && r.id !== ID.manualAction, 'name', 'Équipements');
  set('ir.actions.report', (r) => r.id === ID.report, 'name', 'Fiche équipement');
  set('mail.template', (r) => r.id === 41, 'subject', 'Entretien prévu pour {{ object.x_name }}');
  // Terms inside an arch: Odoo keeps the whole arch per language, the terms translated in it.
  for (const v of records['ir.ui.view'] ?? []) {
    if (typeof v.arch_db !== 'string' || !String(v.xml_id ?? '').endsWith('x_equipment_search_view')) continue;
    const fr = v.arch_db.replace('string="Active"', 'string="Actif"').replace('string="Retired"', 'string="Hors service"');
    set('ir.ui.view', (r) => r.id === v.id, 'arch_db', fr);
  }
}

/**
 * Adds the kinds to a seed that already has the Studio records (x_equipment, its action, the
 * task model). `withData` false keeps the models only (the empty seed).
 */
export function addKinds(seed: SeedData, version: number, withData: boolean): void {
  Object.assign(seed.models, kindModels(version));
  if (!withData) return;
  const records = seed.records as Record<string, Rec[]>;
  const irModel = records['ir.model'] ?? [];
  const equipmentModelId = irModel.find((m) => m.model === 'x_equipment')?.id ?? 0;
  const taskModelId = irModel.find((m) => m.model === 'project.task')?.id ?? 0;
  const actionId = (records['ir.actions.act_window'] ?? []).find((a) => a.res_model === 'x_equipment')?.id ?? 0;
  for (const [model, list] of Object.entries(rows(version, equipmentModelId, actionId, taskModelId))) {
    seed.records[model] = [...(seed.records[model] ?? []), ...list];
  }
  seed.xmlids.push(...XMLIDS().map((x) => ({ ...x, noupdate: true })));
  translate(records);
}
