/**
 * Classification of reports (and their QWeb templates), shared filters, mail templates, crons,
 * sequences and label translations. Pure; every reference becomes a record key or an external id.
 */
import type { VersionProfile } from '../../odoo/types.js';
import type { ClassifyEnv } from './classify-actions.js';
import { many2manyIds, type RawExtract } from './read.js';
import { termPairs } from './arch-terms.js';
import { bool, byKey, m2oId, modelKey, num, originOf, recordKey, text } from './refs.js';
import type {
  AnyRecord, CronRec, FilterRec, MailTemplateRec, ReportRec, SequenceRec, TranslationRec, ViewRec, WindowActionRec,
} from './schema.js';

export interface ClassifiedKinds {
  reports: ReportRec[];
  filters: FilterRec[];
  mailTemplates: MailTemplateRec[];
  crons: CronRec[];
  sequences: SequenceRec[];
  languages: { code: string; name: string }[];
  excluded: { key: string; reason: string }[];
}

const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();
const setModel = (v: ViewRec, model: string): void => {
  v.model = model;
  v.dependsOn = uniq([...v.dependsOn, modelKey(model)]);
};
/** next_by_code('x') / next_by_code("x") in code. */
const SEQ_CALL = /next_by_code\(\s*(['"])([^'"\\]+)\1/g;

export function classifyKinds(
  raw: RawExtract,
  profile: VersionProfile,
  env: ClassifyEnv,
  ctx: {
    views: ViewRec[];
    /** Template key -> the template keys it t-calls. */
    calls: Map<string, string[]>;
    actions: WindowActionRec[];
    codeOf: { key: string; model: string; code: string }[];
  },
): ClassifiedKinds {
  const { ids, warnings, groupRefs, moduleDep } = env;
  const k = raw.kinds;
  const excluded: { key: string; reason: string }[] = [];

  // Reports first: their templates (qweb views) take the report's model, so the map assigns them.
  const viewByTemplate = new Map(ctx.views.filter((v) => v.templateKey).map((v) => [v.templateKey as string, v]));
  const reports: ReportRec[] = k.reports.map((r) => {
    const xmlid = ids.get('ir.actions.report', r.id);
    const key = recordKey('report', xmlid, r.id);
    const model = String(r.model);
    const reportName = String(r.report_name);
    const templates: ViewRec[] = [];
    const visit = (tkey: string) => {
      const v = viewByTemplate.get(tkey);
      if (!v || templates.includes(v)) return;
      templates.push(v);
      for (const c of ctx.calls.get(tkey) ?? []) visit(c);
    };
    visit(reportName);
    if (templates.length === 0) {
      warnings.push({ key, message: `renders the template ${reportName}, which is an installed module's or was not found; the report is generated, the template is not` });
    }
    for (const v of templates) if (v.model === '') setModel(v, model);
    const paperId = m2oId(r.paperformat_id);
    const paperformat = ids.get('report.paperformat', paperId);
    if (paperId !== undefined && paperformat === undefined) {
      warnings.push({ key, message: `uses paper format #${paperId}, which has no external id; the report is generated with the default paper format` });
    }
    const groups = groupRefs(r[profile.userGroupsField], key);
    return {
      key, id: r.id, origin: originOf(xmlid), xmlid, model,
      dependsOn: uniq([modelKey(model), ...groups.deps, ...moduleDep(paperformat, key, 'paper format'), ...templates.map((v) => v.key)]),
      name: String(r.name), reportType: text(r.report_type) ?? 'qweb-pdf', reportName, printReportName: text(r.print_report_name),
      bound: m2oId(r.binding_model_id) !== undefined, multi: bool(r.multi), attachment: text(r.attachment),
      attachmentUse: bool(r.attachment_use), paperformat, groups: groups.xmlids, templateKeys: templates.map((v) => v.key).sort(),
    };
  });
  // Studio's report editor inherits a report's template: the customization follows that report.
  const byXmlid = new Map(ctx.views.filter((v) => v.xmlid).map((v) => [v.xmlid as string, v]));
  for (const v of ctx.views) {
    const parent = v.type === 'qweb' && v.model === '' && v.inheritXmlid ? byXmlid.get(v.inheritXmlid) : undefined;
    if (parent && parent.model !== '') setModel(v, parent.model);
  }
  const reportById = new Map(reports.map((r) => [r.id, r]));

  const actionById = new Map(ctx.actions.map((a) => [a.id, a]));
  const filters: FilterRec[] = k.filters.map((f) => {
    const xmlid = ids.get('ir.filters', f.id);
    const key = recordKey('filter', xmlid, f.id);
    const model = String(f.model_id);
    const actId = m2oId(f.action_id);
    const action = actId === undefined ? undefined : actionById.get(actId);
    const actionXmlid = action ? undefined : ids.get('ir.actions.act_window', actId);
    if (actId !== undefined && !action && !actionXmlid) {
      warnings.push({ key, message: `belongs to action #${actId}, which has no external id; the filter is generated for every action of ${model}` });
    }
    return {
      key, id: f.id, origin: originOf(xmlid), xmlid, model,
      dependsOn: uniq([modelKey(model), ...(action ? [action.key] : []), ...moduleDep(actionXmlid, key, 'action')]),
      name: String(f.name), domain: text(f.domain) ?? '[]', context: text(f.context) ?? '{}', sort: text(f.sort) ?? '[]',
      isDefault: bool(f.is_default), active: f.active !== false, actionKey: action?.key, actionXmlid,
    };
  });

  const mailTemplates: MailTemplateRec[] = k.mailTemplates.map((t) => {
    const xmlid = ids.get('mail.template', t.id);
    const key = recordKey('mail_template', xmlid, t.id);
    const model = text(t.model) ?? '';
    const reportKeys: string[] = [];
    const reportXmlids: string[] = [];
    for (const id of many2manyIds(t[profile.mailTemplateReportField])) {
      const own = reportById.get(id);
      const x = own ? undefined : ids.get('ir.actions.report', id);
      if (own) reportKeys.push(own.key);
      else if (x) reportXmlids.push(x);
      else warnings.push({ key, message: `attaches report #${id}, which has no external id; it is left out of the generated template` });
    }
    return {
      key, id: t.id, origin: originOf(xmlid), xmlid, model,
      dependsOn: uniq(['module:mail', ...(model ? [modelKey(model)] : []), ...reportKeys, ...reportXmlids.flatMap((x) => moduleDep(x, key, 'report'))]),
      name: text(t.name) ?? '', subject: text(t.subject), bodyHtml: text(t.body_html), emailFrom: text(t.email_from),
      emailTo: text(t.email_to), emailCc: text(t.email_cc), partnerTo: text(t.partner_to), replyTo: text(t.reply_to),
      lang: text(t.lang), scheduledDate: text(t.scheduled_date), autoDelete: bool(t.auto_delete),
      useDefaultTo: bool(t.use_default_to), active: t.active !== false, reportKeys: reportKeys.sort(), reportXmlids: reportXmlids.sort(),
    };
  });

  const crons: CronRec[] = k.crons.map((c) => {
    const xmlid = ids.get('ir.cron', c.id);
    const key = recordKey('cron', xmlid, c.id);
    const model = String(c.model_name);
    const userXmlid = ids.get('res.users', m2oId(c.user_id));
    return {
      key, id: c.id, origin: originOf(xmlid), xmlid, model,
      dependsOn: uniq([modelKey(model), ...moduleDep(userXmlid, key, 'user')]),
      name: String(c.name), state: text(c.state) ?? 'code', code: text(c.code), intervalNumber: num(c.interval_number, 1),
      intervalType: text(c.interval_type) ?? 'months',
      numbercall: profile.cronHasNumbercall ? num(c.numbercall, 1) : undefined,
      doall: profile.cronHasNumbercall ? bool(c.doall) : undefined,
      priority: num(c.priority, 5), active: c.active !== false, userXmlid,
    };
  });

  // A sequence is the customer's when its code is an x_ name or extracted code asks for it by code;
  // sequences that apps create at run time (a warehouse's, a POS's) have neither and stay out.
  const code = [...ctx.codeOf, ...crons.map((c) => ({ key: c.key, model: c.model, code: c.code ?? '' }))];
  const sequences: SequenceRec[] = [];
  for (const s of k.sequences) {
    const xmlid = ids.get('ir.sequence', s.id);
    const key = recordKey('sequence', xmlid, s.id);
    const seqCode = text(s.code);
    const users = seqCode === undefined ? [] : code.filter((c) => [...c.code.matchAll(SEQ_CALL)].some((m) => m[2] === seqCode));
    const custom = originOf(xmlid) === 'studio' || users.length > 0 || (seqCode?.startsWith('x_') ?? false);
    if (!custom) {
      excluded.push({ key, reason: 'sequence with no external id that no extracted code uses by its code: made by an app at run time (a warehouse, a point of sale...), not a customization' });
      continue;
    }
    const model = users[0]?.model ?? (seqCode && raw.models.some((m) => m.model === seqCode) ? seqCode : '');
    sequences.push({
      key, id: s.id, origin: originOf(xmlid), xmlid, model, dependsOn: model ? [modelKey(model)] : [],
      name: String(s.name), code: seqCode, prefix: text(s.prefix), suffix: text(s.suffix), padding: num(s.padding),
      numberIncrement: num(s.number_increment, 1),
      ...(num(s.number_next_actual, 0) > 1 ? { numberNext: num(s.number_next_actual, 0) } : {}),
      implementation: text(s.implementation) ?? 'standard',
      useDateRange: bool(s.use_date_range), active: s.active !== false, usedBy: uniq(users.map((u) => u.key)),
    });
  }

  return {
    reports: reports.sort(byKey), filters: filters.sort(byKey), mailTemplates: mailTemplates.sort(byKey), crons: crons.sort(byKey),
    sequences: sequences.sort(byKey),
    languages: raw.languages.map((l) => ({ code: String(l.code), name: String(l.name) })).sort((a, b) => (a.code < b.code ? -1 : 1)),
    excluded,
  };
}

/** Record key of each (model, id) the translations were read for, and the English source text. */
export function classifyTranslations(raw: RawExtract, records: readonly AnyRecord[]): TranslationRec[] {
  const keyOf = new Map<string, AnyRecord>();
  const kindModel: Record<string, string> = {
    model: 'ir.model', field: 'ir.model.fields', menu: 'ir.ui.menu', action: 'ir.actions.act_window', server_action: 'ir.actions.server',
    report: 'ir.actions.report', mail_template: 'mail.template', view: 'ir.ui.view',
  };
  for (const r of records) {
    const model = kindModel[r.key.slice(0, r.key.indexOf(':'))];
    if (model) keyOf.set(`${model}#${r.id}`, r);
  }
  const selection = new Map(raw.selections.map((s) => [s.id, s]));
  const out: TranslationRec[] = [];
  for (const t of raw.translations) {
    if (t.model === 'ir.model.fields.selection') {
      const s = selection.get(t.id);
      const rec = s && keyOf.get(`ir.model.fields#${m2oId(s.field_id)}`);
      if (!s || !rec) continue;
      out.push({ key: rec.key, field: `selection:${String(s.value)}`, lang: t.lang, source: String(s.name), value: t.value });
      continue;
    }
    const rec = keyOf.get(`${t.model}#${t.id}`);
    if (!rec) continue;
    if (t.field === 'arch_db') {
      // One entry per term that differs, English term as the source (Odoo's model_terms).
      const arch = (rec as { arch?: string }).arch ?? '';
      for (const p of termPairs(arch, t.value)) out.push({ key: rec.key, field: 'arch_db', lang: t.lang, source: p.source, value: p.value });
      continue;
    }
    const source = sourceOf(rec, t.field);
    if (source !== undefined) out.push({ key: rec.key, field: t.field, lang: t.lang, source, value: t.value });
  }
  return out.sort((a, b) => (a.key + a.field + a.lang < b.key + b.field + b.lang ? -1 : 1));
}

function sourceOf(r: AnyRecord, field: string): string | undefined {
  const v = r as unknown as Record<string, unknown>;
  const fromKey = field === 'field_description' || (field === 'name' && r.key.startsWith('model:')) ? 'label' : field;
  const s = v[fromKey];
  return typeof s === 'string' ? s : undefined;
}
