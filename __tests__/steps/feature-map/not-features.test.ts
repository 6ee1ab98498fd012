/**
 * Tests, populate/, migrations/, demo data and translations are never features: the map of the
 * examples with all of them added is the map of the examples. Tests are reported as coverage.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureMapStep } from '../../../src/steps/feature-map/index.js';
import { cleanup, copyExamples, makeContext, tempDir } from './support.js';

const MODEL = (body: string) => `from odoo import fields, models\n\n\n${body}`;

const EXTRAS: Record<string, string> = {
  'helpdesk_lite/tests/__init__.py': 'from . import test_ticket\n',
  'helpdesk_lite/tests/test_ticket.py': MODEL(
    "class TicketFixture(models.Model):\n    _name = 'helpdesk.test.fixture'\n    _description = 'Fixture Only Tests Use'\n    name = fields.Char()\n",
  ),
  'helpdesk_lite/populate/helpdesk_ticket.py': MODEL(
    "class Ticket(models.Model):\n    _inherit = 'helpdesk.ticket'\n    _populate_sizes = {'small': 10, 'medium': 100, 'large': 1000}\n    populate_marker = fields.Char('Populate Marker')\n\n    def _populate_factories(self):\n        return [('name', lambda: 'x')]\n",
  ),
  'helpdesk_lite/migrations/17.0.1.1/post-migrate.py': MODEL(
    "class Leftover(models.Model):\n    _name = 'helpdesk.migration.leftover'\n    _description = 'Migration Leftover'\n",
  ),
  'helpdesk_lite/i18n/fr.po': 'msgid "Ticket"\nmsgstr "Ticket"\n',
  'helpdesk_lite/demo/helpdesk_demo.xml':
    '<odoo>\n  <record id="demo_action" model="ir.actions.act_window">\n    <field name="name">Demo Tickets</field>\n    <field name="res_model">helpdesk.ticket</field>\n  </record>\n  <menuitem id="demo_menu" name="Demo Tickets" action="demo_action"/>\n</odoo>\n',
  'test_helpdesk_lite/__init__.py': 'from . import models\n',
  'test_helpdesk_lite/__manifest__.py': "{'name': 'Helpdesk Lite Tests', 'category': 'Hidden/Tests', 'depends': ['helpdesk_lite'], 'data': ['views/thing_views.xml']}\n",
  'test_helpdesk_lite/models/__init__.py': 'from . import thing\n',
  'test_helpdesk_lite/models/thing.py': MODEL("class Thing(models.Model):\n    _name = 'test.helpdesk.thing'\n    _description = 'Test Thing'\n    name = fields.Char()\n"),
  'test_helpdesk_lite/views/thing_views.xml':
    '<odoo>\n  <record id="thing_action" model="ir.actions.act_window">\n    <field name="name">Test Things</field>\n    <field name="res_model">test.helpdesk.thing</field>\n  </record>\n  <menuitem id="thing_menu" name="Test Things" action="thing_action"/>\n</odoo>\n',
};

async function featureMap(extras: boolean): Promise<{ text: string; report: string }> {
  const root = tempDir();
  try {
    const addons = copyExamples(root);
    if (extras) {
      for (const [rel, content] of Object.entries(EXTRAS)) {
        mkdirSync(join(addons, rel, '..'), { recursive: true });
        writeFileSync(join(addons, rel), content);
      }
      // The demo file is listed where Odoo loads demo data from: only with demo data installed.
      const manifest = join(addons, 'helpdesk_lite/__manifest__.py');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace("'data': [", "'demo': ['demo/helpdesk_demo.xml'],\n    'data': ["));
    }
    // One project name for both runs (it defaults to the temporary folder's name).
    const r = await featureMapStep.run(makeContext(root, { sections: { sync: { project_name: 'examples' } } }));
    if (!r.ok) throw r.error;
    return { text: readFileSync(join(root, 'feature_user_story_map.toml'), 'utf8'), report: r.value.report ?? '' };
  } finally {
    cleanup(root);
  }
}

let plain: Awaited<ReturnType<typeof featureMap>>;
let withExtras: Awaited<ReturnType<typeof featureMap>>;
beforeAll(async () => {
  plain = await featureMap(false);
  withExtras = await featureMap(true);
}, 120_000); // two runs over the example modules on a loaded machine

test('tests, populate/, migrations/, demo data, translations and test modules add no feature and change none', () => {
  for (const word of ['helpdesk.test.fixture', 'populate_marker', 'Populate Marker', 'migration', 'Demo Tickets', 'test_helpdesk_lite', 'Test Things', 'test.helpdesk.thing']) {
    expect(withExtras.text).not.toContain(word);
  }
  expect(withExtras.text).toBe(plain.text);
});

test('tests are reported as coverage of the module they exercise', () => {
  expect(withExtras.report).toContain('- helpdesk_lite: 1 test file; tested by test_helpdesk_lite');
  expect(plain.report).not.toContain('## Tests');
});
