/**
 * The database reads of step 1: a fixed handful of batched calls whatever the database size
 * (searchRead pages by itself). Missing rights or a missing app never fail the step: the part
 * is left empty and a note says what is missing and why.
 */
import type { Domain, OdooClient, OdooRecord } from '../../odoo/types.js';
import { UserError } from '../../core/user-error.js';
import { KIND_STAGES, readKinds, readTranslations, type RawKinds, type RawTranslation } from './read-kinds.js';
import { readData, type RawData } from './read-data.js';
import { originOf, text } from './refs.js';

export interface RawExtract {
  studioData: OdooRecord[];
  modules: OdooRecord[];
  models: OdooRecord[];
  fields: OdooRecord[];
  selections: OdooRecord[];
  existingModels: OdooRecord[];
  /** ir.model rows (id, model) of non-custom models that contextual actions are bound to. */
  bindingModels?: OdooRecord[];
  existingFields: OdooRecord[];
  views: OdooRecord[];
  actions: OdooRecord[];
  menus: OdooRecord[];
  access: OdooRecord[];
  rules: OdooRecord[];
  defaults: OdooRecord[];
  serverActions: OdooRecord[];
  automations: OdooRecord[];
  /** ir.model.data of records the customizations point at (groups, parent views, menus, actions). */
  refData: OdooRecord[];
  /** ir.model.fields outside the extract that automations trigger on. */
  refFields: OdooRecord[];
  /** Reports, filters, mail templates, crons, sequences and what they point at. */
  kinds: RawKinds;
  /** res.lang rows of the installed languages other than English, and the labels translated in them. */
  languages: OdooRecord[];
  translations: RawTranslation[];
  /** Records of the custom models (for `data = true` in the map). */
  data?: RawData;
  notes: string[];
}

export interface ReadOptions {
  signal: AbortSignal;
  progress: (activity: string, done: number, total: number) => void;
}

/** Reads before the per-language ones (which add TRANSLATED_KINDS per installed language). */
const BASE_STAGES = 24 + KIND_STAGES;
const m2oIdOf = (v: unknown): number | undefined => (Array.isArray(v) && typeof v[0] === 'number' ? v[0] : typeof v === 'number' && v > 0 ? v : undefined);

/** Technical rows are small: big pages keep a 10,000-field database within a few round trips. */
const PAGE = 10_000;

/** Field lists valid on 16 to 19; version-specific names come from the profile. */
function fieldLists(client: OdooClient) {
  const groups = client.profile.userGroupsField;
  return {
    // count: the records of each custom model (archived too), in this one read instead of a search_count each.
    model: ['name', 'model', 'state', 'transient', 'order', 'is_mail_thread', 'is_mail_activity', 'count'],
    field: [
      'name', 'model', 'model_id', 'field_description', 'ttype', 'relation', 'relation_field',
      'relation_table', 'column1', 'column2', 'required', 'readonly', 'store', 'index', 'copied',
      'translate', 'tracking', 'on_delete', 'domain', 'compute', 'depends', 'related', 'help', 'size',
      'currency_field', 'groups', 'selection_ids', 'state',
    ],
    view: ['name', 'model', 'type', 'mode', 'priority', 'inherit_id', 'arch_db', 'active', 'xml_id', 'key', groups],
    action: ['name', 'res_model', 'view_mode', 'domain', 'context', 'help', 'target', 'limit', 'xml_id', 'binding_model_id', 'binding_view_types', groups],
    menu: ['name', 'sequence', 'parent_id', 'action', 'web_icon', groups],
    server: ['name', 'model_id', 'model_name', 'state', 'code', 'sequence', 'usage', 'xml_id', 'binding_model_id', 'binding_view_types', groups],
    automation: [
      'name', 'model_id', 'model_name', 'trigger', 'active', 'filter_domain', 'filter_pre_domain',
      'trigger_field_ids', 'trg_date_id', 'trg_date_range', 'trg_date_range_type',
      client.profile.automationActionField,
    ],
    access: ['name', 'model_id', 'group_id', 'perm_read', 'perm_write', 'perm_create', 'perm_unlink', 'active'],
    rule: ['name', 'model_id', 'domain_force', 'groups', 'perm_read', 'perm_write', 'perm_create', 'perm_unlink', 'active'],
    default: ['field_id', 'user_id', 'company_id', 'condition', 'json_value'],
  };
}

