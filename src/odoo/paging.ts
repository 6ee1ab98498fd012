/** Splits a list into consecutive slices of at most `size` items. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`chunks: bad size ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Drops undefined values: XML-RPC would send them as None, JSON-2 as missing anyway. */
export function defined(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out;
}

/** Safe to send again after a network failure: reads, and `load` (idempotent with external ids). */
export const RETRYABLE_METHODS: ReadonlySet<string> = new Set([
  'search',
  'search_read',
  'search_count',
  'read',
  'fields_get',
  'name_search',
  'name_get',
  'default_get',
  'read_group',
  'web_search_read',
  'web_read',
  'check_access_rights',
  'has_access',
  'context_get',
  'load',
]);

/** Methods that change nothing in the database. */
export const READ_METHODS: ReadonlySet<string> = new Set([...RETRYABLE_METHODS].filter((m) => m !== 'load'));
