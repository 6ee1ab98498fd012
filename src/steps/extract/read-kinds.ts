/**
 * Reads the record kinds a customer makes outside models and views: reports with their QWeb
 * templates, shared saved filters, mail templates, scheduled actions, sequences, and the
 * translations of every extracted label. A record an installed module owns (it has that module's
 * external id) is the app's, not a customization: it is not read at all.
 */
import { SaxesParser } from 'saxes';
import type { Domain, OdooClient, OdooRecord } from '../../odoo/types.js';
import { many2manyIds } from './read.js';
import { STUDIO_MODULE } from './refs.js';

export type SearchReadFn = (model: string, domain: Domain, fields?: readonly string[], context?: Record<string, unknown>) => Promise<OdooRecord[]>;
export type PartFn = (what: string, run: () => Promise<OdooRecord[]>) => Promise<OdooRecord[]>;

export interface RawKinds {
  reports: OdooRecord[];
  /** QWeb views the reports render or call (merged into the extract's views). */
  qwebViews: OdooRecord[];
  filters: OdooRecord[];
  mailTemplates: OdooRecord[];
  crons: OdooRecord[];
  sequences: OdooRecord[];
  /** ir.model.data of the records these kinds point at (users, paper formats, module reports and actions). */
  kindRefData: OdooRecord[];
}

export const KIND_MODELS = ['ir.actions.report', 'ir.filters', 'mail.template', 'ir.cron', 'ir.sequence'] as const;
/** Reads per kind (for the progress total). */
export const KIND_STAGES = 8;

const ALL = { active_test: false };

export function kindFields(client: OdooClient) {
  const p = client.profile;
  return {
    report: [
      'name', 'model', 'report_type', 'report_name', 'print_report_name', 'binding_model_id', 'multi', 'attachment',
      'attachment_use', 'paperformat_id', p.userGroupsField,
    ],
    filter: ['name', 'model_id', 'domain', 'context', 'sort', 'is_default', 'active', 'action_id', p.filterUsersField],
    template: [
      'name', 'model_id', 'model', 'subject', 'body_html', 'email_from', 'email_to', 'email_cc', 'partner_to', 'reply_to',
      'lang', 'scheduled_date', 'auto_delete', 'use_default_to', 'active', p.mailTemplateReportField,
    ],
    cron: [
      'name', 'model_id', 'model_name', 'state', 'code', 'interval_number', 'interval_type', 'priority', 'active', 'user_id',
      'ir_actions_server_id', ...(p.cronHasNumbercall ? ['numbercall', 'doall'] : []),
    ],
    sequence: ['name', 'code', 'prefix', 'suffix', 'padding', 'number_increment', 'number_next_actual', 'implementation', 'use_date_range', 'active'],
  };
}

/** Static t-call targets of a QWeb arch ("{{ ... }}" and expressions are not followed). */
export function tCalls(arch: string): string[] {
  const out = new Set<string>();
  const parser = new SaxesParser();
  parser.on('error', () => undefined);
  parser.on('opentag', (tag) => {
    const v = tag.attributes['t-call'];
    if (typeof v === 'string' && /^[A-Za-z0-9_.-]+$/.test(v)) out.add(v);
  });
  try {
    parser.write(arch).close();
  } catch {
    // A broken arch is reported by the classifier; its calls are simply not followed.
  }
  return [...out].sort();
}

/** A template key worth reading: not one of an installed app's own (web.external_layout...). */
const customKey = (key: string, installed: ReadonlySet<string>): boolean => {
  const dot = key.indexOf('.');
  if (dot < 0) return true;
  const mod = key.slice(0, dot);
  return mod === STUDIO_MODULE || mod === '__export__' || !installed.has(mod);
};

