/**
 * extract.json: everything step 1 read from the database, in a versioned, deterministic shape.
 * Steps 2 and 3 read only this file, never the database.
 */
import { z } from 'zod';
import { kindLists, type CronRec, type FilterRec, type MailTemplateRec, type ReportRec, type SequenceRec } from './schema-kinds.js';

export * from './schema-kinds.js';

export const EXTRACT_SCHEMA_VERSION = 1;

/** studio: external id in studio_customization; manual: no external id; module: a module's record. */
export const Origin = z.enum(['studio', 'manual', 'module']);
export type Origin = z.infer<typeof Origin>;

/** Shared by every record: a stable key ("field:project.task.x_studio_tier"), origin, dependencies. */
const base = {
  key: z.string(),
  id: z.number().int(),
  origin: Origin,
  /** "module.name" when the record has one. */
  xmlid: z.string().optional(),
  /** The model this record belongs to; the map assigns it through that model. */
  model: z.string(),
  /** Keys of other extracted records, "model:<name>" of existing models, "module:<name>" of installed modules. */
  dependsOn: z.array(z.string()),
};

export const SelectionOption = z.object({ value: z.string(), label: z.string() });

export const FieldRec = z.object({
  ...base,
  name: z.string(),
  label: z.string(),
  ttype: z.string(),
  relation: z.string().optional(),
  relationField: z.string().optional(),
  relationTable: z.string().optional(),
  column1: z.string().optional(),
  column2: z.string().optional(),
  required: z.boolean(),
  readonly: z.boolean(),
  store: z.boolean(),
  index: z.boolean(),
  copied: z.boolean(),
  translate: z.boolean(),
  tracking: z.boolean(),
  onDelete: z.string().optional(),
  domain: z.string().optional(),
  /** User code, kept as text, never executed. */
  compute: z.string().optional(),
  depends: z.string().optional(),
  related: z.string().optional(),
  help: z.string().optional(),
  size: z.number().optional(),
  currencyField: z.string().optional(),
  groups: z.array(z.string()),
  selection: z.array(SelectionOption),
});
export type FieldRec = z.infer<typeof FieldRec>;

export const ModelRec = z.object({
  ...base,
  label: z.string(),
  order: z.string(),
  transient: z.boolean(),
  mailThread: z.boolean(),
  mailActivity: z.boolean(),
});
export type ModelRec = z.infer<typeof ModelRec>;

/** An existing model that carries customizations, and the installed module (its app) that owns it. */
export const ExtendedModel = z.object({
  model: z.string(),
  label: z.string(),
  app: z.string(),
  /** Names of the model's own (non-custom) fields, to keep clean names from colliding. */
  fieldNames: z.array(z.string()),
});
export type ExtendedModel = z.infer<typeof ExtendedModel>;

export const ViewRec = z.object({
  ...base,
  name: z.string(),
  type: z.string(),
  mode: z.string(),
  priority: z.number(),
  /** External id of the inherited view; undefined for a standalone view. */
  inheritXmlid: z.string().optional(),
  arch: z.string(),
  active: z.boolean(),
  groups: z.array(z.string()),
  /** QWeb templates (type qweb): the key reports and t-call find them by. */
  templateKey: z.string().optional(),
});
export type ViewRec = z.infer<typeof ViewRec>;

export const WindowActionRec = z.object({
  ...base,
  name: z.string(),
  viewMode: z.string(),
  domain: z.string().optional(),
  context: z.string().optional(),
  help: z.string().optional(),
  target: z.string(),
  limit: z.number(),
  groups: z.array(z.string()),
  /** The model whose Action menu offers it (binding_model_id), and in which views (list,form). */
  bindingModel: z.string().optional(),
  /** For a model an installed app defines: its ir.model external id (project.model_project_task). */
  bindingModelXmlid: z.string().optional(),
  bindingViewTypes: z.string().optional(),
});
export type WindowActionRec = z.infer<typeof WindowActionRec>;

export const MenuRec = z.object({
  ...base,
  name: z.string(),
  sequence: z.number(),
  /** Key of the parent menu when extracted, else its external id in `parentXmlid`. */
  parentKey: z.string().optional(),
  parentXmlid: z.string().optional(),
  /** Key of the window action it opens. */
  actionKey: z.string().optional(),
  webIcon: z.string().optional(),
  groups: z.array(z.string()),
});
export type MenuRec = z.infer<typeof MenuRec>;

