/** Desired records -> load() columns and rows. Many2one refs go as `field/id` (external ids). */
import type { DesiredRecord, Value } from './desired.js';
import { canonical, type Canonical } from './values.js';

export function columnOf(field: string, v: Value): string {
  switch (v.kind) {
    case 'plain':
      return field;
    case 'ref':
      return `${field}/id`;
    case 'dbref':
    case 'refs':
    case 'ids':
      // Stages and tags go as database ids: they may be adopted ones without our external id.
      return `${field}/.id`;
  }
}

export function signature(r: DesiredRecord): string {
  return Object.keys(r.values)
    .sort()
    .map((f) => columnOf(f, r.values[f]))
    .join(',');
}

export function encode(
  records: readonly DesiredRecord[],
  ids: ReadonlyMap<string, number>,
): { fields: string[]; rows: string[][]; sent: Record<string, Canonical>[] } {
  const keys = Object.keys(records[0].values).sort();
  const fields = ['id', ...keys.map((k) => columnOf(k, records[0].values[k]))];
  const sent: Record<string, Canonical>[] = [];
  const rows = records.map((r) => {
    const c: Record<string, Canonical> = {};
    const row = [r.xmlid];
    for (const k of keys) {
      const v = r.values[k];
      c[k] = canonical(v, ids);
      row.push(cell(v, c[k]));
    }
    sent.push(c);
    return row;
  });
  return { fields, rows, sent };
}

function cell(v: Value, c: Canonical): string {
  switch (v.kind) {
    case 'plain':
      return typeof v.value === 'boolean' ? (v.value ? '1' : '0') : String(v.value);
    case 'ref':
      return v.xmlid === false ? '' : v.xmlid;
    case 'dbref':
      if (typeof c !== 'number') throw new Error(`reference ${v.xmlid} was not loaded before its user`);
      return String(c);
    case 'refs':
    case 'ids': {
      const list = c as readonly (number | string)[];
      const missing = list.find((x) => typeof x === 'string');
      if (missing !== undefined) throw new Error(`reference ${missing} was not loaded before its user`);
      return list.join(',');
    }
  }
}
