import type { Domain } from '../types.js';
import { checkAccess } from './access.js';
import { OdooFault, missingRecord, missingRequired } from './faults.js';
import type { CallContext } from './orm-context.js';
import type { Row } from './store.js';
import { odooDatetime, parseOrder, readRow, readableFields, sortRows, toStored } from './values.js';

export function label(ctx: CallContext, model: string): string {
  return ctx.store.def(model).description ?? model;
}

export function search(
  ctx: CallContext,
  model: string,
  domain: unknown,
  opts: { offset?: unknown; limit?: unknown; order?: unknown } = {},
): number[] {
  checkAccess(ctx.role, model, 'read', label(ctx, model));
  const dom = (domain ?? []) as Domain;
  let ids = ctx.store.search(model, dom);
  // Odoo hides archived records unless the domain names `active` or the context says active_test=False.
  const mentionsActive = dom.some((t) => Array.isArray(t) && t[0] === 'active');
  if (ctx.store.def(model).fields.active && !mentionsActive && ctx.context?.active_test !== false) {
    ids = ids.filter((id) => ctx.store.get(model, id)?.active !== false);
  }
  const order = typeof opts.order === 'string' && opts.order ? opts.order : (ctx.store.def(model).order ?? 'id');
  const rows = sortRows(ctx.store.read(model, ids), parseOrder(ctx.store, model, order));
  const offset = typeof opts.offset === 'number' ? opts.offset : 0;
  const limit = typeof opts.limit === 'number' && opts.limit > 0 ? opts.limit : undefined;
  const page = rows.slice(offset, limit === undefined ? undefined : offset + limit);
  return page.map((r) => r.id);
}

export function read(ctx: CallContext, model: string, ids: readonly number[], fields: unknown): Record<string, unknown>[] {
  checkAccess(ctx.role, model, 'read', label(ctx, model));
  const names = readableFields(ctx.store, model, fields, ctx.version);
  const lang = typeof ctx.context?.lang === 'string' && ctx.context.lang !== 'en_US' ? ctx.context.lang : undefined;
  return ctx.store.read(model, ids).map((row) => {
    const out = readRow(ctx.store, model, row, names);
    // Odoo 16+ keeps a translated label as one JSONB value per language; the context's lang picks one.
    const tr = lang === undefined ? undefined : (row.__translations as Record<string, Record<string, string>> | undefined);
    if (tr && lang) for (const n of names) if (tr[n]?.[lang] !== undefined) out[n] = tr[n][lang];
    return out;
  });
}

function checkUnique(ctx: CallContext, model: string, id: number | undefined, row: Record<string, unknown>): void {
  for (const u of ctx.store.def(model).unique ?? []) {
    const domain = u.fields.map((f) => [f, '=', row[f] ?? false] as const);
    if (ctx.store.search(model, domain).some((other) => other !== id)) {
      throw new OdooFault('validation', `The operation cannot be completed: ${u.message}`);
    }
  }
}

/** Required fields must be set; on write only the fields being written are checked (NOT NULL). */
function checkRequired(ctx: CallContext, model: string, row: Record<string, unknown>, only?: readonly string[]): void {
  const def = ctx.store.def(model);
  for (const [name, f] of Object.entries(def.fields)) {
    if (!f.required || f.readonly || name === 'id' || (only && !only.includes(name))) continue;
    const v = row[name];
    if (v === undefined || v === false || v === null || v === '') {
      throw missingRequired(ctx.version, label(ctx, model), model, f.string ?? name, name);
    }
  }
}

/** Creates one record (defaults, commands, required and unique checks); returns its id. */
export function createOne(ctx: CallContext, model: string, vals: Record<string, unknown>): number {
  checkAccess(ctx.role, model, 'create', label(ctx, model));
  if (typeof vals !== 'object' || vals === null || Array.isArray(vals)) {
    throw new OdooFault('value', `create() expects a dict of values, got ${JSON.stringify(vals)}`);
  }
  const def = ctx.store.def(model);
  const stored = toStored(ctx.store, model, undefined, vals, ctx.version, (m, v) => createOne(ctx, m, v));
  const now = odooDatetime(ctx.now());
  const row: Record<string, unknown> = { ...(def.defaults ?? {}), ...stored };
  checkRequired(ctx, model, row);
  checkUnique(ctx, model, undefined, row);
  Object.assign(row, { create_date: now, write_date: now, create_uid: ctx.uid, write_uid: ctx.uid });
  return ctx.store.insertRaw(model, row);
}

export function create(ctx: CallContext, model: string, valsList: unknown): number | number[] {
  if (Array.isArray(valsList)) return valsList.map((v) => createOne(ctx, model, v as Record<string, unknown>));
  return createOne(ctx, model, valsList as Record<string, unknown>);
}

/**
 * write(): Odoo 17 silently skips deleted ids; Odoo 19 raises MissingError on models that track
 * changes (mail.thread, e.g. project.task), as recorded.
 */
export function write(ctx: CallContext, model: string, ids: readonly number[], vals: Record<string, unknown>): true {
  checkAccess(ctx.role, model, 'write', label(ctx, model));
  const def = ctx.store.def(model);
  const missing = ids.filter((id) => !ctx.store.get(model, id));
  if (missing.length && ctx.version >= 19 && def.mailThread) throw missingRecord(model, missing, ctx.uid);
  const now = odooDatetime(ctx.now());
  for (const id of ids) {
    const current = ctx.store.get(model, id);
    if (!current) continue;
    const stored = toStored(ctx.store, model, current, vals, ctx.version, (m, v) => createOne(ctx, m, v));
    const next = { ...current, ...stored };
    checkRequired(ctx, model, next, Object.keys(stored));
    checkUnique(ctx, model, id, next);
    ctx.store.update(model, id, { ...stored, write_date: now, write_uid: ctx.uid });
  }
  return true;
}

export function unlink(ctx: CallContext, model: string, ids: readonly number[]): true {
  checkAccess(ctx.role, model, 'unlink', label(ctx, model));
  const removed = new Set(ids.filter((id) => ctx.store.remove(model, id)));
  // Their external ids go too (one pass over ir.model.data, not one per record).
  if (removed.size) {
    for (const imd of ctx.store.search('ir.model.data', [['model', '=', model]])) {
      const row = ctx.store.get('ir.model.data', imd);
      if (row && removed.has(Number(row.res_id))) ctx.store.remove('ir.model.data', imd);
    }
  }
  return true;
}

export function copy(ctx: CallContext, model: string, ids: readonly number[], defaults: unknown): number | number[] {
  const rows: Row[] = ids.map((id) => {
    const row = ctx.store.get(model, id);
    if (!row) throw missingRecord(model, [id], ctx.uid);
    return row;
  });
  const out = rows.map((row) => {
    const def = ctx.store.def(model);
    const vals: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(def.fields)) {
      if (f.readonly || name === 'id' || row[name] === undefined || f.type === 'one2many') continue;
      vals[name] = row[name];
    }
    const rec = def.recName ?? (def.fields.name ? 'name' : undefined);
    if (rec && typeof vals[rec] === 'string') vals[rec] = `${vals[rec]} (copy)`;
    return createOne(ctx, model, { ...vals, ...((defaults ?? {}) as Record<string, unknown>) });
  });
  return out.length === 1 ? out[0] : out;
}
