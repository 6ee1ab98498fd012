/**
 * The module_model_map.toml proposal: one module per app (root menu) of custom models, one
 * `<app>_custom` module per existing app that was customized, inferred depends, and the
 * unassigned and excluded items listed explicitly. Every choice carries a comment.
 */
import { tomlComment, tomlKey, tomlString } from '../../core/toml-text.js';
import { slug } from '../../core/slug.js';
import type { AnyRecord, ExtractDoc, MenuRec } from '../extract/schema.js';
import { allRecords } from '../extract/schema.js';
import { planNames } from '../generate/naming.js';
import { assign } from './assign.js';
import { inferDepends } from './depends.js';
import type { MapModule, ModuleMap } from './map-types.js';
import { moduleNameProblem } from './validate.js';

interface Draft extends MapModule {
  why: string;
}

const q = tomlString;
/** Text from the database inside a comment: one line, no control or bidi characters. */
const c = (s: string, max = 120): string => tomlComment(s.slice(0, max));

/** A module name from a label or model: "x_studio_Équipement" -> "equipement"; "123" -> "custom_123". */
export function moduleNameFrom(label: string): string {
  const s = slug(label.toLowerCase().replace(/^x_(studio_)?/, ''));
  return slug(/^[a-z]/.test(s) ? s : `custom_${s}`, { max: 48 });
}

export function proposeMap(extract: ExtractDoc): ModuleMap & { modules: Draft[] } {
  const taken = new Set(extract.installedModules);
  const unique = (base: string): string => {
    let name = moduleNameProblem(base) ? 'custom_app' : base;
    if (taken.has(name)) name = `${name}_app`;
    let n = name;
    for (let i = 2; taken.has(n); i++) n = `${name}_${i}`;
    taken.add(n);
    return n;
  };
  const menus = new Map(extract.menus.map((m) => [m.key, m]));
  const rootOf = (m: MenuRec): MenuRec => {
    let cur = m;
    const seen = new Set<string>();
    while (cur.parentKey && menus.has(cur.parentKey) && !seen.has(cur.key)) {
      seen.add(cur.key);
      cur = menus.get(cur.parentKey) as MenuRec;
    }
    return cur;
  };
  const custom = new Set(extract.models.map((m) => m.model));
  const byRoot = new Map<string, { root: MenuRec; models: Set<string> }>();
  const sortedMenus = [...extract.menus].sort((a, b) => a.sequence - b.sequence || (a.key < b.key ? -1 : 1));
  const placed = new Set<string>();
  for (const m of sortedMenus) {
    if (!custom.has(m.model) || !m.actionKey || placed.has(m.model)) continue;
    const root = rootOf(m);
    const entry = byRoot.get(root.key) ?? { root, models: new Set<string>() };
    entry.models.add(m.model);
    byRoot.set(root.key, entry);
    placed.add(m.model);
  }
  const modules: Draft[] = [];
  for (const { root, models } of [...byRoot.values()].sort((a, b) => a.root.sequence - b.root.sequence || (a.root.key < b.root.key ? -1 : 1))) {
    modules.push({
      name: unique(moduleNameFrom(root.name)), summary: root.name, models: [...models].sort(), extends: [], items: [], depends: [],
      why: root.parentXmlid
        ? `Custom models under the menu "${c(root.name)}" (in the menu of ${c(root.parentXmlid)}), with their fields, views, actions, menus, access rights and rules.`
        : `New app from the root menu "${c(root.name)}": its custom models and their fields, views, actions, menus, access rights and rules.`,
    });
  }
  for (const m of extract.models) {
    if (placed.has(m.model)) continue;
    modules.push({
      name: unique(moduleNameFrom(m.model)), summary: m.label, models: [m.model], extends: [], items: [], depends: [],
      why: `Custom model ${m.model} ("${c(m.label)}") has no menu of its own, so it gets a module of its own.`,
    });
  }
  const apps = new Map<string, string[]>();
  for (const e of extract.extendedModels) apps.set(e.app, [...(apps.get(e.app) ?? []), e.model]);
  for (const [app, models] of [...apps].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    modules.push({
      name: unique(`${app}_custom`), summary: `Customizations of ${app}`, models: [], extends: models.sort(), items: [], depends: [],
      why: `Customizations of existing models of the installed app "${app}" (fields, inherited views, automations on ${models.join(', ')}).`,
    });
  }
  const unassigned = allRecords(extract).filter((r) => r.model === '').map((r) => r.key).sort();
  const map = { naming: 'keep' as const, modules, excluded: unassigned };
  const a = assign(extract, map);
  for (const m of modules) m.depends = inferDepends(extract, a, m.name);
  return map;
}

