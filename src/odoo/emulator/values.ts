import { OdooFault, invalidField } from './faults.js';
import type { EmulatorStore, Row } from './store.js';
import type { EmulatorField } from './types.js';

/**
 * A float field's value on its way out. XML-RPC writes it as <double> even when it is whole
 * (Python sends 15.0, not 15); JSON answers see a plain number through toJSON().
 */
export class FloatValue {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/** 'YYYY-MM-DD HH:MM:SS' in UTC, the way Odoo serializes datetimes. */
export function odooDatetime(d: Date): string {
  return d.toISOString().replace('T', ' ').slice(0, 19);
}

/** The value read() returns for a field that was never set. */
export function emptyValue(field: EmulatorField): unknown {
  switch (field.type) {
    case 'one2many':
    case 'many2many':
      return [];
    case 'integer':
    case 'float':
    case 'monetary':
      return 0;
    default:
      return false;
  }
}

export function displayNameOf(store: EmulatorStore, model: string, row: Row): string {
  if (model === 'ir.model.fields') {
    const m = typeof row.model_id === 'number' ? store.get('ir.model', row.model_id) : undefined;
    return `${String(row.field_description)} (${m ? String(m.name) : String(row.model)})`;
  }
  if (model === 'ir.ui.menu') {
    const names: string[] = [];
    for (let cur: Row | undefined = row; cur && names.length < 20; ) {
      names.unshift(String(cur.name));
      cur = typeof cur.parent_id === 'number' ? store.get(model, cur.parent_id) : undefined;
    }
    return names.join('/');
  }
  if (model === 'res.partner' && typeof row.parent_id === 'number' && row.name) {
    const parent = store.get(model, row.parent_id);
    if (parent) return `${String(parent.name)}, ${String(row.name)}`;
  }
  const def = store.def(model);
  const recName = def.recName ?? (def.fields.name ? 'name' : def.fields.x_name ? 'x_name' : undefined);
  const v = recName ? row[recName] : undefined;
  if (typeof v === 'string' && v !== '') return v;
  if (typeof row.display_name === 'string') return row.display_name;
  return `${model},${row.id}`;
}

/** A computed value the store does not hold, or undefined when the field is stored. */
function computed(store: EmulatorStore, model: string, row: Row, name: string): unknown {
  if (name === 'display_name') return displayNameOf(store, model, row);
  if (model === 'project.project' && name === 'task_count' && store.hasModel('project.task')) {
    return store.search('project.task', [['project_id', '=', row.id]]).length;
  }
  if (model === 'ir.model.data' && name === 'complete_name') return `${row.module}.${row.name}`;
  // Odoo counts a model's table in SQL (archived records too); 0 for a model without a table here.
  if (model === 'ir.model' && name === 'count' && typeof row.model === 'string') return store.hasModel(row.model) ? store.count(row.model) : 0;
  // model_name of server actions and automation rules is related to model_id.model.
  if (name === 'model_name' && typeof row.model_id === 'number' && (typeof row.model_name !== 'string' || row.model_name === '')) {
    const m = store.hasModel('ir.model') ? store.get('ir.model', row.model_id) : undefined;
    return m ? String(m.model) : false;
  }
  // Views and actions compute xml_id from ir.model.data (the first one), '' when none: Settings-made.
  if (name === 'xml_id' && (typeof row.xml_id !== 'string' || row.xml_id === '') && (model === 'ir.ui.view' || model.startsWith('ir.actions.'))) {
    const imd = store.search('ir.model.data', [['model', '=', model], ['res_id', '=', row.id]]);
    const first = imd.length === 0 ? undefined : store.get('ir.model.data', imd[0]);
    return first ? `${String(first.module)}.${String(first.name)}` : '';
  }
  if (model === 'res.partner' && name === 'complete_name') return displayNameOf(store, model, row);
  return undefined;
}

/** One record shaped like Odoo's read(): many2one as [id, display_name], x2many as id lists. */
export function readRow(store: EmulatorStore, model: string, row: Row, fields: readonly string[]): Record<string, unknown> {
  const defs = store.def(model).fields;
  const out: Record<string, unknown> = { id: row.id };
  for (const name of fields) {
    if (name === 'id') continue;
    const f = defs[name];
    const c = computed(store, model, row, name);
    let v = c !== undefined ? c : row[name];
    if (v === undefined || v === null) v = emptyValue(f);
    if (f.type === 'many2one' && typeof v === 'number') {
      const target = f.relation ? store.get(f.relation, v) : undefined;
      v = [v, target && f.relation ? displayNameOf(store, f.relation, target) : ''];
    }
    if ((f.type === 'one2many' || f.type === 'many2many') && Array.isArray(v)) v = [...v];
    if ((f.type === 'float' || f.type === 'monetary') && typeof v === 'number') v = new FloatValue(v);
    out[name] = v;
  }
  return out;
}

/** Validates the field names of a read/search_read; no names means every field. */
export function readableFields(store: EmulatorStore, model: string, fields: unknown, version: number): string[] {
  const defs = store.def(model).fields;
  if (!Array.isArray(fields) || fields.length === 0) return Object.keys(defs);
  for (const f of fields) if (typeof f !== 'string' || !defs[f]) throw invalidField(model, String(f), version);
  return fields as string[];
}

/**
 * Converts create/write values to stored values: x2many commands (0,_,vals) (1,id,vals)
 * (2,id) (3,id) (4,id) (5) (6,_,ids) or a plain id list, selection keys checked.
 */
export function toStored(
  store: EmulatorStore,
  model: string,
  current: Row | undefined,
  vals: Record<string, unknown>,
  version: number,
  createChild: (model: string, vals: Record<string, unknown>) => number,
): Record<string, unknown> {
  const defs = store.def(model).fields;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(vals)) {
    if (name === 'id') continue; // a magic column: Odoo ignores it in create/write values
    const f = defs[name];
    if (!f) throw invalidField(model, name, version);
    if (f.type === 'many2one') out[name] = Array.isArray(v) ? v[0] : v === null ? false : v;
    else if (f.type === 'one2many' || f.type === 'many2many') {
      const before = Array.isArray(current?.[name]) ? (current?.[name] as number[]) : [];
      out[name] = applyCommands(store, f, before, v, createChild);
    } else if (f.type === 'selection' && v !== false && v !== null && Array.isArray(f.selection)) {
      if (!f.selection.some(([key]) => key === v)) {
        throw new OdooFault('value', `Wrong value for ${model}.${name}: ${JSON.stringify(v)}`);
      }
      out[name] = v;
    } else out[name] = v === null ? false : v;
  }
  return out;
}

