/** The classifier on the recorded rows themselves (what the reads return), without a server. */
import { profileFor } from '../../../src/odoo/index.js';
import type { OdooRecord } from '../../../src/odoo/types.js';
import { classify } from '../../../src/steps/extract/classify.js';
import type { RawExtract } from '../../../src/steps/extract/read.js';
import { planModules } from '../../../src/steps/generate/plan.js';
import { proposeMap } from '../../../src/steps/module-map/proposal.js';
import { recorded } from './studio-xmlids.js';
import { loadPython } from '../../../src/analysis/py-parser.js';

// planModules checks Studio compute code with the Python parser, which loads once per thread.
await loadPython();

const SOURCE = { url: 'https://example.odoo.com', database: 'acme', serverVersion: '17.0', transport: 'xmlrpc' };

function raw(version: 17 | 19): RawExtract {
  const r = (file: string) => recorded<OdooRecord>(version, file);
  return {
    studioData: r('search_read.ir.model.data.studio_customization.json'),
    modules: r('extract/search_read.ir.module.module.installed.json'),
    models: r('search_read.ir.model.manual.json'),
    fields: r('extract/read.ir.model.fields.studio.json').concat(r('search_read.ir.model.fields.manual.json').filter((f) => /^x_plan/.test(String(f.name)))),
    selections: r('search_read.ir.model.fields.selection.manual.json'),
    existingModels: [],
    existingFields: [{ id: 1, name: 'priority_score', model: 'project.task' }, { id: 2, name: 'state', model: 'project.task' }],
    views: r('extract/read.ir.ui.view.studio.json'),
    actions: r('extract/read.ir.actions.act_window.studio.json'),
    menus: r('extract/read.ir.ui.menu.studio.json'),
    access: r('extract/read.ir.model.access.studio.json'),
    rules: r('extract/read.ir.rule.studio.json'),
    defaults: r('extract/read.ir.default.studio.json'),
    serverActions: r('extract/read.ir.actions.server.studio.json'),
    automations: r('extract/read.base.automation.studio.json'),
    refData: [
      { id: 1, module: 'base', name: 'group_user', model: 'res.groups', res_id: 1 },
      { id: 2, module: 'base', name: 'group_system', model: 'res.groups', res_id: 4 },
    ],
    refFields: [],
    kinds: { reports: [], qwebViews: [], filters: [], mailTemplates: [], crons: [], sequences: [], kindRefData: [] },
    languages: [],
    translations: [],
    notes: [],
  };
}

