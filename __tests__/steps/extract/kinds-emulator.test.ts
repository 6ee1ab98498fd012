/**
 * Reports, shared filters, mail templates, crons, sequences and translations, extracted from the
 * emulator's 16, 17, 18 and 19 profiles. The expectations are the seeded customer records, written
 * by hand; app-owned and personal records of the same kinds must stay out.
 */
import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { extractStep } from '../../../src/steps/extract/index.js';
import { parseExtract } from '../../../src/steps/extract/load.js';
import type { ExtractDoc } from '../../../src/steps/extract/schema.js';
import { clientFor, makeCtx } from './helpers.js';
import { addRealXmlids } from './studio-xmlids.js';

const REPORT = 'report:#9500';
const TEMPLATE = 'x_equipment_sheet';

describe.each([16, 17, 18, 19] as const)('extract of the other kinds on Odoo %i', (version) => {
  let emu: Emulator;
  let doc: ExtractDoc;
  beforeAll(async () => {
    emu = await startEmulator({ version });
    addRealXmlids(emu.store, version >= 18 ? 19 : 17);
    const ctx = makeCtx({ connect: () => clientFor(emu) });
    try {
      const r = await extractStep.run(ctx);
      if (!r.ok) throw r.error;
      const parsed = parseExtract((await ctx.artifacts.read('extract.json')) as string);
      if (!parsed.ok) throw parsed.error;
      doc = parsed.value;
    } finally {
      ctx.cleanup();
    }
  });
  afterAll(() => emu.close());

  test('the report and both of its QWeb templates, which follow the report model', () => {
    expect(doc.reports.map((r) => [r.key, r.name, r.model, r.reportType, r.reportName, r.bound, r.printReportName])).toEqual([
      [REPORT, 'Equipment Sheet', 'x_equipment', 'qweb-pdf', TEMPLATE, true, "'Equipment - %s' % (object.x_name)"],
    ]);
    const templates = doc.views.filter((v) => v.type === 'qweb');
    expect(templates.map((v) => [v.templateKey, v.model])).toEqual([
      [TEMPLATE, 'x_equipment'],
      [`${TEMPLATE}_document`, 'x_equipment'],
    ]);
    expect(doc.reports[0].templateKeys).toEqual(templates.map((v) => v.key).sort());
    // The app's own report (project's task report) is not a customization.
    expect(doc.reports).toHaveLength(1);
  });

  test('the shared filter, tied to the extracted action; not the personal one nor the app one', () => {
    expect(doc.filters.map((f) => [f.name, f.model, f.domain, f.context, f.isDefault, f.actionKey])).toEqual([
      ['Equipment "in use" <b> & ready', 'x_equipment', "[('x_studio_state', '=', 'in_use')]", "{'group_by': ['x_studio_partner_id']}", true, 'action:studio_customization.x_equipment_action'],
    ]);
  });

  test('the mail template with its report attached', () => {
    expect(doc.mailTemplates.map((t) => [t.name, t.model, t.subject, t.partnerTo, t.reportKeys])).toEqual([
      ['Equipment: service reminder', 'x_equipment', 'Service due for {{ object.x_name }}', '{{ object.x_studio_partner_id.id }}', [REPORT]],
    ]);
    expect(doc.mailTemplates[0].bodyHtml).toContain('<t t-out="object.x_name"/>');
  });

  test('the cron, carrying its own server action (not extracted twice)', () => {
    expect(doc.crons.map((c) => [c.name, c.model, c.intervalNumber, c.intervalType, c.numbercall, c.userXmlid])).toEqual([
      ['Equipment: archive retired', 'x_equipment', 1, 'days', version <= 17 ? -1 : undefined, 'base.user_admin'],
    ]);
    expect(doc.crons[0].code).toContain("next_by_code('x_equipment.serial')");
    expect(doc.serverActions.map((s) => s.name)).not.toContain('Equipment: archive retired');
  });

  test('a contextual server action keeps its place in the Action menu', () => {
    const s = doc.serverActions.find((x) => x.name === 'Mark as retired');
    expect([s?.model, s?.bindingModel, s?.bindingViewTypes]).toEqual(['x_equipment', 'x_equipment', 'list,form']);
    expect(doc.serverActions.filter((x) => x.name !== 'Mark as retired').every((x) => !x.bindingModel)).toBe(true);
  });

  test('the sequence the cron uses; a run-time app sequence is left out with the reason', () => {
    expect(doc.sequences.map((s) => [s.code, s.model, s.prefix, s.padding, s.usedBy])).toEqual([['x_equipment.serial', 'x_equipment', 'EQ/%(year)s/', 4, ['cron:#21']]]);
    expect(doc.excluded.find((x) => x.key === 'sequence:#32')?.reason).toMatch(/no external id that no extracted code uses/);
  });

  test('French labels of every translated kind, with their English source', () => {
    expect(doc.languages).toEqual([{ code: 'fr_FR', name: 'French / Français' }]);
    expect(doc.translations.map((t) => [t.key, t.field, t.source, t.value])).toEqual([
      ['action:studio_customization.x_equipment_action', 'name', 'Equipment', 'Équipements'],
      ['field:project.task.x_studio_customer_ref', 'field_description', 'Customer Reference', 'Référence client'],
      ['field:x_equipment.x_studio_serial', 'field_description', 'Serial Number', 'Numéro de série'],
      ['field:x_equipment.x_studio_state', 'selection:retired', expect.any(String), 'Hors service'],
      ['mail_template:#41', 'subject', 'Service due for {{ object.x_name }}', 'Entretien prévu pour {{ object.x_name }}'],
      ['menu:studio_customization.x_equipment_menu_root', 'name', 'Equipment', 'Équipements'],
      ['model:x_equipment', 'name', 'Equipment', 'Équipement'],
      [REPORT, 'name', 'Equipment Sheet', 'Fiche équipement'],
      // Terms inside the search view's arch, one per term that differs.
      ['view:studio_customization.x_equipment_search_view', 'arch_db', 'Active', 'Actif'],
      ['view:studio_customization.x_equipment_search_view', 'arch_db', 'Retired', 'Hors service'],
    ]);
    expect(doc.translations.every((t) => t.lang === 'fr_FR')).toBe(true);
  });
});
