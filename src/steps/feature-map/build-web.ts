/** Features for what reaches a browser: portal, website and API routes; web client patches. */
import type { AssetFile, ModuleAnalysis, PyController, PyMethod } from '../../analysis/types.js';
import { BuildContext } from './context.js';
import { refusal } from './criteria.js';
import { featureId } from './ids.js';
import { OUTSIDERS } from './roles.js';
import { firstReason, story } from './story.js';
import { listing } from './text.js';
import { emptyMetrics, type Feature, type Story } from './types.js';

const ev = BuildContext.ev;
const at = BuildContext.at;

/** Who reaches a route: by its auth and where it lives. */
function audience(ctx: BuildContext, c: PyController, meth: PyMethod): { role: string; group: string } {
  const r = meth.route;
  if (!r) return { role: 'Internal User', group: 'base.group_user' };
  if (r.auth === 'public' || r.auth === 'none') return { role: 'Public User', group: 'base.group_public' };
  // A signed-in route that creates records with the user's own rights is for those who may create
  // them: website_hr_recruitment's /jobs/add creates a Job Position, which portal users cannot.
  const created = (meth.effects?.calls ?? []).find((x) => x.name === 'create' && x.arg && !x.sudo)?.arg;
  if (created) {
    const creators = ctx.reach(created, 'create');
    if (!creators.some((g) => OUTSIDERS.has(g))) {
      return creators.length ? { role: ctx.primaryRole(creators), group: creators[0] } : { role: 'Internal User', group: 'base.group_user' };
    }
  }
  if (r.urls.some((u) => u.startsWith('/my')) || /CustomerPortal/.test(c.bases)) return { role: 'Portal User', group: 'base.group_portal' };
  if (r.website) return { role: 'Portal User', group: 'base.group_portal' };
  return { role: 'Internal User', group: 'base.group_user' };
}

/** "/leave/validate runs action_approve on Time Off records": what a route does to records, besides what it serves. */
function runsLine(ctx: BuildContext, m: ModuleAnalysis, meth: PyMethod, url: string): string[] {
  if (!meth.runs) return [];
  // The models the route names that have one of those methods: the text does not say which records a call is on.
  // The methods of the models the route names, else of the module's own classes.
  const named = [...meth.runs.models.flatMap((x) => ctx.classesOfModel(x)), ...m.models].flatMap((c) => c.methods);
  // The buttons' methods, and the private ones that move a status (survey's _mark_done): not every helper.
  const movesStatus = (name: string) => named.some((y) => y.name === name && (y.effects?.writes ?? []).some((w) => w.field === 'state' || w.field === 'status'));
  const runs = meth.runs.methods.filter((x) => /^(?:action|button)_/.test(x) || movesStatus(x));
  if (!runs.length) return [];
  const models = meth.runs.models.filter((x) => ctx.classesOfModel(x).some((c) => c.methods.some((y) => runs.includes(y.name))));
  return [at(`${url} runs ${listing(runs)}${models.length ? ` on ${listing(models.map((x) => ctx.label(x)))} records` : ''}`, meth)];
}

function serves(meth: PyMethod): string {
  const r = meth.route;
  const render = (meth.effects?.calls ?? []).find((c) => c.name === 'render' && c.arg);
  if (render) return `the page ${render.arg}`;
  if (r?.type === 'json' || r?.type === 'jsonrpc') return 'JSON';
  return 'a response';
}

