/** Features for apps (root menus), business objects with their views and buttons, extensions, wizards. */
import type { ModuleAnalysis, PlacedField, PyField, PyMethod, PyModel, ViewButton, XmlAction, XmlMenu, XmlView } from '../../analysis/types.js';
import { BuildContext, classesOf, isNewModel } from './context.js';
import { fieldCriteria, refusal, ruleCriteria, shownTo, writeCriterion, writePhrase } from './criteria.js';
import { callCriterion, stateField, transitionsOf } from './build-lifecycle.js';
import { internalRoleGroups } from './build-web.js';
import { featureId } from './ids.js';
import { accessFor, article, OUTSIDERS } from './roles.js';
import { behaviourIn, docSummary, firstReason, startsWithVerb, story } from './story.js';
import { humanize, lcfirst, listing, orListing, VIEW_NAMES } from './text.js';
import { emptyMetrics, type Feature, type FeatureMetrics, type Story } from './types.js';

const STRUCTURAL = new Set(['compute', 'onchange', 'override', 'other', 'constraint']);
const ev = BuildContext.ev;
const at = BuildContext.at;

/**
 * "1 new field and 11 methods": what an extension brings, so the title does not hide the code its
 * estimate counts (hr_holidays' hr.employee extension: one field, 328 lines of methods).
 */
