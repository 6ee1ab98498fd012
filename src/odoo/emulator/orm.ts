import { OdooFault, unknownMethod, unknownModel } from './faults.js';
import { METHODS, type MethodSpec } from './orm-methods.js';
import type { CallContext } from './orm-context.js';


function spec(ctx: CallContext, model: string, method: string): MethodSpec {
  if (!ctx.store.hasModel(model)) throw unknownModel(model);
  const s = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  const ok =
    s !== undefined &&
    (s.minVersion === undefined || ctx.version >= s.minVersion) &&
    (s.maxVersion === undefined || ctx.version <= s.maxVersion) &&
    (s.models === undefined || s.models.includes(model));
  if (!ok) throw unknownMethod(model, method, ctx.version);
  return s;
}

function idsOf(v: unknown): number[] {
  if (v === undefined || v === null || v === false) return [];
  if (typeof v === 'number') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v as number[];
  throw new OdooFault('value', `Invalid record ids: ${JSON.stringify(v)}`);
}

/** execute_kw: positional args (ids first for record methods) and keyword args. */
export function callPositional(
  ctx: CallContext,
  model: string,
  method: string,
  args: readonly unknown[],
  kwargs: Record<string, unknown> = {},
): unknown {
  const s = spec(ctx, model, method);
  let rest = [...args];
  let ids: number[] = [];
  if (s.record) {
    if (rest.length === 0) throw new OdooFault('type', `${method}() missing 1 required positional argument: 'ids'`);
    ids = idsOf(rest[0]);
    rest = rest.slice(1);
  }
  const { context, ...kw } = kwargs;
  const bound: Record<string, unknown> = {};
  if (rest.length > s.params.length) {
    throw new OdooFault('type', `${method}() takes ${s.params.length + 1} positional arguments but ${rest.length + 1} were given`);
  }
  s.params.forEach((p, i) => {
    if (i < rest.length) bound[p.name] = rest[i];
  });
  for (const [k, v] of Object.entries(kw)) {
    if (!s.params.some((p) => p.name === k)) throw new OdooFault('type', `${method}() got an unexpected keyword argument '${k}'`);
    if (k in bound) throw new OdooFault('type', `${method}() got multiple values for argument '${k}'`);
    bound[k] = v;
  }
  const missing = s.params.find((p) => p.required && !(p.name in bound));
  if (missing) throw new OdooFault('type', `${method}() missing 1 required positional argument: '${missing.name}'`);
  const callContext = (context ?? undefined) as Record<string, unknown> | undefined;
  return s.run({ ...ctx, context: callContext }, model, ids, bound, callContext);
}

/** JSON-2: named arguments only; `ids` and `context` are reserved names. */
export function callNamed(ctx: CallContext, model: string, method: string, body: Record<string, unknown>): unknown {
  const s = spec(ctx, model, method);
  const { ids, context, ...named } = body;
  const missing = s.params.find((p) => p.required && !(p.name in named));
  if (missing) throw new OdooFault('type', `missing a required argument: '${missing.name}'`);
  const extra = Object.keys(named).find((k) => !s.params.some((p) => p.name === k));
  if (extra) throw new OdooFault('type', `got an unexpected keyword argument '${extra}'`);
  const callContext = (context ?? undefined) as Record<string, unknown> | undefined;
  return s.run({ ...ctx, context: callContext }, model, s.record ? idsOf(ids) : [], named, callContext);
}

/** Whether a method changes data (so the store is saved after it). */
export function isWriteMethod(method: string): boolean {
  return Object.hasOwn(METHODS, method) && METHODS[method].writes === true;
}