export function routeFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  return m.controllers.map((c) => {
    const routed = c.methods.filter((x) => x.route?.urls.length);
    // @route() without URLs re-decorates a parent's route: a change of an existing page.
    const changed = c.methods.filter((x) => x.route && !x.route.urls.length);
    const stories: Story[] = routed.map((meth) => {
      const r = meth.route as NonNullable<PyMethod['route']>;
      const who = audience(ctx, c, meth);
      const url = r.urls[0] ?? '/';
      const api = r.type === 'json' || r.type === 'jsonrpc' || r.auth === 'none' || r.auth === 'bearer';
      const goal = api ? `call ${url} (${r.type}${r.methods.length ? `, ${r.methods.join('/')}` : ''})` : `open ${url}${r.urls.length > 1 ? ` (and ${r.urls.length - 1} more URL${r.urls.length > 2 ? 's' : ''})` : ''}`;
      return story(who.role, goal, firstReason([meth.docstring]), [
        at(`${listing(r.urls)} ${r.urls.length > 1 ? 'serve' : 'serves'} ${serves(meth)} (${r.type}, auth=${r.auth}${r.website ? ', on the website' : ''})`, meth),
        ...runsLine(ctx, m, meth, url),
        ...meth.messages.map((msg) => refusal(msg)),
      ]);
    });
    if (changed.length) {
      const first = stories[0];
      const extra = changed.map((x) => at(`Also changes the existing route handled by ${x.name}`, x));
      if (first) stories[0] = { ...first, acceptance: [...first.acceptance, ...extra] };
      else stories.push(story(audience(ctx, c, changed[0]).role, `see ${listing(changed.map((x) => x.name))} behave as this module changes ${changed.length > 1 ? 'them' : 'it'}`, firstReason(changed.map((x) => x.docstring)), extra));
    }
    const portal = routed.some((x) => audience(ctx, c, x).group === 'base.group_portal');
    const api = routed.every((x) => x.route?.type === 'json' || x.route?.auth === 'none');
    const kindWord = portal ? 'Portal' : api ? 'API' : routed.some((x) => x.route?.website) ? 'Website' : 'Web';
    const urls = routed.flatMap((x) => x.route?.urls ?? []);
    return {
      id: featureId(m.name, 'route', c.className),
      module: m.name,
      kind: 'route' as const,
      title: urls.length ? `${kindWord} pages: ${urls.slice(0, 3).join(', ')}${urls.length > 3 ? ` and ${urls.length - 3} more` : ''}` : `Changed routes: ${listing(changed.map((x) => x.name))}`,
      roles: [...new Set([...routed, ...changed].map((x) => audience(ctx, c, x).role))],
      stories,
      evidence: [ev(c), ...routed.map(ev), ...changed.map(ev)],
      metrics: {
        ...emptyMetrics(),
        methods: c.methods.length,
        loc: c.endLine - c.line + 1,
        complexity: c.methods.reduce((s, x) => s + x.complexity, 0),
      },
    };
  });
}

function capped(lines: readonly string[]): string[] {
  return lines.length <= MAX_LINES ? [...lines] : [...lines.slice(0, MAX_LINES), `And ${lines.length - MAX_LINES} more files and templates (see the evidence).`];
}

function describe(f: AssetFile): string {
  const parts = [
    ...f.patches.map((p) => `patches ${p}`),
    ...f.registries.map((r) => `adds ${r.replace('/', ' ')}`),
    ...f.components.filter((x) => !f.registries.length).map((x) => `defines the component ${x}`),
  ];
  return parts.length ? listing(parts) : `${f.kind.toUpperCase()} (${f.lines} lines)`;
}

/** QWeb templates that are no report body: website and portal pages and their changes. */
function pageTemplates(m: ModuleAnalysis) {
  const reportBodies = new Set(m.reports.map((r) => r.reportName).filter((x): x is string => !!x).map((x) => (x.includes('.') ? x : `${m.name}.${x}`)));
  // The body of a message the code posts (`message_post_with_source('hr_expense.hr_expense_template_refuse_reason', ...)`).
  const posted = new Set(m.models.flatMap((c) => c.methods.flatMap((x) => (x.effects?.calls ?? []).filter((k) => k.name.startsWith('message_post_with') && k.arg).map((k) => k.arg as string))));
  // mail_templates.xml, auth_signup_templates_email.xml; not mass_mailing_themes_templates.xml (the designs of mailings).
  const mailFile = (file: string) => /(?:^|\/)(?:[^/]*_)?e?mail(?:_[^/]*)?\.xml$/i.test(file);
  return m.templates.filter((t) => !reportBodies.has(t.id) && !posted.has(t.id) && !posted.has(`${m.name}.${t.id}`) && !mailFile(t.file) && !/report|mail|email|layout_/i.test(t.id.split('.').pop() ?? ''));
}

