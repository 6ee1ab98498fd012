/**
 * report/, data/ files for reports (and their QWeb templates), shared filters, mail templates,
 * scheduled actions and sequences. Every text from the database is escaped XML text or an
 * attribute value; template bodies and cron code stay data (Odoo renders or runs them, never the
 * generator), and names become only validated external ids.
 */
import type { CronRec, FilterRec, MailTemplateRec, ReportRec, SequenceRec, ViewRec } from '../extract/schema.js';
import type { GenContext } from './context.js';
import { evalField, field, groupsLine, isRef, openRecord, refField, refsEval } from './views-xml.js';
import { reemitArch } from './xml.js';
import { refusedBySafeEval } from './safe-eval.js';

const END = '    </record>';
const bool = (name: string, v: boolean): string => evalField(name, v ? 'True' : 'False');

/** QWeb templates keep their key: the report (report_name) and every t-call find them by it. */
export function templateRecords(ctx: GenContext, module: string, views: ViewRec[]): string[] {
  const out: string[] = [];
  for (const v of views) {
    const arch = reemitArch(v.arch, { listTag: ctx.listTag, dropAttrsStates: false, rename: ctx.renameText.bind(ctx), indent: '            ', odooXmlField: true });
    if (!arch.ok) {
      ctx.warnings.push(`${module}: template ${v.key} is not well-formed XML (${arch.reason}); not generated`);
      continue;
    }
    out.push(openRecord(ctx.localId(v), 'ir.ui.view'));
    out.push(field('name', v.name), field('type', 'qweb'));
    if (v.templateKey) out.push(field('key', v.templateKey));
    if (v.inheritXmlid && isRef(v.inheritXmlid)) out.push(refField('inherit_id', v.inheritXmlid));
    if (v.mode === 'primary' && v.inheritXmlid) out.push(field('mode', 'primary'));
    out.push(field('priority', String(Math.trunc(v.priority))));
    if (!v.active) out.push(bool('active', false));
    out.push(...groupsLine(ctx, v.groups));
    out.push('        <field name="arch" type="xml">', arch.xml, '        </field>', END);
  }
  return out;
}

export function reportRecords(ctx: GenContext, module: string, reports: ReportRec[]): string[] {
  const out: string[] = [];
  for (const r of reports) {
    out.push(openRecord(ctx.localId(r), 'ir.actions.report'));
    out.push(field('name', r.name), field('model', ctx.modelName(r.model)), field('report_type', r.reportType));
    out.push(field('report_name', r.reportName), field('report_file', r.reportName));
    if (r.printReportName) out.push(field('print_report_name', ctx.renameText(r.printReportName)));
    if (r.bound) out.push(refField('binding_model_id', ctx.modelRef(r.model, module)), field('binding_type', 'report'));
    if (r.multi) out.push(bool('multi', true));
    if (r.attachment) out.push(field('attachment', ctx.renameText(r.attachment)));
    if (r.attachmentUse) out.push(bool('attachment_use', true));
    if (r.paperformat && isRef(r.paperformat)) out.push(refField('paperformat_id', r.paperformat));
    out.push(...groupsLine(ctx, r.groups));
    out.push(END);
  }
  return out;
}

export function filterRecords(ctx: GenContext, module: string, filters: FilterRec[]): string[] {
  const out: string[] = [];
  for (const f of filters) {
    out.push(openRecord(ctx.localId(f), 'ir.filters'));
    out.push(field('name', f.name), field('model_id', ctx.modelName(f.model)));
    out.push(field('domain', ctx.renameText(f.domain)), field('context', ctx.renameText(f.context)), field('sort', ctx.renameText(f.sort)));
    const action = f.actionKey ? ctx.ref(f.actionKey, module) : f.actionXmlid;
    if (action && isRef(action)) out.push(refField('action_id', action));
    if (f.isDefault) out.push(bool('is_default', true));
    if (!f.active) out.push(bool('active', false));
    out.push(END);
  }
  return out;
}

