/**
 * Lifecycles: a state field plus the transitions the code performs, read from the methods
 * that write a literal state (never from the order of the selection list): which button or
 * method moves the record from which states to which, under which guard.
 */
import type { FieldCopy, FieldGuard, FieldWrite, ModuleAnalysis, PlacedField, PyField, PyMethod, PyModel, ViewButton, XmlCron } from '../../analysis/types.js';
import { BuildContext, classesOf, selfCallChain } from './context.js';
import { refusal, shownTo } from './criteria.js';
import { featureId } from './ids.js';
import { article } from './roles.js';
import { firstReason, story } from './story.js';
import { every, humanize, listing, orListing } from './text.js';
import { emptyMetrics, type Feature, type Story } from './types.js';

const at = BuildContext.at;
const ev = BuildContext.ev;

export interface Transition {
  method: PyMethod;
  cls: PyModel;
  /** States it moves from; empty means "from any state" (no guard in the code). */
  from: string[];
  to: string;
  buttons: ViewButton[];
  /** The buttons that reach `method` through their own method's calls, with that method (repair's "End Repair": action_repair_end -> action_repair_done). */
  via: { button: ViewButton; by: PyMethod; on?: string }[];
  /**
   * The write happens only on the records a condition picks that no filter on the state explains
   * (mrp's Cancel sets Done on flexible orders still in progress; hr_holidays' Approve sets Second
   * Approval on the types with two approvals), or the method is called only on some records.
   */
  conditional: boolean;
  /** The filter on another field that picks the records written (`self.filtered(lambda h: h.validation_type == 'both')`). */
  pickedBy?: FieldGuard;
  /** The write that moves it. */
  write: FieldWrite;
  /** The field written, when the state is computed as a copy of it (hr_expense's approval_state). */
  through?: string;
}

/**
 * What the compute of a computed state field sets: the states it writes itself (hr_expense's
 * Done, Posted and To Submit, from the journal entries and the payment), the field it copies
 * (`sheet.state = sheet.approval_state`: writing that field moves the state), and whether it
 * also sets states from what its code works out (`picking.state = relevant_move_state`).
 */
export function computedState(methods: readonly PyMethod[], field: PyField): { compute: PyMethod; sets: string[]; copy?: FieldCopy & { from: string }; open: boolean } | undefined {
  const compute = field.compute ? methods.find((x) => x.name === field.compute) : undefined;
  if (!compute) return undefined;
  const sets = [...new Set((compute.effects?.writes ?? []).filter((w) => w.field === field.name).map((w) => w.value))];
  const copies = (compute.effects?.copies ?? []).filter((c) => c.field === field.name);
  const copy = copies.find((c): c is FieldCopy & { from: string } => c.from !== undefined);
  const open = copies.some((c) => c.from === undefined);
  return sets.length || copies.length ? { compute, sets, ...(copy ? { copy } : {}), open } : undefined;
}

/** The state field of a model's classes: a Selection named state/status with literal values. */
export function stateField(classes: readonly PyModel[]): PyField | undefined {
  const fields = classes.flatMap((c) => c.fields);
  return fields.find((f) => (f.name === 'state' || f.name === 'status') && f.type === 'Selection' && f.selection?.length);
}

/** Transitions of a model performed by the module's methods (its own classes, any class writing it). */
/** The mail thread's own methods, overridden by models: called to post or notify, not to move the record. */
const MAIL_API = new Set(['message_post', 'message_post_with_source', 'message_post_with_view', 'message_post_with_template', 'message_notify', 'message_subscribe', '_message_log', 'activity_schedule', 'activity_feedback', 'activity_unlink']);

