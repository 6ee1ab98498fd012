/**
 * Reports, filters, mail templates, crons, sequences and translations: extracted from the
 * emulator's 16-19 profiles, generated, and read back the way Odoo reads them (data files by
 * record, .po files by Odoo's own occurrence pattern).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gettext from 'gettext-parser';
import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { extractStep } from '../../../src/steps/extract/index.js';
import { generateStep } from '../../../src/steps/generate/index.js';
import { clientFor, makeCtx } from '../extract/helpers.js';
import { addRealXmlids } from '../extract/studio-xmlids.js';
import { allNodes, inspectPython, manifestProblems, parseXml, pyCompileAll, safeEvalProblems, type XmlNode } from './check-modules.js';

/** odoo/tools/translate.py PoFileReader: the occurrences Odoo loads. */
const ODOO_OCCURRENCE = /^(model|model_terms):([\w.]+),(\w+):(\w+)\.([^ ]+)$/;

const records = (root: XmlNode, model: string): XmlNode[] => allNodes(root).filter((n) => n.name === 'record' && n.attributes.model === model);
const fieldOf = (rec: XmlNode, name: string): XmlNode | undefined => rec.children.find((c) => c.name === 'field' && c.attributes.name === name);

describe.each([16, 17, 18, 19] as const)('generate the other kinds for Odoo %i', (version) => {
  let emu: Emulator;
  let ctx: ReturnType<typeof makeCtx>;
  let modules: string;
  const read = (rel: string) => readFileSync(join(modules, rel), 'utf8');
  beforeAll(async () => {
    emu = await startEmulator({ version });
    addRealXmlids(emu.store, version >= 18 ? 19 : 17);
    ctx = makeCtx({ connect: () => clientFor(emu) });
    const x = await extractStep.run(ctx);
    if (!x.ok) throw x.error;
    const g = await generateStep.run(ctx);
    if (!g.ok) throw g.error;
    modules = join(ctx.artifacts.root, 'modules');
  });
  afterAll(() => {
    emu.close();
    ctx.cleanup();
  });

  test('the equipment module loads templates and reports before the mail template that attaches the report', async () => {
    const py = await inspectPython(modules);
    expect(await pyCompileAll(modules)).toBe('');
    expect(manifestProblems(modules, py.manifests)).toEqual([]);
    const data = py.manifests.equipment.data;
    expect(data.indexOf('report/reports.xml')).toBeGreaterThan(-1);
    expect(data.indexOf('report/reports.xml')).toBeLessThan(data.indexOf('data/mail_templates.xml'));
    expect(data).toEqual(expect.arrayContaining(['data/filters.xml', 'data/crons.xml', 'data/sequences.xml']));
    expect(py.manifests.equipment.depends).toContain('mail');
  });

  test('the code of the crons and server actions is code Odoo\'s safe_eval accepts, so the modules install', async () => {
    // A cron assigning `rec.x_studio_serial = ...` made the equipment module fail to install on a real Odoo 17 ("forbidden opcode(s) ... STORE_ATTR").
    expect(await safeEvalProblems(modules)).toEqual([]);
  });

  test('QWeb templates keep the key the report renders and the t-call uses', () => {
    const root = parseXml(read('equipment/report/reports.xml'));
    const views = records(root, 'ir.ui.view');
    expect(views.map((v) => [fieldOf(v, 'type')?.text, fieldOf(v, 'key')?.text])).toEqual([
      ['qweb', 'x_equipment_sheet'],
      ['qweb', 'x_equipment_sheet_document'],
    ]);
    expect(views.every((v) => fieldOf(v, 'model') === undefined)).toBe(true);
    const calls = allNodes(views[0]).map((n) => n.attributes['t-call']).filter(Boolean);
    expect(calls).toEqual(['web.html_container', 'x_equipment_sheet_document']);
    const [report] = records(root, 'ir.actions.report');
    expect(fieldOf(report, 'report_name')?.text).toBe('x_equipment_sheet');
    expect(fieldOf(report, 'binding_model_id')?.attributes.ref).toBe('model_x_equipment');
    expect(fieldOf(report, 'print_report_name')?.text).toBe("'Equipment - %s' % (object.x_name)");
  });

  test('filter, mail template, cron and sequence records carry the extracted values as text', () => {
    const [filter] = records(parseXml(read('equipment/data/filters.xml')), 'ir.filters');
    expect(fieldOf(filter, 'name')?.text).toBe('Equipment "in use" <b> & ready');
    expect(fieldOf(filter, 'action_id')?.attributes.ref).toBe('x_equipment_action');
    expect(fieldOf(filter, 'model_id')?.text).toBe('x_equipment');

    const mail = parseXml(read('equipment/data/mail_templates.xml'));
    expect(allNodes(mail).find((n) => n.name === 'data')?.attributes.noupdate).toBe('1');
    const [tmpl] = records(mail, 'mail.template');
    expect(fieldOf(tmpl, 'body_html')?.text).toContain('<t t-out="object.x_name"/>');
    expect(fieldOf(tmpl, 'body_html')?.children).toEqual([]);
    if (version >= 17) expect(fieldOf(tmpl, 'report_template_ids')?.attributes.eval).toMatch(/^\[\(6, 0, \[ref\('report_\d+'\)\]\)\]$/);
    else expect(fieldOf(tmpl, 'report_template')?.attributes.ref).toMatch(/^report_\d+$/);

    const [cron] = records(parseXml(read('equipment/data/crons.xml')), 'ir.cron');
    expect(fieldOf(cron, 'code')?.text).toContain("next_by_code('x_equipment.serial')");
    expect(fieldOf(cron, 'numbercall')?.text).toBe(version <= 17 ? '-1' : undefined);
    expect(fieldOf(cron, 'user_id')?.attributes.ref).toBe('base.user_admin');
    expect(fieldOf(cron, 'nextcall')).toBeUndefined();

    const contextual = records(parseXml(read('equipment/data/actions.xml')), 'ir.actions.server').find((r) => fieldOf(r, 'name')?.text === 'Mark as retired');
    expect([fieldOf(contextual!, 'binding_model_id')?.attributes.ref, fieldOf(contextual!, 'binding_view_types')?.text]).toEqual(['model_x_equipment', 'list,form']);

    const [seq] = records(parseXml(read('equipment/data/sequences.xml')), 'ir.sequence');
    expect([fieldOf(seq, 'code')?.text, fieldOf(seq, 'prefix')?.text, fieldOf(seq, 'padding')?.text]).toEqual(['x_equipment.serial', 'EQ/%(year)s/', '4']);
    // A fresh database starts the counter at 1; an upgrade must never rewind it.
    expect(fieldOf(seq, 'number_next')).toBeUndefined();
  });

  test('installed into the database it came from, the hook adopts the records that have no external id', () => {
    // The filter, template, cron, sequence and report were made in Settings, not with Studio.
    const hook = read('equipment/hooks.py');
    const adopt = /^ADOPT = (.*)$/m.exec(hook)?.[1] ?? '';
    for (const entry of [
      "['filter_11', 'ir.filters', 'ir_filters', 11, 'name', 'Equipment \"in use\" <b> & ready']",
      "['cron_21', 'ir.cron', 'ir_cron', 21, 'cron_name', 'Equipment: archive retired']",
      "['mail_template_41', 'mail.template', 'mail_template', 41, 'name', 'Equipment: service reminder']",
      "['report_9500', 'ir.actions.report', 'ir_act_report_xml', 9500, 'name', 'Equipment Sheet']",
      "['sequence_31', 'ir.sequence', 'ir_sequence', 31, 'name', 'Equipment serial']",
      "['view_9901', 'ir.ui.view', 'ir_ui_view', 9901, 'name', 'Equipment sheet']",
      "['server_action_9242', 'ir.actions.server', 'ir_act_server', 9242, 'name', 'Mark as retired']",
      // A window action, its menu branch and a view made in Settings (no external id either).
      "['action_9300', 'ir.actions.act_window', 'ir_act_window', 9300, 'name', 'Retired equipment']",
      "['menu_9310', 'ir.ui.menu', 'ir_ui_menu', 9310, 'name', 'Retired equipment']",
      "['menu_9311', 'ir.ui.menu', 'ir_ui_menu', 9311, 'name', 'Equipment reports']",
      "['view_9320', 'ir.ui.view', 'ir_ui_view', 9320, 'name', 'Equipment quick form']",
    ]) expect(adopt).toContain(entry.replace(/\\"/g, '"'));
    expect(hook).toMatch(/^def take_over\(env\):\n    cr = env\.cr\n    _adopt\(cr\)$/m);
  });

  test('a menu branch made in Settings comes with the module: the parent, then the menu opening its action', () => {
    const menus = read('equipment/views/menus.xml');
    const root = /<menuitem id="menu_9311"[^>]*\/>/.exec(menus)?.[0] ?? '';
    const child = /<menuitem id="menu_9310"[^>]*\/>/.exec(menus)?.[0] ?? '';
    expect(root).toContain('name="Equipment reports"');
    expect(child).toMatch(/parent="menu_9311"/);
    expect(child).toMatch(/action="action_9300"/);
    expect(menus.indexOf('id="menu_9311"')).toBeLessThan(menus.indexOf('id="menu_9310"'));
  });

  test('i18n/fr_FR.po holds every French label, with references Odoo loads by external id', () => {
    const po = gettext.po.parse(read('equipment/i18n/fr_FR.po'));
    const entries = Object.values(po.translations).flatMap((byId) => Object.values(byId)).filter((e) => e.msgid !== '');
    const got = entries.flatMap((e) => (e.comments?.reference ?? '').split('\n').map((ref) => [ref, e.msgid, e.msgstr[0]])).sort();
    expect(got).toEqual([
      ['model:ir.actions.act_window,name:equipment.x_equipment_action', 'Equipment', 'Équipements'],
      [expect.stringMatching(/^model:ir\.actions\.report,name:equipment\.report_\d+$/), 'Equipment Sheet', 'Fiche équipement'],
      ['model:ir.model,name:equipment.model_x_equipment', 'Equipment', 'Équipement'],
      ['model:ir.model.fields,field_description:equipment.field_x_equipment__x_studio_serial', 'Serial Number', 'Numéro de série'],
      ['model:ir.model.fields.selection,name:equipment.selection__x_equipment__x_studio_state__retired', expect.any(String), 'Hors service'],
      ['model:ir.ui.menu,name:equipment.x_equipment_menu_root', 'Equipment', 'Équipements'],
      [expect.stringMatching(/^model:mail\.template,subject:equipment\.mail_template_\d+$/), 'Service due for {{ object.x_name }}', 'Entretien prévu pour {{ object.x_name }}'],
      // Terms inside a view arch: Odoo matches them against the terms of the installed arch.
      ['model_terms:ir.ui.view,arch_db:equipment.x_equipment_search_view', 'Active', 'Actif'],
      ['model_terms:ir.ui.view,arch_db:equipment.x_equipment_search_view', 'Retired', 'Hors service'],
    ]);
    for (const [ref] of got) expect(ref).toMatch(ODOO_OCCURRENCE);
    expect(entries.every((e) => e.comments?.extracted === 'module: equipment')).toBe(true);
    // The task field's label goes with the module that carries the task customizations.
    const task = gettext.po.parse(read('project_custom/i18n/fr_FR.po'));
    expect(Object.keys(task.translations['']).filter((k) => k !== '')).toEqual(['Customer Reference']);
  });
});
