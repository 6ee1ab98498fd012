/** Comparable forms of wanted values and of what Odoo returns, and their short hashes. */
import { createHash } from 'node:crypto';
import type { Value } from './desired.js';

/** A value as Odoo would store it, with our refs resolved; "?<xmlid>" where none exists yet. */
export type Canonical = string | number | boolean | null | readonly (number | string)[];

export function canonical(v: Value, ids: ReadonlyMap<string, number>): Canonical {
  switch (v.kind) {
    case 'plain':
      return typeof v.value === 'string' ? v.value.trim() : v.value;
    case 'ref':
      return v.xmlid === false ? false : (ids.get(v.xmlid) ?? `?${v.xmlid}`);
    case 'dbref':
      return ids.get(v.xmlid) ?? `?${v.xmlid}`;
    case 'refs':
      return sortIds(v.xmlids.map((x) => ids.get(x) ?? `?${x}`));
    case 'ids':
      return sortIds(v.ids);
  }
}

/** Odoo's read shape -> the same form: many2one [id, name] -> id, x2many -> sorted ids. */
export function fromOdoo(raw: unknown): Canonical {
  if (raw === undefined || raw === null || raw === false) return false;
  if (Array.isArray(raw)) {
    if (raw.length === 2 && typeof raw[0] === 'number' && typeof raw[1] === 'string') return raw[0];
    return sortIds(raw as (number | string)[]);
  }
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  return JSON.stringify(raw);
}

function sortIds(xs: readonly (number | string)[]): (number | string)[] {
  return [...xs].sort((a, b) => String(a).localeCompare(String(b), 'en', { numeric: true }));
}

/** Equal when Odoo would show the same thing: '' and false are both "empty". */
export function sameValue(a: Canonical, b: Canonical): boolean {
  const norm = (x: Canonical) => (x === '' || x === false || (Array.isArray(x) && x.length === 0) ? false : x);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

export function hashValue(c: Canonical): string {
  const n = c === '' || (Array.isArray(c) && c.length === 0) ? false : c;
  return createHash('sha256').update(JSON.stringify(n)).digest('hex').slice(0, 16);
}
