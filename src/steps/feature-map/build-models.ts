/** Features for apps (root menus), models with their views, extensions of other models, wizards. */
import type { ModuleAnalysis, PyField, PyMethod, PyModel, XmlMenu } from '../../analysis/types.js';
import { BuildContext, classesOf, isNewModel } from './context.js';
import { featureId } from './ids.js';
import { article } from './roles.js';
import { benefitFrom, humanize, lcfirst, listing, startsWithVerb, VIEW_NAMES } from './text.js';
import { emptyMetrics, type Feature, type FeatureMetrics } from './types.js';

const STRUCTURAL = new Set(['compute', 'onchange', 'override', 'other']);
const ev = BuildContext.ev;

export function story(role: string, goal: string, benefit: string, acceptance: string[]) {
  return { text: `As ${article(role)} ${role}, I want to ${goal}, so that ${benefit}.`, acceptance };
}

function classMetrics(classes: readonly PyModel[], self: string): FeatureMetrics {
  const m = emptyMetrics();
  const deps = new Set<string>();
  for (const c of classes) {
    m.fields += c.fields.length;
    m.loc += c.endLine - c.line + 1;
    for (const meth of c.methods.filter((x) => STRUCTURAL.has(x.role))) {
      m.methods++;
      m.complexity += meth.complexity;
    }
    for (const f of c.fields) if (f.comodel && f.comodel !== self) deps.add(f.comodel);
    for (const i of [...c.inherit, ...Object.keys(c.inherits)]) if (i !== self) deps.add(i);
  }
  m.dependencies = deps.size;
  return m;
}

/** Acceptance criteria from required fields, the state field and constraints of model classes. */
export function modelCriteria(ctx: BuildContext, classes: readonly PyModel[], label: string): string[] {
  const fields = classes.flatMap((c) => c.fields);
  const out: string[] = [];
  const required = fields.filter((f) => f.required).map((f) => f.string ?? humanize(f.name));
  if (required.length) out.push(`${article(label).replace(/^a/, 'A')} ${label} cannot be saved without ${listing(required)}.`);
  const state = fields.find((f) => f.name === 'state' && f.selection?.length);
  if (state?.selection) out.push(`${state.string ?? 'Status'} goes through ${state.selection.map(([, l]) => l).join(' → ')}.`);
  for (const c of classes) {
    for (const s of c.sqlConstraints) out.push(`Saving is refused with "${s.message}" (${s.name}).`);
    for (const meth of c.methods.filter((x) => x.role === 'constraint')) {
      for (const msg of meth.messages) out.push(`Saving is refused with "${msg}".`);
    }
  }
  return out;
}

function rootMenus(m: ModuleAnalysis): XmlMenu[] {
  return m.menus.filter((x) => !x.parent);
}

export function appFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  return rootMenus(m).map((root) => {
    const below = (id: string): XmlMenu[] => m.menus.filter((x) => x.parent === id).flatMap((x) => [x, ...below(x.id)]);
    const children = below(root.id);
    const leaves = children.filter((x) => x.action);
    const models = m.actions.filter((a) => leaves.some((l) => l.action === a.id)).map((a) => a.resModel).filter((x): x is string => !!x);
    const groups = root.groups.length ? root.groups : models.flatMap((x) => ctx.groupsWith(x, 'read'));
    const name = root.name ?? humanize(root.id.split('.').pop() ?? root.id);
    const restricted = children.filter((c) => c.groups.length).map((c) => `${c.name ?? c.id} is shown to ${listing(ctx.roleNames(c.groups))} only.`);
    const acceptance = [
      ...(root.groups.length ? [`The ${name} app is shown to ${listing(ctx.roleNames(root.groups))} only.`] : []),
      ...(leaves.length ? [`The app menu leads to ${listing(leaves.map((l) => l.name ?? l.id))}.`] : []),
      ...restricted,
      ...(m.assets.js + m.assets.scss ? [`Its web assets load without errors (${m.assets.js} JS, ${m.assets.scss} SCSS files).`] : []),
    ];
    const goal = leaves.length ? `open the ${name} app and reach ${listing(leaves.map((l) => l.name ?? l.id))}` : `open the ${name} app`;
    const summary = m.manifest.summary?.replace(/[.\s]+$/, '');
    const fromSummary = summary && (startsWithVerb(summary) ? `So that I can ${lcfirst(summary)}.` : `So that I find ${lcfirst(summary)} in one place.`);
    const benefit = benefitFrom([fromSummary, m.manifest.description], 'everything about it is one click away');
    return {
      id: featureId(m.name, 'app', root.id.split('.').pop() ?? root.id),
      module: m.name,
      kind: 'app' as const,
      title: `${name} app`,
      roles: ctx.roleNames(groups),
      stories: [story(ctx.primaryRole(groups), goal, benefit, acceptance)],
      evidence: [ev(root), ...children.map(ev)],
      // The app carries the module's front-end code (JS and SCSS lines).
      metrics: { ...emptyMetrics(), loc: m.lines.js + m.lines.scss, dependencies: m.manifest.depends.length },
    };
  });
}

