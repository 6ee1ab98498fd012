/**
 * Turns what was read into extract.json: classifies origins, resolves references to external ids,
 * records dependencies, and lists what is left out or cannot be exported. Pure.
 */
import type { OdooRecord, VersionProfile } from '../../odoo/types.js';
import { archFieldNames } from './arch-refs.js';
import { many2manyIds, type RawExtract } from './read.js';
import {
  STUDIO_MODULE, XmlIds, bool, byKey, fieldKey, m2oId, modelKey, moduleOf, num, originOf, recordKey, text,
} from './refs.js';
import {
  EXTRACT_SCHEMA_VERSION, type ExtendedModel, type ExtractDoc, type ExtractWarning, type FieldRec, type ModelRec,
} from './schema.js';
import { classifyActions } from './classify-actions.js';
import { classifyKinds, classifyTranslations } from './classify-kinds.js';
import { tCalls } from './read-kinds.js';
import { classifyData } from './read-data.js';

export interface SourceInfo {
  url: string;
  database: string;
  serverVersion: string;
  transport: string;
}

/** Analytic plans add manual x_plan<N>_id fields: they belong to the analytic module, not to Studio. */
const ANALYTIC_PLAN_FIELD = /^x_plan\d+_id$/;

/** Record kinds the extract understands; studio records of any other kind become warnings. */
const HANDLED = new Set([
  'ir.model', 'ir.model.fields', 'ir.model.fields.selection', 'ir.ui.view', 'ir.actions.act_window', 'ir.ui.menu',
  'ir.model.access', 'ir.rule', 'ir.default', 'ir.actions.server', 'base.automation',
  'ir.actions.report', 'ir.filters', 'mail.template', 'ir.cron', 'ir.sequence',
]);

