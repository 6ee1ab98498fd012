/** Features for who may do what (roles, access rights, record rules), settings, and data-only modules. */
import type { ModuleAnalysis, XmlOtherRecord } from '../../analysis/types.js';
import { callCriterion } from './build-lifecycle.js';
import { BuildContext } from './context.js';
import { refusal, ruleCriterion } from './criteria.js';
import { featureId } from './ids.js';
import { docSummary, firstReason, story } from './story.js';
import { humanize, listing } from './text.js';
import { emptyMetrics, type Feature, type Story } from './types.js';

const ev = BuildContext.ev;
const at = BuildContext.at;

const PERMS = ['read', 'write', 'create', 'unlink'] as const;
const PERM_WORD: Record<(typeof PERMS)[number], string> = { read: 'read', write: 'edit', create: 'create', unlink: 'delete' };

export function securityFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  if (!m.groups.length && !m.rules.length && !m.access.length) return [];
  const roles = m.groups.filter((g) => ctx.roles.isRole(g.id));
  const toggles = m.groups.filter((g) => !ctx.roles.isRole(g.id));
  const acceptance: string[] = [];
  for (const g of roles) {
    const implied = g.implied.filter((i) => ctx.roles.isRole(i));
    acceptance.push(at(`${ctx.roles.name(g.id)}${implied.length ? ` includes everything ${listing(implied.map((i) => ctx.roles.name(i)))} can do` : ' is a role of its own'}`, g));
  }
  for (const a of m.access) {
    const can = PERMS.filter((p) => a.perms[p]).map((p) => PERM_WORD[p]);
    const who = a.group ? (ctx.roles.isRole(a.group) ? ctx.roles.name(a.group) : `Holders of ${a.group}`) : 'Every user';
    const model = ctx.modelFromRef(a.modelRef);
    acceptance.push(at(`${who} can ${can.length ? listing(can) : 'do nothing with'} ${ctx.label(model)} records`, a));
  }
  for (const rule of m.rules) acceptance.push(at(ruleCriterion(ctx, ctx.ruleAsApplied(rule, m.name)), rule));
  const stories: Story[] = [];
  const names = roles.map((g) => ctx.roles.name(g.id));
  stories.push(
    story('Administrator', names.length ? `give each user one of the roles ${listing(names)}` : `control who reaches the ${m.manifest.name ?? m.name} data`, firstReason(roles.map((g) => g.comment), false), acceptance),
  );
  for (const g of toggles) {
    stories.push(story('Administrator', `switch on "${g.name ?? humanize(g.id.split('.').pop() ?? g.id)}" for the users who need it`, firstReason([g.comment], false), [at(`${g.name ?? g.id} is a feature switch, not a role`, g)]));
  }
  return [
    {
      id: featureId(m.name, 'security', 'roles'),
      module: m.name,
      kind: 'security',
      title: `Roles and access: ${names.length ? listing(names) : `${m.access.length} access rights, ${m.rules.length} record rules`}`,
      roles: ['Administrator'],
      stories,
      evidence: [...m.groups.map(ev), ...m.access.map(ev), ...m.rules.map(ev)],
      metrics: { ...emptyMetrics(), loc: m.groups.length * 6 + m.access.length + m.rules.length * 6 },
    },
  ];
}

const SETTINGS = 'res.config.settings';

export function settingsFeatures(ctx: BuildContext, m: ModuleAnalysis): Feature[] {
  const classes = m.models.filter((c) => c.inherit.includes(SETTINGS) && (!c.name || c.name === SETTINGS));
  const fields = classes.flatMap((c) => c.fields);
  if (!fields.length) return [];
  const views = m.views.filter((v) => v.model === SETTINGS);
  // A related value is a setting when the form can change it (readonly=False): one the company keeps, say.
  const settings = fields.filter((f) => !f.related || f.writable || f.configParameter || f.impliedGroup);
  // A related field without a string of its own shows the string of the field it relays (Odoo copies it).
  const labelOf = (f: (typeof fields)[number]): string => f.string ?? relatedLabel(ctx, f.related) ?? humanize(f.name.replace(/^(module_|group_)/, ''));
  const stories = settings
    .map((f) => {
      const name = labelOf(f);
      const does = f.configParameter
        ? `It is stored as the system parameter ${f.configParameter}`
        : f.impliedGroup
          ? `It gives every internal user the group "${ctx.roles.displayName(f.impliedGroup)}"`
          : f.name.startsWith('module_')
            ? `Ticking it installs the module ${f.name.slice('module_'.length)}`
            : f.related
              ? relatedSetting(ctx, f.related)
              : `It is a ${f.type} setting`;
      const verb = f.type === 'Boolean' ? `switch "${name}" on or off` : `set "${name}"`;
      return story('Administrator', `${verb} in Settings`, firstReason([f.help], true), [at(does, f)]);
    });
  if (!stories.length) return [];
  return [
    {
      id: featureId(m.name, 'settings', 'config'),
      module: m.name,
      kind: 'settings',
      title: `Settings: ${listing(settings.slice(0, 4).map(labelOf))}${settings.length > 4 ? ` and ${settings.length - 4} more` : ''}`,
      roles: ['Administrator'],
      stories,
      evidence: [...classes.map(ev), ...views.map(ev)],
      metrics: { ...emptyMetrics(), fields: fields.length, views: views.length, loc: classes.reduce((s, c) => s + c.endLine - c.line + 1, 0) },
    },
  ];
}