function extensionWork(fields: number, methods: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  if (!fields) return 'changed behaviour';
  return methods ? `${plural(fields, 'new field')} and ${plural(methods, 'method')}` : plural(fields, 'new field');
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

const rootMenus = (m: ModuleAnalysis): XmlMenu[] => m.menus.filter((x) => !x.parent);

/** Back-end screens are for internal users: portal and public groups never use them. */
export const backOffice = (groups: readonly string[]): string[] => {
  const inside = groups.filter((g) => !OUTSIDERS.has(g));
  return inside.length ? inside : groups.length ? ['base.group_user'] : [];
};

/**
 * A model's classes and the abstract models of the same module it inherits: maintenance.equipment
 * gets its MTBF, MTTR and next-failure computes from maintenance.mixin, declared beside it.
 */
function withMixins(ctx: BuildContext, m: ModuleAnalysis, model: string, classes: readonly PyModel[]): PyModel[] {
  const inherited = new Set(classes.flatMap((c) => c.inherit).filter((x) => x !== model));
  if (!inherited.size) return [...classes];
  const mixins = m.models.filter((c) => c.kind === 'abstract' && c.name && c.name !== model && inherited.has(c.name) && ctx.inheritorCount(c.name) <= OWN_MIXIN_USERS);
  // Their fields and what computes or checks them; their other methods are the mixin's own business.
  return [...classes, ...mixins.map((c) => ({ ...c, methods: c.methods.filter((x) => x.role === 'compute' || x.role === 'constraint') }))];
}

/**
 * A mixin that more models inherit is a capability of the framework (mail.thread, avatar.mixin),
 * told once where it is declared, not on each model that uses it.
 */
const OWN_MIXIN_USERS = 3;

/**
 * Fields the model's own views show to some roles only, or in debug mode only: maintenance's
 * equipment Cost is shown to Equipment Manager only. Feature toggles (multi-company) are no audience.
 */
function shownOnlyTo(ctx: BuildContext, model: string, views: readonly XmlView[]): string[] {
  const byGroups = new Map<string, { name: string; ref: PlacedField }[]>();
  for (const p of views.flatMap((v) => v.fields ?? [])) {
    if (!p.groups.length) continue;
    const key = [...new Set(p.groups)].sort().join(',');
    const list = byGroups.get(key) ?? [];
    if (!list.some((x) => x.name === p.name)) list.push({ name: p.name, ref: p });
    byGroups.set(key, list);
  }
  const out: string[] = [];
  for (const [key, fields] of byGroups) {
    const groups = key.split(',');
    if (!ctx.roleNames(groups).length && !groups.includes('base.group_no_one')) continue;
    const names = fields.map((f) => ctx.fieldLabel(model, f.name));
    const shown = names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more fields` : listing(names);
    out.push(at(`${shown} ${names.length > 1 ? 'are' : 'is'} shown ${shownTo(ctx, groups)}`, fields[0].ref));
  }
  return out;
}

/** Menus a module adds under another app's menus (no root menu of its own). */
function navigationFeature(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const own = new Set(m.menus.map((x) => x.id));
  const leaves = m.menus.filter((x) => x.action && x.parent && !own.has(x.parent));
  const under = m.menus.filter((x) => x.parent && !own.has(x.parent));
  if (!leaves.length && !under.some((u) => m.menus.some((x) => x.parent === u.id && x.action))) return [];
  const all = m.menus.filter((x) => x.action);
  const parents = [...new Set(under.map((x) => x.parent as string))];
  // The parent menus' groups (another app's configuration menu is for its managers) come first.
  const parentGroups = ctx.menusWithIds(parents).flatMap((x) => x.groups);
  const groups = parentGroups.length
    ? parentGroups
    : all.flatMap((x) => (x.groups.length ? x.groups : m.actions.filter((a) => a.id === x.action).flatMap((a) => (a.resModel ? ctx.reach(a.resModel, 'read') : []))));
  return [
    {
      id: featureId(m.name, 'app', 'menus'),
      module: m.name,
      kind: 'app',
      title: `Menus: ${listing(all.slice(0, 5).map((x) => x.name ?? x.id))}${all.length > 5 ? ` and ${all.length - 5} more` : ''}`,
      roles: ctx.roleNames(backOffice(groups)),
      stories: [story(ctx.primaryRole(backOffice(groups)), `reach ${listing(all.slice(0, 5).map((x) => x.name ?? x.id))}${all.length > 5 ? ' and more' : ''} from the menus of other apps`, undefined, [
        ...parents.map((p) => at(`Placed under the menu ${p}`, under.find((x) => x.parent === p) as XmlMenu)),
        ...all.map((l) => at(`The menu ${menuName(ctx, m, l)} opens ${menuTarget(ctx, m, l)}${l.groups.length ? `, shown ${shownTo(ctx, l.groups)}` : ''}`, l)),
      ])],
      evidence: m.menus.map(ev),
      metrics: { ...emptyMetrics() },
    },
  ];
}

export function appFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  if (!rootMenus(m).length) return navigationFeature(ctx, m);
  return rootMenus(m).map((root) => {
    const below = (id: string): XmlMenu[] => m.menus.filter((x) => x.parent === id).flatMap((x) => [x, ...below(x.id)]);
    const children = below(root.id);
    const leaves = children.filter((x) => x.action);
    const models = m.actions.filter((a) => leaves.some((l) => l.action === a.id)).map((a) => a.resModel).filter((x): x is string => !!x);
    // Portal and public users never see the back office's menus, whatever they may read.
    const groups = root.groups.length ? root.groups : models.flatMap((x) => ctx.reach(x, 'read')).filter((g) => !OUTSIDERS.has(g));
    const name = root.name ?? humanize(root.id.split('.').pop() ?? root.id);
    // Who sees a menu below the app: the role groups of the nearest menu on its path that names a
    // role (none: as the app), and whether that path needs debug mode. Feature switches ("Manage
    // Multiple Stock Locations") name no one.
    const shownGroups = (menu: XmlMenu): { roles: readonly string[]; debug: boolean } => {
      let roles: readonly string[] = [];
      let debug = false;
      for (let x: XmlMenu | undefined = menu; x && x.id !== root.id; x = m.menus.find((p) => p.id === x?.parent)) {
        if (x.groups.includes('base.group_no_one')) debug = true;
        if (!roles.length) roles = x.groups.filter((g) => ctx.roles.isRole(g));
      }
      return { roles, debug };
    };
    // Two menus of one name (Maintenance Requests, and Reporting's Maintenance Requests) are told apart by their parent.
    const named = (l: XmlMenu) => menuName(ctx, m, l);
    const twice = (l: XmlMenu) => leaves.filter((x) => named(x) === named(l)).length > 1;
    const parentName = (l: XmlMenu) => m.menus.find((x) => x.id === l.parent && x.id !== root.id)?.name;
    const reachOf = (ls: readonly XmlMenu[]) => listing([...new Set(ls.map((l) => (twice(l) && parentName(l) ? `${parentName(l)} / ${named(l)}` : named(l))))]);
    const opens = (l: XmlMenu) => at(`The menu ${named(l)} opens ${menuTarget(ctx, m, l)}`, l);
    const restricted = (c: XmlMenu) => at(`${c.name ?? c.id} is shown ${shownTo(ctx, c.groups)}`, c);
    // The app's users reach the menus shown as the app is; menus shown to other groups are those groups' story.
    const persona = ctx.primaryRole(groups);
    // Menus shown "in debug mode" (base.group_no_one) are the same users' story, in debug mode.
    const byRole = new Map<string, { role: string; debug: boolean; groups: readonly string[]; leaves: XmlMenu[] }>();
    for (const l of leaves) {
      const { roles: others, debug } = shownGroups(l);
      const role = others.length ? ctx.primaryRole(others) : persona;
      const key = `${role}\0${debug}`;
      const entry = byRole.get(key) ?? { role, debug, groups: others, leaves: [] };
      entry.leaves.push(l);
      byRole.set(key, entry);
    }
    // An app whose every menu needs a role of its own opens for that role first (Sales: Salesperson).
    const first = byRole.get(`${persona}\0false`) ?? [...byRole.values()].find((e) => !e.debug);
    const opener = first?.role ?? persona;
    const mine = first?.leaves ?? [];
    const goal = mine.length ? `open the ${name} app and reach ${reachOf(mine)}` : `open the ${name} app`;
    const restrictedFor = (ls: readonly XmlMenu[]) =>
      children.filter((c) => c.groups.length && !c.action && ls.some((l) => below(c.id).includes(l))).concat(ls.filter((l) => l.groups.length));
    const stories = [
      story(opener, goal, firstReason([m.manifest.summary, m.manifest.description]), [
        ...(root.groups.length ? [at(`The ${name} app is shown ${shownTo(ctx, root.groups)}`, root)] : []),
        ...mine.map(opens),
        ...restrictedFor(mine).map(restricted),
      ]),
      ...[...byRole.values()].filter((e) => e !== first).map((e) =>
        story(e.role, `reach ${reachOf(e.leaves)} in the ${name} app${e.debug ? ' in debug mode' : ''}`, undefined, [...restrictedFor(e.leaves).map(restricted), ...e.leaves.map(opens)]),
      ),
    ];
    return {
      id: featureId(m.name, 'app', root.id.split('.').pop() ?? root.id),
      module: m.name,
      kind: 'app' as const,
      title: `${name} app`,
      roles: ctx.roleNames([...groups, ...[...byRole.values()].flatMap((e) => e.groups)]),
      stories,
      evidence: [ev(root), ...children.map(ev)],
      metrics: { ...emptyMetrics(), dependencies: m.manifest.depends.length },
    };
  });
}

/** Every analysed window action by id, built once per analysis (menus ask thousands of times on a full tree). */
const actionIndex = new WeakMap<BuildContext, Map<string, XmlAction>>();

/** The window action a menu opens: in its module, else in any analysed module (a menu on another app's action). */
function menuAction(ctx: BuildContext, m: ModuleAnalysis, menu: XmlMenu): XmlAction | undefined {
  if (!menu.action) return undefined;
  const own = m.actions.find((a) => a.id === menu.action);
  if (own) return own;
  let all = actionIndex.get(ctx);
  if (!all) {
    all = new Map();
    for (const a of ctx.modules.flatMap((x) => x.actions)) if (!all.has(a.id)) all.set(a.id, a);
    actionIndex.set(ctx, all);
  }
  return all.get(menu.action);
}

/** A menu as the user reads it: its name, else its action's name (Odoo shows that), else its id. */
function menuName(ctx: BuildContext, m: ModuleAnalysis, menu: XmlMenu): string {
  return menu.name ?? menuAction(ctx, m, menu)?.name ?? menu.id;
}

function menuTarget(ctx: BuildContext, m: ModuleAnalysis, menu: XmlMenu): string {
  const action = menuAction(ctx, m, menu);
  return action?.resModel ? `the ${ctx.label(action.resModel)} records` : `the action ${menu.action}`;
}

function viewPhrase(types: readonly string[]): string {
  const shown = [...new Set(types.filter((t) => t !== 'search').map((t) => VIEW_NAMES[t] ?? t))];
  const base = shown.length ? `in ${listing(shown)} view${shown.length > 1 ? 's' : ''}` : '';
  return types.includes('search') ? `${base} with search filters`.trim() : base;
}


/**
 * What saving does besides saving, read from the create() and write() overrides: "When Stage
 * changes, it sets Kanban State to "In Progress"" (under `if 'stage_id' in vals:`), "Creating a
 * Maintenance Request also adds followers". Only what the code states: literal writes and the
 * calls a consultant can name.
 */
function reactions(ctx: BuildContext, model: string, classes: readonly PyModel[]): string[] {
  const label = ctx.label(model);
  const out: string[] = [];
  for (const meth of classes.flatMap((c) => c.methods)) {
    if (meth.name !== 'write' && meth.name !== 'create') continue;
    const effects = [
      ...(meth.effects?.writes ?? []).map((w) => ({ ref: w, when: w.onChangeOf, text: writePhrase(ctx, model, w) })),
      ...(meth.effects?.calls ?? []).flatMap((c) => callCriterion(ctx, c.name, c.arg, c.via).map((t) => ({ ref: c, when: c.onChangeOf, text: lcfirst(t) }))),
    ].sort((a, b) => a.ref.line - b.ref.line);
    const seen = new Set<string>();
    for (const e of effects) {
      const fields = e.when ?? [];
      // "can also set ...": every phrase opens with a verb in -s ("sets", "creates", "marks").
      const also = e.ref.conditional ? `can also ${e.text.replace(/^(\w+)s\b/, '$1')}` : `also ${e.text}`;
      const opening = fields.length
        ? `When ${orListing(fields.map((f) => ctx.fieldLabel(model, f)))} ${fields.length > 1 ? 'change' : 'changes'}, saving it`
        : `${meth.name === 'create' ? 'Creating' : 'Saving'} ${article(label)} ${label}`;
      const text = `${opening} ${also}`;
      if (seen.has(text)) continue;
      seen.add(text);
      out.push(at(text, e.ref));
    }
  }
  return out;
}

/** Stories for the buttons of a model that are no state transition. */
function buttonStories(ctx: BuildContext, m: ModuleAnalysis, model: string, methods: readonly PyMethod[], skip: ReadonlySet<PyMethod>): Story[] {
  const label = ctx.label(model);
  const known = ctx.reach(model, 'write');
  const writers = known.length ? known : internalRoleGroups(ctx, m);
  const out: Story[] = [];
  // The buttons of the model's views by the method they call, in view order.
  const byMethod = new Map<string, ViewButton[]>();
  for (const v of m.views) {
    if (v.model !== model) continue;
    for (const b of v.buttons) {
      const list = byMethod.get(b.name);
      if (list) list.push(b);
      else byMethod.set(b.name, [b]);
    }
  }
  for (const meth of methods) {
    if (skip.has(meth)) continue;
    const buttons: ViewButton[] = byMethod.get(meth.name) ?? [];
    if (meth.role !== 'action' && !buttons.length) continue;
    if (!buttons.length && !meth.docstring) continue;
    const caption = buttons.find((b) => b.string)?.string;
    const groups = [...new Set(buttons.flatMap((b) => b.groups))];
    const named = humanize(meth.name);
    const routes = ctx.routeLines(m, model, meth.name, buttons.length > 0);
    const goal = caption ? `use "${caption}" on ${article(label)} ${label}` : startsWithVerb(named) ? `${lcfirst(named)} from ${article(label)} ${label}` : `use ${named} on ${article(label)} ${label}`;
    const acceptance = [
      ...buttons.filter((b) => b.groups.length).map((b) => at(`The "${b.string ?? named}" button is shown ${shownTo(ctx, b.groups)}`, b)),
      ...meth.messages.map((msg) => refusal(msg)),
      ...(meth.effects?.writes ?? []).map((w) => writeCriterion(ctx, model, w)),
      ...(meth.effects?.calls ?? []).flatMap((c) => callCriterion(ctx, c.name, c.arg, c.via).map((x) => at(x, c))),
      ...routes,
      ...(buttons.length || routes.length ? [] : [at(`No button in this module's views calls ${meth.name}: it runs from code`, meth)]),
    ];
    out.push(story(ctx.primaryRole(groups.length ? groups : backOffice(writers)), goal, firstReason([meth.docstring]), acceptance));
  }
  return out;
}