function viewPhrase(types: readonly string[]): string {
  const shown = [...new Set(types.filter((t) => t !== 'search').map((t) => VIEW_NAMES[t] ?? t))];
  const base = shown.length ? `in ${listing(shown)} view${shown.length > 1 ? 's' : ''}` : '';
  return types.includes('search') ? `${base} with search filters`.trim() : base;
}

export function modelFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const out: Feature[] = [];
  const models = [...new Set(m.models.filter((c) => isNewModel(c) && c.kind === 'model').map((c) => c.name as string))];
  for (const model of models) {
    const classes = classesOf(m, model);
    const label = ctx.label(model);
    const views = m.views.filter((v) => v.model === model && !v.inheritId);
    const actions = m.actions.filter((a) => a.resModel === model);
    const menus = m.menus.filter((x) => actions.some((a) => a.id === x.action));
    const creators = ctx.groupsWith(model, 'create');
    const readers = ctx.groupsWith(model, 'read').filter((g) => !creators.includes(g));
    const acceptance = modelCriteria(ctx, classes, label);
    for (const r of m.rules.filter((r) => r.modelRef?.split('.').pop() === `model_${model.replace(/\./g, '_')}`)) {
      if (r.name) acceptance.push(`Record rule: ${r.name}${r.groups.length ? ` (${listing(ctx.roleNames(r.groups))})` : ''}.`);
    }
    const texts = [...actions.map((a) => a.help), ...classes.map((c) => c.docstring), ...classes.flatMap((c) => c.fields.map((f: PyField) => f.help))];
    const benefit = benefitFrom(texts, `${label} records are kept in one place`);
    const where = viewPhrase(views.map((v) => v.type));
    const what = actions[0]?.name ?? `${label} records`;
    const stories = [story(ctx.primaryRole(creators.length ? creators : ctx.groupsWith(model, 'write')), `record and follow ${what}${where ? ` ${where}` : ''}`, benefit, acceptance)];
    const readerRole = ctx.roleNames(readers)[0];
    if (readerRole && !ctx.roleNames(creators).includes(readerRole)) {
      stories.push(story(readerRole, `look up ${what}`, benefit, [`${readerRole} can read ${label} records but not create them.`]));
    }
    const metrics = classMetrics(classes, model);
    metrics.views = views.length;
    out.push({
      id: featureId(m.name, 'model', model),
      module: m.name,
      kind: 'model',
      title: `${label} (${model})`,
      roles: ctx.roleNames([...creators, ...readers]),
      stories,
      evidence: [...classes.map(ev), ...views.map(ev), ...actions.map(ev), ...menus.map(ev)],
      metrics,
    });
  }
  return out;
}

