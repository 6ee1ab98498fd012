/** module_model_map.toml as the generator reads it, and how it is read from parsed TOML. */
export type Naming = 'keep' | 'clean';

export interface MapModule {
  name: string;
  summary?: string;
  /** The manifest's author (Odoo 19 warns on every install of a module without one). */
  author?: string;
  /** New (custom) models: the model and everything attached to it. */
  models: string[];
  /** Existing models whose customizations this module carries. */
  extends: string[];
  /** Single records assigned here by key, whatever their model. */
  items: string[];
  depends: string[];
  /** Custom models of this module whose records become a data file (`[modules.<m>.data] x_model = true`). */
  data?: string[];
}

export interface ModuleMap {
  naming: Naming;
  modules: MapModule[];
  /** Models or record keys left out of every module. */
  excluded: string[];
}

/** A problem found while reading the parsed TOML; `path` locates it in the text. */
export interface MapIssue {
  path: MapPath;
  message: string;
  severity?: 'error' | 'warning';
}

/** Where in the file: a table ("modules.x"), optionally a key in it (and a key under that) and a string value in that key. */
export interface MapPath {
  table?: string;
  key?: string;
  sub?: string;
  value?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Reads the parsed TOML into a ModuleMap; shape problems become issues, never exceptions. */
export function readMap(doc: Record<string, unknown>): { map: ModuleMap; issues: MapIssue[] } {
  const issues: MapIssue[] = [];
  const strings = (table: string, key: string, v: unknown): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      issues.push({ path: { table, key }, message: `${key} must be a list of strings, e.g. ${key} = ["x_equipment"]` });
      return [];
    }
    return v as string[];
  };
  let naming: Naming = 'keep';
  if (doc.naming !== undefined) {
    if (doc.naming === 'keep' || doc.naming === 'clean') naming = doc.naming;
    else issues.push({ path: { key: 'naming' }, message: 'naming must be "keep" or "clean"' });
  }
  for (const k of Object.keys(doc)) {
    if (!['naming', 'modules', 'excluded'].includes(k)) issues.push({ path: { key: k }, message: `unknown key "${k}": expected naming, [modules.<name>] or [excluded]` });
  }
  const modules: MapModule[] = [];
  if (doc.modules !== undefined && !isRecord(doc.modules)) {
    issues.push({ path: { key: 'modules' }, message: 'modules must be tables: [modules.<name>]' });
  } else {
    for (const [name, body] of Object.entries(doc.modules ?? {})) {
      const table = `modules.${name}`;
      if (!isRecord(body)) {
        issues.push({ path: { table }, message: `[${table}] must be a table` });
        continue;
      }
      for (const k of Object.keys(body)) {
        if (!['summary', 'author', 'models', 'extends', 'items', 'depends', 'data'].includes(k)) {
          issues.push({ path: { table, key: k }, message: `unknown key "${k}": a module has summary, author, depends, models, extends, items and data` });
        }
      }
      if (body.summary !== undefined && typeof body.summary !== 'string') issues.push({ path: { table, key: 'summary' }, message: 'summary must be a string' });
      if (body.author !== undefined && typeof body.author !== 'string') issues.push({ path: { table, key: 'author' }, message: 'author must be a string, e.g. author = "My Company"' });
      modules.push({
        name,
        summary: typeof body.summary === 'string' ? body.summary : undefined,
        author: typeof body.author === 'string' ? body.author : undefined,
        models: strings(table, 'models', body.models),
        extends: strings(table, 'extends', body.extends),
        items: strings(table, 'items', body.items),
        depends: strings(table, 'depends', body.depends),
        data: dataModels(table, body.data, issues),
      });
    }
  }
  let excluded: string[] = [];
  if (doc.excluded !== undefined) {
    if (!isRecord(doc.excluded)) issues.push({ path: { key: 'excluded' }, message: 'excluded must be a table: [excluded] items = [...]' });
    else excluded = strings('excluded', 'items', doc.excluded.items);
  }
  return { map: { naming, modules, excluded }, issues };
}

/** `[modules.<m>.data]`: custom model = true | false; the models set to true. */
function dataModels(table: string, v: unknown, issues: MapIssue[]): string[] {
  if (v === undefined) return [];
  if (!isRecord(v)) {
    issues.push({ path: { table, key: 'data' }, message: `data must be a table of custom models, e.g. [${table}.data] then x_equipment = true` });
    return [];
  }
  const out: string[] = [];
  for (const [model, on] of Object.entries(v)) {
    if (typeof on !== 'boolean') {
      issues.push({ path: { table, key: 'data', sub: model }, message: `data: ${model} must be true (its records become a data file of the module) or false, not ${JSON.stringify(on)}` });
    } else if (on) out.push(model);
  }
  return out.sort();
}
