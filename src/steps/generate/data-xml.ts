/** security/ir.model.access.csv, security/rules.xml and data/ (server actions, automations, defaults). */
import type { AccessRec, AutomationRec, DefaultRec, RuleRec, ServerActionRec } from '../extract/schema.js';
import type { GenContext } from './context.js';
import { pyStr } from './py.js';
import { bindingFields, evalField, field, groupsLine, isRef, openRecord, refField, refsEval } from './views-xml.js';
import { xmlAttr } from './xml.js';
import { warnRefusedCode } from './kinds-xml.js';

const csvCell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const bit = (b: boolean): string => (b ? '1' : '0');

export function accessCsv(ctx: GenContext, module: string, rows: AccessRec[]): string {
  const lines = ['id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink'];
  for (const r of rows) {
    const group = r.group && isRef(r.group) ? r.group : '';
    lines.push([ctx.localId(r), r.name.replace(/[\r\n]+/g, ' '), ctx.modelRef(r.model, module), group, bit(r.read), bit(r.write), bit(r.create), bit(r.unlink)].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function ruleRecords(ctx: GenContext, module: string, rules: RuleRec[]): string[] {
  const out: string[] = [];
  for (const r of rules) {
    out.push(openRecord(ctx.localId(r), 'ir.rule'));
    out.push(field('name', r.name));
    out.push(refField('model_id', ctx.modelRef(r.model, module)));
    out.push(field('domain_force', ctx.renameText(r.domain)));
    const groups = r.groups.filter(isRef);
    if (groups.length > 0) out.push(evalField('groups', refsEval(groups)));
    for (const [k, v] of [['perm_read', r.read], ['perm_write', r.write], ['perm_create', r.create], ['perm_unlink', r.unlink]] as const) {
      out.push(evalField(k, v ? 'True' : 'False'));
    }
    if (!r.active) out.push(evalField('active', 'False'));
    out.push('    </record>');
  }
  return out;
}

function serverAction(ctx: GenContext, module: string, s: ServerActionRec, automation?: string): string[] {
  const out = [openRecord(ctx.localId(s), 'ir.actions.server')];
  out.push(field('name', s.name));
  out.push(refField('model_id', ctx.modelRef(s.model, module)));
  out.push(field('state', s.state));
  if (s.code !== undefined) {
    const code = ctx.renameText(s.code);
    out.push(field('code', code));
    warnRefusedCode(ctx, module, `the server action "${s.name}" (${s.key})`, code);
  }
  out.push(field('sequence', String(Math.trunc(s.sequence))));
  out.push(...bindingFields(ctx, module, s));
  if (automation) {
    out.push(field('usage', 'base_automation'));
    out.push(refField('base_automation_id', automation));
  }
  out.push(...groupsLine(ctx, s.groups));
  out.push('    </record>');
  return out;
}

/**
 * Server actions and automations. 17+: an automation owns its actions (action_server_ids is the
 * inverse of base_automation_id), so the automation comes first. 16: the automation points at
 * one server action (action_server_id), so the action comes first.
 */
export function actionData(ctx: GenContext, module: string, servers: ServerActionRec[], autos: AutomationRec[]): string[] {
  const out: string[] = [];
  const owner = new Map<string, AutomationRec>();
  for (const a of autos) for (const k of a.actionKeys) if (!owner.has(k)) owner.set(k, a);
  const many = ctx.extract.profile.automationActionField !== 'action_server_id';
  for (const s of servers) if (!owner.has(s.key) || !many) out.push(...serverAction(ctx, module, s));
  for (const a of autos) {
    out.push(openRecord(ctx.localId(a), 'base.automation'));
    out.push(field('name', a.name));
    out.push(refField('model_id', ctx.modelRef(a.model, module)));
    out.push(field('trigger', a.trigger));
    if (a.filterDomain) out.push(field('filter_domain', ctx.renameText(a.filterDomain)));
    if (a.filterPreDomain) out.push(field('filter_pre_domain', ctx.renameText(a.filterPreDomain)));
    if (a.triggerFields.length > 0) out.push(evalField('trigger_field_ids', refsEval(a.triggerFields.map((f) => ctx.fieldRef(a.model, f, module)).filter(isRef))));
    if (a.dateField) out.push(refField('trg_date_id', ctx.fieldRef(a.model, a.dateField, module)));
    if (a.dateRange) out.push(field('trg_date_range', String(Math.trunc(a.dateRange))));
    if (a.dateRangeType) out.push(field('trg_date_range_type', a.dateRangeType));
    if (!many) {
      const first = a.actionKeys.map((k) => ctx.ref(k, module)).find((r) => r !== undefined);
      if (first) out.push(refField('action_server_id', first));
    }
    if (!a.active) out.push(evalField('active', 'False'));
    out.push('    </record>');
    if (many) {
      for (const k of a.actionKeys) {
        const s = servers.find((x) => x.key === k);
        if (s && owner.get(k) === a) {
          out.push(...serverAction(ctx, module, s, ctx.localId(a)));
          // 17: base_automation recomputes the name of an automation's action from its type
          // ("Execute Code") after the record is loaded; writing the name afterwards keeps it.
          if (ctx.major < 19) out.push(`    <function model="ir.actions.server" name="write" eval="${xmlAttr(`[[ref(${pyStr(ctx.localId(s))})], {'name': ${pyStr(s.name)}}]`)}"/>`);
        }
      }
    }
  }
  return out;
}

export function defaultRecords(ctx: GenContext, module: string, defaults: DefaultRec[]): string[] {
  const out: string[] = [];
  for (const d of defaults) {
    out.push(openRecord(ctx.localId(d), 'ir.default'));
    out.push(refField('field_id', ctx.fieldRef(d.model, d.field, module)));
    out.push(field('json_value', d.jsonValue));
    out.push('    </record>');
  }
  return out;
}
