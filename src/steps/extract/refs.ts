/** Small helpers shared by the classifier: Odoo value shapes, external ids, origins. */
import type { OdooRecord } from '../../odoo/types.js';
import type { Origin } from './schema.js';

export const STUDIO_MODULE = 'studio_customization';

/** A non-empty string, or undefined for false / '' / anything else. */
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const bool = (v: unknown): boolean => v === true;
export const num = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : fallback);
/** The id of a many2one value [id, name]. */
export const m2oId = (v: unknown): number | undefined => (Array.isArray(v) && typeof v[0] === 'number' ? v[0] : undefined);

/** (model, res_id) -> "module.name" from ir.model.data rows. */
export class XmlIds {
  private readonly map = new Map<string, string>();
  constructor(rows: readonly OdooRecord[]) {
    // Lowest ir.model.data id wins, so two external ids on one record resolve the same way every run.
    const sorted = [...rows].sort((a, b) => a.id - b.id);
    for (const r of sorted) {
      const k = `${String(r.model)}#${Number(r.res_id)}`;
      if (!this.map.has(k)) this.map.set(k, `${String(r.module)}.${String(r.name)}`);
    }
  }
  get(model: string, id: number | undefined): string | undefined {
    return id === undefined ? undefined : this.map.get(`${model}#${id}`);
  }
}

export const moduleOf = (xmlid: string): string => xmlid.slice(0, xmlid.indexOf('.'));

/** __export__ ids are made by a data export, not by a module: the record is still a manual one. */
export function originOf(xmlid: string | undefined): Origin {
  if (xmlid === undefined || moduleOf(xmlid) === '__export__') return 'manual';
  return moduleOf(xmlid) === STUDIO_MODULE ? 'studio' : 'module';
}

/** Stable key of a record without a field/model name: its external id, else its database id. */
export const recordKey = (kind: string, xmlid: string | undefined, id: number): string =>
  `${kind}:${xmlid ?? `#${id}`}`;

export const fieldKey = (model: string, name: string): string => `field:${model}.${name}`;
export const modelKey = (model: string): string => `model:${model}`;

export const byKey = <T extends { key: string }>(a: T, b: T): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