/**
 * The methods whose buttons the lifecycle already tells: each transition's method, and the button
 * methods that reach it (unless the way is conditional: that button keeps its own story).
 */
function toldByLifecycle(m: ModuleAnalysis, model: string, field: PyField | undefined): Set<PyMethod> {
  return new Set(field ? transitionsOf(m, model, field).flatMap((t) => [t.method, ...(t.conditional ? [] : t.via.map((v) => v.by))]) : []);
}

/** Action names that name a screen, not records: hr_holidays' "Dashboard" window on hr.leave, hr_expense's "Expenses Analysis". */
const SCREEN_NAME = /^(?:my |all )?(?:dashboard|overview|analysis|reporting|statistics|calendar|planning|settings|configuration)$|\b(?:analysis|analytics|statistics|dashboard|overview|reporting)$/i;

export function modelFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const out: Feature[] = [];
  const models = [...new Set(m.models.filter((c) => isNewModel(c) && c.kind === 'model').map((c) => c.name as string))];
  for (const model of models) {
    const classes = classesOf(m, model);
    const label = ctx.label(model);
    const views = m.views.filter((v) => v.model === model && !v.inheritId);
    const actions = m.actions.filter((a) => a.resModel === model);
    const menus = m.menus.filter((x) => actions.some((a) => a.id === x.action));
    const creators = ctx.reach(model, 'create');
    const readers = ctx.reach(model, 'read');
    const own = withMixins(ctx, m, model, classes);
    const acceptance = [...fieldCriteria(ctx, model, own), ...shownOnlyTo(ctx, model, views), ...reactions(ctx, model, own), ...ruleCriteria(ctx, m, model)];
    // An action's help opens with a call to action ("Create a ..."): only an explicit reason counts there.
    const reason = firstReason(actions.map((a) => a.help), false) ?? firstReason(classes.map((c) => c.docstring));
    const where = viewPhrase(views.map((v) => v.type));
    // An action named after its screen ("Dashboard", "Overview") does not name the records.
    const what = actions.find((a) => a.name && !SCREEN_NAME.test(a.name))?.name ?? `${label} records`;
    const creatorRole = ctx.primaryRole(backOffice(creators.length ? creators : ctx.reach(model, 'write')));
    const screens = views.length + actions.length > 0;
    const analysis = views.length > 0 && views.every((v) => ['graph', 'pivot', 'search', 'dashboard', 'cohort'].includes(v.type));
    const goal = !screens ? `have Odoo keep ${label} records` : analysis ? `analyse ${what}${where ? ` ${where}` : ''}` : `record and follow ${what}${where ? ` ${where}` : ''}`;
    if (!screens) acceptance.push(at(`No view, action or menu of this module shows ${label} records: code and routes use them`, classes[0]));
    const stories = [story(creatorRole, goal, reason, acceptance)];
    // Portal and public readers reach records through routes, not the back-end views.
    const readOnly = ctx.roleNames(readers.filter((g) => !OUTSIDERS.has(g))).filter((r) => !ctx.roleNames(creators).includes(r));
    if (readOnly[0]) stories.push(story(readOnly[0], `look up ${what}`, reason, [at(`${readOnly[0]} can read ${label} records but not create them`, accessLine(ctx, model, readers))]));
    const field = stateField(classes);
    const transitions = toldByLifecycle(m, model, field);
    stories.push(...buttonStories(ctx, m, model, classes.flatMap((c) => c.methods), transitions));
    const metrics = classMetrics(classes, model);
    metrics.views = views.length;
    out.push({
      id: featureId(m.name, 'model', model),
      module: m.name,
      kind: 'model',
      title: `${label} (${model})`,
      roles: ctx.roleNames(readers),
      stories,
      evidence: [...classes.map(ev), ...views.map(ev), ...actions.map(ev), ...menus.map(ev)],
      metrics,
    });
  }
  return out;
}

