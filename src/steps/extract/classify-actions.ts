/** Classification of the records around the models: actions, menus, automations, security, defaults. */
import type { VersionProfile } from '../../odoo/types.js';
import { actionRef, many2manyIds, type RawExtract } from './read.js';
import { XmlIds, bool, byKey, fieldKey, m2oId, modelKey, num, originOf, recordKey, text } from './refs.js';
import type {
  AccessRec, AutomationRec, DefaultRec, ExtractWarning, FieldRec, MenuRec, RuleRec, ServerActionRec, WindowActionRec,
} from './schema.js';

export interface ClassifyEnv {
  ids: XmlIds;
  warnings: ExtractWarning[];
  fieldById: Map<number, FieldRec>;
  groupRefs: (v: unknown, key: string) => { xmlids: string[]; deps: string[] };
  moduleDep: (xmlid: string | undefined, key: string, what: string) => string[];
  /** The installed module that defines a model (its ir.model external id lives there). */
  appOfModel: (model: string, modules: string | undefined) => string;
}

export interface ClassifiedActions {
  actions: WindowActionRec[];
  menus: MenuRec[];
  serverActions: ServerActionRec[];
  automations: AutomationRec[];
  access: AccessRec[];
  rules: RuleRec[];
  defaults: DefaultRec[];
}

const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();

