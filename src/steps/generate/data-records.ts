/**
 * data/records.xml: the records of the custom models the map marks `data = true`.
 *
 * Each record gets the external id <table>_<id> (its id in the database it was read from), so the
 * same extract always gives the same ids and an upgrade finds them again. The file is noupdate:
 * installing creates the records, an upgrade never rewrites what users changed since (Odoo's
 * convention for demo-like and configuration data that customers own).
 *
 * References: a many2one or many2many to a carried custom record is a ref to its generated id; to
 * an existing record, a ref to that record's external id (base.EUR); a target with neither is left
 * out of the record, with a warning (a database id means another record in another database).
 * One2many fields are carried by their inverse many2one; computed and related fields are
 * recomputed by Odoo; file (binary) fields are left out with a warning.
 *
 * Every value is data: escaped XML text, or an eval made only of True/False and ref() of names
 * that passed isRef.
 */
import type { DataSet, FieldRec } from '../extract/schema.js';
import type { GenContext } from './context.js';
import { writesField } from './models-py.js';
import { evalField, field, isRef, openRecord, refField } from './views-xml.js';
import { xmlText } from './xml.js';
import { noUpdateXmlFile } from './kinds-xml.js';

const END = '    </record>';
const tableOf = (model: string): string => model.replace(/\./g, '_');

/** [local name, model, table, database id, column, value]: see TakeOver.adopt (column '' = by id only). */
export type AdoptRow = [string, string, string, number, string, string];

export interface DataRecords {
  /** data/records.xml content, or undefined when nothing is carried. */
  xml?: string;
  adopt: AdoptRow[];
  warnings: string[];
}

/** The external id a carried record gets, seen from module `from`; undefined when it is not carried. */
export function dataRef(ctx: GenContext, model: string, id: number, from: string): string | undefined {
  const owner = ctx.map.modules.find((m) => (m.data ?? []).includes(model) && m.models.includes(model));
  const set = ctx.extract.data.find((d) => d.model === model);
  if (!owner || !set?.rows.some((r) => r.id === id)) return undefined;
  const local = `${tableOf(ctx.modelName(model))}_${id}`;
  return owner.name === from ? local : `${owner.name}.${local}`;
}

export function dataRecords(ctx: GenContext, module: string, models: readonly string[], fields: readonly FieldRec[]): DataRecords {
  const out: DataRecords = { adopt: [], warnings: [] };
  const body: string[] = [];
  const deferred: string[] = [];
  const emitted = new Set<string>();
  const xmlidOf = new Map(ctx.extract.dataRefs.map((r) => [`${r.model}#${r.id}`, r.xmlid]));
  for (const model of [...models].sort()) {
    const set: DataSet | undefined = ctx.extract.data.find((d) => d.model === model);
    if (!set || set.rows.length === 0) {
      out.warnings.push(set && set.total > set.rows.length
        ? `${module}: data = true for ${model}, but it has ${set.total} records, more than extract reads as data; none are carried (use an import instead)`
        : `${module}: data = true for ${model}, but extract.json holds no records of it${set ? '' : '; run extract again'}`);
      continue;
    }
    const own = fields.filter((f) => f.model === model);
    const byName = new Map(own.map((f) => [f.name, f]));
    for (const f of own) {
      if (f.ttype === 'binary') out.warnings.push(`${module}: data ${model}.${f.name}: file contents are not carried in data files; copy those files by hand`);
    }
    const carried = set.fields.map((n) => byName.get(n)).filter((f): f is FieldRec => f !== undefined && writesField(ctx, f));
    const missing = new Map<string, number[]>();
    const nameField = byName.get('x_name');
    body.push(`    <!-- ${xmlText(ctx.modelName(model))}: ${set.rows.length} record(s) -->`);
    for (const row of set.rows) {
      const id = `${tableOf(ctx.modelName(model))}_${row.id}`;
      const lines: string[] = [];
      const later: string[] = [];
      for (const f of carried) {
        const name = ctx.fieldName(model, f.name);
        const v = row.values[f.name];
        const target = (tid: number): { ref?: string; pending?: boolean } => {
          const rel = f.relation ?? '';
          const own = ctx.extract.models.some((m) => m.model === rel) ? dataRef(ctx, rel, tid, module) : xmlidOf.get(`${rel}#${tid}`);
          if (own === undefined || !isRef(own)) return {};
          return { ref: own, pending: !own.includes('.') && !emitted.has(own) };
        };
        const left = (tid: number) => missing.set(f.name, [...(missing.get(f.name) ?? []), tid]);
        if (f.ttype === 'many2one') {
          if (typeof v !== 'number') {
            lines.push(evalField(name, 'False'));
            continue;
          }
          const t = target(v);
          if (!t.ref) left(v);
          else (t.pending ? later : lines).push(refField(name, t.ref));
        } else if (f.ttype === 'many2many') {
          const ids = Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
          const refs = ids.map((tid) => ({ tid, ...target(tid) }));
          for (const r of refs) if (!r.ref) left(r.tid);
          const found = refs.filter((r) => r.ref);
          // All found: the exact set. Some missing: link the found ones only, so an adopted record keeps the others.
          const expr = found.length === ids.length
            ? `[(6, 0, [${found.map((r) => `ref('${r.ref}')`).join(', ')}])]`
            : `[${found.map((r) => `(4, ref('${r.ref}'))`).join(', ')}]`;
          if (found.length === ids.length || found.length > 0) (found.some((r) => r.pending) ? later : lines).push(evalField(name, expr));
        } else lines.push(...valueLine(name, f.ttype, v));
      }
      body.push(openRecord(id, ctx.modelName(model)), ...lines, END);
      if (later.length > 0) deferred.push(openRecord(id, ctx.modelName(model)), ...later, END);
      emitted.add(id);
      const label = nameField && writesField(ctx, nameField) ? row.values.x_name : undefined;
      out.adopt.push([id, model, tableOf(model), row.id, typeof label === 'string' && label !== '' ? 'x_name' : '', typeof label === 'string' ? label : '']);
    }
    for (const [fname, ids] of missing) {
      const f = byName.get(fname);
      const distinct = [...new Set(ids)].sort((a, b) => a - b);
      const shown = distinct.slice(0, 8).map((i) => `#${i}`).join(', ');
      out.warnings.push(`${module}: data ${model}.${fname}: ${ids.length} value(s) point at ${f?.relation ?? 'records'} ${shown}${distinct.length > 8 ? ', ...' : ''} with no external id (or not carried); left out of those records`);
    }
  }
  if (body.length > 0) {
    // Records that point at records further down get those references in a second pass.
    out.xml = noUpdateXmlFile(deferred.length > 0 ? [...body, '    <!-- references to records defined above -->', ...deferred] : body);
  }
  return out;
}

/** One <field> for a plain value; False where the database has none (a default must not fill it in). */
function valueLine(name: string, ttype: string, v: unknown): string[] {
  if (ttype === 'boolean') return [evalField(name, v === true ? 'True' : 'False')];
  if (v === false || v === null || v === undefined || v === '') return [evalField(name, 'False')];
  if (typeof v === 'number') return Number.isFinite(v) ? [field(name, ttype === 'integer' ? String(Math.trunc(v)) : String(v))] : [];
  if (typeof v === 'string') return [field(name, v)];
  return [];
}
