/**
 * The files of a module for reports, filters, mail templates, crons, sequences and translations,
 * in load order: templates and reports first (mail templates attach reports by reference).
 */
import type { AnyRecord, CronRec, FilterRec, MailTemplateRec, ReportRec, SequenceRec, ViewRec } from '../extract/schema.js';
import type { GenContext } from './context.js';
import { poFiles } from './i18n-po.js';
import {
  cronRecords, filterRecords, mailTemplateRecords, noUpdateXmlFile, reportRecords, sequenceRecords, templateRecords,
} from './kinds-xml.js';
import { xmlFile } from './views-xml.js';

const kindOf = (r: AnyRecord): string => r.key.slice(0, r.key.indexOf(':'));

export interface KindFiles {
  /** Module-relative path -> content. */
  files: [string, string][];
  /** The data files among them, in the order the manifest must load them. */
  data: string[];
}

export function kindFiles(ctx: GenContext, module: string, recs: readonly AnyRecord[]): KindFiles {
  const of = <T extends AnyRecord>(kind: string) => recs.filter((r) => kindOf(r) === kind) as T[];
  const out: KindFiles = { files: [], data: [] };
  const add = (path: string, body: string[], noupdate = false) => {
    if (body.length === 0) return;
    out.files.push([path, noupdate ? noUpdateXmlFile(body) : xmlFile(body)]);
    out.data.push(path);
  };
  const templates = of<ViewRec>('view').filter((v) => v.type === 'qweb');
  add('report/reports.xml', [...templateRecords(ctx, module, templates), ...reportRecords(ctx, module, of<ReportRec>('report'))]);
  add('data/filters.xml', filterRecords(ctx, module, of<FilterRec>('filter')));
  // Mail templates, sequences and crons are the customer's to edit once installed: an upgrade keeps them.
  add('data/mail_templates.xml', mailTemplateRecords(ctx, module, of<MailTemplateRec>('mail_template')), true);
  add('data/sequences.xml', sequenceRecords(ctx, of<SequenceRec>('sequence')), true);
  add('data/crons.xml', cronRecords(ctx, module, of<CronRec>('cron')), true);
  out.files.push(...poFiles(ctx, module, recs));
  return out;
}
