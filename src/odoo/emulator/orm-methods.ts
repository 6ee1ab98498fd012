import type { Domain } from '../types.js';
import { checkAccess, hasAccess } from './access.js';
import { OdooFault } from './faults.js';
import { copy, create, createOne, label, read, search, unlink, write } from './orm-crud.js';
import type { CallContext } from './orm-context.js';
import { load } from './orm-load.js';
import { displayNameOf } from './values.js';
import type { AccessOperation } from './faults.js';

type Args = Record<string, unknown>;

/** One public ORM method: its Python parameters (after self) and what it does. */
export interface MethodSpec {
  /** Record method: the first positional argument (XML-RPC) or `ids` (JSON-2) is the record ids. */
  record: boolean;
  params: { name: string; required?: boolean }[];
  writes?: boolean;
  minVersion?: number;
  maxVersion?: number;
  models?: string[];
  run(ctx: CallContext, model: string, ids: number[], args: Args, context?: Record<string, unknown>): unknown;
}

function fieldsGet(ctx: CallContext, model: string, args: Args): Record<string, Record<string, unknown>> {
  const defs = ctx.store.def(model).fields;
  const only = Array.isArray(args.allfields) && args.allfields.length ? (args.allfields as string[]) : Object.keys(defs);
  const attrs = Array.isArray(args.attributes) && args.attributes.length ? (args.attributes as string[]) : undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of only) {
    const f = defs[name];
    if (!f) continue;
    if (!attrs) {
      out[name] = { ...f };
      continue;
    }
    const picked: Record<string, unknown> = {};
    for (const a of attrs) if (a in f) picked[a] = f[a];
    // Like Odoo, an attribute that does not apply to a field (relation on a char) is left out.
    out[name] = picked;
  }
  return out;
}

function domainArg(v: unknown): Domain {
  return (v ?? []) as Domain;
}

function operation(v: unknown): AccessOperation {
  const s = String(v);
  if (s === 'read' || s === 'write' || s === 'create' || s === 'unlink') return s;
  throw new OdooFault('value', `Invalid access mode: ${s}`);
}

const P = (name: string, required = false) => ({ name, required });

export const METHODS: Record<string, MethodSpec> = {
  search: {
    record: false,
    params: [P('domain', true), P('offset'), P('limit'), P('order')],
    run: (ctx, model, _ids, a) => search(ctx, model, a.domain, a),
  },
  search_read: {
    record: false,
    params: [P('domain'), P('fields'), P('offset'), P('limit'), P('order')],
    run: (ctx, model, _ids, a) => read(ctx, model, search(ctx, model, a.domain, a), a.fields),
  },
  search_count: {
    record: false,
    params: [P('domain', true), P('limit')],
    run: (ctx, model, _ids, a) => {
      const n = search(ctx, model, a.domain).length;
      return typeof a.limit === 'number' && a.limit > 0 ? Math.min(n, a.limit) : n;
    },
  },
  read: {
    record: true,
    params: [P('fields'), P('load')],
    run: (ctx, model, ids, a) => read(ctx, model, ids, a.fields),
  },
  fields_get: {
    record: false,
    params: [P('allfields'), P('attributes')],
    run: (ctx, model, _ids, a) => fieldsGet(ctx, model, a),
  },
  create: {
    record: false,
    writes: true,
    params: [P('vals_list', true)],
    run: (ctx, model, _ids, a) => create(ctx, model, a.vals_list),
  },
  write: {
    record: true,
    writes: true,
    params: [P('vals', true)],
    run: (ctx, model, ids, a) => write(ctx, model, ids, (a.vals ?? {}) as Args),
  },
  unlink: { record: true, writes: true, params: [], run: (ctx, model, ids) => unlink(ctx, model, ids) },
  copy: {
    record: true,
    writes: true,
    params: [P('default')],
    run: (ctx, model, ids, a) => copy(ctx, model, ids, a.default),
  },
  load: {
    record: false,
    writes: true,
    params: [P('fields', true), P('data', true)],
    run: (ctx, model, _ids, a) => load(ctx, model, a.fields, a.data),
  },
  exists: {
    record: true,
    params: [],
    run: (ctx, model, ids) => ids.filter((id) => ctx.store.get(model, id)),
  },
  name_search: {
    record: false,
    params: [P('name'), P('domain'), P('args'), P('operator'), P('limit')],
    run: (ctx, model, _ids, a) => {
      const op = typeof a.operator === 'string' ? a.operator : 'ilike';
      const base = domainArg(a.domain ?? a.args);
      const rec = ctx.store.def(model).recName ?? 'name';
      const dom: Domain = a.name ? [...base, [rec, op, a.name]] : base;
      const ids = search(ctx, model, dom, { limit: typeof a.limit === 'number' ? a.limit : 100 });
      return ids.map((id) => [id, displayNameOf(ctx.store, model, ctx.store.get(model, id) ?? { id })]);
    },
  },
  name_get: {
    record: true,
    maxVersion: 17,
    params: [],
    run: (ctx, model, ids) => read(ctx, model, ids, ['display_name']).map((r) => [r.id, r.display_name]),
  },
  default_get: {
    record: false,
    params: [P('fields_list', true)],
    run: (ctx, model, _ids, a) => {
      const defaults = ctx.store.def(model).defaults ?? {};
      const out: Args = {};
      for (const f of (a.fields_list ?? []) as string[]) if (f in defaults) out[f] = defaults[f];
      return out;
    },
  },
  // Still there on 19 (deprecated since 18: the server logs a warning per call).
  check_access_rights: {
    record: false,
    params: [P('operation', true), P('raise_exception')],
    run: (ctx, model, _ids, a) => {
      const op = operation(a.operation);
      if (a.raise_exception === false) return hasAccess(ctx.role, model, op);
      checkAccess(ctx.role, model, op, label(ctx, model));
      return true;
    },
  },
  has_access: {
    record: true,
    minVersion: 18,
    params: [P('operation', true)],
    run: (ctx, model, _ids, a) => hasAccess(ctx.role, model, operation(a.operation)),
  },
  context_get: {
    record: false,
    models: ['res.users'],
    params: [],
    run: (ctx) => {
      const u = ctx.store.get('res.users', ctx.uid);
      return { lang: u?.lang || 'en_US', tz: u?.tz || 'Europe/Brussels', uid: ctx.uid };
    },
  },
  article_create: {
    record: false,
    writes: true,
    models: ['knowledge.article'],
    params: [P('title'), P('parent_id'), P('is_private'), P('is_article_item'), P('article_properties')],
    run: (ctx, model, _ids, a) =>
      createOne(ctx, model, {
        name: a.title ?? false,
        parent_id: a.parent_id ?? false,
        internal_permission: a.parent_id ? false : a.is_private ? 'none' : 'write',
      }),
  },
};
