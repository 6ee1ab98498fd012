import type { Domain, DomainTerm } from '../types.js';
import { OdooFault } from './faults.js';
import type { Row } from './store.js';
import type { SeedModel } from './types.js';

/** What domain evaluation needs from the store (kept narrow to avoid a cycle of concerns). */
export interface DomainSource {
  def(model: string): SeedModel;
  get(model: string, id: number): Row | undefined;
  all(model: string): Row[];
}

type Pred = (row: Row) => boolean;

/**
 * Compiles an Odoo domain (prefix '&' '|' '!', implicit '&' between top-level terms) into a
 * predicate. Supports =, !=, <>, in, not in, like, not like, ilike, not ilike, =like, =ilike,
 * <, >, <=, >=, child_of, parent_of, and dotted paths through many2one/x2many fields.
 */
export function compileDomain(src: DomainSource, model: string, domain: Domain): Pred {
  if (!Array.isArray(domain)) throw new OdooFault('value', `Invalid domain: ${JSON.stringify(domain)}`);
  let pos = 0;
  const next = (): Pred => {
    if (pos >= domain.length) throw new OdooFault('value', `Domain ${JSON.stringify(domain)} is syntactically not correct.`);
    const term = domain[pos++] as DomainTerm;
    if (term === '!') {
      const a = next();
      return (r) => !a(r);
    }
    if (term === '&' || term === '|') {
      const a = next();
      const b = next();
      return term === '&' ? (r) => a(r) && b(r) : (r) => a(r) || b(r);
    }
    return leaf(src, model, term);
  };
  const parts: Pred[] = [];
  while (pos < domain.length) parts.push(next());
  return (r) => parts.every((p) => p(r));
}

function leaf(src: DomainSource, model: string, term: DomainTerm): Pred {
  if (!Array.isArray(term) || term.length !== 3) {
    throw new OdooFault('value', `Invalid leaf ${JSON.stringify(term)}`);
  }
  const [path, rawOp, value] = term as [unknown, string, unknown];
  const op = String(rawOp).toLowerCase();
  if (typeof path === 'number') {
    // TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1)
    return () => compare(op, path, value);
  }
  const names = String(path).split('.');
  const head = names[0];
  if (head !== 'id' && !src.def(model).fields[head]) {
    throw new OdooFault('value', `Invalid field ${model}.${head} in leaf ${leafText(term)}`);
  }
  const field = src.def(model).fields[head];
  if (names.length > 1 && field?.relation) {
    const rest = names.slice(1).join('.');
    const relation = field.relation;
    const sub = compileDomain(src, relation, [[rest, rawOp, value]]);
    // A negative operator on a path means "no related record matches the positive form".
    return (r) => relatedIds(r[head]).some((id) => {
      const target = src.get(relation, id);
      return target !== undefined && sub(target);
    });
  }
  if (op === 'child_of' || op === 'parent_of') return hierarchy(src, model, head, op, value);
  const type = head === 'id' ? 'integer' : field?.type;
  if (type === 'many2one' || type === 'one2many' || type === 'many2many') {
    const relation = field?.relation ?? '';
    return (r) => relationalMatch(src, relation, type, r[head], op, value);
  }
  return (r) => compare(op, r[head], value);
}

function leafText(term: DomainTerm): string {
  if (!Array.isArray(term)) return String(term);
  return `(${term.map((x) => (typeof x === 'string' ? `'${x}'` : JSON.stringify(x))).join(', ')})`;
}

function relatedIds(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.filter((x): x is number => typeof x === 'number');
  return [];
}

function displayName(src: DomainSource, model: string, id: number): string {
  const row = src.get(model, id);
  if (!row) return '';
  const rec = src.def(model).recName ?? 'name';
  return String(row[rec] ?? row.display_name ?? row.name ?? '');
}