/** The label of the company field a setting relays (`related='company_id.expense_product_id'`: "Default Expense Category"). */
function relatedLabel(ctx: BuildContext, related: string | undefined): string | undefined {
  const [head, ...rest] = (related ?? '').split('.');
  if (head !== 'company_id' || rest.length !== 1) return undefined;
  const def = ctx.fieldDef('res.company', rest[0]);
  return def?.string;
}

/** "It is kept on the company (Lunch minimum threshold)" for related='company_id.lunch_minimum_threshold'. */
function relatedSetting(ctx: BuildContext, related: string): string {
  const [head, ...rest] = related.split('.');
  if (head === 'company_id' && rest.length === 1) return `It is kept on each company, as its ${ctx.fieldLabel('res.company', rest[0])}`;
  return rest.length ? `It is kept on the ${ctx.fieldLabel(SETTINGS, head)} it is set for (${related})` : `It edits ${related}`;
}

/** Records that set the system up rather than give users something to work with. */
const TECHNICAL_DATA = /^(ir\.|mail\.|res\.groups|base\.|web_|website\.|function$|delete$|digest\.|bus\.|res\.lang|res\.currency)/;

/**
 * The configuration data a module loads or changes, and what its install hook does: a feature of
 * its own for a module with nothing else, beside functional features only when it says something.
 */
export function dataFeatures(ctx: BuildContext, m: ModuleAnalysis, hasOther: boolean): Feature[] {
  const byModel = new Map<string, { file: string; line: number }[]>();
  // Records of other modules this one changes (`<record id="base.default_user">`): loaded by those modules.
  const updated = new Map<string, { file: string; line: number; id: string }[]>();
  const own = (r: XmlOtherRecord) => r.id.startsWith(`${m.name}.`) || r.id.includes(':');
  for (const r of m.other) {
    // Beside functional features, only business data (stages, tags, levels...) is worth a feature.
    if (hasOther && TECHNICAL_DATA.test(r.model)) continue;
    if (own(r)) byModel.set(r.model, [...(byModel.get(r.model) ?? []), r]);
    else updated.set(r.model, [...(updated.get(r.model) ?? []), r]);
  }
  // The install hook the manifest names, when the analysis read its function (hooks.py or __init__.py).
  const hook = m.manifest.postInitHook ? m.functions?.find((f) => f.name === m.manifest.postInitHook) : undefined;
  const hookDoc = hook && docSummary(hook.docstring);
  const hookCalls = (hook?.effects?.calls ?? []).flatMap((c) => callCriterion(ctx, c.name, c.arg, c.via).map((x) => at(x, c)));
  // Beside functional features, a hook is worth a feature when the code tells what it does.
  const told = !!hook && (!!hookDoc || hook.messages.length > 0 || hookCalls.length > 0);
  if (hasOther && !byModel.size && !updated.size && !told) return [];
  if (!byModel.size && !updated.size && !m.manifest.postInitHook) return [];
  const acceptance = [
    ...[...byModel].map(([model, refs]) => at(`Loads ${refs.length} ${ctx.label(model)} record${refs.length > 1 ? 's' : ''} (${model})`, refs[0])),
    ...[...updated].map(([model, refs]) => at(`Changes ${refs.length} existing ${ctx.label(model)} record${refs.length > 1 ? 's' : ''} (${listing(refs.slice(0, 3).map((r) => r.id))}${refs.length > 3 ? ', ...' : ''})`, refs[0])),
  ];
  if (hook) {
    acceptance.push(
      at(`Installing it runs ${hook.name}${hookDoc ? `: ${hookDoc}` : ''}`, hook),
      ...hook.messages.map((msg) => refusal(msg, 'Installing is refused')),
      ...hookCalls,
    );
  } else if (m.manifest.postInitHook) acceptance.push(at(`Installing it runs ${m.manifest.postInitHook}`, m.manifest));
  const what = [...new Set([...byModel.keys(), ...updated.keys()])].map((x) => ctx.label(x));
  return [
    {
      id: featureId(m.name, 'data', 'records'),
      module: m.name,
      kind: 'data',
      title: `Configuration data: ${listing(what.slice(0, 4)) || 'install hook'}${what.length > 4 ? ` and ${what.length - 4} more` : ''}`,
      roles: ['Administrator'],
      stories: [story('Administrator', `install ${m.manifest.name ?? m.name} and find ${listing(what.slice(0, 4)) || 'its setup'} ready`, firstReason([m.manifest.summary, m.manifest.description]), acceptance)],
      evidence: [ev(m.manifest), ...(hook ? [ev(hook)] : []), ...[...byModel.values(), ...updated.values()].map((refs) => ev(refs[0]))],
      metrics: { ...emptyMetrics(), loc: m.other.length * 4 },
    },
  ];
}