export function classify(raw: RawExtract, profile: VersionProfile, source: SourceInfo): ExtractDoc {
  const ids = new XmlIds([...raw.studioData, ...raw.refData, ...raw.kinds.kindRefData]);
  const warnings: ExtractWarning[] = [];
  const excluded: { key: string; reason: string }[] = [];
  const installed = raw.modules.map((m) => String(m.name)).sort();
  const customModels = new Set(raw.models.map((m) => String(m.model)));
  /** "module:<m>" for an external id from a real module; warns about ones that will not resolve. */
  const moduleDep = (xmlid: string | undefined, key: string, what: string): string[] => {
    if (xmlid === undefined) return [];
    const mod = moduleOf(xmlid);
    if (mod === STUDIO_MODULE) return [];
    if (mod === '__export__') {
      warnings.push({ key, message: `${what} ${xmlid} has an external id made by an export, not by a module; the generated reference will not resolve on another database` });
      return [];
    }
    return [`module:${mod}`];
  };
  const groupRefs = (v: unknown, key: string): { xmlids: string[]; deps: string[] } => {
    const xmlids: string[] = [];
    const deps: string[] = [];
    for (const id of many2manyIds(v)) {
      const x = ids.get('res.groups', id);
      if (x === undefined) {
        warnings.push({ key, message: `refers to group #${id}, which has no external id; left out of the generated record` });
        continue;
      }
      xmlids.push(x);
      deps.push(...moduleDep(x, key, 'group'));
    }
    return { xmlids: xmlids.sort(), deps };
  };

  const models: ModelRec[] = raw.models.map((m) => {
    const xmlid = ids.get('ir.model', m.id);
    return {
      key: modelKey(String(m.model)), id: m.id, origin: originOf(xmlid), xmlid, model: String(m.model),
      dependsOn: bool(m.is_mail_thread) || bool(m.is_mail_activity) ? ['module:mail'] : ['module:base'],
      label: text(m.name) ?? String(m.model), order: text(m.order) ?? 'id', transient: bool(m.transient),
      mailThread: bool(m.is_mail_thread), mailActivity: bool(m.is_mail_activity),
    };
  });

  const selections = new Map<number, OdooRecord[]>();
  for (const s of raw.selections) {
    const fid = m2oId(s.field_id);
    if (fid !== undefined) selections.set(fid, [...(selections.get(fid) ?? []), s]);
  }
  const fields: FieldRec[] = [];
  for (const r of raw.fields) {
    const model = String(r.model);
    const name = String(r.name);
    const key = fieldKey(model, name);
    const xmlid = ids.get('ir.model.fields', r.id);
    const origin = originOf(xmlid);
    if (origin !== 'studio' && ANALYTIC_PLAN_FIELD.test(name)) {
      excluded.push({ key, reason: 'analytic plan field: created by the analytic module for an analytic plan, not a Studio customization' });
      continue;
    }
    if (origin === 'module') {
      excluded.push({ key, reason: `belongs to the installed module ${moduleOf(xmlid ?? '')}, not a customization` });
      continue;
    }
    const relation = text(r.relation);
    const groups = groupRefs(r.groups, key);
    const opts = (selections.get(r.id) ?? []).sort((a, b) => num(a.sequence) - num(b.sequence) || a.id - b.id);
    const dependsOn = [modelKey(model), ...groups.deps];
    if (relation) dependsOn.push(modelKey(relation));
    const relationField = text(r.relation_field);
    if (relation && relationField) dependsOn.push(fieldKey(relation, relationField));
    if (num(r.size) > 0 && r.ttype !== 'char') warnings.push({ key, message: 'size is only kept for char fields' });
    fields.push({
      key, id: r.id, origin, xmlid, model, dependsOn: uniq(dependsOn), name, label: text(r.field_description) ?? name,
      ttype: String(r.ttype), relation, relationField, relationTable: text(r.relation_table), column1: text(r.column1),
      column2: text(r.column2), required: bool(r.required), readonly: bool(r.readonly), store: r.store !== false,
      index: bool(r.index) || (typeof r.index === 'string' && r.index !== ''), copied: bool(r.copied),
      translate: bool(r.translate) || (typeof r.translate === 'string' && r.translate !== ''),
      tracking: bool(r.tracking) || num(r.tracking) > 0, onDelete: text(r.on_delete),
      domain: text(r.domain) === '[]' ? undefined : text(r.domain), compute: text(r.compute), depends: text(r.depends),
      related: text(r.related), help: text(r.help), size: num(r.size) > 0 ? num(r.size) : undefined,
      currencyField: text(r.currency_field), groups: groups.xmlids,
      selection: opts.map((o) => ({ value: String(o.value), label: String(o.name) })),
    });
  }
  const fieldById = new Map(fields.map((x) => [x.id, x]));
  const fieldKeys = new Set(fields.map((x) => x.key));

  /** Existing models the kept records customize: new fields, or only a view, an action, an automation. */
  const extendedOf = (kept: readonly { model: string }[]): ExtendedModel[] =>
    [...new Set(kept.map((r) => r.model).filter((m) => m !== '' && !customModels.has(m)))].sort().map((model) => {
      const rec = raw.existingModels.find((m) => m.model === model);
      const fieldNames = [...new Set(raw.existingFields.filter((f) => f.model === model).map((f) => String(f.name)))].sort();
      return { model, label: text(rec?.name) ?? model, app: appOf(model, text(rec?.modules), installed), fieldNames };
    });

  const calls = new Map<string, string[]>();
  const views = raw.views.map((v) => {
    const model = text(v.model) ?? '';
    const qweb = v.type === 'qweb';
    const templateKey = qweb ? text(v.key) : undefined;
    const xmlid = text(v.xml_id) ?? ids.get('ir.ui.view', v.id);
    const key = recordKey('view', xmlid, v.id);
    const parentId = m2oId(v.inherit_id);
    const inheritXmlid = parentId === undefined ? undefined : ids.get('ir.ui.view', parentId);
    if (parentId !== undefined && inheritXmlid === undefined) {
      warnings.push({ key, message: `inherits view #${parentId}, which has no external id: the view cannot be generated` });
    }
    const arch = typeof v.arch_db === 'string' ? v.arch_db : '';
    const names = archFieldNames(arch);
    if (names === undefined) warnings.push({ key, message: 'arch is not well-formed XML; it is kept as text and not generated' });
    const groups = groupRefs(v[profile.userGroupsField], key);
    if (templateKey && names !== undefined) calls.set(templateKey, tCalls(arch));
    const dependsOn = [...(model ? [modelKey(model)] : []), ...moduleDep(inheritXmlid, key, 'inherited view'), ...groups.deps];
    for (const n of names ?? []) if (fieldKeys.has(fieldKey(model, n))) dependsOn.push(fieldKey(model, n));
    return {
      key, id: v.id, origin: originOf(xmlid), xmlid, model, dependsOn: uniq(dependsOn), name: String(v.name),
      type: String(v.type), mode: text(v.mode) ?? 'primary', priority: num(v.priority, 16), inheritXmlid, arch,
      active: v.active !== false, groups: groups.xmlids, templateKey,
    };
  });

  const env = { ids, warnings, fieldById, groupRefs, moduleDep, appOfModel: (model: string, modules: string | undefined) => appOf(model, modules, installed) };
  const acts = classifyActions(raw, profile, env);
  // A cron's code is its own server action (usage ir_cron): the cron carries it.
  const cronActions = new Set(raw.kinds.crons.map((c) => m2oId(c.ir_actions_server_id)));
  acts.serverActions = acts.serverActions.filter((s) => !cronActions.has(s.id));
  const codeOf = [
    ...acts.serverActions.map((s) => ({ key: s.key, model: s.model, code: s.code ?? '' })),
    ...fields.map((x) => ({ key: x.key, model: x.model, code: x.compute ?? '' })),
  ];
  const kinds = classifyKinds(raw, profile, env, { views, calls, actions: acts.actions, codeOf });
  excluded.push(...kinds.excluded);

  for (const r of raw.studioData) {
    const model = String(r.model);
    if (!HANDLED.has(model)) {
      warnings.push({ key: `${STUDIO_MODULE}.${String(r.name)}`, message: `Studio record of ${model} is not exported by odoo-project-sync; recreate it by hand in the generated module` });
    }
  }

  const sortW = (a: ExtractWarning, b: ExtractWarning) =>
    (a.key ?? '').localeCompare(b.key ?? '') || a.message.localeCompare(b.message);
  /** A record that an installed module owns is not a customization: listed as left out, with why. */
  const own = <T extends { key: string; origin: string; xmlid?: string }>(list: T[]): T[] =>
    list.filter((r) => {
      if (r.origin !== 'module') return true;
      excluded.push({ key: r.key, reason: `belongs to the installed module ${moduleOf(r.xmlid ?? '')}, not a customization` });
      return false;
    });
  const actsOwn = {
    actions: own(acts.actions), menus: own(acts.menus), serverActions: own(acts.serverActions),
    automations: own(acts.automations), access: own(acts.access), rules: own(acts.rules), defaults: own(acts.defaults),
    reports: own(kinds.reports), filters: own(kinds.filters), mailTemplates: own(kinds.mailTemplates), crons: own(kinds.crons),
    sequences: own(kinds.sequences),
  };
  const modelsOwn = own(models);
  const viewsOwn = own(views);
  return {
    schemaVersion: EXTRACT_SCHEMA_VERSION,
    source,
    profile: { ...profile },
    installedModules: installed,
    models: modelsOwn.sort(byKey),
    extendedModels: extendedOf([...fields, ...viewsOwn, ...Object.values(actsOwn).flat()]),
    fields: fields.sort(byKey),
    views: viewsOwn.sort(byKey),
    ...actsOwn,
    languages: kinds.languages,
    translations: classifyTranslations(raw, [...modelsOwn, ...fields, ...viewsOwn, ...Object.values(actsOwn).flat()]),
    ...classifyData(raw.data),
    excluded: excluded.sort(byKey),
    warnings: dedupeWarnings(warnings).sort(sortW),
    notes: [...raw.notes],
  };
}

/**
 * The installed module that owns an existing model: its name prefix when that is a module
 * (project.task -> project), base for res.* models, else the first module ir.model lists.
 */
export function appOf(model: string, modules: string | undefined, installed: readonly string[]): string {
  const prefix = model.split('.')[0];
  if (installed.includes(prefix)) return prefix;
  if (prefix === 'res' || prefix === 'ir') return 'base';
  const listed = (modules ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return listed.find((m) => installed.includes(m)) ?? listed[0] ?? 'base';
}

const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();

function dedupeWarnings(ws: ExtractWarning[]): ExtractWarning[] {
  const seen = new Set<string>();
  return ws.filter((w) => {
    const k = `${w.key ?? ''}\u0000${w.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