export function extensionFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const out: Feature[] = [];
  const extended = new Set<string>();
  for (const c of m.models) if (!c.name && c.inherit.length === 1) extended.add(c.inherit[0]);
  for (const v of m.views) if (v.inheritId && v.model && !m.models.some((c) => isNewModel(c) && c.name === v.model)) extended.add(v.model);
  for (const model of [...extended].sort()) {
    const classes = m.models.filter((c) => !c.name && c.inherit.length === 1 && c.inherit[0] === model);
    const views = m.views.filter((v) => v.inheritId && v.model === model);
    const label = ctx.label(model);
    const fields = classes.flatMap((c) => c.fields);
    const buttonGroups = views.flatMap((v) => v.buttons.flatMap((b) => b.groups));
    const groups = buttonGroups.length ? buttonGroups : ctx.groupsWith(model, 'write');
    const roleGroups = groups.length ? groups : moduleGroups(m);
    const settable = fields.filter((f) => !f.compute && !f.related);
    const shown = (settable.length ? settable : fields).map((f) => f.string ?? humanize(f.name));
    const goal = shown.length ? `see and set ${listing(shown.slice(0, 5))}${shown.length > 5 ? ` and ${shown.length - 5} more fields` : ''} on the ${label} form` : `use the extended ${label} form`;
    const benefit = benefitFrom([...fields.map((f) => f.help), ...classes.flatMap((c) => c.methods.map((x) => x.docstring))], `the ${label} holds what this project needs`);
    const metrics = classMetrics(classes, model);
    metrics.views = views.length;
    metrics.xpaths = views.reduce((s, v) => s + v.xpathCount, 0);
    metrics.dependencies += 1;
    out.push({
      id: featureId(m.name, 'extension', model),
      module: m.name,
      kind: 'extension',
      title: `${label} extension (${model})`,
      roles: ctx.roleNames(roleGroups),
      stories: [story(ctx.primaryRole(roleGroups), goal, benefit, modelCriteria(ctx, classes, label))],
      evidence: [...classes.map(ev), ...views.map(ev)],
      metrics,
    });
  }
  return out;
}

export function wizardFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  return m.models.filter((c) => c.kind === 'transient' && c.name).map((c) => {
    const model = c.name as string;
    const label = ctx.label(model);
    const views = m.views.filter((v) => v.model === model);
    const actions = m.actions.filter((a) => a.resModel === model);
    const groups = ctx.groupsWith(model, 'create');
    const methods: PyMethod[] = c.methods.filter((x) => x.role === 'action');
    const from = actions.find((a) => a.bindingModel);
    const bound = from?.bindingModel ? ` from the ${ctx.label(ctx.modelFromRef(from.bindingModel))} list` : '';
    const required = c.fields.filter((f) => f.required).map((f) => f.string ?? humanize(f.name));
    const acceptance = [
      ...(required.length ? [`The wizard cannot be confirmed without ${listing(required)}.`] : []),
      ...methods.flatMap((x) => x.messages.map((msg) => `Refused with "${msg}".`)),
    ];
    const benefit = benefitFrom([c.docstring, ...methods.map((x) => x.docstring)], 'a repetitive task takes one step');
    const metrics = classMetrics([c], model);
    for (const x of methods) {
      metrics.methods++;
      metrics.complexity += x.complexity;
    }
    metrics.views = views.length;
    return {
      id: featureId(m.name, 'wizard', model),
      module: m.name,
      kind: 'wizard' as const,
      title: `${label} wizard`,
      roles: ctx.roleNames(groups),
      stories: [story(ctx.primaryRole(groups), `use the "${label}" wizard${bound}`, benefit, acceptance)],
      evidence: [ev(c), ...views.map(ev), ...actions.map(ev)],
      metrics,
    };
  });
}

/** Groups a module refers to in its access rights, menus and rules (a fallback for roles). */
export function moduleGroups(m: ModuleAnalysis): string[] {
  return [...m.access.map((a) => a.group), ...m.menus.flatMap((x) => x.groups), ...m.rules.flatMap((r) => r.groups)].filter(
    (g): g is string => !!g,
  );
}
