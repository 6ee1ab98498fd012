import { join } from 'node:path';
import { generateStep } from '../../../src/steps/generate/index.js';
import { renderMap } from '../../../src/steps/module-map/proposal.js';
import { inspectPython } from './check-modules.js';
import { recordedExtract, workspace } from './fixture-ctx.js';

test('every manifest has an author (Odoo 19 warns without one); the map can name it per module', async () => {
  const doc = recordedExtract(19);
  const map = renderMap(doc).replace(/^\[modules\.equipment\]$/m, '[modules.equipment]\nauthor = "Acme \\"Integrations\\" </field>"');
  const ctx = await workspace(doc, map);
  try {
    const r = await generateStep.run(ctx);
    if (!r.ok) throw r.error;
    const py = await inspectPython(join(ctx.artifacts.root, 'modules'));
    const authors = Object.fromEntries(Object.entries(py.manifests).map(([dir, m]) => [dir, (m as unknown as { author: string }).author]));
    expect(authors).toEqual({ base_custom: 'odoo-project-sync', equipment: 'Acme "Integrations" </field>', project_custom: 'odoo-project-sync' });
  } finally {
    ctx.cleanup();
  }
});

test('an author that is not a string is refused at its line', async () => {
  const doc = recordedExtract(19);
  const ctx = await workspace(doc, renderMap(doc).replace(/^\[modules\.equipment\]$/m, '[modules.equipment]\nauthor = 42'));
  try {
    const r = await generateStep.run(ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/author must be a string/);
      expect(r.error.where?.line).toBeGreaterThan(1);
    }
  } finally {
    ctx.cleanup();
  }
});

test('README.md reads the same as reStructuredText, which Odoo renders it with: no bare "x_" that docutils takes for a link', async () => {
  for (const naming of ['keep', 'clean']) {
    const doc = recordedExtract(17);
    const map = renderMap(doc).replace(/^naming = "keep"$/m, `naming = "${naming}"`);
    expect(map).toContain(`naming = "${naming}"`);
    const ctx = await workspace(doc, map);
    try {
      const r = await generateStep.run(ctx);
      if (!r.ok) throw r.error;
      const modules = join(ctx.artifacts.root, 'modules');
      const { readdirSync, readFileSync } = await import('node:fs');
      for (const dir of readdirSync(modules)) {
        const text = readFileSync(join(modules, dir, 'README.md'), 'utf8');
        // In reST a word ending in "_" before a space is a reference to a link target ("Unknown target name").
        expect(text).not.toMatch(/(^|[^\\`\w])\w+_(?=[\s,.:;)]|$)/m);
      }
    } finally {
      ctx.cleanup();
    }
  }
});