export const ServerActionRec = z.object({
  ...base,
  name: z.string(),
  state: z.string(),
  /** User code, kept as text, never executed. */
  code: z.string().optional(),
  sequence: z.number(),
  usage: z.string(),
  groups: z.array(z.string()),
  /** The model whose Action menu offers it (binding_model_id), and in which views (list,form). */
  bindingModel: z.string().optional(),
  /** For a model an installed app defines: its ir.model external id (project.model_project_task). */
  bindingModelXmlid: z.string().optional(),
  bindingViewTypes: z.string().optional(),
});
export type ServerActionRec = z.infer<typeof ServerActionRec>;

export const AutomationRec = z.object({
  ...base,
  name: z.string(),
  trigger: z.string(),
  active: z.boolean(),
  filterDomain: z.string().optional(),
  filterPreDomain: z.string().optional(),
  /** Keys of the server actions it runs (16: one, 17+: many; stored as a list either way). */
  actionKeys: z.array(z.string()),
  triggerFields: z.array(z.string()),
  dateField: z.string().optional(),
  dateRange: z.number().optional(),
  dateRangeType: z.string().optional(),
});
export type AutomationRec = z.infer<typeof AutomationRec>;

export const AccessRec = z.object({
  ...base,
  name: z.string(),
  group: z.string().optional(),
  read: z.boolean(),
  write: z.boolean(),
  create: z.boolean(),
  unlink: z.boolean(),
});
export type AccessRec = z.infer<typeof AccessRec>;

export const RuleRec = z.object({
  ...base,
  name: z.string(),
  domain: z.string(),
  groups: z.array(z.string()),
  read: z.boolean(),
  write: z.boolean(),
  create: z.boolean(),
  unlink: z.boolean(),
  active: z.boolean(),
});
export type RuleRec = z.infer<typeof RuleRec>;

export const DefaultRec = z.object({
  ...base,
  field: z.string(),
  /** JSON text as Odoo stores it. */
  jsonValue: z.string(),
});
export type DefaultRec = z.infer<typeof DefaultRec>;

export const Excluded = z.object({ key: z.string(), reason: z.string() });
export const Warning = z.object({ key: z.string().optional(), message: z.string() });
export type ExtractWarning = z.infer<typeof Warning>;

export const ExtractDoc = z.object({
  schemaVersion: z.literal(EXTRACT_SCHEMA_VERSION),
  source: z.object({
    url: z.string(),
    database: z.string(),
    serverVersion: z.string(),
    transport: z.string(),
  }),
  profile: z.object({ major: z.number(), series: z.string() }).catchall(z.unknown()),
  installedModules: z.array(z.string()),
  models: z.array(ModelRec),
  extendedModels: z.array(ExtendedModel),
  fields: z.array(FieldRec),
  views: z.array(ViewRec),
  actions: z.array(WindowActionRec),
  menus: z.array(MenuRec),
  serverActions: z.array(ServerActionRec),
  automations: z.array(AutomationRec),
  access: z.array(AccessRec),
  rules: z.array(RuleRec),
  defaults: z.array(DefaultRec),
  ...kindLists,
  /** Records read but left out on purpose (e.g. analytic x_plan*_id), with the reason. */
  excluded: z.array(Excluded),
  /** Anything that cannot be exported as is. Never dropped silently. */
  warnings: z.array(Warning),
  /** What could not be read at all (missing rights) and why. */
  notes: z.array(z.string()),
});
export type ExtractDoc = z.infer<typeof ExtractDoc>;

/** Every record that the map assigns (through its model) or excludes (by key). */
export type AnyRecord =
  | FieldRec
  | ModelRec
  | ViewRec
  | WindowActionRec
  | MenuRec
  | ServerActionRec
  | AutomationRec
  | AccessRec
  | RuleRec
  | DefaultRec
  | ReportRec
  | FilterRec
  | MailTemplateRec
  | CronRec
  | SequenceRec;

export function allRecords(doc: ExtractDoc): AnyRecord[] {
  return [
    ...doc.models,
    ...doc.fields,
    ...doc.views,
    ...doc.actions,
    ...doc.menus,
    ...doc.serverActions,
    ...doc.automations,
    ...doc.access,
    ...doc.rules,
    ...doc.defaults,
    ...doc.reports,
    ...doc.filters,
    ...doc.mailTemplates,
    ...doc.crons,
    ...doc.sequences,
  ];
}
