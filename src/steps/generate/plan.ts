/**
 * The files of every module in the approved map, as path -> content. Pure and deterministic:
 * same extract and map, same bytes.
 */
import type {
  AccessRec, AnyRecord, AutomationRec, DefaultRec, FieldRec, MenuRec, ModelRec, RuleRec, ServerActionRec, ViewRec, WindowActionRec,
} from '../extract/schema.js';
import type { ExtractDoc } from '../extract/schema.js';
import type { SequenceRec } from '../extract/schema-kinds.js';
import { assign } from '../module-map/assign.js';
import { inferDepends } from '../module-map/depends.js';
import type { MapModule, ModuleMap } from '../module-map/map-types.js';
import { makeContext, type GenContext } from './context.js';
import { accessCsv, actionData, defaultRecords, ruleRecords } from './data-xml.js';
import { hooksPy, takeOverOf } from './hooks-py.js';
import { kindFiles } from './kinds-files.js';
import { dataRecords } from './data-records.js';
import { initPy, manifestPy, moduleToml, readme } from './manifest.js';
import { modelFile } from './models-py.js';
import { actionRecords, menuRecords, viewRecords, xmlFile } from './views-xml.js';

export interface ModulePlan {
  name: string;
  /** Module-relative path -> content. */
  files: Map<string, string>;
  warnings: string[];
}

/**
 * The module's sequences that number the records it carries as data: a fresh database would start
 * them at 1 and hand out numbers those records already hold, so the install continues them from
 * the source's counter (a counter already further on is left alone). A sequence by date range
 * counts per range: said, not changed.
 */
function continuedNumbers(ctx: GenContext, module: string, sequences: SequenceRec[], carried: ReadonlySet<string>): [string, number][] {
  const out: [string, number][] = [];
  for (const s of sequences) {
    if (!carried.has(s.model) || s.numberNext === undefined) continue;
    if (s.useDateRange) {
      ctx.warnings.push(`${module}: sequence ${s.name} numbers ${s.model}, whose records are carried as data, by date range: set the next number of its current range by hand after installing on a new database`);
      continue;
    }
    out.push([ctx.localId(s), s.numberNext]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const kindOf = (r: AnyRecord): string => r.key.slice(0, r.key.indexOf(':'));
const fileStem = (model: string): string => model.replace(/\./g, '_');

export function planModules(extract: ExtractDoc, map: ModuleMap, extractHash: string): ModulePlan[] {
  const base = makeContext(extract, map, assign(extract, map));
  return map.modules.map((m) => planModule({ ...base, warnings: [] }, m, extractHash));
}

function planModule(ctx: GenContext, module: MapModule, extractHash: string): ModulePlan {
  const name = module.name;
  const recs = ctx.a.records.get(name) ?? [];
  const of = <T extends AnyRecord>(kind: string) => recs.filter((r) => kindOf(r) === kind) as T[];
  const models = of<ModelRec>('model');
  const fields = of<FieldRec>('field');
  const views = of<ViewRec>('view').filter((v) => v.type !== 'qweb');
  const actions = of<WindowActionRec>('action');
  const menus = of<MenuRec>('menu');
  const servers = of<ServerActionRec>('server_action');
  const autos = of<AutomationRec>('automation');
  const access = of<AccessRec>('access');
  const rules = of<RuleRec>('rule');
  const defaults = of<DefaultRec>('default');
  const files = new Map<string, string>();
  const data: string[] = [];

  const modelNames = [...new Set([...models.map((m) => m.model), ...fields.map((f) => f.model)])].sort();
  const pyFiles: string[] = [];
  const carried = new Set((module.data ?? []).filter((m) => ctx.extract.data.some((d) => d.model === m && d.rows.length > 0)));
  for (const model of modelNames) {
    const stem = fileStem(ctx.modelName(model));
    const own = models.find((m) => m.model === model);
    files.set(`models/${stem}.py`, modelFile(ctx, name, model, own, fields.filter((f) => f.model === model), own !== undefined && carried.has(model)));
    pyFiles.push(stem);
  }
  if (access.length > 0) {
    files.set('security/ir.model.access.csv', accessCsv(ctx, name, access));
    data.push('security/ir.model.access.csv');
  }
  if (rules.length > 0) {
    files.set('security/rules.xml', xmlFile(ruleRecords(ctx, name, rules)));
    data.push('security/rules.xml');
  }
  const viewModels = [...new Set([...views.map((v) => v.model), ...actions.map((x) => x.model)])].sort();
  for (const model of viewModels) {
    const body = [
      ...viewRecords(ctx, name, views.filter((v) => v.model === model)),
      ...actionRecords(ctx, actions.filter((x) => x.model === model), name),
    ];
    if (body.length === 0) continue;
    const path = `views/${fileStem(ctx.modelName(model))}_views.xml`;
    files.set(path, xmlFile(body));
    data.push(path);
  }
  if (menus.length > 0) {
    files.set('views/menus.xml', xmlFile(menuRecords(ctx, name, menus)));
    data.push('views/menus.xml');
  }
  if (servers.length > 0 || autos.length > 0) {
    files.set('data/actions.xml', xmlFile(actionData(ctx, name, servers, autos)));
    data.push('data/actions.xml');
  }
  if (defaults.length > 0) {
    files.set('data/defaults.xml', xmlFile(defaultRecords(ctx, name, defaults)));
    data.push('data/defaults.xml');
  }
  const kinds = kindFiles(ctx, name, recs);
  for (const [path, content] of kinds.files) files.set(path, content);
  data.push(...kinds.data);
  // Records last: they point at currencies, users and the module's own records.
  const records = dataRecords(ctx, name, (module.data ?? []).filter((m) => models.some((x) => x.model === m)), fields);
  if (records.xml) {
    files.set('data/records.xml', records.xml);
    data.push('data/records.xml');
  }
  ctx.warnings.push(...records.warnings);

  const takeOver = takeOverOf(ctx, name, recs, models, fields, files);
  if (records.xml) {
    takeOver.adopt = [...takeOver.adopt, ...records.adopt].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    takeOver.numbers = continuedNumbers(ctx, name, of<SequenceRec>('sequence'), carried);
  }
  const hasHook = takeOver.studioIds.length > 0 || takeOver.models.length > 0 || takeOver.fields.length > 0 || takeOver.adopt.length > 0 || takeOver.numbers.length > 0;
  const top = pyFiles.length > 0 ? ['models'] : [];
  if (hasHook) files.set('hooks.py', hooksPy(takeOver));
  files.set('__init__.py', `${initPy(top)}${hasHook ? 'from .hooks import post_init_hook, pre_init_hook, uninstall_hook\n' : ''}`);
  if (pyFiles.length > 0) files.set('models/__init__.py', initPy(pyFiles));
  const depends = [...new Set([...module.depends, ...inferDepends(ctx.extract, ctx.a, name)])].sort();
  if (depends.length > 1) depends.splice(depends.indexOf('base'), depends.includes('base') ? 1 : 0);
  files.set('__manifest__.py', manifestPy(ctx, { module, depends, data, application: models.length > 0 && menus.some((m) => !m.parentKey && !m.parentXmlid), hasHook }));
  files.set('module.toml', moduleToml(ctx, { ...module, depends }, extractHash));
  const listed = [...files.keys(), 'README.md'].sort();
  files.set('README.md', readme(ctx, module, listed, ctx.warnings));
  return { name, files: new Map([...files].sort((x, y) => (x[0] < y[0] ? -1 : 1))), warnings: [...ctx.warnings] };
}
