/**
 * The schema check of module_model_map.toml: TOML syntax, then shape, names, assignment (every
 * customization exactly once or excluded), known models, depends and cycles. Pure and fast.
 */
import { parse, TomlError } from 'smol-toml';
import type { Diagnostic } from '../types.js';
import type { ExtractDoc } from '../extract/schema.js';
import { assign } from './assign.js';
import { findCycle, inferDepends } from './depends.js';
import { readMap, type MapIssue, type MapPath, type ModuleMap } from './map-types.js';
import { TomlLocator } from '../../core/toml-locate.js';
import { PY_KEYWORDS } from '../../core/python-names.js';
import { tomlSyntaxMessage } from '../../core/toml-error.js';

/** A module's technical name: a lowercase Python identifier that is not a keyword. */
export function moduleNameProblem(name: string): string | undefined {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) return `"${name}" is not a valid module name: use lowercase letters, digits and _ (not first a digit)`;
  if (PY_KEYWORDS.has(name)) return `"${name}" is a Python keyword and cannot name a module`;
  if (name.length > 64) return `"${name}" is too long for a module name (max 64 characters)`;
  return undefined;
}

export interface MapCheck {
  map?: ModuleMap;
  diagnostics: Diagnostic[];
}

/** Validates the text; with the extract, also checks assignment and names against the database. */
export function checkMap(text: string, extract: ExtractDoc | undefined): MapCheck {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    return { diagnostics: [{ line: e.line, column: e.column, message: tomlSyntaxMessage(e, text), severity: 'error' }] };
  }
  const pos = new TomlLocator(text);
  const issues: MapIssue[] = [];
  const { map, issues: shape } = readMap(doc);
  issues.push(...shape);
  const installed = new Set(extract?.installedModules ?? []);
  const names = new Set(map.modules.map((m) => m.name));
  for (const m of map.modules) {
    const table = `modules.${m.name}`;
    const bad = moduleNameProblem(m.name);
    if (bad) issues.push({ path: { table }, message: bad });
    else if (installed.has(m.name)) {
      issues.push({ path: { table }, message: `"${m.name}" is already an installed module on the database; choose another name (e.g. ${m.name}_custom)` });
    }
    for (const model of m.data ?? []) {
      if (!m.models.includes(model)) {
        const where = map.modules.find((o) => o.models.includes(model));
        issues.push({ path: { table, key: 'data', sub: model }, message: where
          ? `data: ${model} is a model of module ${where.name}; set data there, under [modules.${where.name}.data]`
          : `data: ${model} is not one of this module's custom models; only the records of a model listed in models can be carried` });
      } else if (extract && !extract.data.some((d) => d.model === model)) {
        issues.push({ path: { table, key: 'data', sub: model }, message: `data: extract.json holds no records of ${model}; run extract again to read them`, severity: 'warning' });
      }
    }
    for (const d of m.depends) {
      if (d === m.name) issues.push({ path: { table, key: 'depends', value: d }, message: `module ${m.name} cannot depend on itself` });
      else if (extract && !installed.has(d) && !names.has(d)) {
        issues.push({ path: { table, key: 'depends', value: d }, message: `depends on "${d}", which is neither installed on the database nor a module of this map` });
      }
    }
  }
  if (map.modules.length === 0) issues.push({ path: {}, message: 'no modules: add at least one [modules.<name>] table' });
  const deps = new Map<string, string[]>(map.modules.map((m) => [m.name, [...m.depends]]));
  if (extract) {
    const a = assign(extract, map);
    issues.push(...a.issues);
    if (a.issues.length === 0) {
      for (const m of map.modules) {
        const missing = inferDepends(extract, a, m.name).filter((d) => !m.depends.includes(d) && d !== 'base');
        if (missing.length > 0) {
          issues.push({ path: { table: `modules.${m.name}`, key: 'depends' }, message: `${m.name} uses records of ${missing.join(', ')}; the generator adds ${missing.length > 1 ? 'them' : 'it'} to depends`, severity: 'warning' });
        }
        for (const d of missing) deps.set(m.name, [...(deps.get(m.name) ?? []), d]);
      }
    }
  }
  const cycle = findCycle(deps);
  if (cycle) {
    issues.push({ path: { table: `modules.${cycle[0]}`, key: 'depends', value: cycle[1] }, message: `dependency cycle: ${cycle.join(' -> ')}; move the records that cause it, or merge these modules` });
  }
  const diagnostics = issues.map((i) => ({ ...pos.at(keyPath(i.path), i.path.value), message: i.message, severity: i.severity ?? ('error' as const) }));
  return { map, diagnostics: diagnostics.sort((x, y) => x.line - y.line || x.column - y.column) };
}

/** "modules.<name>" + key -> ['modules', '<name>', key]: a module name is one key, dots and all. */
function keyPath(p: MapPath): string[] {
  const table = p.table === undefined ? [] : p.table.startsWith('modules.') ? ['modules', p.table.slice('modules.'.length)] : [p.table];
  if (p.key === undefined) return table;
  return p.sub === undefined ? [...table, p.key] : [...table, p.key, p.sub];
}
