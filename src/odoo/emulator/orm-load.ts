import type { LoadMessage } from '../types.js';
import { checkAccess } from './access.js';
import { OdooFault, invalidField } from './faults.js';
import { createOne, label, write } from './orm-crud.js';
import type { CallContext } from './orm-context.js';
import { displayNameOf } from './values.js';

export interface LoadAnswer {
  ids: number[] | false;
  messages: LoadMessage[];
  nextrow: number;
}

type Converted = { ok: true; value: unknown } | { ok: false; message: Omit<LoadMessage, 'rows' | 'type' | 'record'> };

function qualify(xmlid: string): string {
  return xmlid.includes('.') ? xmlid : `__import__.${xmlid}`;
}

function moreinfo(ctx: CallContext, relation: string): Record<string, unknown> {
  return {
    name: 'Possible Values',
    type: 'ir.actions.act_window',
    target: 'new',
    view_mode: ctx.version >= 18 ? 'list,form' : 'tree,form',
    views: [[false, 'list'], [false, 'form']],
    context: { create: false },
    help: 'See all possible values',
    res_model: 'ir.model.data',
    domain: [['model', '=', relation]],
  };
}

/** Converts one cell the way Odoo's ir.fields.converter does; errors are values, not throws. */
function convert(ctx: CallContext, model: string, path: string, raw: unknown): Converted {
  const [name, sub] = path.split('/');
  const f = ctx.store.def(model).fields[name];
  const fieldLabel = f.string ?? name;
  const fail = (message: string, extra: Record<string, unknown> = {}): Converted => ({
    ok: false,
    message: { field: name, message, ...extra, field_name: fieldLabel },
  });
  if (raw === '' || raw === false || raw === null || raw === undefined) {
    return { ok: true, value: f.type === 'many2many' || f.type === 'one2many' ? [[6, 0, []]] : false };
  }
  const text = String(raw);
  const relation = f.relation ?? '';
  switch (f.type) {
    case 'float':
    case 'monetary': {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? { ok: true, value: n } : fail(`'${text}' does not seem to be a number for field '${fieldLabel}'`);
    }
    case 'integer': {
      const n = Number(text);
      return Number.isInteger(n) ? { ok: true, value: n } : fail(`'${text}' does not seem to be an integer for field '${fieldLabel}'`);
    }
    case 'boolean':
      return { ok: true, value: !['0', 'false', 'no', 'off'].includes(text.toLowerCase()) };
    case 'selection': {
      const hit = Array.isArray(f.selection) ? f.selection.find(([k, l]) => k === text || l.toLowerCase() === text.toLowerCase()) : undefined;
      return hit ? { ok: true, value: hit[0] } : fail(`Value '${text}' not found in selection field '${fieldLabel}'`);
    }
    case 'many2one':
    case 'many2many':
    case 'one2many': {
      const ids: number[] = [];
      for (const part of f.type === 'many2one' ? [text] : text.split(',').map((s) => s.trim())) {
        let id: number | undefined;
        if (sub === 'id') {
          const t = ctx.store.xmlid(qualify(part));
          id = t && t.model === relation && ctx.store.get(relation, t.res_id) ? t.res_id : undefined;
          if (id === undefined) {
            return fail(`No matching record found for external id '${part}' in field '${fieldLabel}'`, { moreinfo: moreinfo(ctx, relation) });
          }
        } else if (sub === '.id') {
          id = ctx.store.get(relation, Number(part)) ? Number(part) : undefined;
          if (id === undefined) return fail(`No matching record found for database id '${part}' in field '${fieldLabel}'`);
        } else {
          id = ctx.store.all(relation).find((r) => displayNameOf(ctx.store, relation, r) === part)?.id;
          if (id === undefined) return fail(`No matching record found for name '${part}' in field '${fieldLabel}'`);
        }
        ids.push(id);
      }
      return { ok: true, value: f.type === 'many2one' ? ids[0] : [[6, 0, ids]] };
    }
    default:
      return { ok: true, value: text };
  }
}

/**
 * Model.load(fields, data): rows with an `id` column of external ids create or update records and
 * their ir.model.data in one go. Errors come back in `messages` with `ids: false`, and nothing
 * is kept (as Odoo rolls back its savepoint).
 */
export function load(ctx: CallContext, model: string, fields: unknown, data: unknown): LoadAnswer {
  checkAccess(ctx.role, model, 'create', label(ctx, model));
  if (!Array.isArray(fields) || !Array.isArray(data)) throw new OdooFault('value', 'load() expects fields and data lists');
  const defs = ctx.store.def(model).fields;
  for (const p of fields as string[]) {
    const head = String(p).split('/')[0];
    if (p !== 'id' && p !== '.id' && !defs[head]) throw invalidField(model, head, ctx.version);
  }
  const messages: LoadMessage[] = [];
  const plans: { xmlid?: string; dbid?: number; vals: Record<string, unknown> }[] = [];
  (data as unknown[][]).forEach((row, i) => {
    const plan: { xmlid?: string; dbid?: number; vals: Record<string, unknown> } = { vals: {} };
    const errors: LoadMessage[] = [];
    (fields as string[]).forEach((path, col) => {
      const cell = row[col];
      if (path === 'id') plan.xmlid = cell ? qualify(String(cell)) : undefined;
      else if (path === '.id') plan.dbid = cell ? Number(cell) : undefined;
      else {
        const c = convert(ctx, model, path, cell);
        if (c.ok) plan.vals[path.split('/')[0]] = c.value;
        else errors.push({ rows: { from: i, to: i }, type: 'error', record: i, ...c.message } as LoadMessage);
      }
    });
    // Odoo reports value conversions before reference lookups.
    errors.sort((a, b) => Number('moreinfo' in a) - Number('moreinfo' in b));
    messages.push(...errors);
    plans.push(plan);
  });
  if (messages.length) return { ids: false, messages, nextrow: 0 };
  // Odoo runs load() in a savepoint: one failing row and nothing is kept.
  const savepoint = ctx.store.mark();
  const ids: number[] = [];
  plans.forEach((plan, i) => {
    try {
      ids.push(applyRow(ctx, model, plan));
    } catch (e) {
      if (!(e instanceof OdooFault)) throw e;
      messages.push({ rows: { from: i, to: i }, type: 'error', record: i, message: e.message });
    }
  });
  if (messages.length) {
    ctx.store.rollbackTo(savepoint);
    return { ids: false, messages, nextrow: 0 };
  }
  return { ids, messages: [], nextrow: 0 };
}

function applyRow(ctx: CallContext, model: string, plan: { xmlid?: string; dbid?: number; vals: Record<string, unknown> }): number {
  const target = plan.xmlid ? ctx.store.xmlid(plan.xmlid) : undefined;
  const existing = target && target.model === model ? target.res_id : plan.dbid;
  if (existing !== undefined && ctx.store.get(model, existing)) {
    write(ctx, model, [existing], plan.vals);
    return existing;
  }
  const id = createOne(ctx, model, plan.vals);
  if (plan.xmlid) {
    const dot = plan.xmlid.indexOf('.');
    ctx.store.addXmlid(plan.xmlid.slice(0, dot), plan.xmlid.slice(dot + 1), model, id);
  }
  return id;
}
