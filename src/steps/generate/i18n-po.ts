/**
 * i18n/<lang>.po: the translated labels of a module's records, for every installed language, in
 * the shape Odoo's own exporter writes (odoo/tools/translate.py PoFileWriter): `#. module: <m>`,
 * one `#: model:<model>,<field>:<module>.<xml id>` reference per record, msgid = the English text.
 * Odoo loads these by external id when the module is installed in a database with that language.
 * Written with gettext-parser, which escapes quotes, backslashes and line breaks.
 */
import gettext, { type PoEntry } from 'gettext-parser';
import type { AnyRecord, TranslationRec } from '../extract/schema.js';
import type { GenContext } from './context.js';

/** Record kind -> the Odoo model whose translated field it is. */
const MODEL_OF: Record<string, string> = {
  model: 'ir.model', field: 'ir.model.fields', menu: 'ir.ui.menu', action: 'ir.actions.act_window',
  server_action: 'ir.actions.server', report: 'ir.actions.report', mail_template: 'mail.template', view: 'ir.ui.view',
};
const LANG = /^[a-z]{2,3}(_[A-Za-z0-9]+)?$/;
const table = (model: string): string => model.replace(/\./g, '_');

/** Odoo's selection_xmlid(): dots and spaces become underscores, lower case. */
const selectionValue = (v: string): string => v.replace(/\./g, '_').replace(/ /g, '_').toLowerCase();

function reference(ctx: GenContext, module: string, r: AnyRecord, t: TranslationRec): string | undefined {
  const kind = r.key.slice(0, r.key.indexOf(':'));
  const model = MODEL_OF[kind];
  if (!model) return undefined;
  const full = (ref: string | undefined) => (ref === undefined ? undefined : ref.includes('.') ? ref : `${module}.${ref}`);
  if (kind === 'model') return `model:ir.model,name:${module}.model_${table(ctx.modelName(r.model))}`;
  if (kind === 'field' && 'ttype' in r) {
    if (t.field.startsWith('selection:')) {
      const value = selectionValue(t.field.slice('selection:'.length));
      // The reference is one token of a comment line: a value with other white space cannot be named.
      if (value === '' || /\s/.test(value)) return undefined;
      return `model:ir.model.fields.selection,name:${module}.selection__${table(ctx.modelName(r.model))}__${ctx.fieldName(r.model, r.name)}__${value}`;
    }
    return `model:ir.model.fields,${t.field}:${full(ctx.fieldRef(r.model, r.name, module))}`;
  }
  // Terms of a view arch: Odoo matches them against the terms of the installed arch (model_terms).
  if (t.field === 'arch_db') return `model_terms:${model},arch_db:${full(ctx.ref(r.key, module))}`;
  return `model:${model},${t.field}:${full(ctx.ref(r.key, module))}`;
}

/** path -> content of the module's .po files; none when nothing of the module is translated. */
export function poFiles(ctx: GenContext, module: string, recs: readonly AnyRecord[]): [string, string][] {
  const byKey = new Map(recs.map((r) => [r.key, r]));
  const out: [string, string][] = [];
  for (const lang of ctx.extract.languages) {
    const rows = ctx.extract.translations.filter((t) => t.lang === lang.code && byKey.has(t.key));
    if (rows.length === 0) continue;
    if (!LANG.test(lang.code)) {
      ctx.warnings.push(`${module}: language code ${JSON.stringify(lang.code)} cannot name a file; its translations are not generated`);
      continue;
    }
    // One entry per English text and translation, with every record that uses it (Odoo groups by source).
    const entries = new Map<string, { source: string; value: string; refs: Set<string> }>();
    for (const t of rows) {
      const ref = reference(ctx, module, byKey.get(t.key) as AnyRecord, t);
      if (ref === undefined) {
        ctx.warnings.push(`${module}: ${t.key} ${t.field}: its ${lang.code} translation has no external id to attach to; add it by hand`);
        continue;
      }
      // A term of an arch is cut from the generated arch, whose identifiers follow the naming policy.
      const source = t.field === 'arch_db' ? ctx.renameText(t.source) : t.source;
      const value = t.field === 'arch_db' ? ctx.renameText(t.value) : t.value;
      const k = `${source}\u0000${value}`;
      const e = entries.get(k) ?? { source, value, refs: new Set<string>() };
      e.refs.add(ref);
      entries.set(k, e);
    }
    if (entries.size === 0) continue;
    const sorted = [...entries.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.value < b.value ? -1 : 1));
    const translations: Record<string, Record<string, PoEntry>> = { '': {} };
    const seenSource = new Map<string, number>();
    for (const e of sorted) {
      // The same English text translated two ways: the second gets a context so both survive.
      const n = seenSource.get(e.source) ?? 0;
      seenSource.set(e.source, n + 1);
      const msgctxt = n === 0 ? '' : [...e.refs].sort()[0];
      (translations[msgctxt] ??= {})[e.source] = {
        ...(msgctxt ? { msgctxt } : {}),
        msgid: e.source,
        msgstr: [e.value],
        comments: { extracted: `module: ${module}`, reference: [...e.refs].sort().join('\n') },
      };
    }
    const po = gettext.po.compile({
      charset: 'utf-8',
      headers: {
        'Project-Id-Version': module,
        Language: lang.code,
        'MIME-Version': '1.0',
        'Content-Type': 'text/plain; charset=UTF-8',
        'Content-Transfer-Encoding': '8bit',
      },
      translations,
    }, { foldLength: 0 });
    out.push([`i18n/${lang.code}.po`, `${po.toString('utf8')}\n`]);
  }
  return out;
}