export function classifyActions(raw: RawExtract, profile: VersionProfile, env: ClassifyEnv): ClassifiedActions {
  const { ids, warnings, groupRefs, moduleDep } = env;
  const gf = profile.userGroupsField;

  const modelNames = new Map([...raw.models, ...(raw.bindingModels ?? [])].map((m) => [m.id, String(m.model)]));
  const customIds = new Set(raw.models.map((m) => m.id));
  /** The Action-menu binding: its model (a dependency of the record) and view types. */
  const bindingOf = (r: Record<string, unknown>, key: string): { bindingModel?: string; bindingModelXmlid?: string; bindingViewTypes?: string } => {
    const id = m2oId(r.binding_model_id);
    if (id === undefined) return {};
    const model = modelNames.get(id);
    if (!model) {
      warnings.push({ key, message: `is offered in the Action menu of model #${id}, which the extract could not name; generated without that binding` });
      return {};
    }
    if (customIds.has(id)) return { bindingModel: model, bindingViewTypes: text(r.binding_view_types) };
    const row = raw.bindingModels?.find((m) => m.id === id);
    const app = env.appOfModel(model, text(row?.modules));
    return { bindingModel: model, bindingModelXmlid: `${app}.model_${model.replace(/\./g, '_')}`, bindingViewTypes: text(r.binding_view_types) };
  };

  const bindingDeps = (b: { bindingModel?: string; bindingModelXmlid?: string }, key: string): string[] =>
    b.bindingModelXmlid ? moduleDep(b.bindingModelXmlid, key, 'Action menu model') : b.bindingModel ? [modelKey(b.bindingModel)] : [];

  const actions: WindowActionRec[] = raw.actions.map((a) => {
    const xmlid = text(a.xml_id) ?? ids.get('ir.actions.act_window', a.id);
    const key = recordKey('action', xmlid, a.id);
    const model = String(a.res_model);
    const groups = groupRefs(a[gf], key);
    const binding = bindingOf(a, key);
    return {
      key, id: a.id, origin: originOf(xmlid), xmlid, model,
      dependsOn: uniq([modelKey(model), ...groups.deps, ...bindingDeps(binding, key)]),
      name: String(a.name), viewMode: text(a.view_mode) ?? 'form', domain: text(a.domain), context: text(a.context),
      help: text(a.help), target: text(a.target) ?? 'current', limit: num(a.limit, 80), groups: groups.xmlids, ...binding,
    };
  });
  const actionById = new Map(actions.map((a) => [a.id, a]));

  const menuKeyById = new Map<number, string>();
  for (const m of raw.menus) menuKeyById.set(m.id, recordKey('menu', ids.get('ir.ui.menu', m.id), m.id));
  const menus: MenuRec[] = raw.menus.map((m) => {
    const xmlid = ids.get('ir.ui.menu', m.id);
    const key = menuKeyById.get(m.id) as string;
    const parentId = m2oId(m.parent_id);
    const parentKey = parentId === undefined ? undefined : menuKeyById.get(parentId);
    const parentXmlid = parentId === undefined || parentKey ? undefined : ids.get('ir.ui.menu', parentId);
    if (parentId !== undefined && !parentKey && !parentXmlid) {
      warnings.push({ key, message: `parent menu #${parentId} has no external id; the menu is generated as a root menu` });
    }
    const actId = actionRef(m.action);
    const action = actId === undefined ? undefined : actionById.get(actId);
    if (typeof m.action === 'string' && m.action !== '' && !action) {
      warnings.push({ key, message: `opens ${m.action}, which is not part of the extract; the menu is generated without an action` });
    }
    const groups = groupRefs(m[gf], key);
    const dependsOn = [...groups.deps, ...moduleDep(parentXmlid, key, 'parent menu')];
    if (parentKey) dependsOn.push(parentKey);
    if (action) dependsOn.push(action.key);
    return {
      key, id: m.id, origin: originOf(xmlid), xmlid, model: action?.model ?? '', dependsOn: uniq(dependsOn),
      name: String(m.name), sequence: num(m.sequence, 10), parentKey, parentXmlid, actionKey: action?.key,
      webIcon: text(m.web_icon), groups: groups.xmlids,
    };
  });
  assignMenuModels(menus);
  for (const m of menus) {
    if (m.model === '') warnings.push({ key: m.key, message: 'menu opens no extracted action and has no such submenu; it is not assigned to a module' });
  }

  const serverActions: ServerActionRec[] = raw.serverActions.map((s) => {
    const xmlid = text(s.xml_id) ?? ids.get('ir.actions.server', s.id);
    const key = recordKey('server_action', xmlid, s.id);
    const model = String(s.model_name);
    const groups = groupRefs(s[gf], key);
    const state = String(s.state);
    if (state !== 'code') warnings.push({ key, message: `server action of type "${state}" is generated with its type only; check its settings by hand` });
    const binding = bindingOf(s, key);
    return {
      key, id: s.id, origin: originOf(xmlid), xmlid, model,
      dependsOn: uniq([modelKey(model), ...groups.deps, ...bindingDeps(binding, key)]),
      name: String(s.name), state, code: text(s.code), sequence: num(s.sequence, 5), usage: text(s.usage) ?? 'ir_actions_server',
      groups: groups.xmlids, ...binding,
    };
  });
  const serverById = new Map(serverActions.map((s) => [s.id, s]));
  const fieldName = (id: number): string | undefined =>
    env.fieldById.get(id)?.name ?? (raw.refFields.find((f) => f.id === id)?.name as string | undefined);

  const automations: AutomationRec[] = raw.automations.map((a) => {
    const xmlid = ids.get('base.automation', a.id);
    const key = recordKey('automation', xmlid, a.id);
    const model = String(a.model_name);
    const acts = many2manyIds(a[profile.automationActionField]).map((id) => serverById.get(id)).filter((x) => x !== undefined);
    const triggerFields = many2manyIds(a.trigger_field_ids).map(fieldName).filter((x): x is string => x !== undefined).sort();
    const dateId = m2oId(a.trg_date_id);
    return {
      key, id: a.id, origin: originOf(xmlid), xmlid, model, dependsOn: uniq([modelKey(model), ...acts.map((x) => x.key)]),
      name: String(a.name), trigger: String(a.trigger), active: a.active !== false, filterDomain: text(a.filter_domain),
      filterPreDomain: text(a.filter_pre_domain), actionKeys: acts.map((x) => x.key).sort(), triggerFields,
      dateField: dateId === undefined ? undefined : fieldName(dateId), dateRange: num(a.trg_date_range) || undefined,
      dateRangeType: text(a.trg_date_range_type),
    };
  });

  const modelOf = (v: unknown): string | undefined => {
    const id = m2oId(v);
    const m = raw.models.find((x) => x.id === id);
    return m ? String(m.model) : undefined;
  };
  const access: AccessRec[] = [];
  for (const a of raw.access) {
    const xmlid = ids.get('ir.model.access', a.id);
    const key = recordKey('access', xmlid, a.id);
    const model = modelOf(a.model_id);
    if (!model) {
      warnings.push({ key, message: 'access right on a model that is not a custom model; left out' });
      continue;
    }
    const groups = groupRefs(a.group_id, key);
    access.push({
      key, id: a.id, origin: originOf(xmlid), xmlid, model, dependsOn: uniq([modelKey(model), ...groups.deps]),
      name: String(a.name), group: groups.xmlids[0], read: bool(a.perm_read), write: bool(a.perm_write),
      create: bool(a.perm_create), unlink: bool(a.perm_unlink),
    });
  }
  const rules: RuleRec[] = [];
  for (const r of raw.rules) {
    const xmlid = ids.get('ir.rule', r.id);
    const key = recordKey('rule', xmlid, r.id);
    const model = modelOf(r.model_id);
    if (!model) {
      warnings.push({ key, message: 'record rule on a model that is not a custom model; left out' });
      continue;
    }
    const groups = groupRefs(r.groups, key);
    rules.push({
      key, id: r.id, origin: originOf(xmlid), xmlid, model, dependsOn: uniq([modelKey(model), ...groups.deps]),
      name: String(r.name), domain: text(r.domain_force) ?? '[]', groups: groups.xmlids, read: bool(r.perm_read),
      write: bool(r.perm_write), create: bool(r.perm_create), unlink: bool(r.perm_unlink), active: r.active !== false,
    });
  }
  const defaults: DefaultRec[] = [];
  for (const d of raw.defaults) {
    const xmlid = ids.get('ir.default', d.id);
    const key = recordKey('default', xmlid, d.id);
    const field = env.fieldById.get(m2oId(d.field_id) ?? -1);
    if (!field) continue;
    if (d.user_id !== false || d.company_id !== false || text(d.condition)) {
      warnings.push({ key, message: `default of ${field.model}.${field.name} is specific to a user, company or condition; not exported` });
      continue;
    }
    defaults.push({
      key, id: d.id, origin: originOf(xmlid), xmlid, model: field.model, dependsOn: [fieldKey(field.model, field.name)],
      field: field.name, jsonValue: String(d.json_value),
    });
  }
  return {
    actions: actions.sort(byKey), menus: menus.sort(byKey), serverActions: serverActions.sort(byKey),
    automations: automations.sort(byKey), access: access.sort(byKey), rules: rules.sort(byKey), defaults: defaults.sort(byKey),
  };
}

/** A menu without an action takes the model most of its submenus open (ties: alphabetical). */
function assignMenuModels(menus: MenuRec[]): void {
  const children = new Map<string, MenuRec[]>();
  for (const m of menus) if (m.parentKey) children.set(m.parentKey, [...(children.get(m.parentKey) ?? []), m]);
  const resolve = (m: MenuRec, seen: Set<string>): string => {
    if (m.model !== '' || seen.has(m.key)) return m.model;
    seen.add(m.key);
    const counts = new Map<string, number>();
    for (const c of children.get(m.key) ?? []) {
      const model = resolve(c, seen);
      if (model !== '') counts.set(model, (counts.get(model) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    m.model = best ? best[0] : '';
    return m.model;
  };
  for (const m of menus) resolve(m, new Set());
}
