/** Features for what models do: buttons/actions, reports, scheduled actions, emails, constraints. */
import { parser } from '@lezer/python';
import type { ModuleAnalysis, PyMethod, PyModel } from '../../analysis/types.js';
import { BuildContext, modelOf } from './context.js';
import { moduleGroups, story } from './build-models.js';
import { featureId } from './ids.js';
import { article } from './roles.js';
import { benefitFrom, humanize, lcfirst, listing, startsWithVerb } from './text.js';
import { emptyMetrics, type Feature, type FeatureMetrics } from './types.js';

const ev = BuildContext.ev;

function methodMetrics(methods: readonly PyMethod[]): FeatureMetrics {
  const m = emptyMetrics();
  for (const x of methods) {
    m.methods++;
    m.loc += x.loc;
    m.complexity += x.complexity;
  }
  return m;
}

/** Classes of the module with a model name, excluding wizards (their buttons belong to the wizard). */
const persistent = (m: ModuleAnalysis): PyModel[] => m.models.filter((c) => c.kind !== 'transient' && modelOf(c));

export function actionFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const out: Feature[] = [];
  for (const c of persistent(m)) {
    const model = modelOf(c) as string;
    const label = ctx.label(model);
    for (const meth of c.methods.filter((x) => x.role === 'action')) {
      const buttons = m.views.filter((v) => v.model === model).flatMap((v) => v.buttons.filter((b) => b.name === meth.name));
      const caption = buttons.find((b) => b.string)?.string;
      const groups = buttons.flatMap((b) => b.groups);
      const writers = ctx.groupsWith(model, 'write');
      const who = groups.length ? groups : writers.length ? writers : moduleGroups(m);
      const named = humanize(meth.name);
      const goal = caption
        ? `use "${caption}" on ${article(label)} ${label}`
        : startsWithVerb(named)
          ? `${lcfirst(named)} from ${article(label)} ${label}`
          : `use "${named}" from ${article(label)} ${label}`;
      const acceptance = [
        ...(groups.length ? [`The "${caption ?? humanize(meth.name)}" button is shown to ${listing(ctx.roleNames(groups))} only.`] : []),
        ...meth.messages.map((msg) => `Refused with "${msg}".`),
        ...(buttons.length ? [] : ['Reached from code or another action: no button in this module\'s views.']),
      ];
      const benefit = benefitFrom([meth.docstring], `the ${label} moves on without manual edits`);
      out.push({
        id: featureId(m.name, 'action', model, meth.name),
        module: m.name,
        kind: 'action',
        title: caption ? `"${caption}" on ${label}` : `${humanize(meth.name)} (${label})`,
        roles: ctx.roleNames(who),
        stories: [story(ctx.primaryRole(who), goal, benefit, acceptance)],
        evidence: [...buttons.map(ev), ev(meth)],
        metrics: methodMetrics([meth]),
      });
    }
  }
  return out;
}

export function reportFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  return m.reports.map((r) => {
    const model = r.model ?? 'unknown';
    const label = ctx.label(model);
    const name = r.name ?? humanize(r.id.split('.').pop() ?? r.id);
    const template = m.templates.find((t) => t.id === r.reportName || t.id === `${m.name}.${r.reportName}`);
    const groups = ctx.groupsWith(model, 'read');
    const loc = template?.endLine ? template.endLine - template.line + 1 : 0;
    const metrics = { ...emptyMetrics(), reports: 1, views: template ? 1 : 0, loc };
    return {
      id: featureId(m.name, 'report', r.id.split('.').pop() ?? r.id),
      module: m.name,
      kind: 'report' as const,
      title: `${name} report`,
      roles: ctx.roleNames(groups),
      stories: [
        story(ctx.primaryRole(groups), `print the "${name}" of ${article(label)} ${label}`, `the ${label} can be shared on paper or as a PDF`, [
          `"${name}" is in the Print menu of ${article(label)} ${label}.`,
          ...(r.reportType ? [`It is rendered as ${r.reportType}.`] : []),
        ]),
      ],
      evidence: [ev(r), ...(template ? [ev(template)] : [])],
      metrics,
    };
  });
}

/** Methods a cron's Python code calls on `model` (read from the syntax tree, never run). */
function calledMethods(code: string): string[] {
  const out: string[] = [];
  parser.parse(code).iterate({
    enter(n) {
      if (n.name === 'PropertyName') out.push(code.slice(n.from, n.to));
    },
  });
  return out;
}

