/** Features for what runs or is produced without a screen: reports, automations, emails, numbering. */
import type { ModuleAnalysis, PyMethod } from '../../analysis/types.js';
import { BuildContext, modelOf, selfCallChain } from './context.js';
import { callCriterion } from './build-lifecycle.js';
import { internalRoleGroups } from './build-web.js';
import { featureId } from './ids.js';
import { article } from './roles.js';
import { firstReason, story } from './story.js';
import { every, humanize, lcfirst, orListing } from './text.js';
import { emptyMetrics, type Feature, type FeatureMetrics } from './types.js';

const ev = BuildContext.ev;
const at = BuildContext.at;

function methodMetrics(methods: readonly PyMethod[]): FeatureMetrics {
  const m = emptyMetrics();
  for (const x of methods) {
    m.methods++;
    m.loc += x.loc;
    m.complexity += x.complexity;
  }
  return m;
}

const local = (id: string) => id.split('.').pop() ?? id;

export function reportFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  return m.reports.map((r) => {
    const model = r.model ?? 'unknown';
    const label = ctx.label(model);
    const name = r.name ?? humanize(local(r.id));
    const template = m.templates.find((t) => t.id === r.reportName || t.id === `${m.name}.${r.reportName}`);
    const groups = ctx.reach(model, 'read');
    const loc = template?.endLine ? template.endLine - template.line + 1 : 0;
    return {
      id: featureId(m.name, 'report', local(r.id)),
      module: m.name,
      kind: 'report' as const,
      title: `Report: ${name}`,
      roles: ctx.roleNames(groups),
      stories: [
        story(ctx.primaryRole(groups), `print the "${name}" of ${article(label)} ${label}`, undefined, [
          at(`"${name}" is in the Print menu of ${article(label)} ${label}${r.reportType ? ` as ${r.reportType}` : ''}`, r),
          ...(template ? [at(`It prints the template ${template.id} (${loc} lines of QWeb)`, template)] : []),
        ]),
      ],
      evidence: [ev(r), ...(template ? [ev(template)] : [])],
      metrics: { ...emptyMetrics(), reports: 1, views: template ? 1 : 0, loc },
    };
  });
}

/**
 * "updates the number of time off" -> "update the number of time off": a scheduled action's name
 * says what it does ("Accrual Time Off: Updates the number of time off"); after "have Odoo" the
 * verb takes its base form. "process", "status" and the like are left as they are.
 */
function baseVerb(text: string): string {
  return text.replace(/^([a-z]+?)(ies|(?:ch|sh|ss|x|z)es|s)\b/, (all, stem: string, end: string) => {
    if (end === 'ies') return `${stem}y`;
    if (end.length > 1 && end.endsWith('es')) return `${stem}${end.slice(0, -2)}`;
    return /(s|u|i)$/.test(stem) ? all : stem;
  });
}