export function transitionsOf(m: ModuleAnalysis, model: string, field: PyField): Transition[] {
  const keys = (field.selection ?? []).map(([k]) => k);
  const out: Transition[] = [];
  const all = classesOf(m, model).flatMap((c) => c.methods);
  const computed = computedState(all, field);
  const copied = computed?.copy?.from;
  /** The state a write gives: its value, or through the field the computed state copies. */
  const stateOf = (w: FieldWrite): string | undefined => {
    if (w.field !== field.name && w.field !== copied) return undefined;
    // `approval_state = False`: the compute falls back to the first state, when it sets that one itself.
    if (w.field === copied && w.value === 'false') return keys[0] !== undefined && computed?.sets.includes(keys[0]) ? keys[0] : undefined;
    return keys.includes(w.value) ? w.value : undefined;
  };
  const viewButtons = m.views.filter((v) => v.model === model).flatMap((v) => v.buttons.filter((b) => b.type === 'object' || b.type === undefined));
  // What each button's method runs on its own records, two calls deep: the buttons that reach a method.
  const reachedBy = new Map<PyMethod, { button: ViewButton; by: PyMethod }[]>();
  for (const b of viewButtons) {
    const root = all.find((x) => x.name === b.name);
    if (!root) continue;
    for (const { method } of selfCallChain(all, [b.name], 2)) {
      // sale.order's message_post marks the order sent when an email goes out: a button that posts a note does not.
      if (method === root || MAIL_API.has(method.name)) continue;
      reachedBy.set(method, [...(reachedBy.get(method) ?? []), { button: b, by: root }]);
    }
  }
  for (const cls of classesOf(m, model)) {
    for (const method of cls.methods) {
      if (method.role === 'compute' || method.role === 'onchange' || method.name === 'write' || method.name === 'create') continue;
      const writes = (method.effects?.writes ?? []).filter((w) => stateOf(w) !== undefined);
      if (!writes.length) continue;
      const direct = m.views.filter((v) => v.model === model).flatMap((v) => v.buttons.filter((b) => b.name === method.name));
      const reached = reachedBy.get(method) ?? [];
      const firstOfBy = (r: { by: PyMethod }, k: number, all: readonly { by: PyMethod }[]) => all.findIndex((x) => x.by === r.by) === k;
      // The ways a user gets there: the method's own buttons, else the buttons whose methods call it.
      // Beside its own buttons, another button whose method calls it is a way of its own, with that
      // method's checks (hr_holidays' Approve runs action_validate for the types with one approval).
      const paths: { buttons: ViewButton[]; via: Transition['via'] }[] = [];
      if (direct.length) {
        paths.push({ buttons: direct, via: [] });
        // A button method that sets the state itself, whatever happens, ends there: a state its call
        // passes through on the way is no destination (repair's "Set to Draft" cancels first).
        const others = reached.filter((r) => !direct.some((d) => d.name === r.button.name) && !(r.by.effects?.writes ?? []).some((w) => stateOf(w) !== undefined && !w.conditional));
        for (const by of new Set(others.map((r) => r.by))) {
          const via = others.filter((r) => r.by === by);
          paths.push({ buttons: via.map((r) => r.button), via: via.filter(firstOfBy) });
        }
      } else if (reached.length) paths.push({ buttons: reached.map((r) => r.button), via: reached.filter(firstOfBy) });
      else {
        // No button of the model: a wizard's button whose method calls it on the model's records
        // (hr_expense's Refuse wizard runs `self.sheet_ids._do_refuse(self.reason)`).
        const callers = otherCallers(m, model, method.name);
        paths.push({ buttons: callers.map((r) => r.button), via: callers.filter(firstOfBy) });
      }
      for (const { buttons, via } of paths) {
        // Reached by one button's method only: what that method checks first holds too.
        const checked = [method, ...(via.length === 1 ? [via[0].by] : [])];
        const guards = checked.flatMap((x) => x.effects?.guards ?? []).filter((g) => g.field === field.name);
        let from: string[] = [];
        for (const g of guards) {
          const allowed = g.allowed ? g.values : keys.filter((k) => !g.values.includes(k));
          from = from.length ? from.filter((k) => allowed.includes(k)) : [...allowed];
        }
        // Beside the method's own buttons, a way through a call made on some records only (in an
        // `if`, on `self.filtered(...)`) may not be taken.
        const calledIf = direct.length > 0 && via.length > 0 && via.every((r) => r.by.selfCallsIf?.includes(method.name));
        for (const to of [...new Set(writes.map((w) => stateOf(w) as string))]) {
          const ws = writes.filter((w) => stateOf(w) === to);
          // `self.filtered(lambda h: h.validation_type == 'both').write({'state': 'validate1'})`: a
          // filter on another field picks the records, whatever the state guards say.
          const filter = ws.length === 1 ? method.effects?.guards.find((g) => g.field !== field.name && !g.message && g.line === ws[0].line && g.file === ws[0].file) : undefined;
          const conditional = calledIf || (ws.every((w) => w.conditional) && (guards.length === 0 || !!filter));
          const through = ws[0].field === field.name ? {} : { through: ws[0].field };
          out.push({ method, cls, from: from.filter((k) => k !== to), to, buttons, via, conditional, write: ws[0], ...through, ...(filter ? { pickedBy: filter } : {}) });
        }
      }
    }
  }
  return out;
}

