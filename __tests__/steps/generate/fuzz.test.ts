import { join } from 'node:path';
import { pyStr } from '../../../src/steps/generate/py.js';
import { reemitArch, xmlAttr, xmlText } from '../../../src/steps/generate/xml.js';
import type { ExtractDoc } from '../../../src/steps/extract/schema.js';
import { allNodes, parseAllXml, parseXml, walk } from './check-modules.js';
import { generateChecked, recordedExtract, workspace } from './fixture-ctx.js';

const PAYLOADS = [
  `it's "quoted"`,
  `'''triple''' """double triple"""`,
  'back\\slash \\n not a newline \\',
  'two\nlines\r\nand\ttab',
  ']]> </field> </record> <record id="evil" model="res.users">',
  `'); import os; os.system('echo pwned'); ('`,
  `"""); __import__('os').system('id'); ("""`,
  '{{ 7*7 }} ${x} %s %(name)s',
  'unicode: é ü 中文 🚀 \u2028 \u2029 \ufeff',
  '\u0000 nul \u0007 bell \u001b esc',
  'x'.repeat(20000),
];

/** Deterministic pick so a failure is reproducible. */
const pick = (i: number): string => PAYLOADS[i % PAYLOADS.length];

function hostile(doc: ExtractDoc, shift: number): ExtractDoc {
  let i = shift;
  const next = () => pick(i++);
  return {
    ...doc,
    models: doc.models.map((m) => ({ ...m, label: next() })),
    fields: doc.fields.map((f) => ({
      ...f,
      label: next(),
      help: next(),
      selection: f.selection.map(() => ({ value: next(), label: next() })),
      // Odd shifts: the compute code itself is hostile text (not Python); even: valid code carrying it.
      compute: f.compute ? (shift % 2 ? next() : `for record in self:\n    record[${JSON.stringify(f.name)}] = ${pyStr(next())}\n`) : undefined,
    })),
    views: doc.views.map((v) => ({
      ...v,
      name: next(),
      arch: v.arch.replace(/string="[^"]*"/g, `string="${xmlAttr(next())}"`).replace('</', `<span>${xmlText(next())}</span></`),
    })),
    actions: doc.actions.map((a) => ({ ...a, name: next(), help: next(), context: next(), domain: next() })),
    menus: doc.menus.map((m) => ({ ...m, name: next() })),
    serverActions: doc.serverActions.map((s) => ({ ...s, name: next(), code: next() })),
    automations: doc.automations.map((a) => ({ ...a, name: next(), filterDomain: next() })),
    rules: doc.rules.map((r) => ({ ...r, name: next(), domain: next() })),
    access: doc.access.map((r) => ({ ...r, name: next() })),
    defaults: doc.defaults.map((d) => ({ ...d, jsonValue: JSON.stringify(next()) })),
  };
}

/** XML 1.0 cannot carry these; the generator replaces them with U+FFFD. */
const xmlSafe = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd');

describe.each([0, 3, 7])('hostile text from the database (shift %i)', (shift) => {
  test('generated code compiles and carries the text only as data', async () => {
    const doc = hostile(recordedExtract(17), shift);
    const ctx = await workspace(doc);
    try {
      const { modules, py } = await generateChecked(ctx);
      // Nothing from the payloads became code: no import or name beyond what the generator writes.
      expect(py.imports.filter((m) => !['odoo', 'datetime', 'time', 'dateutil', 'psycopg2', 'logging', 're', '.', 'hooks'].includes(m.replace(/^dateutil\.(parser|relativedelta|rrule|tz)$/, 'dateutil')))).toEqual([]);
      expect(py.names).not.toContain('os');
      expect(py.names).not.toContain('__import__');
      // Every label reached Python intact, as a string constant.
      for (const f of doc.fields) expect(py.strings).toContain(f.label);
      for (const f of doc.fields) for (const o of f.selection) expect(py.strings).toContain(o.value);
      if (shift % 2) for (const f of doc.fields.filter((x) => x.compute)) expect(py.strings).toContain(f.compute);
      const xml = parseAllXml(modules);
      const records = [...xml.values()].flatMap((t) => allNodes(t)).filter((n) => n.name === 'record');
      expect(records.map((n) => n.attributes.id)).not.toContain('evil');
      const fieldTexts = [...xml.values()].flatMap((t) => allNodes(t)).filter((n) => n.name === 'field').map((n) => n.text);
      for (const s of doc.serverActions) expect(fieldTexts).toContain(xmlSafe(s.code ?? ''));
      for (const rule of doc.rules) expect(fieldTexts).toContain(xmlSafe(rule.domain));
      const menuNames = [...xml.values()].flatMap((t) => allNodes(t)).filter((n) => n.name === 'menuitem').map((n) => n.attributes.name);
      for (const m of doc.menus) expect(menuNames).toContain(xmlSafe(m.name));
      const csvFile = walk(modules).find((p) => p.endsWith('ir.model.access.csv')) as string;
      const { execa } = await import('execa');
      const rows = await execa('python3', ['-c', 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="")))))', csvFile]);
      const names = (JSON.parse(rows.stdout) as string[][]).slice(1).map((row) => row[1]);
      expect(names).toEqual(doc.access.map((a) => a.name.replace(/[\r\n]+/g, ' ')));
      expect(walk(modules).every((p) => p.startsWith(modules))).toBe(true);
    } finally {
      ctx.cleanup();
    }
  });
});

describe('escapers', () => {
  test('pyStr round-trips every payload through Python', async () => {
    const { execa } = await import('execa');
    const r = await execa('python3', ['-c', `import sys, json; sys.stdout.write(json.dumps([${PAYLOADS.map(pyStr).join(', ')}]))`]);
    expect(JSON.parse(r.stdout)).toEqual(PAYLOADS);
  });

  test('xmlText and xmlAttr keep hostile text inside one element', () => {
    for (const p of PAYLOADS) {
      const root = parseXml(`<r a="${xmlAttr(p)}">${xmlText(p)}</r>`);
      expect(root.children).toEqual([]);
      expect(root.text).toBe(xmlSafe(p));
      expect(root.attributes.a).toBe(xmlSafe(p));
    }
  });

  test('an arch that is not well-formed is refused, a CDATA section becomes escaped text', () => {
    expect(reemitArch('<form><field name="a"></form>', { listTag: 'list', dropAttrsStates: true, indent: '' }).ok).toBe(false);
    const r = reemitArch('<form><![CDATA[</field><record/>]]><tree attrs="{}"/></form>', { listTag: 'list', dropAttrsStates: true, indent: '' });
    expect(r).toEqual({ ok: true, xml: '<form>&lt;/field&gt;&lt;record/&gt;<list/></form>', dropped: ['attrs'] });
  });
});
