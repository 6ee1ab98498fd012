/** Module dependencies: inferred from what the records reference, and checked for cycles. */
import type { ExtractDoc } from '../extract/schema.js';
import type { Assignment } from './assign.js';

/**
 * The modules a module needs: installed modules its records name (groups, parent views, menus),
 * the app of each existing model it touches, and other map modules whose records it references.
 */
export function inferDepends(extract: ExtractDoc, a: Assignment, module: string): string[] {
  const out = new Set<string>(['base']);
  const appOf = new Map(extract.extendedModels.map((m) => [m.model, m.app]));
  const custom = new Set(extract.models.map((m) => m.model));
  for (const r of a.records.get(module) ?? []) {
    for (const d of r.dependsOn) {
      if (d.startsWith('module:')) out.add(d.slice('module:'.length));
      else if (d.startsWith('model:')) {
        const model = d.slice('model:'.length);
        const owner = custom.has(model) ? a.modelOwner.get(model) : undefined;
        if (owner !== undefined) out.add(owner);
        else if (appOf.has(model)) out.add(appOf.get(model) as string);
      } else {
        const owner = a.moduleOf.get(d);
        if (owner !== undefined) out.add(owner);
      }
    }
    if (r.key.startsWith('automation:')) out.add('base_automation');
  }
  out.delete(module);
  if (out.size > 1) out.delete('base');
  return [...out].sort();
}

/** The first dependency cycle among the given modules ([a, b, a]), or undefined. */
export function findCycle(deps: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const d of [...(deps.get(n) ?? [])].sort()) {
      if (!deps.has(d)) continue;
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of [...deps.keys()].sort()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}