export function automationFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const crons = m.crons.map((cron) => {
    const model = cron.modelRef ? ctx.modelFromRef(cron.modelRef) : 'unknown';
    const own = ctx.classesAbout(model).flatMap((c) => c.methods);
    const methods = own.filter((x) => cron.calls.includes(x.name));
    // What those call on their own records, one step further (fleet's run_scheduler -> scheduler_manage_contract_expiration).
    const further = selfCallChain(own, cron.calls, 1);
    const name = cron.name ?? humanize(local(cron.id));
    const what = name.includes(': ') ? name.split(': ').slice(1).join(': ') : name;
    const when = cron.interval ? every(cron.interval) : 'on schedule';
    const doc = (x: PyMethod) => (x.docstring ? `: ${x.docstring.replace(/\.$/, '')}` : '');
    const acceptance = [
      at(`Runs ${when} without anyone starting it`, cron),
      ...methods.map((x) => at(`It calls ${x.name}${doc(x)}`, x)),
      ...further.map(({ by, method }) => at(`${by.name} calls ${method.name}${doc(method)}`, method)),
      ...[...methods, ...further.map((f) => f.method)].flatMap((x) => (x.effects?.calls ?? []).flatMap((c) => callCriterion(ctx, c.name, c.arg, c.via).map((t) => at(t, c)))),
    ];
    const groups = ctx.reach(model, 'create');
    return {
      id: featureId(m.name, 'automation', local(cron.id)),
      module: m.name,
      kind: 'automation' as const,
      // "When every day, then ..." reads wrong: the trigger is the scheduled action (Odoo's name for a cron) running.
      title: `When the scheduled action runs${cron.interval ? ` ${when}` : ''}, then ${lcfirst(what)}`,
      roles: ctx.roleNames(groups),
      stories: [story(ctx.primaryRole(groups), `have Odoo ${baseVerb(lcfirst(what))} ${when}`, firstReason(methods.map((x) => x.docstring)), acceptance)],
      evidence: [ev(cron), ...methods.map(ev), ...further.map((f) => ev(f.method))],
      metrics: methodMetrics([...methods, ...further.map((f) => f.method)]),
    };
  });
  const automations = m.automations.map((a) => {
    const model = a.modelRef ? ctx.modelFromRef(a.modelRef) : 'unknown';
    const name = a.name ?? humanize(local(a.id));
    const groups = ctx.reach(model, 'write');
    const trigger = a.trigger ? humanize(a.trigger) : 'a change';
    return {
      id: featureId(m.name, 'automation', local(a.id)),
      module: m.name,
      kind: 'automation' as const,
      title: `When ${lcfirst(trigger)} on ${ctx.label(model)}, then ${lcfirst(name)}`,
      roles: ctx.roleNames(groups),
      stories: [story(ctx.primaryRole(groups), `have Odoo ${lcfirst(name)} when ${lcfirst(trigger)} happens on ${article(ctx.label(model))} ${ctx.label(model)}`, undefined, [
        at(`An automated action on ${ctx.label(model)} triggered by ${lcfirst(trigger)}`, a),
      ])],
      evidence: [ev(a)],
      metrics: { ...emptyMetrics(), loc: 5 },
    };
  });
  const vacuums = m.models.flatMap((c) =>
    c.methods.filter((x) => x.decorators.some((d) => d.name === 'api.autovacuum')).map((x) => {
      const model = modelOf(c) ?? 'unknown';
      const what = x.docstring ? lcfirst(x.docstring.replace(/[.\s]+$/, '')) : `run ${x.name}`;
      const groups = ctx.reach(model, 'create');
      return {
        id: featureId(m.name, 'automation', model, x.name),
        module: m.name,
        kind: 'automation' as const,
        title: `When the daily clean-up runs, then ${what}`,
        roles: ctx.roleNames(groups),
        stories: [story(ctx.primaryRole(groups), `have Odoo ${what} every day`, undefined, [at(`${x.name} runs with Odoo's daily clean-up (@api.autovacuum)`, x)])],
        evidence: [ev(x)],
        metrics: methodMetrics([x]),
      };
    }),
  );
  return [...crons, ...automations, ...vacuums];
}

/** Methods (of any analysed module) that reference an xml id or call with an argument. */
function callers(ctx: BuildContext, name: string, arg: string) {
  return [...ctx.callers(name, arg)];
}

const templateIndex = new WeakMap<BuildContext, Map<string, ModuleAnalysis['other']>>();
/** The data records that name each email template (by full xml id), built once per analysis. */
function templateUsers(ctx: BuildContext): Map<string, ModuleAnalysis['other']> {
  let index = templateIndex.get(ctx);
  if (!index) {
    index = new Map();
    for (const x of ctx.modules) {
      for (const r of x.other) {
        for (const k of r.templates ?? []) {
          const id = k.ref.includes('.') ? k.ref : `${x.name}.${k.ref}`;
          index.set(id, [...(index.get(id) ?? []), r]);
        }
      }
    }
    templateIndex.set(ctx, index);
  }
  return index;
}

