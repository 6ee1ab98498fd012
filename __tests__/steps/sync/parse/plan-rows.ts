/** Test helpers: a plan fixture as the rows a person checks (milestone, id or title, status, owner). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTaskPlan, type TaskPlan } from '../../../../src/steps/sync/parse/index.js';

export const fixtures = join(process.cwd(), '__tests__/fixtures');
export const readFixture = (rel: string): string => readFileSync(join(fixtures, rel), 'utf8');

export function parsed(text: string, file = 'ToDo.md'): TaskPlan {
  const r = parseTaskPlan(text, file);
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message}`);
  return r.value;
}

export type Row = [milestone: string, idOrTitle: string, status: string, owner?: string];

/** Every task: its milestone, its id when the plan wrote one (else its title), status, owner. */
export function rows(plan: TaskPlan): Row[] {
  return plan.phases.flatMap((p) =>
    p.tasks.map((t): Row => {
      const r: Row = [p.name, t.explicitId ? t.id : t.title, t.status];
      if (t.owner !== undefined) r.push(t.owner);
      return r;
    }),
  );
}

export function count(xs: readonly string[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const x of xs) c[x] = (c[x] ?? 0) + 1;
  return c;
}