/**
 * The buttons of other models' views (a wizard's) whose method calls `name` on records of `model`:
 * through one of its fields whose comodel is `model` (`self.sheet_ids._do_refuse(...)`), or on a
 * variable in a class that has such a field (`leads.action_set_lost(...)`).
 */
function otherCallers(m: ModuleAnalysis, model: string, name: string): { button: ViewButton; by: PyMethod; on: string }[] {
  const out: { button: ViewButton; by: PyMethod; on: string }[] = [];
  for (const c of m.models) {
    const on = c.name ?? c.inherit[0];
    if (!on || on === model) continue;
    const related = new Set(c.fields.filter((f) => f.comodel === model).map((f) => f.name));
    if (related.size === 0) continue;
    for (const x of c.methods) {
      const calls = (x.recordCalls ?? []).some((r) => r === name || (r.endsWith(`.${name}`) && related.has(r.slice(0, -name.length - 1))));
      if (!calls) continue;
      for (const v of m.views) {
        if (v.model !== on) continue;
        for (const button of v.buttons) if (button.name === x.name && (button.type === 'object' || button.type === undefined)) out.push({ button, by: x, on });
      }
    }
  }
  return out;
}

/** The guards that hold on a transition: its method's, and those of the one button method that reaches it. */
const guardsOf = (t: Transition) => [t.method, ...(t.via.length === 1 ? [t.via[0].by] : [])].flatMap((x) => x.effects?.guards ?? []);

/** "whose Validation Type is both" for the filter that picks the records written, else what the code leaves unnamed. */
function picked(ctx: BuildContext, model: string, g: FieldGuard | undefined): string {
  return g ? `whose ${tested(ctx, model, { field: g.field, negated: !g.allowed, values: g.values })}` : 'a condition in the code picks';
}

/** "Validation Type is not no_validation": a comparison the code makes, with selection labels when known. */
function tested(ctx: BuildContext, model: string, c: { field: string; negated: boolean; values: readonly string[] }): string {
  const def = ctx.fieldDef(model, c.field);
  const shown = c.values.map((v) => def?.selection?.find(([k]) => k === v)?.[1] ?? v);
  return `${ctx.fieldLabel(model, c.field)} is ${c.negated ? 'not ' : ''}${orListing(shown)}`;
}


