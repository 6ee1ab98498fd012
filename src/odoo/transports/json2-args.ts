/**
 * JSON-2 takes named arguments only. The client speaks execute_kw (ids first for record methods,
 * then positional args); this table names those positions for the methods the project calls.
 */
interface Signature {
  /** Record method: the first positional arg is the ids. */
  records: boolean;
  params: readonly string[];
}

const SIGNATURES: Readonly<Record<string, Signature>> = {
  search_read: { records: false, params: ['domain', 'fields', 'offset', 'limit', 'order'] },
  search: { records: false, params: ['domain', 'offset', 'limit', 'order'] },
  search_count: { records: false, params: ['domain', 'limit'] },
  fields_get: { records: false, params: ['allfields', 'attributes'] },
  create: { records: false, params: ['vals_list'] },
  load: { records: false, params: ['fields', 'data'] },
  default_get: { records: false, params: ['fields_list'] },
  name_create: { records: false, params: ['name'] },
  context_get: { records: false, params: [] },
  check_access_rights: { records: false, params: ['operation', 'raise_exception'] },
  has_access: { records: true, params: ['operation'] },
  read_group: { records: false, params: ['domain', 'fields', 'groupby', 'offset', 'limit', 'orderby', 'lazy'] },
  read: { records: true, params: ['fields', 'load'] },
  write: { records: true, params: ['vals'] },
  unlink: { records: true, params: [] },
  copy: { records: true, params: ['default'] },
  action_archive: { records: true, params: [] },
  action_unarchive: { records: true, params: [] },
};

/** The JSON body for `model.method(*args, **kwargs)`; throws (a bug) when positions cannot be named. */
export function namedArguments(method: string, args: readonly unknown[], kwargs: Record<string, unknown>): Record<string, unknown> {
  const sig = SIGNATURES[method];
  const body: Record<string, unknown> = {};
  let rest = [...args];
  const looksLikeIds = Array.isArray(rest[0]) && (rest[0] as unknown[]).every((v) => typeof v === 'number');
  if (sig ? sig.records : looksLikeIds) {
    if (rest.length > 0) body['ids'] = rest[0];
    rest = rest.slice(1);
  }
  const params = sig?.params ?? [];
  if (rest.length > params.length) {
    throw new Error(
      `JSON-2 cannot name the positional arguments of ${method}(); pass them as keyword arguments instead`,
    );
  }
  rest.forEach((value, i) => {
    body[params[i] as string] = value;
  });
  for (const [k, v] of Object.entries(kwargs)) if (v !== undefined) body[k] = v;
  return body;
}
