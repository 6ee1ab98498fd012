/**
 * Which module each extracted record goes to, under a map: a record follows its model (listed in
 * a module's models or extends), unless its key is listed in a module's items or in [excluded].
 */
import { didYouMean } from '../../core/did-you-mean.js';
import { allRecords, type AnyRecord, type ExtractDoc } from '../extract/schema.js';
import type { MapIssue, ModuleMap } from './map-types.js';

export interface Assignment {
  /** Record key -> module name (excluded records are absent). */
  moduleOf: Map<string, string>;
  /** Module name -> its records, in extract order. */
  records: Map<string, AnyRecord[]>;
  /** Custom or existing model -> module that owns it (models assigned as a whole). */
  modelOwner: Map<string, string>;
  excluded: Set<string>;
  issues: MapIssue[];
}

export function assign(extract: ExtractDoc, map: ModuleMap): Assignment {
  const issues: MapIssue[] = [];
  const custom = new Set(extract.models.map((m) => m.model));
  const extended = new Set(extract.extendedModels.map((m) => m.model));
  const records = allRecords(extract);
  const byKey = new Map(records.map((r) => [r.key, r]));
  const modelOwner = new Map<string, string>();
  const itemOwner = new Map<string, string>();
  const excluded = new Set<string>();
  const seen = new Map<string, string>();
  const once = (value: string, where: string, table: string, key: string): boolean => {
    const before = seen.get(value);
    if (before !== undefined) {
      issues.push({ path: { table, key, value }, message: `"${value}" is already assigned in ${before}; list it exactly once` });
      return false;
    }
    seen.set(value, where);
    return true;
  };

  for (const mod of map.modules) {
    const table = `modules.${mod.name}`;
    for (const m of mod.models) {
      if (!custom.has(m)) {
        const hint = extended.has(m) ? `; ${m} is an existing model: list it under extends` : `${didYouMean([...custom], m, (x) => `"${x}"`)}; custom models are listed in extract.json`;
        issues.push({ path: { table, key: 'models', value: m }, message: `unknown custom model "${m}"${hint}` });
      } else if (once(m, `[${table}]`, table, 'models')) modelOwner.set(m, mod.name);
    }
    for (const m of mod.extends) {
      if (!extended.has(m)) {
        const hint = custom.has(m)
          ? `; ${m} is a custom model: list it under models`
          : `${didYouMean([...extended], m, (x) => `"${x}"`)}; only models that carry customizations can be extended`;
        issues.push({ path: { table, key: 'extends', value: m }, message: `unknown model "${m}"${hint}` });
      } else if (once(m, `[${table}]`, table, 'extends')) modelOwner.set(m, mod.name);
    }
    for (const k of mod.items) {
      if (!byKey.has(k)) issues.push({ path: { table, key: 'items', value: k }, message: `unknown record "${k}": use a key from extract.json` });
      else if (once(k, `[${table}]`, table, 'items')) itemOwner.set(k, mod.name);
    }
  }
  for (const k of map.excluded) {
    const known = byKey.has(k) || custom.has(k) || extended.has(k) || extract.excluded.some((x) => x.key === k);
    if (!known) issues.push({ path: { table: 'excluded', key: 'items', value: k }, message: `unknown model or record "${k}"` });
    else if (once(k, '[excluded]', 'excluded', 'items')) excluded.add(k);
  }

  for (const m of [...custom, ...extended].sort()) {
    if (!modelOwner.has(m) && !excluded.has(m)) {
      const kind = custom.has(m) ? 'models' : 'extends';
      issues.push({ path: {}, message: `model "${m}" is not assigned: add it to one module's ${kind}, or to [excluded] items` });
    }
  }
  const moduleOf = new Map<string, string>();
  const out = new Map<string, AnyRecord[]>(map.modules.map((m) => [m.name, []]));
  for (const r of records) {
    if (excluded.has(r.key)) continue;
    const owner = itemOwner.get(r.key) ?? (excluded.has(r.model) ? undefined : modelOwner.get(r.model));
    if (owner === undefined) {
      if (r.model === '' && !excluded.has(r.key)) {
        issues.push({ path: {}, message: `"${r.key}" belongs to no model: add it to one module's items, or to [excluded] items` });
      }
      continue;
    }
    moduleOf.set(r.key, owner);
    out.get(owner)?.push(r);
  }
  return { moduleOf, records: out, modelOwner, excluded, issues };
}
