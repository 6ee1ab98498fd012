import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateStep } from '../../../src/steps/generate/index.js';
import { allNodes, manifestProblems, parseAllXml } from './check-modules.js';
import { generateChecked, recordedExtract, workspace } from './fixture-ctx.js';

describe.each([17, 19] as const)('generate from the Odoo %s recordings', (version) => {
  test.each(['keep', 'clean'])('naming = %s: every .py compiles, every .xml parses, manifests match the files', async (naming) => {
    const doc = recordedExtract(version);
    const { renderMap } = await import('../../../src/steps/module-map/proposal.js');
    const ctx = await workspace(doc, renderMap(doc).replace(/^naming = "keep"/m, `naming = "${naming}"`));
    try {
      const { modules, py } = await generateChecked(ctx);
      // Every import is used (compute code that names datetime gets it; a model without fields no `fields`).
      expect(py.unused).toEqual([]);
      expect(Object.keys(py.manifests).sort()).toEqual(['base_custom', 'equipment', 'project_custom']);
      expect(manifestProblems(modules, py.manifests)).toEqual([]);
      for (const m of Object.values(py.manifests)) {
        expect(m.version).toBe(`${version}.0.1.0.0`);
        expect(m.license).toBe('LGPL-3');
      }
      expect(py.manifests.project_custom.depends).toEqual(['base_automation', 'equipment', 'project']);
      const xml = parseAllXml(modules);
      const tags = [...xml.values()].flatMap((t) => allNodes(t).map((n) => n.name));
      expect(tags).toContain(version === 17 ? 'tree' : 'list');
      expect(tags).not.toContain(version === 17 ? 'list' : 'tree');
      const attrs = [...xml.values()].flatMap((t) => allNodes(t).flatMap((n) => Object.keys(n.attributes)));
      expect(attrs).not.toContain('attrs');
      expect(attrs).not.toContain('states');
      const inherited = allNodes(xml.get('project_custom/views/project_task_views.xml')!).find((n) => n.attributes.name === 'inherit_id');
      expect(inherited?.attributes.ref).toBe('project.view_task_form2');
      // Installed into the database it came from, the module takes the models and fields over
      // from Studio: they must stop being "manual", or Odoo rebuilds them over the module's classes.
      const hook = readFileSync(join(modules, 'equipment', 'hooks.py'), 'utf8');
      const equipmentModel = naming === 'keep' ? 'x_equipment' : 'equipment';
      expect(hook).toContain(`MODELS = [['x_equipment', '${equipmentModel}']]`);
      // Names with a meaning of their own in Odoo keep their x_ name (x_studio_active is no archive flag).
      expect(hook).toContain("['x_equipment', 'x_studio_active', 'x_studio_active']");
      expect(hook).toContain("['x_equipment', 'x_name', 'x_name']");
      expect(hook).toContain(`['x_equipment_model', 'model_${equipmentModel}']`);
      expect(py.manifests.equipment).toMatchObject({ pre_init_hook: 'pre_init_hook', uninstall_hook: 'uninstall_hook' });
      expect(readFileSync(join(modules, 'project_custom', 'hooks.py'), 'utf8')).toMatch(/FIELDS = \[.*\['project\.task', 'x_studio_priority_score', '(x_studio_)?priority_score'\]/);
      expect(py.py.filter((p) => p.includes('/migrations/'))).toEqual([]);
      if (naming === 'keep') {
        expect(py.names).toContain('x_studio_priority_score');
        expect(py.strings).toContain('x_equipment');
      } else {
        expect(py.names).toContain('priority_score');
        expect(py.names).not.toContain('x_studio_priority_score');
        expect(py.strings).toContain('equipment');
        expect(py.strings).toContain('x_studio_priority_score'); // the old column name, as data for the rename
        const arch = allNodes(xml.get('project_custom/views/project_task_views.xml')!).map((n) => n.attributes.name);
        expect(arch).toContain('priority_score');
        expect(arch).not.toContain('x_studio_priority_score');
      }
    } finally {
      ctx.cleanup();
    }
  });
});

test('the same inputs give the same bytes', async () => {
  const doc = recordedExtract(17);
  const a = await workspace(doc);
  const b = await workspace(doc);
  try {
    const ra = await generateStep.run(a);
    const rb = await generateStep.run(b);
    if (!ra.ok || !rb.ok) throw new Error('generate failed');
    expect(rb.value.outputs).toEqual(ra.value.outputs);
  } finally {
    a.cleanup();
    b.cleanup();
  }
});