function accessLine(ctx: BuildContext, model: string, groups: readonly string[]) {
  const rule = accessFor(ctx.modules, model).find((a) => groups.includes(a.group ?? 'base.group_user'));
  return rule ?? { file: '?', line: 0 };
}

const SETTINGS = 'res.config.settings';

export function extensionFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const out: Feature[] = [];
  const extended = new Set<string>();
  const newModels = new Set(m.models.filter(isNewModel).map((c) => c.name));
  // The extending classes and inherited views of each model, in module order.
  const extending = new Map<string, PyModel[]>();
  const viewsOf = new Map<string, XmlView[]>();
  for (const c of m.models) {
    if (c.name || c.inherit.length !== 1) continue;
    if (c.inherit[0] !== SETTINGS) extended.add(c.inherit[0]);
    extending.set(c.inherit[0], [...(extending.get(c.inherit[0]) ?? []), c]);
  }
  for (const v of m.views) {
    if (!v.inheritId || !v.model) continue;
    if (v.model !== SETTINGS && !newModels.has(v.model)) extended.add(v.model);
    viewsOf.set(v.model, [...(viewsOf.get(v.model) ?? []), v]);
  }
  for (const model of [...extended].sort()) {
    const classes = extending.get(model) ?? [];
    const views = viewsOf.get(model) ?? [];
    const label = ctx.label(model);
    const fields = classes.flatMap((c) => c.fields);
    // The first field of each name, as fields.find() meets it.
    const fieldNamed = new Map<string, PyField>();
    for (const f of fields) if (!fieldNamed.has(f.name)) fieldNamed.set(f.name, f);
    const placed = views.flatMap((v) => v.fields ?? []);
    const known = ctx.reach(model, 'write');
    // A model of another app whose access rights are not analysed: the module's own roles use it.
    const writers = known.length ? known : internalRoleGroups(ctx, m);
    const own = withMixins(ctx, m, model, classes);
    const criteria = [...fieldCriteria(ctx, model, own), ...reactions(ctx, model, own), ...ruleCriteria(ctx, m, model)];
    const stories: Story[] = [];
    // Fields a view shows to some groups only are those groups' story, not every writer's.
    const seenBy = new Map<string, Set<string>>();
    for (const p of placed) {
      if (!fieldNamed.has(p.name)) continue;
      const key = [...new Set(p.groups)].sort().join(',');
      const names = seenBy.get(key);
      if (names) names.add(p.name);
      else seenBy.set(key, new Set([p.name]));
    }
    const audiences = new Map([...seenBy].map(([key, names]) => [key, [...names]] as const));
    const fieldLabel = (n: string) => fieldNamed.get(n)?.string ?? ctx.fieldLabel(model, n);
    const shownNames = new Set([...audiences.values()].flat());
    // Back-links (One2many) and computed or related values a view does not show are plumbing, not features.
    const unplaced = fields.filter((f) => !shownNames.has(f.name) && !f.compute && !f.related && f.type !== 'One2many');
    for (const [key, names] of [...audiences].sort()) {
      const groups = key ? key.split(',') : backOffice(writers);
      const shown = names.map(fieldLabel);
      const goal = `see and set ${listing(shown.slice(0, 5))}${shown.length > 5 ? ` and ${shown.length - 5} more fields` : ''} on the ${label} form`;
      const reason = firstReason(names.map((n) => fieldNamed.get(n)?.help), false);
      const only = key ? [at(`${listing(shown)} ${shown.length > 1 ? 'are' : 'is'} shown ${shownTo(ctx, groups)}`, placed.find((p) => p.name === names[0]) ?? views[0])] : [];
      stories.push(story(ctx.primaryRole(groups), goal, reason, [...only, ...(stories.length ? [] : criteria)]));
    }
    const methods = classes.flatMap((c) => c.methods);
    const field = stateField(classes) ?? ctx.stateFieldOfModel(model, stateField);
    stories.push(...buttonStories(ctx, m, model, methods, toldByLifecycle(m, model, field)));
    stories.push(...stepStories(ctx, m, model, methods, backOffice(writers)));
    // Methods that change how the model behaves, when their docstrings say what they do.
    const explained = methods
      .filter((x) => (x.role === 'override' || x.role === 'other') && !x.name.startsWith('_compute'))
      .flatMap((x) => {
        const doc = docSummary(x.docstring);
        return doc ? [{ x, doc }] : [];
      });
    if (!stories.length && !unplaced.length && explained.length) {
      // The goal is the first behaviour a docstring states; a note about the code ("Override of
      // payment to return Sips-specific rendering values") is evidence, never the user's goal.
      // Only what saving or deleting does (create, write, unlink...) is a behaviour the user meets;
      // other methods are called by code, whatever their docstring says.
      const behaviour = explained.map(({ x }) => (x.role === 'override' ? behaviourIn(x.docstring) : undefined)).find((b) => b);
      const goal = behaviour ? `have Odoo ${lcfirst(behaviour)}` : `have the ${label} follow this module's rules`;
      const readers = ctx.reach(model, 'read');
      stories.push(story(ctx.primaryRole(backOffice(readers.length ? readers : writers)), goal, undefined, [...criteria, ...explained.map(({ x, doc }) => at(`${x.name}: ${doc}`, x))]));
    }
    if (!stories.length && (unplaced.length || criteria.length)) {
      // Data the module keeps on the model without showing it: what it stores and enforces.
      const shown = unplaced.map((f) => f.string ?? ctx.fieldLabel(model, f.name));
      const goal = shown.length ? `have Odoo keep ${listing(shown.slice(0, 5))}${shown.length > 5 ? ` and ${shown.length - 5} more fields` : ''} on each ${label}` : `have the ${label} follow this module's rules`;
      stories.push(story(ctx.primaryRole(backOffice(writers)), goal, firstReason(unplaced.map((f) => f.help), false), criteria));
    } else if (stories.length && criteria.length && !audiences.size) {
      stories[0] = { ...stories[0], acceptance: [...new Set([...stories[0].acceptance, ...criteria])] };
    }
    if (!stories.length) continue;
    const metrics = classMetrics(classes, model);
    metrics.views = views.length;
    metrics.xpaths = views.reduce((s, v) => s + v.xpathCount, 0);
    metrics.dependencies += 1;
    out.push({
      id: featureId(m.name, 'extension', model),
      module: m.name,
      kind: 'extension',
      title: `${label}: ${extensionWork(fields.length, metrics.methods)}${views.length ? ` on ${views.length} view${views.length > 1 ? 's' : ''}` : ''} (${model})`,
      roles: ctx.roleNames([...placed.flatMap((p) => p.groups), ...writers]),
      stories,
      evidence: [...classes.map(ev), ...views.map(ev)],
      metrics,
    });
  }
  return out;
}

