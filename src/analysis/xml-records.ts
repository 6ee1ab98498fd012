/** Turns one parsed <record> into the typed item it describes. */
import { readDomain } from './domain.js';
import { attributeNames } from './eval-refs.js';
import type { PlacedField, ViewButton, XmlData } from './types.js';

export interface RecordField {
  line: number;
  /** Text content, whitespace collapsed (HTML fields: their text only). */
  text: string;
  ref?: string;
  /** ref= or every ref('...') inside eval=. */
  refs: string[];
  eval?: string;
  /** search="[('model', '=', 'mrp.production')]": the record the field points to, found by a domain. */
  search?: string;
  arch?: { root?: string; positioned: number; buttons: ViewButton[]; fields: number; placed: PlacedField[] };
}

/** A field that names an email template (mail_template_id, template_id, rating_template_id...). */
const TEMPLATE_FIELD = /(?:^|_)template_id$/;

export function recordToData(
  data: XmlData,
  record: { id: string; model: string; line: number; fields: Map<string, RecordField> },
  file: string,
): void {
  const f = (name: string) => record.fields.get(name);
  const text = (name: string) => f(name)?.text || undefined;
  const { id, line } = record;
  switch (record.model) {
    case 'ir.ui.view': {
      const arch = f('arch')?.arch;
      const inheritId = f('inherit_id')?.ref;
      if (!arch && text('type') === 'qweb') {
        data.templates.push({ id, file, line });
        return;
      }
      const root = arch?.root;
      const type = root === 'xpath' || root === 'data' || (inheritId && root === 'field') ? 'inherited' : root ?? text('type') ?? 'unknown';
      data.views.push({
        id, file, line,
        model: text('model'),
        type,
        inheritId,
        xpathCount: inheritId ? (arch?.positioned ?? 0) : 0,
        buttons: arch?.buttons ?? [],
        fieldCount: arch?.fields ?? 0,
        fields: arch?.placed ?? [],
      });
      return;
    }
    case 'ir.actions.act_window':
      data.actions.push({
        id, file, line,
        name: text('name'),
        resModel: text('res_model'),
        viewMode: text('view_mode'),
        help: text('help'),
        target: text('target'),
        bindingModel: f('binding_model_id')?.ref,
      });
      return;
    case 'ir.actions.report':
      data.reports.push({ id, file, line, name: text('name'), model: text('model'), reportName: text('report_name'), reportType: text('report_type') });
      return;
    case 'res.groups':
      data.groups.push({ id, file, line, name: text('name'), category: f('category_id')?.ref, implied: f('implied_ids')?.refs ?? [], comment: text('comment') });
      return;
    case 'ir.rule': {
      // perm_read/write/create/unlink default to True: a rule with one of them off does not apply to that operation.
      const on = (name: string) => !['0', 'False', 'false'].includes((f(name)?.eval ?? f(name)?.text ?? '1').trim());
      const perms = { read: on('perm_read'), write: on('perm_write'), create: on('perm_create'), unlink: on('perm_unlink') };
      const all = perms.read && perms.write && perms.create && perms.unlink;
      const domain = text('domain_force');
      const terms = readDomain(domain);
      const modelRef = f('model_id')?.ref ?? modelSearched(f('model_id')?.search);
      data.rules.push({ id, file, line, name: text('name'), modelRef, groups: f('groups')?.refs ?? [], domain, ...(terms ? { terms } : {}), ...(all ? {} : { perms }) });
      return;
    }
    case 'ir.cron':
      data.crons.push({
        id, file, line,
        name: text('name'),
        modelRef: f('model_id')?.ref,
        code: text('code'),
        calls: attributeNames(text('code') ?? ''),
        interval: [text('interval_number'), text('interval_type')].filter(Boolean).join(' ') || undefined,
      });
      return;
    case 'mail.template':
      data.mailTemplates.push({ id, file, line, name: text('name'), modelRef: f('model_id')?.ref, subject: text('subject') });
      return;
    case 'ir.sequence':
      data.sequences.push({ id, file, line, name: text('name'), code: text('code'), prefix: text('prefix') });
      return;
    case 'ir.module.category':
      data.categories.push({ id, file, line, name: text('name') });
      return;
    case 'base.automation':
      data.automations.push({ id, file, line, name: text('name'), modelRef: f('model_id')?.ref, trigger: text('trigger') });
      return;
    case 'ir.ui.menu':
      data.menus.push({ id, file, line, name: text('name'), parent: f('parent_id')?.ref, action: f('action')?.ref, groups: f('groups_id')?.refs ?? [] });
      return;
    default: {
      // `<field name="mail_template_id" ref="closed_ticket_template"/>` on a stage: the template it sends.
      const templates = [...record.fields].filter(([name, v]) => TEMPLATE_FIELD.test(name) && v.ref).map(([field, v]) => ({ field, ref: v.ref as string }));
      data.other.push({ id, model: record.model, name: text('name'), file, line, ...(templates.length ? { templates } : {}) });
    }
  }
}

/** `<field name="model_id" search="[('model', '=', 'mrp.production')]"/>`: the model's reference, model_mrp_production. */
function modelSearched(search: string | undefined): string | undefined {
  const terms = readDomain(search);
  const t = terms?.length === 1 ? terms[0] : undefined;
  return typeof t === 'object' && t.path === 'model' && t.op === '=' && typeof t.value === 'string' ? `model_${t.value.replace(/\./g, '_')}` : undefined;
}
