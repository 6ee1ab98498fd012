/**
 * The record kinds beyond models, views and actions: reports, saved filters, mail templates,
 * scheduled actions, sequences, label translations and the records of custom models. Every list
 * defaults to empty, so an extract.json written before these kinds existed still reads.
 */
import { z } from 'zod';

const base = {
  key: z.string(),
  id: z.number().int(),
  origin: z.enum(['studio', 'manual', 'module']),
  xmlid: z.string().optional(),
  model: z.string(),
  dependsOn: z.array(z.string()),
};

/** ir.actions.report; its QWeb templates are views (type qweb) listed in templateKeys. */
export const ReportRec = z.object({
  ...base,
  name: z.string(),
  reportType: z.string(),
  /** The QWeb template key the report renders (Odoo's report_name). */
  reportName: z.string(),
  printReportName: z.string().optional(),
  /** Shown in the model's Print menu. */
  bound: z.boolean(),
  multi: z.boolean(),
  attachment: z.string().optional(),
  attachmentUse: z.boolean(),
  paperformat: z.string().optional(),
  groups: z.array(z.string()),
  /** Keys of the extracted QWeb views it uses (its template and the ones that template calls). */
  templateKeys: z.array(z.string()),
});
export type ReportRec = z.infer<typeof ReportRec>;

/** A saved filter shared with every user (ir.filters without a user). */
export const FilterRec = z.object({
  ...base,
  name: z.string(),
  domain: z.string(),
  context: z.string(),
  sort: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  /** Key of the extracted window action it belongs to, else that action's external id. */
  actionKey: z.string().optional(),
  actionXmlid: z.string().optional(),
});
export type FilterRec = z.infer<typeof FilterRec>;

export const MailTemplateRec = z.object({
  ...base,
  name: z.string(),
  subject: z.string().optional(),
  /** QWeb/inline template text: data, rendered by Odoo's sandbox, never by the generator. */
  bodyHtml: z.string().optional(),
  emailFrom: z.string().optional(),
  emailTo: z.string().optional(),
  emailCc: z.string().optional(),
  partnerTo: z.string().optional(),
  replyTo: z.string().optional(),
  lang: z.string().optional(),
  scheduledDate: z.string().optional(),
  description: z.string().optional(),
  autoDelete: z.boolean(),
  useDefaultTo: z.boolean(),
  active: z.boolean(),
  /** Keys of extracted reports attached to the mail, or external ids of module reports. */
  reportKeys: z.array(z.string()),
  reportXmlids: z.array(z.string()),
});
export type MailTemplateRec = z.infer<typeof MailTemplateRec>;

/** ir.cron: a server action (its code is user code, never executed) run on a schedule. */
export const CronRec = z.object({
  ...base,
  name: z.string(),
  state: z.string(),
  code: z.string().optional(),
  intervalNumber: z.number(),
  intervalType: z.string(),
  /** 16 and 17 only (removed in 18): -1 = no limit. */
  numbercall: z.number().optional(),
  doall: z.boolean().optional(),
  priority: z.number(),
  active: z.boolean(),
  /** External id of the user it runs as, when it has one. */
  userXmlid: z.string().optional(),
});
export type CronRec = z.infer<typeof CronRec>;

export const SequenceRec = z.object({
  ...base,
  name: z.string(),
  code: z.string().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  padding: z.number(),
  numberIncrement: z.number(),
  /** The number the source database would give next (records carried as data continue from it). */
  numberNext: z.number().optional(),
  implementation: z.string(),
  useDateRange: z.boolean(),
  active: z.boolean(),
  /** Why it belongs to its model (the code that uses it), for the map review. */
  usedBy: z.array(z.string()),
});
export type SequenceRec = z.infer<typeof SequenceRec>;

/** An installed language other than English. */
export const Language = z.object({ code: z.string(), name: z.string() });

/**
 * One translated label: `field` is the translated field of the record with key `key`
 * (name, field_description, help, subject...) or `selection:<value>` for a selection label.
 * `source` is the English text it translates.
 */
export const TranslationRec = z.object({
  key: z.string(),
  field: z.string(),
  lang: z.string(),
  source: z.string(),
  value: z.string(),
});
export type TranslationRec = z.infer<typeof TranslationRec>;

/**
 * The records of one custom model, read so that a map entry `data = true` can carry them as a data
 * file. Values are as Odoo reads them, with many2one as the target's id (or false) and many2many as
 * a list of ids; `fields` lists the stored, non-computed fields read. `total` counts every record:
 * when it is more than `rows`, the model had too many to carry and none were read.
 */
export const DataSet = z.object({
  model: z.string(),
  fields: z.array(z.string()),
  total: z.number().int(),
  rows: z.array(z.object({ id: z.number().int(), values: z.record(z.string(), z.unknown()) })),
});
export type DataSet = z.infer<typeof DataSet>;

/** The external id of a record of an existing model that a custom record points at (base.EUR). */
export const DataRef = z.object({ model: z.string(), id: z.number().int(), xmlid: z.string() });
export type DataRef = z.infer<typeof DataRef>;

export const kindLists = {
  reports: z.array(ReportRec).default([]),
  filters: z.array(FilterRec).default([]),
  mailTemplates: z.array(MailTemplateRec).default([]),
  crons: z.array(CronRec).default([]),
  sequences: z.array(SequenceRec).default([]),
  languages: z.array(Language).default([]),
  translations: z.array(TranslationRec).default([]),
  data: z.array(DataSet).default([]),
  dataRefs: z.array(DataRef).default([]),
};