export function lifecycleFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const out: Feature[] = [];
  const models = [...new Set(m.models.filter((c) => c.kind === 'model').map((c) => c.name ?? c.inherit[0]).filter((x): x is string => !!x))];
  for (const model of models) {
    const classes = classesOf(m, model);
    const field = stateField(classes) ?? ctx.stateFieldOfModel(model, stateField);
    if (!field) {
      const staged = stageFeature(ctx, m, model, classes);
      if (staged) out.push(staged);
      continue;
    }
    const transitions = transitionsOf(m, model, field);
    // A clickable status bar lets a user set any status by hand, with no method at all.
    const bar = statusbarsOf(m, model, field.name).find((b) => b.statusbar?.clickable);
    if (!transitions.length && !bar) continue;
    const label = ctx.label(model);
    const name = (k: string) => field.selection?.find(([key]) => key === k)?.[1] ?? k;
    const states = (ks: readonly string[]) => orListing(ks.map(name));
    const writers = ctx.reach(model, 'write');
    const stories: Story[] = [];
    for (const t of transitions) {
      const caption = t.buttons.find((b) => b.string)?.string;
      const groups = [...new Set(t.buttons.flatMap((b) => b.groups))];
      // A button shown to every internal user is run by those who may change the records.
      const shown = groups.filter((g) => g !== 'base.group_user');
      const role = ctx.primaryRole(shown.length ? shown : writers.length ? writers : groups);
      // A method a scheduled action calls, with no button: Odoo moves the record, nobody does.
      const cron = t.buttons.length ? undefined : cronsCalling(ctx, model, t.method.name)[0];
      const when = cron?.interval ? every(cron.interval) : 'on schedule';
      const how = caption ? ` with "${caption}"` : t.method.role === 'cron' ? ' on schedule' : '';
      const fromText = t.from.length ? `from ${states(t.from)} ` : '';
      const moved = `${article(label)} ${label} ${fromText}to ${name(t.to)}`;
      const goal = cron ? `have Odoo move ${moved} ${when}` : `move ${moved}${how}`;
      // Only on the way the method's own buttons give (or none): another button's way is not the route's.
      const routes = t.via.length && t.buttons.length ? [] : ctx.routeLines(m, model, t.method.name, t.buttons.length > 0);
      const acceptance = [
        at(`${caption ? `"${caption}"` : humanize(t.method.name)} ${t.conditional ? 'can set' : 'sets'} ${field.string ?? 'Status'} to ${name(t.to)}${t.through ? ` (it sets ${ctx.fieldLabel(model, t.through)}, which ${field.string ?? 'Status'} follows)` : ''}${t.conditional ? `, only on the records ${picked(ctx, model, t.pickedBy)}` : ''}`, t.write),
        ...guardsOf(t)
          .filter((g) => g.field === field.name)
          .map((g) => {
            const allowed = g.allowed ? g.values : (field.selection ?? []).map(([k]) => k).filter((k) => !g.values.includes(k));
            // `... and h.validation_type != 'no_validation'`: the refusal spares the records the other test excludes.
            const also = g.alsoIf?.length ? `, for the records whose ${g.alsoIf.map((c) => tested(ctx, model, c)).join(' and ')}` : '';
            return at(g.message ? `Refused with "${g.message}" unless ${field.string ?? 'Status'} is ${states(allowed)}${also}` : `Only ${label} records in ${states(allowed)} are moved; the others are left as they are`, g);
          }),
        // What the method, and the button's own method before it, refuse besides those guards.
        ...[t.method, ...t.via.map((v) => v.by)].flatMap((x) => x.messages).filter((msg) => !guardsOf(t).some((g) => g.field === field.name && g.message === msg.text)).map((msg) => refusal(msg)),
        ...t.via.map((v) => at(`"${v.button.string ?? humanize(v.by.name)}"${v.on ? ` of the ${ctx.label(v.on)} form` : ''} runs ${v.by.name}, which calls ${t.method.name}${v.on ? ` on the ${label} records` : ''}`, v.by)),
        ...t.buttons.filter((b) => b.groups.length).map((b) => at(`The "${b.string ?? humanize(b.name)}" button is shown ${shownTo(ctx, b.groups)}`, b)),
        ...(t.method.effects?.calls ?? []).flatMap((c) => callCriterion(ctx, c.name, c.arg, c.via).map((x) => at(x, c))),
        ...routes,
        ...(cron
          ? [at(`The scheduled action "${cron.name ?? cron.id}" runs ${t.method.name} ${when}, without anyone starting it`, cron)]
          : t.buttons.length || routes.length ? [] : [at(`No button in this module's views calls ${t.method.name}: it runs from code`, t.method)]),
      ];
      // No button, and only public pages run it: a visitor moves the record (survey's participants).
      const pages = t.buttons.length || cron ? [] : ctx.routesRunning(m, model, t.method.name);
      const visitor = pages.length > 0 && pages.every((r) => r.route?.auth === 'public' || r.route?.auth === 'none');
      stories.push(story(visitor ? 'Public User' : role, goal, firstReason([t.method.docstring]), acceptance));
    }
    const all = (field.selection ?? []).map(([k]) => k);
    if (bar) {
      stories.push(story(ctx.primaryRole(bar.groups.length ? bar.groups : writers), `set the ${field.string ?? 'Status'} of ${article(label)} ${label} by clicking it in the status bar`, undefined, [
        clickableBar(ctx, bar, `${states(all)} can be chosen directly, without a button's checks`),
      ]));
    }
    // A computed state: what its compute sets, and the field it follows, is said once.
    const computed = computedState(classes.flatMap((c) => c.methods), field);
    if (computed && stories[0]) {
      const follows = computed.copy ? `${computed.sets.length ? ', else' : ''} it follows ${ctx.fieldLabel(model, computed.copy.from)}` : '';
      const sets = computed.sets.length ? ` it sets ${states(computed.sets)} itself` : '';
      const open = computed.open ? `${sets || follows ? ', and' : ''} other states from what the code works out` : '';
      const depends = computed.compute.decorators.find((d) => d.name === 'api.depends')?.args ?? [];
      const from = depends.length ? `, from ${listing(depends.map((d) => ctx.fieldLabel(model, d.split('.')[0])).filter((x, i, a) => a.indexOf(x) === i))}` : '';
      stories[0] = { ...stories[0], acceptance: [...stories[0].acceptance, at(`${field.string ?? 'Status'} is computed by ${computed.compute.name}${from}:${sets}${follows}${open}`, computed.compute)] };
    }
    const reached = new Set([...transitions.flatMap((t) => [t.to, ...t.from]), ...(computed?.sets ?? [])]);
    // A computed state set to what its code works out may take any of them, and so may a state a
    // method writes from a variable (`self.write({'state': newstate})` in ir.module.module's _state_update).
    const workedOut = classes.some((c) => c.methods.some((x) => x.role !== 'compute' && (x.effects?.copies ?? []).some((k) => k.field === field.name && k.from === undefined)));
    // A state the form shows as a plain field (payment.provider's radio buttons) is chosen by hand as well.
    const onForm = m.views.some((v) => v.model === model && v.type === 'form' && (v.fields ?? []).some((p) => p.name === field.name && !p.statusbar));
    const never = computed?.open || workedOut || onForm ? [] : all.filter((k) => !reached.has(k) && k !== (field.selection?.[0]?.[0] ?? ''));
    // With a clickable status bar a user sets them: "no code sets" would mislead.
    if (never.length && stories[0] && !bar) {
      stories[0] = { ...stories[0], acceptance: [...stories[0].acceptance, at(`No code in this module sets ${states(never)}`, field)] };
    }
    const methods = [...new Set(transitions.map((t) => t.method))];
    out.push({
      id: featureId(m.name, 'lifecycle', model),
      module: m.name,
      kind: 'lifecycle',
      title: transitions.length
        ? `${label} lifecycle (${field.string ?? 'Status'}): ${transitions.length} transition${transitions.length > 1 ? 's' : ''} to ${orListing([...new Set(transitions.map((t) => name(t.to)))]).replace(/ or /, ' and ')}${bar ? ', and any status in the status bar' : ''}`
        : `${label} lifecycle (${field.string ?? 'Status'}): ${listing(all.map(name))}, set in the status bar`,
      roles: ctx.roleNames([...transitions.flatMap((t) => t.buttons.flatMap((b) => b.groups)), ...writers]),
      stories,
      evidence: [ev(field), ...methods.map(ev), ...transitions.flatMap((t) => t.buttons.map(ev)), ...(bar ? [ev(bar)] : [])],
      metrics: {
        ...emptyMetrics(),
        methods: methods.length,
        loc: methods.reduce((s, x) => s + x.loc, 0),
        complexity: methods.reduce((s, x) => s + x.complexity, 0),
      },
    });
  }
  return out;
}

