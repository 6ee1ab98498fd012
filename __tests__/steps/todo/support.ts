/** A source workspace over examples/addons run through steps 4 and 6, and ways to read its ToDo.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureMapStep } from '../../../src/steps/feature-map/index.js';
import { parseTaskPlan, type PlanTask } from '../../../src/steps/sync/parse/index.js';
import type { WorkspaceConfig } from '../../../src/steps/types.js';
import { todoStep } from '../../../src/steps/todo/index.js';
import { cleanup, copyExamples, makeContext, tempDir } from '../feature-map/support.js';

const dirs: string[] = [];
export const cleanupAll = () => dirs.forEach(cleanup);

export async function workspace(config: Partial<WorkspaceConfig> = {}, editMap?: (t: string) => string) {
  const dir = tempDir();
  dirs.push(dir);
  copyExamples(dir);
  const ctx = makeContext(dir, { sections: { sync: { project_name: 'Plant Upkeep' } }, ...config });
  expect((await featureMapStep.run(ctx)).ok).toBe(true);
  const mapFile = join(dir, 'feature_user_story_map.toml');
  if (editMap) writeFileSync(mapFile, editMap(readFileSync(mapFile, 'utf8')));
  const r = await todoStep.run(ctx);
  const todo = existsSync(join(dir, 'ToDo.md')) ? readFileSync(join(dir, 'ToDo.md'), 'utf8') : '';
  return { dir, ctx, r, todo, mapFile };
}

/** Re-runs step 6 in the same workspace with other [todo] / [estimate] tables. */
export async function rerun(w: Awaited<ReturnType<typeof workspace>>, sections: Record<string, unknown>) {
  const ctx = { ...w.ctx, config: { ...w.ctx.config, sections: { ...w.ctx.config.sections, ...sections } } };
  const r = await todoStep.run(ctx);
  return { r, todo: readFileSync(join(w.dir, 'ToDo.md'), 'utf8') };
}

/** Tasks as the sync step reads them. */
export function tasksOf(todo: string): Map<string, PlanTask & { phase: string }> {
  const plan = parseTaskPlan(todo, 'ToDo.md');
  if (!plan.ok) throw plan.error;
  return new Map(plan.value.phases.flatMap((p) => p.tasks.map((t) => [t.id, { ...t, phase: p.name }] as const)));
}

/** The Markdown of one task: from its heading to the next heading. */
export function section(todo: string, id: string): string {
  const lines = todo.split('\n');
  const at = lines.indexOf(`- ID: \`${id}\``);
  if (at < 0) return '';
  let start = at;
  while (start > 0 && !lines[start].startsWith('### ')) start--;
  let end = at;
  while (end < lines.length && !/^#{1,3} /.test(lines[end + 1] ?? '# ')) end++;
  return lines.slice(start, end + 1).join('\n');
}

/** optimistic, expected, pessimistic and likely hours of a task section. */
export function hours(sectionText: string): { o: number; e: number; p: number; l: number } {
  const e = Number(/^- Estimate: ([\d.]+) h$/m.exec(sectionText)?.[1]);
  const m = /^- Range: ([\d.]+)–([\d.]+) h \(optimistic–pessimistic\), likely ([\d.]+) h$/m.exec(sectionText);
  return { o: Number(m?.[1]), p: Number(m?.[2]), l: Number(m?.[3]), e };
}

export const setIn = (feature: string, key: string, value: string) => (t: string) =>
  t.replace(new RegExp(`(\\[features\\.${feature}\\][\\s\\S]*?)${key} = "[^"]*"`), `$1${key} = "${value}"`);