function applyCommands(
  store: EmulatorStore,
  f: EmulatorField,
  before: number[],
  v: unknown,
  createChild: (model: string, vals: Record<string, unknown>) => number,
): number[] {
  if (v === false || v === null) return [];
  if (!Array.isArray(v)) throw new OdooFault('value', `Wrong value for an x2many field: ${JSON.stringify(v)}`);
  if (v.every((x) => typeof x === 'number')) return [...(v as number[])];
  let ids = [...before];
  const relation = f.relation ?? '';
  for (const cmd of v) {
    if (!Array.isArray(cmd)) throw new OdooFault('value', `Wrong x2many command: ${JSON.stringify(cmd)}`);
    const [code, id, arg] = cmd as [number, number, unknown];
    switch (code) {
      case 0:
        ids.push(createChild(relation, (arg ?? {}) as Record<string, unknown>));
        break;
      case 1:
        if (store.get(relation, id)) store.update(relation, id, (arg ?? {}) as Record<string, unknown>);
        break;
      case 2:
        store.remove(relation, id);
        ids = ids.filter((x) => x !== id);
        break;
      case 3:
        ids = ids.filter((x) => x !== id);
        break;
      case 4:
        if (!ids.includes(id)) ids.push(id);
        break;
      case 5:
        ids = [];
        break;
      case 6:
        ids = Array.isArray(arg) ? (arg as number[]).slice() : [];
        break;
      default:
        throw new OdooFault('value', `Unknown x2many command ${JSON.stringify(cmd)}`);
    }
  }
  return ids;
}

/** Parses an Odoo order string ('name asc, id desc'), refusing unknown fields like Odoo does. */
export function parseOrder(store: EmulatorStore, model: string, order: string): { field: string; desc: boolean }[] {
  const fields = store.def(model).fields;
  return order
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [field, dir, ...rest] = s.split(/\s+/);
      const okDir = dir === undefined || /^(asc|desc)$/i.test(dir);
      if ((field !== 'id' && !fields[field]) || !okDir || rest.length) {
        throw new OdooFault(
          'value',
          `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
        );
      }
      return { field, desc: dir?.toLowerCase() === 'desc' };
    });
}

/** Sorts rows by parsed order keys (then id); NULLs last ascending, like PostgreSQL. */
export function sortRows(rows: Row[], keys: { field: string; desc: boolean }[]): Row[] {
  if (!keys.some((k) => k.field === 'id')) keys.push({ field: 'id', desc: false });
  return rows.sort((a, b) => {
    for (const { field, desc } of keys) {
      const c = cmp(a[field], b[field]);
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });
}

function sortable(v: unknown): number | string | undefined {
  if (v === false || v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return typeof v[0] === 'number' ? v[0] : undefined;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v as number | string;
}

function cmp(x: unknown, y: unknown): number {
  const a = sortable(x);
  const b = sortable(y);
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return a < b ? -1 : a > b ? 1 : 0;
}