function relationalMatch(src: DomainSource, relation: string, type: string, v: unknown, op: string, value: unknown): boolean {
  const ids = relatedIds(v);
  const isNameMatch =
    typeof value === 'string' || (Array.isArray(value) && value.some((x) => typeof x === 'string'));
  if (isNameMatch && relation) {
    const names = ids.map((id) => displayName(src, relation, id));
    if (type === 'many2one') return compare(op, names[0] ?? false, value);
    const negative = op.startsWith('not') || op === '!=' || op === '<>';
    const hit = names.some((n) => compare(negative ? positive(op) : op, n, value));
    return negative ? !hit : hit;
  }
  if (type === 'many2one') return compare(op, ids[0] ?? false, value);
  switch (op) {
    case '=':
      return value === false || value === null ? ids.length === 0 : ids.includes(Number(value));
    case '!=':
    case '<>':
      return value === false || value === null ? ids.length > 0 : !ids.includes(Number(value));
    case 'in':
      return asList(value).some((x) => ids.includes(Number(x)));
    case 'not in':
      return !asList(value).some((x) => ids.includes(Number(x)));
    default:
      return ids.some((id) => compare(op, id, value));
  }
}

function positive(op: string): string {
  if (op === '!=' || op === '<>') return '=';
  return op.replace(/^not /, '');
}

function hierarchy(src: DomainSource, model: string, field: string, op: string, value: unknown): Pred {
  const roots = new Set(asList(value).map(Number));
  const parentField = src.def(model).fields.parent_id ? 'parent_id' : undefined;
  if (field !== 'id' && field !== parentField) {
    return (r) => relatedIds(r[field]).some((id) => roots.has(id));
  }
  const rows = src.all(model);
  const byParent = new Map<number, number[]>();
  for (const row of rows) {
    const p = relatedIds(parentField ? row[parentField] : undefined)[0];
    if (p !== undefined) byParent.set(p, [...(byParent.get(p) ?? []), row.id]);
  }
  const set = new Set<number>();
  if (op === 'child_of') {
    const stack = [...roots];
    while (stack.length) {
      const id = stack.pop() as number;
      if (set.has(id)) continue;
      set.add(id);
      stack.push(...(byParent.get(id) ?? []));
    }
  } else {
    for (const id of roots) {
      let cur: number | undefined = id;
      while (cur !== undefined && !set.has(cur)) {
        set.add(cur);
        const parentRow: Row | undefined = src.get(model, cur);
        cur = parentField && parentRow ? relatedIds(parentRow[parentField])[0] : undefined;
      }
    }
  }
  return (r) => set.has(r.id);
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

function isEmpty(v: unknown): boolean {
  return v === false || v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

function likeRegex(pattern: string, anchored: boolean, flags: string): RegExp {
  let re = '';
  for (const ch of pattern) {
    if (anchored && ch === '%') re += '.*';
    else if (anchored && ch === '_') re += '.';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(anchored ? `^${re}$` : re, flags);
}

/** Scalar comparison with Odoo/SQL semantics for False (NULL). */
export function compare(op: string, actual: unknown, value: unknown): boolean {
  switch (op) {
    case '=':
      if (value === false || value === null) return isEmpty(actual) || actual === '';
      return actual === value || (typeof actual === 'number' && Number(value) === actual && value !== '');
    case '!=':
    case '<>':
      return !compare('=', actual, value);
    case 'in':
      return asList(value).some((x) => compare('=', actual, x));
    case 'not in':
      return !asList(value).some((x) => compare('=', actual, x));
    case 'like':
    case 'ilike':
    case '=like':
    case '=ilike': {
      if (isEmpty(actual)) return false;
      return likeRegex(String(value), op.startsWith('='), op.includes('ilike') ? 'i' : '').test(String(actual));
    }
    case 'not like':
    case 'not ilike':
      return isEmpty(actual) || !compare(op.slice(4), actual, value);
    case '<':
    case '>':
    case '<=':
    case '>=': {
      if (isEmpty(actual) || value === false || value === null) return false;
      const a = actual as number | string;
      const b = value as number | string;
      if (op === '<') return a < b;
      if (op === '>') return a > b;
      if (op === '<=') return a <= b;
      return a >= b;
    }
    default:
      throw new OdooFault('value', `Invalid leaf operator '${op}'`);
  }
}
