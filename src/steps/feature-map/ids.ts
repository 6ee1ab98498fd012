/** Stable feature ids: derived from what a feature is, never from its position. */

/** Lower-case, [a-z0-9_] only: 'equipment.request' -> 'equipment_request'. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'x';
}

export function featureId(module: string, kind: string, ...technical: string[]): string {
  return [slug(module), kind, ...technical.map(slug)].join('-');
}

export const FEATURE_ID_RE = /^[A-Za-z0-9_-]+$/;