/** A business step of the base module: a button's method or the private step behind it (`_action_confirm`, `_post`). */
const STEP = /^(?:_?action_|_?button_)[a-z0-9_]+$|^_post$/;
/** The step's verb as the record's new condition: `_action_confirm` -> "confirmed". */
const DONE_AS: Readonly<Record<string, string>> = {
  confirm: 'confirmed', validate: 'validated', post: 'posted', cancel: 'cancelled', done: 'done', draft: 'set back to draft', approve: 'approved',
  refuse: 'refused', send: 'sent', lock: 'locked', unlock: 'unlocked', close: 'closed', open: 'opened', start: 'started', assign: 'reserved', archive: 'archived', unarchive: 'restored',
};

const stepVerb = (name: string): string => name.replace(/^_+/, '').replace(/^(?:action|button)_/, '');

/**
 * Steps of another module this one adds to: sale_project's `_action_confirm` calls super() and then
 * has the order's service lines create their projects and tasks. A button of this module's views is
 * told by buttonStories; these are reached by the base module's buttons, so they are told here, with
 * the docstring and the methods of this module they run on related records.
 */
function stepStories(ctx: BuildContext, m: ModuleAnalysis, model: string, methods: readonly PyMethod[], writers: readonly string[]): Story[] {
  const label = ctx.label(model);
  const buttons = new Set(m.views.filter((v) => v.model === model).flatMap((v) => v.buttons.map((b) => b.name)));
  const own = m.models.flatMap((c) => c.methods.map((x) => ({ x, model: c.name ?? c.inherit[0] })));
  return methods
    // Steps that change what the record is (confirm, post, cancel...), not the ones that open a screen (action_view_tasks).
    .filter((x) => x.callsSuper && STEP.test(x.name) && !buttons.has(x.name) && DONE_AS[stepVerb(x.name)] !== undefined)
    .map((x) => {
      const event = `${article(label)} ${label} is ${DONE_AS[stepVerb(x.name)]}`;
      const doc = docSummary(x.docstring);
      const runs = [...new Set(x.recordCalls ?? [])].flatMap((r) => {
        const [via, name] = r.includes('.') ? r.split('.') : [undefined, r];
        const on = via ? ctx.fieldDef(model, via)?.comodel : undefined;
        const target = own.find((o) => o.x.name === name && (!on || o.model === on) && o.model !== model);
        if (!target?.model) return [];
        const what = docSummary(target.x.docstring);
        return [at(`It runs ${name} on the ${ctx.label(target.model)} records${what ? `: ${what}` : ''}`, target.x)];
      });
      const calls = (x.effects?.calls ?? []).flatMap((c) => callCriterion(ctx, c.name, c.arg, c.via).map((t) => at(t, c)));
      const acceptance = [...new Set([at(`${x.name} runs when ${event}${doc ? `: ${doc}` : ''}`, x), ...runs, ...calls, ...x.messages.map((msg) => refusal(msg))])];
      return story(ctx.primaryRole(writers), `have Odoo do what ${m.manifest.name ?? m.name} adds when ${event}`, undefined, acceptance);
    });
}

