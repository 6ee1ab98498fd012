/**
 * Customizations made in Settings > Technical without Studio, on existing models: an inherited
 * view of the task form, a window action on projects, a server action on contacts, an automation
 * rule on tasks. They have no external id, like on a real database (seen on Odoo 19 CE: the task
 * view and the automation were missing from extract.json). What apps ship (an external id of
 * theirs) and a cron's code stay out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import type { OdooClient } from '../../../src/odoo/types.js';
import { extractStep } from '../../../src/steps/extract/index.js';
import type { ExtractDoc } from '../../../src/steps/extract/schema.js';
import { generateStep } from '../../../src/steps/generate/index.js';
import { clientFor, makeCtx } from './helpers.js';
import { addRealXmlids } from './studio-xmlids.js';

/** The XML of a generated module, all files together. */
const xmlOf = (dir: string): string =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml')).sort().map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');


describe.each([[17, 'xmlrpc'], [19, 'json2']] as const)('extract of what was made in Settings on Odoo %i', (version, transport) => {
  let emu: Emulator;
  let ctx: ReturnType<typeof makeCtx>;
  let doc: ExtractDoc;
  let map: string;
  const made: Record<string, number> = {};
  beforeAll(async () => {
    emu = await startEmulator({ version });
    addRealXmlids(emu.store, version >= 18 ? 19 : 17);
    const TASK_FORM = emu.store.xmlid('project.view_task_form2')?.res_id; // given by addRealXmlids
    const modelId = (model: string) => emu.store.search('ir.model', [['model', '=', model]])[0];
    const TASK_MODEL_ID = modelId('project.task');
    const PARTNER_MODEL_ID = modelId('res.partner');
    const client: OdooClient = await clientFor(emu, 'admin', transport);
    const one = async (model: string, values: Record<string, unknown>) => (await client.create(model, [values]))[0];
    made.view = await one('ir.ui.view', {
      name: 'project.task.form.site', model: 'project.task', type: 'form', mode: 'extension', inherit_id: TASK_FORM, priority: 20,
      arch_db: '<xpath expr="//field[@name=\'tag_ids\']" position="after"><field name="partner_id"/></xpath>',
    });
    made.action = await one('ir.actions.act_window', {
      name: 'Big projects', res_model: 'project.project', view_mode: version >= 18 ? 'list,form' : 'tree,form', domain: "[('task_count', '>', 10)]",
    });
    made.appAction = await one('ir.actions.act_window', { name: 'All tasks', res_model: 'project.task', view_mode: 'kanban,form' });
    emu.store.addXmlid('project', 'action_view_all_task', 'ir.actions.act_window', made.appAction);
    made.server = await one('ir.actions.server', {
      name: 'Flag as key account', model_id: PARTNER_MODEL_ID, usage: 'ir_actions_server', state: 'code',
      code: "records.write({'comment': 'key </field> ]]>'})",
    });
    made.appServer = await one('ir.actions.server', { name: 'Send SMS', model_id: PARTNER_MODEL_ID, usage: 'ir_actions_server', state: 'code', code: 'pass' });
    emu.store.addXmlid('sms', 'res_partner_act_window_sms_composer', 'ir.actions.server', made.appServer);
    made.cronCode = await one('ir.actions.server', { name: 'Nightly cleanup', model_id: TASK_MODEL_ID, usage: 'ir_cron', state: 'code', code: 'pass' });
    made.ruleCode = await one('ir.actions.server', {
      name: 'Count visits', model_id: TASK_MODEL_ID, usage: 'base_automation', state: 'code', code: "records.write({'priority': '1'})",
    });
    const actionField = client.profile.automationActionField;
    made.rule = await one('base.automation', {
      name: 'Task: count visits', model_id: TASK_MODEL_ID, trigger: 'on_create_or_write', active: true, [actionField]: [made.ruleCode],
    });
    made.appRuleCode = await one('ir.actions.server', { name: 'Assign', model_id: TASK_MODEL_ID, usage: 'base_automation', state: 'code', code: 'pass' });
    made.appRule = await one('base.automation', {
      name: 'Task: assign the manager', model_id: TASK_MODEL_ID, trigger: 'on_create', active: true, [actionField]: [made.appRuleCode],
    });
    emu.store.addXmlid('project', 'automation_assign', 'base.automation', made.appRule);

    ctx = makeCtx({ connect: () => clientFor(emu, 'admin', transport) });
    const x = await extractStep.run(ctx);
    if (!x.ok) throw x.error;
    doc = JSON.parse((await ctx.artifacts.read('extract.json')) ?? '{}') as ExtractDoc;
    map = (await ctx.artifacts.read('module_model_map.toml')) ?? '';
  });
  afterAll(() => {
    emu.close();
    ctx.cleanup();
  });

  test('the inherited task form made in Settings is extracted, with the view it inherits', () => {
    const v = doc.views.find((x) => x.id === made.view);
    expect(v).toEqual(expect.objectContaining({ key: `view:#${made.view}`, model: 'project.task', origin: 'manual', mode: 'extension', inheritXmlid: 'project.view_task_form2' }));
    expect(v?.dependsOn).toContain('module:project');
  });

  test('the window action on projects is extracted; the app\'s own action is not', () => {
    expect(doc.actions.filter((a) => a.model === 'project.project').map((a) => [a.key, a.name, a.domain])).toEqual([
      [`action:#${made.action}`, 'Big projects', "[('task_count', '>', 10)]"],
    ]);
    expect(doc.actions.some((a) => a.id === made.appAction)).toBe(false);
  });

  test('server actions: the contact one made in Settings and the automation\'s; not the app\'s, nor a cron\'s code', () => {
    const ids = doc.serverActions.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([made.server, made.ruleCode]));
    expect(ids).not.toContain(made.appServer);
    expect(ids).not.toContain(made.cronCode);
    expect(ids).not.toContain(made.appRuleCode);
    expect(doc.serverActions.find((s) => s.id === made.server)?.code).toBe("records.write({'comment': 'key </field> ]]>'})");
  });

  test('the automation rule on tasks is extracted; the one an app ships is not', () => {
    const rules = doc.automations.map((a) => [a.name, a.model]);
    expect(rules).toContainEqual(['Task: count visits', 'project.task']);
    expect(rules).not.toContainEqual(['Task: assign the manager', 'project.task']);
  });

  test('projects and contacts count as customized existing models, and the proposal extends them', () => {
    const ext = Object.fromEntries(doc.extendedModels.map((m) => [m.model, m.app]));
    expect(ext).toEqual(expect.objectContaining({ 'project.project': 'project', 'project.task': 'project', 'res.partner': 'base' }));
    const modules = (parse(map) as { modules: Record<string, { extends?: string[] }> }).modules;
    expect(modules.project_custom.extends).toEqual(['project.project', 'project.task']);
    expect(modules.base_custom.extends).toEqual(['res.partner']);
  });

  test('generate writes the view, the action, the server action and the automation into the app modules', async () => {
    const g = await generateStep.run(ctx);
    if (!g.ok) throw g.error;
    const all = xmlOf(join(ctx.artifacts.root, 'modules', 'project_custom'));
    expect(all).toContain('project.view_task_form2');
    expect(all).toContain('<field name="partner_id"/>');
    expect(all).toContain('Big projects');
    expect(all).toContain('Task: count visits');
    const baseXml = xmlOf(join(ctx.artifacts.root, 'modules', 'base_custom'));
    // The code is data: escaped, never raw inside the XML.
    expect(baseXml).toContain('key &lt;/field&gt; ]]&gt;');
  });
});