export async function readKinds(
  client: OdooClient,
  sr: SearchReadFn,
  part: PartFn,
  installed: readonly string[],
  viewFields: readonly string[],
): Promise<RawKinds> {
  const f = kindFields(client);
  const owned = await part('external ids of reports, filters, templates, crons, sequences', () =>
    sr('ir.model.data', [['model', 'in', [...KIND_MODELS]], ['module', 'not in', [STUDIO_MODULE, '__export__']]], ['module', 'name', 'model', 'res_id']),
  );
  const notOwned = (model: string): Domain => [['id', 'not in', owned.filter((r) => r.model === model).map((r) => Number(r.res_id)).sort((a, b) => a - b)]];

  const reports = await part('reports (ir.actions.report)', () => sr('ir.actions.report', notOwned('ir.actions.report'), f.report));
  const mods = new Set(installed);
  const qwebViews: OdooRecord[] = [];
  const seen = new Set<string>();
  let wanted = [...new Set(reports.map((r) => String(r.report_name)))].filter((k) => customKey(k, mods));
  // A report's template calls its document template, which may call more: three levels cover Studio's.
  for (let depth = 0; depth < 3 && wanted.length > 0; depth++) {
    for (const k of wanted) seen.add(k);
    const keys = wanted;
    const found = await part('report templates (QWeb views)', () =>
      sr('ir.ui.view', [['type', '=', 'qweb'], ['key', 'in', keys]], viewFields, ALL),
    );
    qwebViews.push(...found);
    wanted = [...new Set(found.flatMap((v) => tCalls(typeof v.arch_db === 'string' ? v.arch_db : '')))].filter((k) => !seen.has(k) && customKey(k, mods));
  }
  const filters = await part('shared saved filters (ir.filters)', () =>
    sr('ir.filters', [[client.profile.filterUsersField, '=', false], ...notOwned('ir.filters')], f.filter, ALL),
  );
  const mailTemplates = await part('mail templates', () => sr('mail.template', notOwned('mail.template'), f.template, ALL));
  const crons = await part('scheduled actions (ir.cron)', () => sr('ir.cron', notOwned('ir.cron'), f.cron, ALL));
  const sequences = await part('sequences', () => sr('ir.sequence', notOwned('ir.sequence'), f.sequence, ALL));

  const refs = new Map<string, Set<number>>();
  const want = (model: string, ids: number[]) => {
    for (const id of ids) refs.set(model, (refs.get(model) ?? new Set()).add(id));
  };
  want('report.paperformat', reports.flatMap((r) => many2manyIds(r.paperformat_id)));
  want('res.users', crons.flatMap((r) => many2manyIds(r.user_id)));
  want('ir.actions.act_window', filters.flatMap((r) => many2manyIds(r.action_id)));
  const reportIds = mailTemplates.flatMap((t) => many2manyIds(t[client.profile.mailTemplateReportField]));
  const ownedReports = new Set(owned.filter((r) => r.model === 'ir.actions.report').map((r) => Number(r.res_id)));
  want('ir.actions.report', reportIds.filter((id) => ownedReports.has(id)));
  const kindRefData =
    refs.size === 0
      ? []
      : (
          await part('external ids of records they point at', () =>
            sr('ir.model.data', [['model', 'in', [...refs.keys()].sort()], ['res_id', 'in', [...new Set([...refs.values()].flatMap((s) => [...s]))].sort((a, b) => a - b)]], ['module', 'name', 'model', 'res_id']),
          )
        ).filter((r) => refs.get(String(r.model))?.has(Number(r.res_id)));
  return { reports, qwebViews, filters, mailTemplates, crons, sequences, kindRefData };
}

/** (model, field) pairs whose labels are translated, with the ids of the extracted records. */
export interface TranslationTarget {
  model: string;
  fields: readonly string[];
  rows: readonly OdooRecord[];
}

export interface RawTranslation {
  lang: string;
  model: string;
  id: number;
  field: string;
  value: string;
}

/**
 * Reads every target again in each installed language (res.lang active, other than en_US) and
 * keeps the values that differ from the English ones read before. One read per model and language.
 */
export async function readTranslations(
  client: OdooClient,
  sr: SearchReadFn,
  part: PartFn,
  /** Tells the progress total how many more reads come. */
  grow: (reads: number) => void,
  targets: readonly TranslationTarget[],
  signal: AbortSignal,
): Promise<{ languages: OdooRecord[]; translations: RawTranslation[] }> {
  const languages = await part('installed languages', () => sr('res.lang', [['active', '=', true], ['code', '!=', 'en_US']], ['code', 'name']));
  grow(languages.length * targets.filter((t) => t.rows.length > 0).length);
  const translations: RawTranslation[] = [];
  for (const lang of languages) {
    const code = String(lang.code);
    for (const t of targets) {
      if (t.rows.length === 0) continue;
      const en = new Map(t.rows.map((r) => [r.id, r]));
      const rows = await part(`${t.model} labels in ${code}`, () =>
        client.read(t.model, [...en.keys()], t.fields, { signal, context: { lang: code } }),
      );
      for (const r of rows) {
        for (const field of t.fields) {
          const v = r[field];
          const source = en.get(r.id)?.[field];
          if (typeof v === 'string' && v !== '' && typeof source === 'string' && v !== source) {
            translations.push({ lang: code, model: t.model, id: r.id, field, value: v });
          }
        }
      }
    }
  }
  return { languages, translations };
}