export function wizardFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const opened = (c: PyModel) => m.views.some((v) => v.model === c.name) || m.actions.some((a) => a.resModel === c.name);
  return m.models.filter((c) => c.kind === 'transient' && c.name && c.name !== SETTINGS && !c.inherit.includes(SETTINGS) && opened(c)).map((c) => {
    const model = c.name as string;
    const label = ctx.label(model);
    const views = m.views.filter((v) => v.model === model);
    const actions = m.actions.filter((a) => a.resModel === model);
    const groups = ctx.reach(model, 'create');
    const methods: PyMethod[] = c.methods.filter((x) => x.role === 'action');
    const from = actions.find((a) => a.bindingModel);
    const bound = from?.bindingModel ? ` from the ${ctx.label(ctx.modelFromRef(from.bindingModel))} list` : '';
    const opener = m.views.flatMap((v) => v.buttons.filter((b) => actions.some((a) => a.id === b.name || a.id.endsWith(`.${b.name.replace(/^%\(|\)d$/g, '').split('.').pop()}`)))).at(0);
    const acceptance = [
      ...(from ? [at(`Opened from the Action menu of ${ctx.label(ctx.modelFromRef(from.bindingModel as string))}`, from)] : []),
      ...(opener ? [at(`Opened by the "${opener.string ?? opener.name}" button`, opener)] : []),
      ...c.fields.filter((f) => f.required).map((f) => at(`The wizard cannot be confirmed without ${f.string ?? ctx.fieldLabel(model, f.name)}`, f)),
      ...methods.flatMap((x) => x.messages.map((msg) => refusal(msg))),
      ...methods.flatMap((x) => (x.effects?.writes ?? []).map((w) => writeCriterion(ctx, model, w))),
      ...methods.flatMap((x) => (x.effects?.calls ?? []).flatMap((k) => callCriterion(ctx, k.name, k.arg, k.via).map((t) => at(t, k)))),
    ];
    const metrics = classMetrics([c], model);
    for (const x of methods) {
      metrics.methods++;
      metrics.complexity += x.complexity;
    }
    metrics.views = views.length;
    const title = actions[0]?.name ?? label;
    return {
      id: featureId(m.name, 'wizard', model),
      module: m.name,
      kind: 'wizard' as const,
      title: `Wizard: ${title}`,
      roles: ctx.roleNames(groups),
      stories: [story(ctx.primaryRole(groups), `use the "${title}" wizard${bound}`, firstReason([c.docstring, ...methods.map((x) => x.docstring)]), acceptance)],
      evidence: [ev(c), ...views.map(ev), ...actions.map(ev)],
      metrics,
    };
  });
}