export function emailFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  return m.mailTemplates.map((t) => {
    const model = t.modelRef ? ctx.modelFromRef(t.modelRef) : 'unknown';
    const label = ctx.label(model);
    const name = t.name ?? humanize(local(t.id));
    const senders = callers(ctx, 'ref', t.id);
    // The buttons of the sender's own model: survey's "Share" is on the survey, the invitation is about a participation.
    const placed = senders.flatMap((s) => m.views.filter((v) => !s.model || v.model === s.model).flatMap((v) => v.buttons.filter((b) => b.name === s.method.name).map((b) => ({ b, on: v.model }))));
    const buttons = placed.map((x) => x.b);
    const groups = buttons.flatMap((b) => b.groups);
    const role = ctx.primaryRole(groups.length ? groups : ctx.reach(model, 'write'));
    const first = placed.find((x) => x.b.string);
    const on = first?.on ? ctx.label(first.on) : label;
    // Data that names it (a stage's mail_template_id): Odoo sends it from there, with no code of the module's.
    const namedBy = templateUsers(ctx).get(t.id.includes('.') ? t.id : `${m.name}.${t.id}`) ?? [];
    const stages = namedBy.length > 0 && namedBy.every((r) => /stage/.test(r.model));
    const goal = first
      ? `have Odoo send the "${name}" email when I use "${first.b.string}" on ${article(on)} ${on}`
      : stages
        ? `have Odoo send the "${name}" email when ${article(label)} ${label} reaches the stage ${orListing(namedBy.map((r) => `"${r.name ?? local(r.id)}"`))}`
        : `send the "${name}" email about ${article(label)} ${label}`;
    const named = namedBy.length
      ? [at(`${orListing(namedBy.map((r) => `"${r.name ?? local(r.id)}"`)).replace(/ or /, ' and ')} (${ctx.label(namedBy[0].model)}) name${namedBy.length > 1 ? '' : 's'} it as ${ctx.fieldLabel(namedBy[0].model, (namedBy[0].templates ?? [])[0]?.field ?? 'mail_template_id')}: Odoo sends it from there`, namedBy[0])]
      : [];
    return {
      id: featureId(m.name, 'email', local(t.id)),
      module: m.name,
      kind: 'email' as const,
      title: `Email: ${name}`,
      roles: ctx.roleNames(groups.length ? groups : ctx.reach(model, 'write')),
      stories: [
        story(role, goal, undefined, [
          ...(t.subject ? [at(`The subject reads: ${t.subject}`, t)] : [at(`A template on ${label}`, t)]),
          ...senders.map((s) => at(`Used by ${s.method.name}${s.model ? ` on ${ctx.label(s.model)}` : ''}`, s.call)),
          ...named,
          ...(senders.length || named.length ? [] : [at('No code of the analysed modules sends it: it is picked in the email composer', t)]),
        ]),
      ],
      evidence: [ev(t), ...senders.map((s) => ev(s.call)), ...namedBy.map(ev)],
      metrics: { ...emptyMetrics(), views: 1, dependencies: senders.length ? 1 : 0 },
    };
  });
}

const NOTICE_MODELS: Record<string, string> = { 'mail.message.subtype': 'chatter subtype', 'mail.activity.type': 'activity type' };

/** Chatter subtypes and activity types a module loads: what followers are notified of, what gets planned. */
export function notificationFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const records = m.other.filter((r) => NOTICE_MODELS[r.model]);
  if (!records.length) return [];
  // survey's "Participation completed" is loaded twice (for the participation and for its survey): named once.
  const names = [...new Set(records.map((r) => r.name ?? local(r.id)))];
  return [
    {
      id: featureId(m.name, 'email', 'notifications'),
      module: m.name,
      kind: 'email' as const,
      title: `Notifications: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''}`,
      roles: ctx.roleNames(internalRoleGroups(ctx, m)),
      stories: [
        story(ctx.primaryRole(internalRoleGroups(ctx, m)), `be notified of ${names.slice(0, 4).map((n) => `"${n}"`).join(', ')}${names.length > 4 ? ' and more' : ''} in the chatter and my activities`, undefined,
          records.map((r) => at(`The ${NOTICE_MODELS[r.model]} "${r.name ?? local(r.id)}" is loaded`, r))),
      ],
      evidence: records.map(ev),
      metrics: { ...emptyMetrics(), loc: records.length * 5 },
    },
  ];
}

export function sequenceFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  return m.sequences.map((s) => {
    const users = s.code ? callers(ctx, 'next_by_code', s.code) : [];
    const model = users.find((u) => u.model)?.model ?? s.code;
    const label = model ? ctx.label(model) : 'record';
    const groups = model ? ctx.reach(model, 'create') : [];
    const name = s.name ?? humanize(local(s.id));
    return {
      id: featureId(m.name, 'sequence', local(s.id)),
      module: m.name,
      kind: 'sequence' as const,
      title: `Numbering: ${name}${s.prefix ? ` (${s.prefix}…)` : ''}`,
      roles: ctx.roleNames(groups),
      stories: [
        story(ctx.primaryRole(groups), `have each new ${label} numbered${s.prefix ? ` ${s.prefix}…` : ''} automatically`, undefined, [
          at(`The sequence ${s.code ?? s.id}${s.prefix ? ` starts numbers with ${s.prefix}` : ''}`, s),
          ...users.map((u) => at(`${u.method.name}${u.model ? ` on ${ctx.label(u.model)}` : ''} takes the next number`, u.call)),
          ...(users.length ? [] : [at('No code of the analysed modules takes a number from it', s)]),
        ]),
      ],
      evidence: [ev(s), ...users.map((u) => ev(u.call))],
      metrics: { ...emptyMetrics(), loc: 5 + users.length * 3 },
    };
  });
}