/**
 * A lifecycle through stage records (a stage_id Many2one): the stages the module loads, moved
 * on the kanban board; the order of the stages is data the users change, not code.
 */
function stageFeature(ctx: BuildContext, m: ModuleAnalysis, model: string, classes: readonly PyModel[]): Feature | undefined {
  const fields = classes.flatMap((c) => c.fields).filter((f) => f.type === 'Many2one' && f.comodel);
  // stage_id, or another Many2one the form shows as a status bar (fleet's vehicle State).
  const field = fields.find((f) => f.name === 'stage_id') ?? fields.find((f) => statusbarsOf(m, model, f.name).length > 0);
  if (!field?.comodel) return undefined;
  const label = ctx.label(model);
  const stages = recordsOf(ctx).filter((r) => r.model === field.comodel);
  const writers = ctx.reach(model, 'write');
  const kanban = m.views.some((v) => v.model === model && v.type === 'kanban');
  const bar = statusbarsOf(m, model, field.name).find((b) => b.statusbar?.clickable);
  const names = stages.map((s) => s.name).filter((n): n is string => !!n);
  const where = [kanban && field.name === 'stage_id' ? 'on the kanban board' : '', bar ? "in the form's status bar" : ''].filter(Boolean).join(' or ');
  const acceptance = [
    ...stages.map((s) => at(`The stage "${s.name ?? s.id}" is loaded by ${moduleOfRecord(ctx, s) ?? 'the module'}`, s)),
    ...(bar ? [clickableBar(ctx, bar, 'any stage can be chosen directly')] : []),
    ...(field.tracking ? [at(`Stage changes are logged in the chatter`, field)] : []),
    ...classes.flatMap((c) => c.fields).filter((f) => f.name === 'kanban_state' && f.selection?.length).map((f) => at(`A card also shows ${listing((f.selection ?? []).map(([, l]) => l))} (${f.string ?? 'Kanban State'})`, f)),
  ];
  return {
    id: featureId(m.name, 'lifecycle', model),
    module: m.name,
    kind: 'lifecycle',
    title: `${label} ${field.name === 'stage_id' ? 'stages' : `${field.string ?? humanize(field.name)} stages`}${names.length ? `: ${names.join(', ')}` : ''}`,
    roles: ctx.roleNames(writers),
    stories: [story(ctx.primaryRole(writers), `move ${article(label)} ${label} through its stages${where ? ` ${where}` : ''}`, firstReason([field.help], false), acceptance)],
    evidence: [ev(field), ...stages.map(ev), ...(bar ? [ev(bar)] : [])],
    metrics: { ...emptyMetrics(), fields: 1, loc: stages.length * 4 },
  };
}