describe('classify', () => {
  test('records origin and dependencies, and warns instead of dropping what cannot be exported', () => {
    const doc = classify(raw(17), profileFor(17), SOURCE);
    const access = doc.access.find((a) => a.key.endsWith('group_user'));
    expect(access).toEqual(expect.objectContaining({ origin: 'studio', group: 'base.group_user', model: 'x_equipment', dependsOn: ['model:x_equipment', 'module:base'] }));
    const tier = doc.fields.find((f) => f.name === 'x_studio_tier');
    expect(tier?.selection).toEqual([{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }, { value: 'bronze', label: 'Bronze' }]);
    const o2m = doc.fields.find((f) => f.name === 'x_studio_equipment_ids');
    expect(o2m?.dependsOn).toEqual(['field:x_equipment.x_studio_partner_id', 'model:res.partner', 'model:x_equipment']);
    // Parent views have no external id in this data: said so, per view, never silently.
    expect(doc.warnings.map((w) => w.key)).toEqual(['view:studio_customization.project_task_form_customization', 'view:studio_customization.res_partner_form_customization']);
    expect(doc.warnings[0].message).toMatch(/inherits view #591, which has no external id/);
    const menuRoot = doc.menus.find((m) => m.key.endsWith('menu_root'));
    expect(menuRoot?.model).toBe('x_equipment');
  });

  test('a manual field without an external id is kept as manual; an analytic plan field is left out', () => {
    const input = raw(17);
    input.studioData = input.studioData.filter((r) => r.name !== 'project_task_field_x_studio_customer_ref');
    const doc = classify(input, profileFor(17), SOURCE);
    expect(doc.fields.find((f) => f.name === 'x_studio_customer_ref')?.origin).toBe('manual');
    expect(doc.fields.some((f) => f.name.startsWith('x_plan'))).toBe(false);
    expect(doc.excluded.map((x) => x.key)).toEqual(['field:account.analytic.line.x_plan2_id', 'field:account.analytic.line.x_plan3_id']);
  });

  test('user-specific defaults are not exported, with a warning', () => {
    const input = raw(17);
    input.defaults = input.defaults.map((d, i) => (i === 0 ? { ...d, user_id: [2, 'Mitchell Admin'] } : d));
    const doc = classify(input, profileFor(17), SOURCE);
    expect(doc.defaults).toHaveLength(1);
    expect(doc.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/specific to a user, company or condition; not exported/));
  });

  test('an action offered in the Action menu keeps its binding: model, view types, and the app that defines the model', () => {
    const input = raw(17);
    // The recorded server action on project.task, bound to the task list; the equipment window action bound to x_equipment.
    input.serverActions = input.serverActions.map((s) => ({ ...s, binding_model_id: [379, 'Task'], binding_view_types: 'list' }));
    input.actions = input.actions.map((a, i) => (i === 0 ? { ...a, binding_model_id: [393, 'Equipment'], binding_view_types: 'form' } : a));
    input.bindingModels = [{ id: 379, model: 'project.task', modules: 'project' }];
    const doc = classify(input, profileFor(17), SOURCE);
    const server = doc.serverActions[0];
    expect(server).toMatchObject({ bindingModel: 'project.task', bindingModelXmlid: 'project.model_project_task', bindingViewTypes: 'list' });
    expect(server.dependsOn).toContain('module:project');
    expect(doc.actions[0]).toMatchObject({ bindingModel: 'x_equipment', bindingViewTypes: 'form' });
    expect(doc.actions[0].bindingModelXmlid).toBeUndefined();
    const plan = planModules(doc, proposeMap(doc), 'hash');
    const all = plan.flatMap((m) => [...m.files.values()]).join('\n');
    expect(all).toMatch(/model="ir\.actions\.server"[\s\S]*?<field name="binding_model_id" ref="project\.model_project_task"\/>\s*<field name="binding_view_types">list<\/field>/);
    expect(all).toMatch(/model="ir\.actions\.act_window"[\s\S]*?<field name="binding_model_id" ref="model_x_equipment"\/>\s*<field name="binding_view_types">form<\/field>/);
  });

  test('a binding to a model the extract cannot name is said, and the action is generated without it', () => {
    const input = raw(17);
    input.serverActions = input.serverActions.map((s) => ({ ...s, binding_model_id: [999, 'Mystery'] }));
    const doc = classify(input, profileFor(17), SOURCE);
    expect(doc.serverActions[0].bindingModel).toBeUndefined();
    expect(doc.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/Action menu of model #999, which the extract could not name/));
  });

  test('Odoo 16 automations (one action_server_id) generate the action first and point at it', () => {
    const input = raw(17);
    input.automations = input.automations.map((a) => {
      const { action_server_ids: ids, ...rest } = a as OdooRecord & { action_server_ids: number[] };
      return { ...rest, action_server_id: [ids[0], 'Set review date to today'] } as OdooRecord;
    });
    const p16 = profileFor(16);
    const doc = classify(input, p16, { ...SOURCE, serverVersion: '16.0' });
    expect(doc.automations[0].actionKeys).toEqual(['server_action:studio_customization.project_task_set_review_date_action']);
    const map = proposeMap(doc);
    const plan = planModules(doc, map, 'hash');
    const data = plan.find((m) => m.name === 'project_custom')?.files.get('data/actions.xml') ?? '';
    expect(data.indexOf('model="ir.actions.server"')).toBeLessThan(data.indexOf('model="base.automation"'));
    expect(data).toContain('<field name="action_server_id" ref="project_task_set_review_date_action"/>');
    expect(data).not.toContain('base_automation_id');
    expect(plan.find((m) => m.name === 'equipment')?.files.get('__manifest__.py')).toContain("'version': '16.0.1.0.0'");
  });
});

test('naming = "clean" never renames a custom field onto a field the existing model has', () => {
  const doc = classify(raw(17), profileFor(17), SOURCE);
  const map = { ...proposeMap(doc), naming: 'clean' as const };
  const task = planModules(doc, map, 'hash').find((m) => m.name === 'project_custom')?.files.get('models/project_task.py') ?? '';
  expect(task).toMatch(/^ {4}x_studio_priority_score = fields\.Integer\($/m);
  expect(task).toMatch(/^ {4}customer_ref = fields\.Char\($/m);
  expect(task).toContain("@api.depends('x_studio_priority_score')");
});

test("records owned by an installed module are left out with the reason; export ids count as manual", () => {
  const input = raw(17);
  input.studioData = input.studioData.map((r) =>
    r.name === 'project_task_field_x_studio_customer_ref' ? { ...r, module: 'acme_crm' } : r.name === 'project_task_field_x_studio_review_date' ? { ...r, module: '__export__' } : r,
  );
  const doc = classify(input, profileFor(17), SOURCE);
  expect(doc.fields.some((f) => f.name === 'x_studio_customer_ref')).toBe(false);
  expect(doc.excluded).toContainEqual({ key: 'field:project.task.x_studio_customer_ref', reason: 'belongs to the installed module acme_crm, not a customization' });
  expect(doc.fields.find((f) => f.name === 'x_studio_review_date')?.origin).toBe('manual');
});
