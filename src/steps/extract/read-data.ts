/**
 * The records of the custom models, for `data = true` in the module map (extract runs before the
 * map is reviewed, so every custom model is read, up to DATA_LIMIT records each), and the external
 * ids of the existing records they point at (a currency, a user, a company).
 */
import type { OdooClient, OdooRecord } from '../../odoo/types.js';
import type { PartFn } from './read-kinds.js';
import { many2manyIds } from './read.js';
import { XmlIds } from './refs.js';
import type { DataRef, DataSet } from './schema-kinds.js';

/** More records than this are not data but a migration: the model's records are counted, not read. */
export const DATA_LIMIT = 5000;
/** Field types a data file can carry as values (one2many is carried by its inverse many2one). */
export const DATA_TYPES = new Set([
  'char', 'text', 'html', 'integer', 'float', 'monetary', 'boolean', 'date', 'datetime', 'selection', 'many2one', 'many2many',
]);

export interface RawData {
  /** Custom model -> its records (stored, non-computed fields of DATA_TYPES). */
  rows: Map<string, OdooRecord[]>;
  /** Custom model -> how many records it has. */
  totals: Map<string, number>;
  /** Custom model -> the fields read. */
  fields: Map<string, string[]>;
  /** ir.model.data of the existing records those point at. */
  refData: OdooRecord[];
}

/** The fields of a custom model that a data file carries: stored, not computed or related. */
export function dataFields(fields: readonly OdooRecord[], model: string): OdooRecord[] {
  return fields
    .filter((f) => f.model === model && f.store !== false && !f.compute && !f.related && DATA_TYPES.has(String(f.ttype)))
    .sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
}

export async function readData(
  client: OdooClient,
  part: PartFn,
  models: readonly OdooRecord[],
  fields: readonly OdooRecord[],
  signal: AbortSignal,
): Promise<RawData> {
  const out: RawData = { rows: new Map(), totals: new Map(), fields: new Map(), refData: [] };
  const custom = new Set(models.map((m) => String(m.model)));
  const refs = new Map<string, Set<number>>();
  for (const m of models) {
    const model = String(m.model);
    if (m.transient === true) continue;
    const carried = dataFields(fields, model);
    const names = carried.map((f) => String(f.name));
    const ctx = { active_test: false };
    // Read with the model itself (ir.model's count, Odoo 13 on: a SQL count of its table, archived
    // records too), instead of a search_count per model.
    const total = Number(m.count ?? 0);
    out.totals.set(model, total);
    out.fields.set(model, names);
    if (total === 0 || total > DATA_LIMIT || names.length === 0) {
      out.rows.set(model, []);
      continue;
    }
    const rows = await part(`records of ${model}`, () => client.searchRead(model, [], { fields: names, order: 'id', signal, context: ctx, pageSize: 1000 }));
    out.rows.set(model, rows);
    for (const f of carried) {
      const target = String(f.relation || '');
      if (!target || custom.has(target)) continue;
      for (const r of rows) for (const id of many2manyIds(r[String(f.name)])) refs.set(target, (refs.get(target) ?? new Set()).add(id));
    }
  }
  if (refs.size > 0) {
    const ids = [...new Set([...refs.values()].flatMap((s) => [...s]))].sort((a, b) => a - b);
    const found = await part('external ids of records the custom records point at', () =>
      client.searchRead('ir.model.data', [['model', 'in', [...refs.keys()].sort()], ['res_id', 'in', ids], ['module', 'not in', ['__export__', 'studio_customization']]], {
        fields: ['module', 'name', 'model', 'res_id'], order: 'id', signal, pageSize: 10_000,
      }),
    );
    out.refData = found.filter((r) => refs.get(String(r.model))?.has(Number(r.res_id)));
  }
  return out;
}

/** extract.json's data sets and the external ids they use. Pure. */
export function classifyData(data: RawData | undefined): { data: DataSet[]; dataRefs: DataRef[] } {
  if (!data) return { data: [], dataRefs: [] };
  const sets: DataSet[] = [];
  for (const [model, rows] of [...data.rows].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const fields = data.fields.get(model) ?? [];
    sets.push({
      model, fields, total: data.totals.get(model) ?? rows.length,
      rows: rows.map((r) => ({ id: r.id, values: Object.fromEntries(fields.map((f) => [f, value(r[f])])) })).sort((a, b) => a.id - b.id),
    });
  }
  const ids = new XmlIds(data.refData);
  const seen = new Set<string>();
  const dataRefs: DataRef[] = [];
  for (const r of data.refData) {
    const model = String(r.model);
    const id = Number(r.res_id);
    const k = `${model}#${id}`;
    const xmlid = ids.get(model, id);
    if (seen.has(k) || xmlid === undefined) continue;
    seen.add(k);
    dataRefs.push({ model, id, xmlid });
  }
  return { data: sets, dataRefs: dataRefs.sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : a.id - b.id)) };
}

/** A many2one [id, name] becomes its id; everything else stays as read (false, numbers, strings, id lists). */
function value(v: unknown): unknown {
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string') return v[0];
  return v === undefined ? false : v;
}