export function mailTemplateRecords(ctx: GenContext, module: string, templates: MailTemplateRec[]): string[] {
  const out: string[] = [];
  const many = ctx.major >= 17;
  for (const t of templates) {
    out.push(openRecord(ctx.localId(t), 'mail.template'));
    out.push(field('name', t.name));
    if (t.model) out.push(refField('model_id', ctx.modelRef(t.model, module)));
    const text: [string, string | undefined][] = [
      ['subject', t.subject], ['email_from', t.emailFrom], ['email_to', t.emailTo], ['email_cc', t.emailCc],
      ['partner_to', t.partnerTo], ['reply_to', t.replyTo], ['lang', t.lang], ['scheduled_date', t.scheduledDate],
    ];
    for (const [name, value] of text) if (value !== undefined) out.push(field(name, ctx.renameText(value)));
    // The body as escaped text, not type="html": Odoo stores the same string and nothing in it is parsed here.
    if (t.bodyHtml !== undefined) out.push(field('body_html', ctx.renameText(t.bodyHtml)));
    out.push(bool('auto_delete', t.autoDelete));
    if (t.useDefaultTo) out.push(bool('use_default_to', true));
    const reports = [...t.reportKeys.map((k) => ctx.ref(k, module)), ...t.reportXmlids].filter((x): x is string => x !== undefined && isRef(x));
    if (reports.length > 0) out.push(many ? evalField('report_template_ids', refsEval(reports)) : refField('report_template', reports[0]));
    if (!t.active) out.push(bool('active', false));
    out.push(END);
  }
  return out;
}

/**
 * Code Odoo's safe_eval refuses makes the whole module fail to install ("forbidden opcode(s)"):
 * said before it reaches a database, with the line and what to write instead. The code is kept as
 * it is (it is the user's; a database never holds such code, an extract.json edited by hand may).
 */
export function warnRefusedCode(ctx: GenContext, module: string, what: string, code: string): void {
  const r = refusedBySafeEval(code);
  if (!r) return;
  ctx.warnings.push(
    `${module}: the code of ${what} will not install: at its line ${r.line}, ${r.what}. Odoo refuses the module with "forbidden opcode(s)"; ` +
      `${r.instead ? `write ${r.instead} instead` : 'rewrite that line'} in the database (or in extract.json), then extract and generate again`,
  );
}

export function cronRecords(ctx: GenContext, module: string, crons: CronRec[]): string[] {
  const out: string[] = [];
  for (const c of crons) {
    out.push(openRecord(ctx.localId(c), 'ir.cron'));
    out.push(field('name', c.name), refField('model_id', ctx.modelRef(c.model, module)), field('state', c.state));
    if (c.code !== undefined) {
      const code = ctx.renameText(c.code);
      out.push(field('code', code));
      warnRefusedCode(ctx, module, `the scheduled action "${c.name}" (${c.key})`, code);
    }
    if (c.userXmlid && isRef(c.userXmlid)) out.push(refField('user_id', c.userXmlid));
    out.push(field('interval_number', String(Math.trunc(c.intervalNumber))), field('interval_type', c.intervalType));
    if (ctx.major <= 17 && c.numbercall !== undefined) out.push(field('numbercall', String(Math.trunc(c.numbercall))));
    if (ctx.major <= 17 && c.doall) out.push(bool('doall', true));
    out.push(field('priority', String(Math.trunc(c.priority))), bool('active', c.active));
    out.push(END);
  }
  return out;
}

/** No number_next: a fresh database starts at 1, and an upgrade never rewinds a running counter. */
export function sequenceRecords(ctx: GenContext, sequences: SequenceRec[]): string[] {
  const out: string[] = [];
  for (const s of sequences) {
    out.push(openRecord(ctx.localId(s), 'ir.sequence'));
    out.push(field('name', s.name));
    if (s.code !== undefined) out.push(field('code', ctx.renameText(s.code)));
    if (s.prefix !== undefined) out.push(field('prefix', s.prefix));
    if (s.suffix !== undefined) out.push(field('suffix', s.suffix));
    out.push(field('padding', String(Math.trunc(s.padding))), field('number_increment', String(Math.trunc(s.numberIncrement))));
    out.push(field('implementation', s.implementation));
    if (s.useDateRange) out.push(bool('use_date_range', true));
    if (!s.active) out.push(bool('active', false));
    out.push(END);
  }
  return out;
}

/** A data file whose records are created once and never rewritten by an upgrade. */
export const noUpdateXmlFile = (body: string[]): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n    <data noupdate="1">\n${body.map((l) => (l === '' ? l : `    ${l}`)).join('\n')}\n    </data>\n</odoo>\n`;
