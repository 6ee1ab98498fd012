import { makeContext } from '../../../src/steps/generate/context.js';
import { planNames } from '../../../src/steps/generate/naming.js';
import { assign } from '../../../src/steps/module-map/assign.js';
import { renderMap } from '../../../src/steps/module-map/proposal.js';
import type { ExtractDoc } from '../../../src/steps/extract/schema.js';
import { recordedExtract } from './fixture-ctx.js';

function withFields(doc: ExtractDoc, names: string[]): ExtractDoc {
  const template = doc.fields.find((f) => f.model === 'x_equipment' && f.ttype === 'char');
  if (!template) throw new Error('fixture has no char field on x_equipment');
  const extra = names.map((name, i) => ({ ...template, key: `field:x_equipment.${name}`, id: 9000 + i, name, xmlid: undefined }));
  return { ...doc, fields: [...doc.fields, ...extra] };
}

test('clean naming keeps x_ names that would change meaning in Odoo or Python, and says why in the map', () => {
  const doc = withFields(recordedExtract(17), ['x_studio_class', 'x_studio_import', 'x_studio_company_id', 'x_studio_sequence', 'x_studio_match']);
  const { fields, kept } = planNames(doc, 'clean');
  expect(fields.get('x_equipment.x_studio_class')).toBe('x_studio_class');
  expect(fields.get('x_equipment.x_studio_import')).toBe('x_studio_import');
  expect(fields.get('x_equipment.x_studio_company_id')).toBe('x_studio_company_id');
  expect(fields.get('x_equipment.x_studio_active')).toBe('x_studio_active');
  expect(fields.get('x_equipment.x_studio_sequence')).toBe('x_studio_sequence');
  // Soft keywords are ordinary names.
  expect(fields.get('x_equipment.x_studio_match')).toBe('match');
  expect(fields.get('x_equipment.x_studio_serial')).toBe('serial');
  expect(kept.map((k) => k.field)).toContain('x_studio_class');
  const map = renderMap(doc);
  expect(map).toMatch(/# With naming = "clean", these fields keep their x_ name:\n(#  .*\n)*#   x_equipment\.x_studio_class: "class" is a Python keyword\n/);
  expect(map).toContain('#   x_equipment.x_studio_active: "active" has a meaning in Odoo');
});

test('keep naming keeps every name', () => {
  const { fields, kept } = planNames(recordedExtract(17), 'keep');
  expect([...fields].filter(([k, v]) => !k.endsWith(`.${v}`))).toEqual([]);
  expect(kept).toEqual([]);
});

test('renamed fields are renamed inside context keys too (default_ and search_default_)', () => {
  const doc = recordedExtract(17);
  const map = { naming: 'clean' as const, modules: [{ name: 'equipment', models: ['x_equipment'], extends: [], items: [], depends: [] }], excluded: [] };
  const ctx = makeContext(doc, map, assign(doc, map));
  expect(ctx.renameText("{'default_x_studio_serial': 'S', 'search_default_x_studio_serial': 1, 'x_studio_serial_no': 2}"))
    .toBe("{'default_serial': 'S', 'search_default_serial': 1, 'x_studio_serial_no': 2}");
  expect(ctx.renameText("env['x_equipment'].search([('x_studio_active', '=', True)])")).toBe("env['equipment'].search([('x_studio_active', '=', True)])");
});