function counts(records: readonly AnyRecord[]): string {
  const n = new Map<string, number>();
  for (const r of records) {
    const kind = r.key.slice(0, r.key.indexOf(':'));
    n.set(kind, (n.get(kind) ?? 0) + 1);
  }
  const label: Record<string, [string, string]> = {
    model: ['model', 'models'], field: ['field', 'fields'], view: ['view', 'views'], action: ['window action', 'window actions'],
    menu: ['menu', 'menus'], server_action: ['server action', 'server actions'], automation: ['automation', 'automations'],
    access: ['access right', 'access rights'], rule: ['record rule', 'record rules'], default: ['default', 'defaults'],
    report: ['report', 'reports'], filter: ['saved filter', 'saved filters'], mail_template: ['mail template', 'mail templates'],
    cron: ['scheduled action', 'scheduled actions'], sequence: ['sequence', 'sequences'],
  };
  return [...n].sort().map(([k, v]) => `${v} ${(label[k] ?? [k, k])[v > 1 ? 1 : 0]}`).join(', ');
}

/** The proposal as commented TOML, one table per module. Deterministic. */
export function renderMap(extract: ExtractDoc): string {
  const map = proposeMap(extract);
  const a = assign(extract, map);
  const out: string[] = [
    '# module_model_map.toml: which module each customization goes into.',
    `# Proposed from extract.json (database "${c(extract.source.database)}", Odoo ${c(extract.source.serverVersion)}).`,
    '# Edit freely, then approve: rename modules, move models between modules, or move them to [excluded].',
    '# Every custom model (models) and customized existing model (extends) must be listed exactly once,',
    '# in one module or in [excluded]. `items` moves single records by their key from extract.json.',
    ...extract.notes.map((n) => `# Partial extract: ${c(n, 400)}`),
    '',
    '# naming = "keep": keep the x_ / x_studio_ names; the module takes over the existing columns, no data moves.',
    '# naming = "clean": drop the prefixes; the module renames the columns and models on install (no data lost).',
    ...keptUnderClean(extract),
    `naming = ${q(map.naming)}`,
  ];
  for (const m of map.modules) {
    out.push('', `[modules.${tomlKey(m.name)}]`, `# ${m.why}`);
    out.push(`# Contains: ${counts(a.records.get(m.name) ?? []) || 'nothing yet'}.`);
    out.push(`summary = ${q(m.summary ?? m.name)}`);
    out.push('# depends: inferred from the models, groups, views and records this module references.');
    out.push(`depends = [${m.depends.map(q).join(', ')}]`);
    if (m.models.length > 0) out.push(...list('models', m.models));
    if (m.extends.length > 0) out.push(...list('extends', m.extends));
    if (m.models.length > 0) out.push(...dataTable(m.name, m.models));
  }
  out.push('', '[excluded]', '# Left out of every module. Records below belong to no model (e.g. a menu that opens nothing extracted).');
  out.push(...list('items', map.excluded));
  if (extract.excluded.length > 0) {
    out.push('# Not customizations, left out by extract (for reference, no need to list them):');
    for (const x of extract.excluded) out.push(`#   ${c(x.key)}: ${c(x.reason)}`);
  }
  if (extract.warnings.length > 0) {
    out.push(`# extract.json lists ${extract.warnings.length} warning(s) about records that cannot be exported as they are.`);
  }
  return `${out.join('\n')}\n`;
}

/** Fields that keep their x_ name under clean naming, with why, so the choice is made knowingly. */
function keptUnderClean(extract: ExtractDoc): string[] {
  const kept = planNames(extract, 'clean').kept;
  if (kept.length === 0) return [];
  return ['# With naming = "clean", these fields keep their x_ name:', ...kept.map((k) => `#   ${c(`${k.model}.${k.field}`)}: ${c(k.reason)}`)];
}

function list(key: string, values: readonly string[]): string[] {
  if (values.length === 0) return [`${key} = []`];
  if (values.length <= 3) return [`${key} = [${values.map(q).join(', ')}]`];
  return [`${key} = [`, ...values.map((v) => `  ${q(v)},`), ']'];
}

/** `[modules.<m>.data]`: one line per custom model, off by default, with how many records it has. */
function dataTable(module: string, models: readonly string[]): string[] {
  const out = [
    '# data: set a model to true to carry its records as data/records.xml (external ids <table>_<id>, loaded',
    '# once: an upgrade never overwrites what users changed; installed into this database, the module adopts them).',
    `[modules.${tomlKey(module)}.data]`,
  ];
  // No record counts here: a new extract would change the line you set to true (the extract report has them).
  for (const model of models) out.push(`${tomlKey(model)} = false`);
  return out;
}