/** What an entry of each web client registry is to a user (registry.category("fields").add(...) adds a field widget). */
const REGISTRY_KINDS: Record<string, string> = {
  fields: 'field widget', views: 'view', actions: 'screen', view_widgets: 'widget', systray: 'systray menu', main_components: 'screen part',
  'web_tour.tours': 'guided tour', services: 'service', pos_screens: 'Point of Sale screen', website_systray: 'website systray menu',
  user_menuitems: 'user menu entry', kanban_examples: 'kanban example', public_components: 'website component', formatters: 'value format',
  error_dialogs: 'error dialog', command_categories: 'command palette section', website_custom_menus: 'website menu',
};

/** `fields/contract_warning_tooltip` -> `the contract warning tooltip field widget`, never the registry key alone. */
function registryEntry(r: string): string {
  const [category, key = ''] = r.split('/');
  const name = key.replace(/[._]+/g, ' ').trim();
  const kind = REGISTRY_KINDS[category];
  return kind ? `the ${name} ${kind}` : `the ${name} (${category.replace(/[._]+/g, ' ')})`;
}

const MAX_LINES = 15;
const local = (id: string) => id.split('.').pop() ?? id;

export function uiFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const files = m.assetFiles.filter((f) => f.kind !== 'css' || f.bundles.length);
  const templates = pageTemplates(m);
  if (!files.length && !templates.length) return [];
  const count = (k: AssetFile['kind']) => files.filter((f) => f.kind === k).length;
  const counts = (['js', 'scss', 'css', 'xml'] as const).filter((k) => count(k)).map((k) => `${count(k)} ${k === 'xml' ? 'OWL template' : k.toUpperCase()}`);
  if (templates.length) counts.push(`${templates.length} QWeb template`);
  const frontend = files.some((f) => f.bundles.some((b) => /frontend|website|portal/.test(b))) || (templates.length > 0 && !files.length);
  const backend = files.some((f) => f.bundles.some((b) => /backend/.test(b))) || !frontend;
  const roles = backend ? ctx.roleNames(internalRoleGroups(ctx, m)) : ['Portal User'];
  const named = files.flatMap((f) => [...f.patches.map((p) => `patch of ${p}`), ...f.registries.map(registryEntry)]);
  const goal = named.length ? `use ${listing(named.slice(0, 4))}${named.length > 4 ? ` and ${named.length - 4} more` : ''} in the ${backend ? 'web client' : 'website'}` : `see the ${m.manifest.name ?? m.name} screens styled and behaving as designed`;
  return [
    {
      id: featureId(m.name, 'ui', 'assets'),
      module: m.name,
      kind: 'ui',
      title: `${frontend && !backend ? 'Website' : 'Web client'} changes: ${listing(counts)} file${files.length + templates.length === 1 ? '' : 's'}`,
      roles,
      stories: [story(roles[0] ?? 'Internal User', goal, undefined, capped([
        ...files.map((f) => at(`${f.file.split('/').slice(-2).join('/')} ${describe(f)}${f.bundles.length ? ` (${f.bundles.join(', ')})` : ' (not in an asset bundle)'}`, { file: f.file, line: 1 })),
        ...templates.map((t) => at(t.inheritId ? `"${t.name ?? local(t.id)}" changes the template ${t.inheritId}` : `"${t.name ?? local(t.id)}" is a new template`, t)),
      ]))],
      evidence: [...files.map((f) => `${f.file}:1`), ...templates.map(ev)],
      metrics: { ...emptyMetrics(), views: templates.length, loc: files.reduce((s, f) => s + f.lines, 0) },
    },
  ];
}

/** The module's roles for back-end screens: portal and public users never reach them. */
export function internalRoleGroups(ctx: BuildContext, m: ModuleAnalysis): string[] {
  const own = moduleRoleGroups(ctx, m).filter((g) => !OUTSIDERS.has(g));
  return own.length ? own : ['base.group_user'];
}

/** Groups a module gives access or menus to (the roles its screens are for). */
export function moduleRoleGroups(ctx: BuildContext, m: ModuleAnalysis): string[] {
  return [...m.access.map((a) => a.group ?? 'base.group_user'), ...m.menus.flatMap((x) => x.groups)];
}
