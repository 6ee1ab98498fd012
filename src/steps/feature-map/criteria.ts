/**
 * Acceptance criteria read from the code, each with the file:line that enforces it: required
 * fields, constraints and their messages, computes with their triggers, onchanges, chatter
 * tracking, refusals of create/write/unlink, record rules and what they grant.
 */
import type { FieldWrite, ModuleAnalysis, PyMethod, PyModel, RaisedMessage } from '../../analysis/types.js';
import { WRITTEN_NOW, WRITTEN_TODAY } from '../../analysis/python-effects.js';
import { BuildContext } from './context.js';
import { ruleMeaning, ruleSentence } from './rules.js';
import { docSummary, plainDoc } from './story.js';
import { humanize, listing } from './text.js';

const at = BuildContext.at;
const OVERRIDE_VERB: Record<string, string> = { create: 'Creating', write: 'Saving', unlink: 'Deleting', copy: 'Duplicating', copy_data: 'Duplicating' };

export function fieldCriteria(ctx: BuildContext, model: string, classes: readonly PyModel[]): string[] {
  const out: string[] = [];
  const label = ctx.label(model);
  for (const c of classes) {
    for (const f of c.fields) {
      const name = f.string ?? ctx.fieldLabel(model, f.name);
      if (f.required) out.push(at(`${name} is required to save ${article(label)} ${label}`, f));
    }
    for (const s of c.sqlConstraints) out.push(at(`Saving is refused with "${s.message}": the database enforces ${s.definition}`, s));
    for (const meth of c.methods) out.push(...methodCriteria(ctx, model, c, meth), ...mailGateway(label, meth));
    const tracked = c.fields.filter((f) => f.tracking);
    if (tracked.length) out.push(at(`Changes to ${listing(tracked.map((f) => f.string ?? ctx.fieldLabel(model, f.name)))} are logged in the chatter`, tracked[0]));
    // mail.alias.mixin: each record owns an email address; what reaches it becomes a record.
    if (c.inherit.includes('mail.alias.mixin')) out.push(at(`Each ${label} has its own email alias: mail sent to it creates records in Odoo (mail.alias.mixin)`, c));
  }
  return out;
}

const article = (w: string) => (/^[AEIO]/i.test(w) ? 'an' : 'a');

/**
 * The mail gateway's hooks (mail.thread): message_new makes a record of an email sent to the
 * model's alias (hr_expense's expenses by email, crm's leads), message_update adds a reply to it.
 */
function mailGateway(label: string, meth: PyMethod): string[] {
  const doc = plainDoc(meth.docstring);
  if (meth.name === 'message_new') return [at(`An email sent to the ${label} alias creates ${article(label)} ${label} (message_new reads the email${doc ? `: ${doc}` : ''})`, meth)];
  if (meth.name === 'message_update') return [at(`A reply by email updates the ${label} it answers (message_update${doc ? `: ${doc}` : ''})`, meth)];
  return [];
}

function methodCriteria(ctx: BuildContext, model: string, c: PyModel, meth: PyMethod): string[] {
  const label = (f: string) => ctx.fieldLabel(model, f);
  switch (meth.role) {
    case 'constraint': {
      const fields = meth.decorators.find((d) => d.name === 'api.constrains')?.args ?? [];
      const when = fields.length ? ` when ${listing(fields.map(label))} change${fields.length > 1 ? '' : 's'}` : '';
      return meth.messages.length
        ? meth.messages.map((m) => refusal(m, `Saving is refused${when}`))
        : [at(`Saving is checked by ${meth.name}${when}`, meth)];
    }
    case 'compute': {
      const deps = meth.decorators.find((d) => d.name === 'api.depends')?.args ?? [];
      const computed = c.fields.filter((f) => f.compute === meth.name).map((f) => f.string ?? label(f.name));
      if (!computed.length) return [];
      const from = [...new Set(deps.map((d) => label(d.split('.')[0])))];
      return [at(`${listing(computed)} ${computed.length > 1 ? 'are' : 'is'} computed${from.length ? ` from ${listing(from)}` : ''}`, meth)];
    }
    case 'onchange': {
      const fields = meth.decorators.find((d) => d.name === 'api.onchange')?.args ?? [];
      const filled = [...new Set((meth.effects?.writes ?? []).map((w) => label(w.field)))];
      return fields.length ? [at(`Changing ${listing(fields.map(label))} on the form ${filled.length ? `sets ${listing(filled)}` : 'updates other fields'}`, meth)] : [];
    }
    case 'override': {
      const verb = OVERRIDE_VERB[meth.name] ?? (meth.decorators.some((d) => d.name === 'api.ondelete') ? 'Deleting' : undefined);
      if (!verb) return [];
      const out = meth.messages.map((m) => refusal(m, `${verb} is refused`));
      for (const call of meth.effects?.calls ?? []) {
        if (call.name === 'next_by_code' && call.arg) out.push(at(`${verb} numbers it from the sequence ${call.arg}`, call));
      }
      return out;
    }
    case 'other': {
      // A public method whose docstring says what it does (activity_update, _action_... are plumbing).
      const doc = meth.name.startsWith('_') ? undefined : docSummary(meth.docstring);
      return doc ? [at(`${meth.name}: ${doc}`, meth)] : [];
    }
    default:
      return [];
  }
}