/** The status bars showing `field` in this module's views of `model`. */
function statusbarsOf(m: ModuleAnalysis, model: string, field: string): PlacedField[] {
  return m.views.filter((v) => v.model === model).flatMap((v) => (v.fields ?? []).filter((f) => f.name === field && f.statusbar));
}

/** The criterion of a clickable status bar: who sees it, and what `choice` it gives. */
function clickableBar(ctx: BuildContext, bar: PlacedField, choice: string): string {
  return at(`The status bar of the form is clickable${bar.groups.length ? `, shown ${shownTo(ctx, bar.groups)}` : ''}: ${choice}`, bar);
}

/**
 * The scheduled actions (of any module) that run `method` on `model`: their code calls it, or
 * calls a method of the model that calls it on its own records (`run_scheduler` calling
 * `self.scheduler_manage_contract_expiration()` in fleet), two calls deep at most.
 */
function cronsCalling(ctx: BuildContext, model: string, method: string): XmlCron[] {
  let byModel = crons.get(ctx);
  if (!byModel) {
    byModel = new Map();
    for (const c of ctx.modules.flatMap((x) => x.crons)) {
      if (!c.modelRef) continue;
      const target = ctx.modelFromRef(c.modelRef);
      byModel.set(target, [...(byModel.get(target) ?? []), c]);
    }
    crons.set(ctx, byModel);
  }
  const scheduled = byModel.get(model) ?? [];
  if (scheduled.length === 0) return [];
  const methods = ctx.classesAbout(model).flatMap((c) => c.methods);
  return scheduled.filter((c) => c.calls.includes(method) || selfCallChain(methods, c.calls, 2).some((x) => x.method.name === method));
}

