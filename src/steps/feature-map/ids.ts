/** Stable feature ids: derived from what a feature is, never from its position. */
import { slug } from '../../core/slug.js';

/** 'equipment.request' -> 'equipment_request'. Runs of "_" and non-ASCII stay as they always were: ids of maps already written must not change. */
const idPart = (s: string): string => slug(s, { keepUnderscores: true, foldAccents: false }) || 'x';

export function featureId(module: string, kind: string, ...technical: string[]): string {
  return [idPart(module), kind, ...technical.map(idPart)].join('-');
}

export const FEATURE_ID_RE = /^[A-Za-z0-9_-]+$/;