/** `Refused with "msg"` at the raise, naming the helper it is raised in when that is not the method itself. */
export function refusal(msg: RaisedMessage, lead = 'Refused'): string {
  return at(`${lead} with "${msg.text}"${msg.via ? `, checked in ${msg.via}` : ''}`, msg);
}

/**
 * What a literal write does, in the words of the form: a Boolean is ticked or unticked, a
 * selection shows its label ("High", not "3"), any field its label rather than its name.
 */
export function writeCriterion(ctx: BuildContext, model: string, w: FieldWrite): string {
  return at(`It ${writePhrase(ctx, model, w)}`, w);
}

/** `ticks "Archived"`, `sets Priority to "Urgent"`: what a literal write does, as a verb phrase. */
export function writePhrase(ctx: BuildContext, model: string, w: FieldWrite): string {
  const on = w.model ?? model;
  const def = ctx.fieldDef(on, w.field);
  const label = def?.string ?? ctx.fieldLabel(on, w.field);
  // `self.env['project.task'].search(...).write(...)` writes to the tasks, not to this record.
  const where = on === model ? '' : ` on ${ctx.label(on)} records`;
  // A Python True/False reads "true"/"false": a field the analysis cannot see (declared in a module
  // outside the addons paths) that is given one is a checkbox.
  if ((def === undefined || def.type === 'Boolean') && (w.value === 'true' || w.value === 'false')) return `${w.value === 'true' ? 'ticks' : 'unticks'} "${label}"${where}`;
  // `rec.close_date = False` empties a field that is no Boolean.
  if (w.value === 'false') return `clears ${label}${where}`;
  if (w.value === WRITTEN_TODAY) return `sets ${label}${where} to today's date`;
  if (w.value === WRITTEN_NOW) return `sets ${label}${where} to the current date and time`;
  const shown = def?.selection?.find(([k]) => k === w.value)?.[1] ?? w.value;
  return `sets ${label}${where} to "${shown}"`;
}

/** Record rules on a model, interpreted: who sees what. */
export function ruleCriteria(ctx: BuildContext, m: ModuleAnalysis, model: string): string[] {
  const ref = `model_${model.replace(/\./g, '_')}`;
  return m.rules
    .map((r) => ctx.ruleAsApplied(r, m.name))
    .filter((r) => r.modelRef?.split('.').pop() === ref)
    .map((r) => at(`${ruleCriterion(ctx, r)}${r.name && !r.updates ? ` ("${r.name}")` : ''}`, r));
}

/**
 * What a record rule grants and to whom. A record of another module's rule says which rule it
 * changes; when that module is not analysed, its model and groups are unknown here, and the rule
 * is no global one for all that.
 */
export function ruleCriterion(ctx: BuildContext, r: ReturnType<BuildContext['ruleAsApplied']>): string {
  if (!r.modelRef) {
    // No model to name: "sees only records of their companies".
    const meaning = ruleMeaning(r, (f) => humanize(f.replace(/_ids?$/, '')), '');
    if (!r.updates) return ruleSentence(meaning, ctx.roleNames(r.groups), listing).replace(/ {2,}/g, ' ');
    const grants = ruleSentence({ ...meaning, global: false }, [], listing).replace(/ {2,}/g, ' ');
    return `The record rule ${r.id} is changed: ${grants.charAt(0).toLowerCase()}${grants.slice(1)}`;
  }
  const model = ctx.modelFromRef(r.modelRef);
  const meaning = ruleMeaning(r, (f) => ctx.fieldLabel(model, f), ctx.label(model), (path) => ctx.fieldAt(model, path));
  const sentence = ruleSentence(meaning, ctx.roleNames(r.groups), listing);
  return r.updates ? `${sentence} (a change of the rule ${r.updates} of ${r.id.split('.')[0]})` : sentence;
}

/** "to Maintenance Manager only", "in debug mode only", "to holders of "Allow X" only". */
export function shownTo(ctx: BuildContext, groups: readonly string[]): string {
  const roles = ctx.roleNames(groups);
  if (roles.length) return `to ${listing(roles)} only`;
  if (groups.includes('base.group_no_one')) return 'in debug mode only';
  return `to holders of ${listing(groups.map((g) => `"${ctx.roles.displayName(g)}"`))} only`;
}

