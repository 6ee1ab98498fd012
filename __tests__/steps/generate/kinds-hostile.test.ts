/**
 * Hostile text in every field of the new kinds (reports, templates, filters, mail templates, crons,
 * sequences, translations) stays data: the modules still compile and parse, no record or code is
 * injected, and every text comes back byte for byte (XML) or entry for entry (.po).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gettext from 'gettext-parser';
import { startEmulator } from '../../../src/odoo/emulator/index.js';
import { extractStep } from '../../../src/steps/extract/index.js';
import { parseExtract } from '../../../src/steps/extract/load.js';
import type { ExtractDoc } from '../../../src/steps/extract/schema.js';
import { xmlText } from '../../../src/steps/generate/xml.js';
import { clientFor, makeCtx } from '../extract/helpers.js';
import { addRealXmlids } from '../extract/studio-xmlids.js';
import { allNodes, parseAllXml } from './check-modules.js';
import { generateChecked, workspace } from './fixture-ctx.js';

const PAYLOADS = [
  `it's "quoted" \\ back\\slash`,
  ']]> </field> </record> <record id="evil" model="res.users">',
  `'); import os; os.system('echo pwned'); ('`,
  'two\nlines\r\nand\ttab',
  '{{ 7*7 }} ${x} %s %(name)s <t t-out="evil"/>',
  'bidi \u202e gnp.exe \u2066 é 中文 🚀 \u2028',
  '"\nmsgid "injected"\nmsgstr "x',
  '#: model:res.users,login:base.user_admin',
];
const xmlSafe = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd');

let base: ExtractDoc;
beforeAll(async () => {
  const emu = await startEmulator({ version: 17 });
  addRealXmlids(emu.store, 17);
  const ctx = makeCtx({ connect: () => clientFor(emu) });
  try {
    const r = await extractStep.run(ctx);
    if (!r.ok) throw r.error;
    const doc = parseExtract((await ctx.artifacts.read('extract.json')) as string);
    if (!doc.ok) throw doc.error;
    base = doc.value;
  } finally {
    ctx.cleanup();
    emu.close();
  }
});

function hostile(doc: ExtractDoc, shift: number): ExtractDoc {
  let i = shift;
  const next = () => PAYLOADS[i++ % PAYLOADS.length];
  return {
    ...doc,
    views: doc.views.map((v) => (v.type === 'qweb' ? { ...v, name: next(), arch: v.arch.replace('</p>', `${xmlText(next())}</p>`) } : v)),
    reports: doc.reports.map((r) => ({ ...r, name: next(), printReportName: next(), attachment: next() })),
    filters: doc.filters.map((f) => ({ ...f, name: next(), domain: next(), context: next(), sort: next() })),
    mailTemplates: doc.mailTemplates.map((t) => ({ ...t, name: next(), subject: next(), bodyHtml: next(), emailFrom: next(), partnerTo: next(), lang: next() })),
    crons: doc.crons.map((c) => ({ ...c, name: next(), code: next() })),
    sequences: doc.sequences.map((s) => ({ ...s, name: next(), prefix: next(), suffix: next() })),
    translations: [
      ...doc.translations.map((t) => ({ ...t, source: next(), value: next() })),
      ...doc.translations.slice(0, 1).map((t) => ({ ...t, lang: 'de_DE/../../../evil' })),
    ],
    languages: [...doc.languages, { code: 'de_DE/../../../evil', name: next() }],
  };
}

describe.each([0, 3, 5])('hostile text in the new kinds (shift %i)', (shift) => {
  test('modules compile and parse; every text is data and comes back unchanged', async () => {
    const doc = hostile(base, shift);
    const ctx = await workspace(doc);
    try {
      const { modules, py, warnings } = await generateChecked(ctx);
      expect(py.imports.filter((m) => !['odoo', 'datetime', 'time', 'dateutil', 'psycopg2', 'logging', 're', '.', 'hooks'].includes(m))).toEqual([]);
      expect(py.unused).toEqual([]);
      expect(py.names).not.toContain('os');

      const xml = parseAllXml(modules);
      const nodes = [...xml.values()].flatMap((t) => allNodes(t));
      expect(nodes.filter((n) => n.name === 'record').map((n) => n.attributes.id)).not.toContain('evil');
      const texts = nodes.filter((n) => n.name === 'field').map((n) => n.text);
      const expected = [
        ...doc.reports.flatMap((x) => [x.name, x.printReportName ?? '', x.attachment ?? '']),
        ...doc.filters.flatMap((x) => [x.name, x.domain, x.context, x.sort]),
        ...doc.mailTemplates.flatMap((x) => [x.name, x.subject ?? '', x.bodyHtml ?? '', x.emailFrom ?? '', x.partnerTo ?? '', x.lang ?? '']),
        ...doc.crons.flatMap((x) => [x.name, x.code ?? '']),
        ...doc.sequences.flatMap((x) => [x.name, x.prefix ?? '', x.suffix ?? '']),
      ];
      for (const s of expected) expect(texts).toContain(xmlSafe(s));
      // The template's injected text is a text node of the arch, not markup.
      expect(nodes.filter((n) => n.name === 't' && n.attributes['t-out'] === 'evil')).toEqual([]);

      const po = gettext.po.parse(readFileSync(join(modules, 'equipment/i18n/fr_FR.po')));
      const entries = Object.values(po.translations).flatMap((byId) => Object.values(byId)).filter((e) => e.msgid !== '');
      const equipmentKeys = new Set([...doc.models, ...doc.fields, ...doc.actions, ...doc.menus, ...doc.reports, ...doc.mailTemplates].filter((x) => x.model === 'x_equipment').map((x) => x.key));
      const mine = doc.translations.filter((t) => equipmentKeys.has(t.key) && t.lang === 'fr_FR');
      expect(entries.map((e) => [e.msgid, e.msgstr[0]]).sort()).toEqual(
        [...new Map(mine.map((t) => [`${t.source}\u0000${t.value}`, [t.source, t.value]])).values()].sort(),
      );
      expect(entries.flatMap((e) => (e.comments?.reference ?? '').split('\n')).every((ref) => /^model(_terms)?:[\w.]+,\w+:\w+\.[^\s]+$/.test(ref))).toBe(true);
      expect(Object.keys(po.translations).every((ctxt) => ctxt === '' || /^model(_terms)?:/.test(ctxt))).toBe(true);
      // A language code that is not one cannot name a file anywhere.
      expect(warnings.join('\n')).toMatch(/language code "de_DE\/..\/..\/..\/evil" cannot name a file/);
    } finally {
      ctx.cleanup();
    }
  });
});

/** odoo/tools/convert.py _process(): what Odoo does to the text of a <field type="xml">. */
function odooProcess(s: string, refs: Record<string, number>): string {
  let out = s;
  for (const m of s.matchAll(/[^%]%\((.*?)\)[ds]/g)) {
    if (!(m[1] in refs)) throw new Error(`External ID not found in the system: ${m[1]}`);
    out = out.replace(m[0].slice(1), String(refs[m[1]]));
  }
  return out.replace(/%%/g, '%');
}

test('a % in a view or template arch survives Odoo loading it as a type="xml" field', async () => {
  const { reemitArch } = await import('../../../src/steps/generate/xml.js');
  for (const text of ['Import %(x)s', '100%', '%%(y)d and %s', 'a%(b)s%(c)d']) {
    const r = reemitArch(`<t t-name="k"><span title="${text}">${text}</span></t>`, { listTag: 'list', dropAttrsStates: false, indent: '', odooXmlField: true });
    if (!r.ok) throw new Error(r.reason);
    expect(odooProcess(r.xml, {})).toBe(`<t t-name="k"><span title="${text}">${text}</span></t>`);
  }
});