export function cronFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  return m.crons.map((cron) => {
    const model = cron.modelRef ? ctx.modelFromRef(cron.modelRef) : 'unknown';
    const called = calledMethods(cron.code ?? '');
    const methods = m.models.filter((c) => modelOf(c) === model).flatMap((c) => c.methods).filter((x) => called.includes(x.name));
    const name = cron.name ?? humanize(cron.id.split('.').pop() ?? cron.id);
    const groups = ctx.groupsWith(model, 'unlink');
    const what = name.includes(': ') ? name.split(': ').slice(1).join(': ') : name;
    const acceptance = [
      ...(cron.interval ? [`Runs every ${cron.interval} without anyone starting it.`] : []),
      ...methods.map((x) => x.docstring).filter((d): d is string => !!d),
    ];
    return {
      id: featureId(m.name, 'cron', cron.id.split('.').pop() ?? cron.id),
      module: m.name,
      kind: 'cron' as const,
      title: `Scheduled action: ${name}`,
      roles: ctx.roleNames(groups),
      stories: [story(ctx.topRole(groups), `have Odoo ${lcfirst(what)} automatically`, benefitFrom(methods.map((x) => x.docstring), 'nobody has to remember to do it by hand'), acceptance)],
      evidence: [ev(cron), ...methods.map(ev)],
      metrics: methodMetrics(methods),
    };
  });
}

export function emailFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  return m.mailTemplates.map((t) => {
    const model = t.modelRef ? ctx.modelFromRef(t.modelRef) : 'unknown';
    const label = ctx.label(model);
    const name = t.name ?? humanize(t.id.split('.').pop() ?? t.id);
    const senders = persistent(m).flatMap((c) => c.methods).filter((x) => x.role === 'action');
    const groups = ctx.groupsWith(model, 'read');
    return {
      id: featureId(m.name, 'email', t.id.split('.').pop() ?? t.id),
      module: m.name,
      kind: 'email' as const,
      title: `Email: ${name}`,
      roles: ctx.roleNames(groups),
      stories: [
        story(ctx.primaryRole(groups), `receive the "${name}" email about ${article(label)} ${label}`, 'I am informed without anyone writing the message by hand', [
          ...(t.subject ? [`The subject reads: ${t.subject}`] : []),
        ]),
      ],
      evidence: [ev(t)],
      metrics: { ...emptyMetrics(), views: 1, dependencies: senders.length ? 1 : 0 },
    };
  });
}

export function constraintFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const out: Feature[] = [];
  for (const c of persistent(m)) {
    const model = modelOf(c) as string;
    const label = ctx.label(model);
    const creators = ctx.groupsWith(model, 'create');
    const groups = creators.length ? creators : moduleGroups(m);
    const role = ctx.primaryRole(groups);
    for (const meth of c.methods.filter((x) => x.role === 'constraint')) {
      const fields = meth.decorators.find((d) => d.name === 'api.constrains')?.args ?? [];
      const msg = meth.messages[0];
      out.push({
        id: featureId(m.name, 'constraint', model, meth.name),
        module: m.name,
        kind: 'constraint',
        title: `${label}: ${msg ?? humanize(meth.name)}`,
        roles: ctx.roleNames(groups),
        stories: [
          story(role, `be stopped when ${article(label)} ${label} breaks the rule${msg ? ` "${msg}"` : ` ${humanize(meth.name)}`}`, benefitFrom([meth.docstring], `${label} data stays consistent`), [
            ...meth.messages.map((x) => `Saving is refused with "${x}".`),
            ...(fields.length ? [`Checked whenever ${listing(fields)} change${fields.length > 1 ? '' : 's'}.`] : []),
          ]),
        ],
        evidence: [ev(meth)],
        metrics: methodMetrics([meth]),
      });
    }
    for (const s of c.sqlConstraints) {
      out.push({
        id: featureId(m.name, 'constraint', model, s.name),
        module: m.name,
        kind: 'constraint',
        title: `${label}: ${s.message.replace(/[.]$/, '')}`,
        roles: ctx.roleNames(groups),
        stories: [
          story(role, `be stopped when ${article(label)} ${label} breaks the rule "${s.message}"`, `${label} data stays consistent`, [
            `Saving is refused with "${s.message}".`,
            `The database enforces ${s.definition}.`,
          ]),
        ],
        evidence: [ev(s)],
        metrics: { ...emptyMetrics(), loc: 1 },
      });
    }
  }
  return out;
}