// Built once per analysis: callers ask per call and per model, thousands of times on a full tree.
const crons = new WeakMap<BuildContext, Map<string, XmlCron[]>>();
const records = new WeakMap<BuildContext, ModuleAnalysis['other']>();
const recordModules = new WeakMap<BuildContext, Map<ModuleAnalysis['other'][number], string>>();
/** The module whose data loads a record. */
function moduleOfRecord(ctx: BuildContext, r: ModuleAnalysis['other'][number]): string | undefined {
  let m = recordModules.get(ctx);
  if (!m) recordModules.set(ctx, (m = new Map(ctx.modules.flatMap((x) => x.other.map((o) => [o, x.name] as const)))));
  return m.get(r);
}
const templates = new WeakMap<BuildContext, Map<string, ModuleAnalysis['mailTemplates'][number]>>();
function recordsOf(ctx: BuildContext): ModuleAnalysis['other'] {
  let r = records.get(ctx);
  if (!r) records.set(ctx, (r = ctx.modules.flatMap((x) => x.other)));
  return r;
}
function templatesOf(ctx: BuildContext): Map<string, ModuleAnalysis['mailTemplates'][number]> {
  let t = templates.get(ctx);
  if (!t) templates.set(ctx, (t = new Map(ctx.modules.flatMap((x) => x.mailTemplates).map((x) => [x.id, x]))));
  return t;
}

/** `maintenance.mail_act_maintenance_request` -> `the "Maintenance Request" activities`, by the activity type's name. */
function activityNamed(ctx: BuildContext, arg: string | undefined): string {
  if (!arg) return 'the activities';
  const type = activityType(ctx, arg);
  return type ? `the "${type}" activities` : `the activities ${arg.split('.').pop()}`;
}

/** The name the data gives an activity type ('maintenance.mail_act_maintenance_request' -> "Maintenance Request"). */
function activityType(ctx: BuildContext, arg: string | undefined): string | undefined {
  if (!arg) return undefined;
  const local = arg.split('.').pop();
  return recordsOf(ctx).find((r) => r.model === 'mail.activity.type' && (r.id === arg || r.id.split('.').pop() === local))?.name;
}

/** What a named call does, said for a reviewer; `via`: the helper of the class that makes it ("... (in activity_update)"). */
export function callCriterion(ctx: BuildContext, name: string, arg: string | undefined, via?: string): string[] {
  const said = callSaid(ctx, name, arg);
  return via ? said.map((t) => `${t} (in ${via})`) : said;
}

function callSaid(ctx: BuildContext, name: string, arg: string | undefined): string[] {
  switch (name) {
    case 'message_post':
    case 'message_post_with_source':
    case 'message_post_with_view':
    case 'message_post_with_template':
      return ['Posts a message in the chatter'];
    // message_notify notifies its recipients (inbox or email) and leaves the record's chatter as it was.
    case 'message_notify':
      return ['Sends a notification (inbox or email), not kept in the chatter'];
    case 'activity_schedule': {
      // 'maintenance.mail_act_maintenance_request' -> the type's name in the data: "Maintenance Request".
      const type = activityType(ctx, arg);
      return [type ? `Schedules ${article(type)} "${type}" activity` : `Schedules an activity${arg ? ` (${arg.split('.').pop()})` : ''}`];
    }
    case 'send_mail':
    case 'action_send_mail':
      return ['Sends an email'];
    case 'ref': {
      const tpl = arg ? templatesOf(ctx).get(arg) : undefined;
      return tpl ? [`Uses the email template "${tpl.name ?? arg}"`] : [];
    }
    case 'next_by_code':
      return arg ? [`Takes the next number of the sequence ${arg}`] : [];
    case 'create':
      if (arg === 'mail.activity') return ['Schedules activities'];
      return arg ? [`Creates ${article(ctx.label(arg))} ${ctx.label(arg)}`] : [];
    case 'copy':
      return ['Creates a copy of the record'];
    case 'message_subscribe':
      return ['Adds followers'];
    case 'activity_feedback':
      return [`Marks ${activityNamed(ctx, arg)} as done`];
    case 'activity_unlink':
      return [`Removes ${activityNamed(ctx, arg)}`];
    default:
      return [];
  }
}


