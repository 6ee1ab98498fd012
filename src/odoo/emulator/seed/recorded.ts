import type { EmulatorField } from '../types.js';
import { RECORDED_17 } from './recorded-17.js';
import { RECORDED_19 } from './recorded-19.js';

export type Rec = Record<string, unknown> & { id: number };

/** The recorded series a version is built from: 16/17 from 17.0, 18/19 from 19.0. */
export function baseSeries(version: number): 17 | 19 {
  return version >= 18 ? 19 : 17;
}

function data(version: number): Record<string, unknown> {
  return baseSeries(version) === 19 ? RECORDED_19 : RECORDED_17;
}

/** Deep copy of a recorded result list (seeds must never share objects with the recording). */
export function recordedRows(version: number, key: string): Rec[] {
  const v = data(version)[key];
  if (!Array.isArray(v)) throw new Error(`no recorded rows ${key}`);
  return structuredClone(v) as Rec[];
}

export function recordedFields(version: number, model: string): Record<string, EmulatorField> {
  const own = data(version)[`fields_get.${model}`] ?? RECORDED_17[`fields_get.${model}`];
  if (!own || typeof own !== 'object') throw new Error(`no recorded fields_get for ${model}`);
  return structuredClone(own) as Record<string, EmulatorField>;
}

/** Rows of both lists merged by id (later keys win), keeping first-seen order. */
export function mergeById(...lists: Rec[][]): Rec[] {
  const byId = new Map<number, Rec>();
  for (const list of lists) for (const r of list) byId.set(r.id, { ...(byId.get(r.id) ?? {}), ...r });
  return [...byId.values()];
}