/** ['|', A, B] when both parts exist; the ids part alone otherwise. */
function idsOr(ids: readonly number[], other: Domain | undefined): Domain {
  const byIds: Domain = [['id', 'in', [...ids]]];
  if (!other || other.length === 0) return byIds;
  return ['|', ...byIds, ...other];
}

function errorKind(e: unknown): string | undefined {
  if (e instanceof UserError && 'kind' in e) return String((e as { kind: unknown }).kind);
  return undefined;
}

export async function readDatabase(client: OdooClient, opts: ReadOptions): Promise<RawExtract> {
  const f = fieldLists(client);
  const notes: string[] = [];
  const signal = opts.signal;
  let stage = 0;
  let total = BASE_STAGES;
  const step = (label: string) => {
    if (signal.aborted) throw new UserError('cancelled', 'extract cancelled');
    opts.progress(label, stage++, Math.max(total, stage));
  };
  /** Runs one read; access denied or an app that is not installed leaves it empty with a note. */
  const part = async (what: string, run: () => Promise<OdooRecord[]>): Promise<OdooRecord[]> => {
    step(`reading ${what}`);
    try {
      return await run();
    } catch (e) {
      const kind = errorKind(e);
      if (kind === 'access') {
        notes.push(`${what}: not read, this user has no read access on it; the extract leaves it out. Run extract as a user with Settings/Administration rights to include it.`);
        return [];
      }
      if (kind === 'unknown-model') {
        notes.push(`${what}: not read, the model does not exist on this server (its app is not installed).`);
        return [];
      }
      throw e;
    }
  };
  const sr = (model: string, domain: Domain, fields?: readonly string[], context?: Record<string, unknown>) =>
    client.searchRead(model, domain, { fields, signal, order: 'id', pageSize: PAGE, context });

  const studioData = await part('ir.model.data (studio_customization)', () =>
    sr('ir.model.data', [['module', '=', 'studio_customization']], ['module', 'name', 'model', 'res_id']),
  );
  const studioIds = (model: string) => studioData.filter((r) => r.model === model).map((r) => Number(r.res_id));
  const modules = await part('installed modules', () =>
    sr('ir.module.module', [['state', '=', 'installed']], ['name', 'shortdesc', 'application']),
  );
  const models = await part('custom models', () => sr('ir.model', [['state', '=', 'manual']], f.model));
  const customModels = models.map((m) => String(m.model));
  const customModelIds = models.map((m) => m.id);
  const fields = await part('custom fields', () => sr('ir.model.fields', [['state', '=', 'manual']], f.field));
  const selections = await part('selection values', () =>
    sr('ir.model.fields.selection', [['field_id.state', '=', 'manual']], ['field_id', 'value', 'name', 'sequence']),
  );
  /**
   * Ids of the records no module owns: made in Settings > Technical, on any model. xml_id is computed
   * and cannot be searched, so the ids are read with it and those without one are kept.
   */
  const settingsMade = async (what: string, model: string, domain: Domain): Promise<number[]> =>
    (await part(what, () => sr(model, domain, ['xml_id']))).filter((r) => text(r.xml_id) === undefined).map((r) => r.id);
  const manualViews = await settingsMade('views made in Settings', 'ir.ui.view', [['type', '!=', 'qweb']]);
  const views = await part('views', () =>
    sr('ir.ui.view', idsOr([...studioIds('ir.ui.view'), ...manualViews], ['|', '|', ['model', 'in', customModels], ['name', '=like', 'Odoo Studio%'], ['arch_db', 'ilike', 'x_studio_']]), f.view),
  );
  const manualActions = await settingsMade('window actions made in Settings', 'ir.actions.act_window', []);
  const actions = await part('window actions', () =>
    sr('ir.actions.act_window', idsOr([...studioIds('ir.actions.act_window'), ...manualActions], [['res_model', 'in', customModels]]), f.action),
  );
  // Studio's menus, and menus made in Settings that open an extracted action, with the parents they
  // hang under when those have no external id either: the module carries (and adopts) the whole branch.
  const opening: Domain | undefined = actions.length === 0 ? undefined : [['action', 'in', actions.map((a) => `ir.actions.act_window,${a.id}`)]];
  const menus = await part('menus', () => sr('ir.ui.menu', idsOr(studioIds('ir.ui.menu'), opening), f.menu));
  for (let depth = 0; depth < 4; depth++) {
    const have = new Set(menus.map((m) => m.id));
    const parents = [...new Set(menus.flatMap((m) => many2manyIds(m.parent_id)))].filter((id) => !have.has(id)).sort((a, b) => a - b);
    if (parents.length === 0) break;
    const named = await part('external ids of parent menus', () => sr('ir.model.data', [['model', '=', 'ir.ui.menu'], ['res_id', 'in', parents]], ['res_id']));
    const manual = parents.filter((id) => !named.some((r) => Number(r.res_id) === id));
    if (manual.length === 0) break;
    menus.push(...(await part('parent menus', () => sr('ir.ui.menu', [['id', 'in', manual]], f.menu))));
  }
  const access = await part('access rights (ir.model.access)', () =>
    sr('ir.model.access', idsOr(studioIds('ir.model.access'), [['model_id', 'in', customModelIds]]), f.access),
  );
  const rules = await part('record rules (ir.rule)', () =>
    sr('ir.rule', idsOr(studioIds('ir.rule'), [['model_id', 'in', customModelIds]]), f.rule),
  );
  const defaults = await part('defaults (ir.default)', () =>
    sr('ir.default', idsOr(studioIds('ir.default'), [['field_id', 'in', fields.map((x) => x.id)]]), f.default),
  );
  // Every automation rule but those an app ships: a rule is only ever made by a user or an app.
  const allAutomations = await part('automation rules (base.automation)', () => sr('base.automation', [], f.automation));
  const automationIds = await part('external ids of automation rules', () =>
    allAutomations.length === 0
      ? Promise.resolve([])
      : sr('ir.model.data', [['model', '=', 'base.automation'], ['res_id', 'in', allAutomations.map((a) => a.id)]], ['module', 'name', 'res_id']),
  );
  // Studio's and __export__ ids are a user's; any other module's id makes the rule an app's.
  const appOwned = new Set(automationIds.filter((r) => originOf(`${String(r.module)}.${String(r.name)}`) === 'module').map((r) => Number(r.res_id)));
  const automations = allAutomations.filter((a) => !appOwned.has(a.id));
  const linkedActions = automations.flatMap((a) => many2manyIds(a[client.profile.automationActionField]));
  // Server actions made in Settings (Actions menu, buttons), on any model: usage ir_actions_server.
  const manualServer = await settingsMade('server actions made in Settings', 'ir.actions.server', [['usage', '=', 'ir_actions_server']]);
  const serverActions = await part('server actions', () =>
    sr('ir.actions.server', idsOr([...studioIds('ir.actions.server'), ...linkedActions, ...manualServer], [['model_id', 'in', customModelIds]]), f.server),
  );

  // The models whose Action menu shows an action (binding_model_id): custom ones are known, others
  // (res.partner, project.task) are read by id, since a many2one answers the label, not the model.
  const bindingIds = [...new Set([...actions, ...serverActions].map((r) => m2oIdOf(r.binding_model_id)).filter((id): id is number => id !== undefined))]
    .filter((id) => !customModelIds.includes(id));
  const bindingModels = await part('models of contextual actions', () =>
    bindingIds.length === 0 ? Promise.resolve([]) : sr('ir.model', [['id', 'in', bindingIds]], ['model', 'modules']),
  );

  total += 2 * models.length + 1;
  const data = await readData(client, part, models, fields, signal);
  const kinds = await readKinds(client, sr, part, modules.map((m) => String(m.name)), f.view);
  // The models the extracted records are on: fields, other kinds, and views, actions and rules made in Settings.
  const touched = [
    ...fields.map((x) => x.model), ...kinds.reports.map((r) => r.model), ...kinds.filters.map((r) => r.model_id),
    ...kinds.mailTemplates.map((r) => r.model), ...kinds.crons.map((r) => r.model_name),
    ...views.filter((v) => v.type !== 'qweb').map((v) => v.model), ...actions.map((a) => a.res_model),
    ...automations.map((a) => a.model_name), ...serverActions.map((s) => s.model_name),
  ].filter((m): m is string => text(m) !== undefined);
  const extended = [...new Set(touched)].filter((m) => !customModels.includes(m)).sort();
  const existingModels = await part('customized existing models', () =>
    extended.length === 0 ? Promise.resolve([]) : sr('ir.model', [['model', 'in', extended]], ['name', 'model', 'modules']),
  );
  // Their own fields, so that naming = "clean" never renames a custom field onto an existing one.
  const existingFields = await part('fields of customized existing models', () =>
    extended.length === 0 ? Promise.resolve([]) : sr('ir.model.fields', [['model', 'in', extended], ['state', '!=', 'manual']], ['name', 'model']),
  );
  const known = new Set(fields.map((x) => x.id));
  const fieldRefs = [
    ...new Set(automations.flatMap((a) => [...many2manyIds(a.trigger_field_ids), ...many2manyIds(a.trg_date_id)])),
  ].filter((id) => !known.has(id));
  const refFields = await part('trigger fields', () =>
    fieldRefs.length === 0 ? Promise.resolve([]) : sr('ir.model.fields', [['id', 'in', fieldRefs]], ['name', 'model']),
  );

  const refIds = new Set<number>();
  const refModels = new Set<string>();
  const want = (model: string, ids: number[]) => {
    if (ids.length === 0) return;
    refModels.add(model);
    for (const id of ids) refIds.add(id);
  };
  const gf = client.profile.userGroupsField;
  want('res.groups', [
    ...access.flatMap((r) => many2manyIds(r.group_id)),
    ...rules.flatMap((r) => many2manyIds(r.groups)),
    ...fields.flatMap((r) => many2manyIds(r.groups)),
    ...[...views, ...actions, ...menus, ...serverActions].flatMap((r) => many2manyIds(r[gf])),
  ]);
  want('ir.ui.view', views.flatMap((v) => many2manyIds(v.inherit_id)));
  want('ir.ui.menu', menus.flatMap((m) => many2manyIds(m.parent_id)));
  want('ir.actions.act_window', menus.map((m) => actionRef(m.action)).filter((x): x is number => x !== undefined));
  const refData =
    refIds.size === 0
      ? []
      : (
          await part('external ids of referenced records', () =>
            sr('ir.model.data', [['model', 'in', [...refModels].sort()], ['res_id', 'in', [...refIds].sort((a, b) => a - b)]], [
              'module', 'name', 'model', 'res_id',
            ]),
          )
        ).filter((r) => refModels.has(String(r.model)));
  const allViews = [...views, ...kinds.qwebViews.filter((q) => !views.some((v) => v.id === q.id))];
  const { languages, translations } = await readTranslations(client, sr, part, (n) => (total += n), [
    { model: 'ir.model', fields: ['name'], rows: models },
    { model: 'ir.model.fields', fields: ['field_description', 'help'], rows: fields },
    { model: 'ir.model.fields.selection', fields: ['name'], rows: selections },
    { model: 'ir.ui.menu', fields: ['name'], rows: menus },
    { model: 'ir.actions.act_window', fields: ['name'], rows: actions },
    { model: 'ir.actions.server', fields: ['name'], rows: serverActions },
    { model: 'ir.actions.report', fields: ['name'], rows: kinds.reports },
    { model: 'mail.template', fields: ['name', 'subject'], rows: kinds.mailTemplates },
    // Terms inside view archs (Odoo keeps the whole arch per language; classify pairs the terms).
    { model: 'ir.ui.view', fields: ['arch_db'], rows: allViews.filter((v) => v.type !== 'qweb') },
  ], signal);
  opts.progress('done', total, total);
  return {
    studioData, modules, models, fields, selections, existingModels, bindingModels, existingFields, views: allViews, actions, menus, access,
    rules, defaults, serverActions, automations, refData, refFields, kinds, languages, translations, data, notes,
  };
}

/** Ids of a many2one ([id, name] | false) or many2many ([ids]) value. */
export function many2manyIds(v: unknown): number[] {
  if (!Array.isArray(v)) return [];
  if (v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string') return [v[0]];
  return v.filter((x): x is number => typeof x === 'number');
}

/** The id of "ir.actions.act_window,238" (menus store their action as a reference). */
export function actionRef(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^ir\.actions\.act_window,(\d+)$/.exec(v);
  return m ? Number(m[1]) : undefined;
}
