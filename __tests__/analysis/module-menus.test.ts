/** A module that updates its own menu with a later <record model="ir.ui.menu"> keeps one menu. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseAddons } from '../../src/analysis/index.js';
import { buildFeatures } from '../../src/steps/feature-map/build.js';
import { cleanup, tempDir } from '../steps/feature-map/support.js';

test('a menu updated by a later record stays under its parent: no second app appears', async () => {
  const root = tempDir();
  const dir = join(root, 'addons', 'event_lite');
  mkdirSync(join(dir, 'views'), { recursive: true });
  writeFileSync(join(dir, '__manifest__.py'), "{'name': 'Event Lite', 'data': ['views/menus.xml', 'views/mail.xml']}\n");
  writeFileSync(join(dir, 'views', 'menus.xml'), `<odoo>
    <menuitem id="menu_root" name="Events"/>
    <menuitem id="menu_config" name="Configuration" parent="menu_root"/>
    <menuitem id="menu_schedulers" name="Mail Schedulers" parent="menu_config"/>
</odoo>`);
  writeFileSync(join(dir, 'views', 'mail.xml'), `<odoo>
    <record id="action_mail" model="ir.actions.act_window">
        <field name="name">Schedulers</field>
        <field name="res_model">event.mail</field>
    </record>
    <record id="menu_schedulers" model="ir.ui.menu">
        <field name="action" ref="action_mail"/>
    </record>
</odoo>`);
  try {
    const a = await analyseAddons(['addons'], { base: root });
    const m = a.modules[0];
    expect(m.menus.filter((x) => x.id === 'event_lite.menu_schedulers')).toEqual([
      expect.objectContaining({ parent: 'event_lite.menu_config', action: 'event_lite.action_mail', name: 'Mail Schedulers' }),
    ]);
    const apps = buildFeatures(a).features.filter((f) => f.kind === 'app');
    expect(apps.map((f) => f.title)).toEqual(['Events app']);
  } finally {
    cleanup(root);
  }
}, 30_000);
