import { analyseXml } from '../../src/analysis/xml.js';
import { loadPython } from '../../src/analysis/py-parser.js';

// The parser's WebAssembly loads once per thread before the first parse.
await loadPython();

const VIEWS = `<?xml version="1.0"?>
<odoo>
    <record id="view_form" model="ir.ui.view">
        <field name="model">x.request</field>
        <field name="arch" type="xml">
            <form>
                <header>
                    <button name="action_done" string="Done &amp; dusted" type="object"
                            groups="group_user,base.group_system"/>
                </header>
                <field name="name"/>
            </form>
        </field>
    </record>
    <record id="partner_form" model="ir.ui.view">
        <field name="model">res.partner</field>
        <field name="inherit_id" ref="base.view_partner_form"/>
        <field name="arch" type="xml">
            <xpath expr="//sheet" position="inside"><field name="x"/></xpath>
            <field name="email" position="after"><field name="y"/></field>
        </field>
    </record>
    <record id="action_x" model="ir.actions.act_window">
        <field name="name">Requests</field>
        <field name="res_model">x.request</field>
        <field name="help" type="html"><p>Log a request <b>so that</b> it gets fixed.</p></field>
    </record>
    <menuitem id="root" name="Repairs" groups="group_user">
        <menuitem id="sub" name="Requests" action="action_x"/>
    </menuitem>
    <record id="group_user" model="res.groups">
        <field name="name">Repair User</field>
        <field name="implied_ids" eval="[(4, ref('base.group_user'))]"/>
    </record>
    <record id="cron" model="ir.cron">
        <field name="name">Nightly</field>
        <field name="model_id" ref="model_x_request"/>
        <field name="code">model._run()</field>
    </record>
</odoo>
`;

test('a smart button without a string takes the label of its statinfo field, else its own text; the next button does not inherit a label', () => {
  const arch = `<odoo><record id="v" model="ir.ui.view"><field name="model">fleet.vehicle</field><field name="arch" type="xml">
<form><div name="button_box">
  <button name="return_action_to_open" type="object" class="oe_stat_button" icon="fa-book">
    <field name="contract_count" widget="statinfo" string="Contracts"/>
  </button>
  <button name="action_odometer" type="object" icon="fa-tachometer"><span>Odometer</span></button>
</div><field name="note" widget="statinfo" string="Not a button"/></form>
</field></record></odoo>`;
  const { data } = analyseXml(arch, 'fleet/views.xml', 'fleet');
  expect(data.views[0].buttons.map((b) => [b.name, b.string])).toEqual([
    ['return_action_to_open', 'Contracts'],
    ['action_odometer', 'Odometer'],
  ]);
});

test('a stat button\'s label shown for other counts ("Similar Lead" beside "Similar Leads") is read once; parts of one label stay together', () => {
  const arch = `<odoo><record id="v" model="ir.ui.view"><field name="model">crm.lead</field><field name="arch" type="xml">
<form><div name="button_box">
  <button name="action_show_similar" type="object" class="oe_stat_button">
    <div class="o_stat_info">
      <field name="use_leads" invisible="1"/>
      <span class="o_stat_value"><field name="duplicate_lead_count"/></span>
      <span class="o_stat_text" invisible="duplicate_lead_count &lt; 2">Similar Leads</span>
      <span class="o_stat_text" invisible="duplicate_lead_count &gt; 1">Similar Lead</span>
    </div>
  </button>
  <button name="action_create_sidebar_action" type="object" class="oe_stat_button">
    <div class="o_stat_info"><span class="o_stat_text">Add</span><span class="o_stat_text">Context Action</span></div>
  </button>
  <button name="action_view_sos" type="object" class="oe_stat_button">
    <div class="o_stat_info">
      <span class="o_stat_text"><span class="o_stat_value">0</span> Sales Order</span>
      <span class="o_stat_text">Make Billable</span>
    </div>
  </button>
</div></form>
</field></record></odoo>`;
  const { data } = analyseXml(arch, 'crm/views.xml', 'crm');
  // sale_project's "0 Sales Order Make Billable": the stat value is a number, not the caption.
  expect(data.views[0].buttons.map((b) => b.string)).toEqual(['Similar Leads', 'Add Context Action', 'Sales Order Make Billable']);
});

describe('analyseXml', () => {
  const { data, problem } = analyseXml(VIEWS, 'x/views.xml', 'x');

  test('views by type, with the line of each record and of each button', () => {
    expect(problem).toBeUndefined();
    expect(data.views[0]).toMatchObject({ id: 'x.view_form', type: 'form', model: 'x.request', line: 3, xpathCount: 0 });
    expect(data.views[0].buttons).toEqual([
      expect.objectContaining({ name: 'action_done', string: 'Done & dusted', line: 8, groups: ['x.group_user', 'base.group_system'] }),
    ]);
  });

  test('an inherited view counts its xpaths and positioned elements', () => {
    expect(data.views[1]).toMatchObject({ type: 'inherited', inheritId: 'base.view_partner_form', xpathCount: 2 });
  });

  test('actions, nested menus, groups with implied groups, crons', () => {
    expect(data.actions[0]).toMatchObject({ id: 'x.action_x', name: 'Requests', resModel: 'x.request', help: 'Log a request so that it gets fixed.' });
    expect(data.menus).toEqual([
      expect.objectContaining({ id: 'x.root', name: 'Repairs', groups: ['x.group_user'], line: 28 }),
      expect.objectContaining({ id: 'x.sub', parent: 'x.root', action: 'x.action_x', line: 29 }),
    ]);
    expect(data.groups[0]).toMatchObject({ name: 'Repair User', implied: ['base.group_user'] });
    expect(data.crons[0]).toMatchObject({ modelRef: 'x.model_x_request', code: 'model._run()', calls: ['_run'] });
  });

  test('a DOCTYPE declaring entities is reported, never expanded', () => {
    const evil = '<?xml version="1.0"?>\n<!DOCTYPE odoo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<odoo><record id="a" model="ir.ui.view"><field name="name">&xxe;</field></record></odoo>\n';
    const r = analyseXml(evil, 'x/evil.xml', 'x');
    expect(r.problem).toMatchObject({ kind: 'xml-doctype', file: 'x/evil.xml', line: 2 });
    expect(r.data.views).toEqual([]);
  });

  test('broken XML is reported with its line', () => {
    const r = analyseXml('<odoo>\n  <record id="a" model="ir.ui.view">\n  </recrd>\n</odoo>\n', 'x/bad.xml', 'x');
    expect(r.problem).toMatchObject({ kind: 'xml-syntax', file: 'x/bad.xml', line: 3 });
  });
});

test('an element whose tag name ends its line is found on that line, and a group-restricted page narrows its fields', () => {
  const src = `<odoo>
    <menuitem
        id="menu_stages"
        groups="base.group_no_one"/>
    <record id="form_x" model="ir.ui.view">
        <field name="model">x.request</field>
        <field name="arch" type="xml">
            <form><notebook>
                <page string="Internal" groups="group_manager">
                    <field name="note"/>
                </page>
            </notebook><field name="name"/></form>
        </field>
    </record>
</odoo>`;
  const { data } = analyseXml(src, 'x/views.xml', 'x');
  expect(data.menus[0]).toMatchObject({ id: 'x.menu_stages', line: 2, groups: ['base.group_no_one'] });
  expect(data.views[0].fields).toEqual([
    { name: 'note', groups: ['x.group_manager'], file: 'x/views.xml', line: 10 },
    { name: 'name', groups: [], file: 'x/views.xml', line: 12 },
  ]);
});
