/**
 * Bad sources are reported per file (with a line where there is one) and skipped; the rest of
 * the tree is still analysed.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseAddons } from '../../src/analysis/index.js';
import { cleanup, copyExamples, tempDir } from '../steps/feature-map/support.js';

let root: string;
let addons: string;

beforeEach(() => {
  root = tempDir();
  addons = copyExamples(root);
});
afterEach(() => cleanup(root));

const put = (rel: string, content: string | Buffer) => {
  const p = join(addons, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
};

async function run() {
  const r = await analyseAddons(['addons'], { base: root });
  // The good example modules always survive.
  expect(r.modules.map((m) => m.name)).toEqual(expect.arrayContaining(['equipment_maintenance', 'helpdesk_lite', 'sale_site_visit']));
  return r;
}

test('a Python syntax error: reported with file:line, the module keeps its other models', async () => {
  put('helpdesk_lite/models/broken.py', 'from odoo import models\n\nclass Broken(models.Model):\n    _name = "x.broken"\n    def oops(self)\n        pass\n');
  const r = await run();
  expect(r.problems).toEqual([expect.objectContaining({ kind: 'python-syntax', file: 'addons/helpdesk_lite/models/broken.py', line: 5 })]);
  expect(r.modules.find((m) => m.name === 'helpdesk_lite')?.models.map((m) => m.name)).toContain('helpdesk.ticket');
});

test('broken XML: reported with file:line, the module keeps its other views', async () => {
  put('helpdesk_lite/views/helpdesk_team_views.xml', '<?xml version="1.0"?>\n<odoo>\n  <record id="x" model="ir.ui.view">\n</odoo>\n');
  const r = await run();
  expect(r.problems).toEqual([expect.objectContaining({ kind: 'xml-syntax', file: 'addons/helpdesk_lite/views/helpdesk_team_views.xml', line: 4 })]);
  expect(r.modules.find((m) => m.name === 'helpdesk_lite')?.views.length).toBe(5);
});

test('a folder without a manifest is reported and skipped', async () => {
  put('stray/models.py', 'x = 1\n');
  const r = await run();
  expect(r.problems).toEqual([expect.objectContaining({ kind: 'manifest-missing', file: 'addons/stray' })]);
});

test('a malformed manifest is reported with its line and the module skipped', async () => {
  put('odd/__manifest__.py', "{\n    'name': 'Odd',\n    'data': __import__('os').listdir('.'),\n}\n");
  put('odd/models.py', 'x = 1\n');
  const r = await run();
  expect(r.problems).toEqual([expect.objectContaining({ kind: 'manifest-malformed', file: 'addons/odd/__manifest__.py', line: 3 })]);
  expect(r.modules.map((m) => m.name)).not.toContain('odd');
});

test('a non-UTF-8 file is reported with the line of its first bad byte', async () => {
  put('helpdesk_lite/models/latin1.py', Buffer.concat([Buffer.from('# ok\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  const r = await run();
  expect(r.problems).toEqual([expect.objectContaining({ kind: 'encoding', file: 'addons/helpdesk_lite/models/latin1.py', line: 2 })]);
});

test('a symlink loop is reported and not followed', async () => {
  symlinkSync('.', join(addons, 'helpdesk_lite/static_loop'));
  const r = await run();
  expect(r.problems).toEqual([expect.objectContaining({ kind: 'symlink-loop', file: 'addons/helpdesk_lite/static_loop' })]);
});

test('an empty module folder is reported and skipped', async () => {
  mkdirSync(join(addons, 'empty_one'));
  put('manifest_only/__manifest__.py', "{'name': 'Nothing here'}\n");
  const r = await run();
  expect(r.problems.map((p) => [p.kind, p.file])).toEqual([
    ['empty-module', 'addons/empty_one'],
    ['empty-module', 'addons/manifest_only/__manifest__.py'],
  ]);
});

test('a data file the manifest lists but that does not exist is reported at the manifest', async () => {
  put('helpdesk_lite/__manifest__.py', "{'name': 'Helpdesk Lite', 'depends': ['mail'], 'data': ['security/ir.model.access.csv', 'views/missing.xml']}\n");
  const r = await run();
  expect(r.problems).toEqual([expect.objectContaining({ kind: 'missing-file', file: 'addons/helpdesk_lite/__manifest__.py', message: expect.stringContaining('views/missing.xml') })]);
});
