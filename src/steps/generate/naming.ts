/**
 * The naming policy: which model and field names the generated modules use. "keep" keeps every
 * x_ / x_studio_ name; "clean" drops the prefix unless the clean name would change what the field
 * means to Odoo or to Python, in which case the field keeps its x_ name and says why.
 */
import { PY_KEYWORDS } from '../../core/python-names.js';
import type { ExtractDoc } from '../extract/schema.js';
import type { Naming } from '../module-map/map-types.js';

/**
 * Field names Odoo gives a meaning of its own: the archive flag, the record name, the workflow
 * state, multi-company rules, drag-and-drop ordering, hierarchies, the magic columns, and the
 * attributes and methods of every recordset, which a field of that name would shadow.
 */
const ODOO_MEANING: ReadonlyMap<string, string> = new Map([
  ['active', 'archive flag: inactive records vanish from default searches'],
  ['name', 'the record name Odoo searches and displays by default'],
  ['state', 'workflow state used by statusbars and states-based views'],
  ['company_id', 'multi-company rules and checks'],
  ['company_ids', 'multi-company rules and checks'],
  ['sequence', 'drag-and-drop ordering'],
  ['parent_id', 'hierarchies (_parent_name)'],
  ['parent_path', 'hierarchies (_parent_store)'],
  ['display_name', 'computed by Odoo for every model'],
  ...['id', 'create_uid', 'create_date', 'write_uid', 'write_date'].map((n) => [n, 'a column Odoo manages'] as [string, string]),
  ...['env', 'ids', 'pool', 'browse', 'create', 'write', 'unlink', 'read', 'search', 'copy', 'exists', 'ensure_one', 'filtered', 'mapped', 'sorted', 'sudo', 'with_context', 'with_user', 'with_company', 'fields', 'models', 'api']
    .map((n) => [n, 'an attribute of every Odoo recordset'] as [string, string]),
]);

export const stripStudio = (name: string): string => name.replace(/^x_studio_/, '').replace(/^x_/, '');

/** Why a clean field name cannot be used, or undefined when it can. */
export function cleanNameProblem(clean: string): string | undefined {
  if (clean === '') return 'nothing is left once the prefix is dropped';
  if (PY_KEYWORDS.has(clean)) return `"${clean}" is a Python keyword`;
  if (!/^[a-z]/.test(clean)) return `"${clean}" does not start with a lowercase letter`;
  const meaning = ODOO_MEANING.get(clean);
  return meaning === undefined ? undefined : `"${clean}" has a meaning in Odoo (${meaning})`;
}

export interface NamePlan {
  models: Map<string, string>;
  /** "model.field" -> name. */
  fields: Map<string, string>;
  /** Fields that keep their x_ name under clean naming, with the reason (for the map and the README). */
  kept: { model: string; field: string; reason: string }[];
}

export function planNames(extract: ExtractDoc, naming: Naming): NamePlan {
  const takenModels = new Set([...extract.extendedModels.map((m) => m.model)]);
  const models = new Map<string, string>();
  for (const m of extract.models) {
    let n = naming === 'keep' ? m.model : stripStudio(m.model) || m.model;
    if (naming === 'clean' && (takenModels.has(n) || !/^[a-z]/.test(n))) n = `${n}_custom`.replace(/^_/, '');
    takenModels.add(n);
    models.set(m.model, n);
  }
  const fields = new Map<string, string>();
  const kept: NamePlan['kept'] = [];
  const byModel = new Map<string, string[]>();
  for (const f of extract.fields) byModel.set(f.model, [...(byModel.get(f.model) ?? []), f.name]);
  for (const [model, names] of byModel) {
    // Clean names must not land on a field the existing model already has (project.task.state...).
    const existing = new Set<string>(extract.extendedModels.find((m) => m.model === model)?.fieldNames ?? []);
    const used = new Set<string>([...existing, ...names]);
    for (const name of names) {
      if (naming === 'keep' || !/^x_/.test(name)) {
        fields.set(`${model}.${name}`, name);
        continue;
      }
      const clean = stripStudio(name);
      const reason = cleanNameProblem(clean) ?? (used.has(clean) ? `the model already has a field "${clean}"` : undefined);
      if (reason !== undefined) kept.push({ model, field: name, reason });
      const n = reason === undefined ? clean : name;
      used.add(n);
      fields.set(`${model}.${name}`, n);
    }
  }
  return { models, fields, kept };
}
