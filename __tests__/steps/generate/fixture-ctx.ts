/** A workspace with a recorded extract.json and its proposed map, for generate tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseExtract, renderExtract } from '../../../src/steps/extract/load.js';
import type { ExtractDoc } from '../../../src/steps/extract/schema.js';
import { renderMap } from '../../../src/steps/module-map/proposal.js';
import { generateStep } from '../../../src/steps/generate/index.js';
import { makeCtx, type TestCtx } from '../extract/helpers.js';
import { inspectPython, pyCompileAll, type PyReport } from './check-modules.js';

export function recordedExtract(version: 17 | 19): ExtractDoc {
  const text = readFileSync(join(process.cwd(), `__tests__/steps/generate/fixtures/extract-${version}.json`), 'utf8');
  const r = parseExtract(text);
  if (!r.ok) throw r.error;
  return r.value;
}

export async function workspace(doc: ExtractDoc, map?: string, opts: Parameters<typeof makeCtx>[0] = {}): Promise<TestCtx> {
  const ctx = makeCtx(opts);
  await ctx.artifacts.write('extract.json', renderExtract(doc));
  await ctx.artifacts.write('module_model_map.toml', map ?? renderMap(doc));
  return ctx;
}

/** Runs generate in the workspace: every .py it writes compiles and inspects without error. */
export async function generateChecked(ctx: TestCtx): Promise<{ modules: string; py: PyReport; warnings: readonly string[] }> {
  const r = await generateStep.run(ctx);
  if (!r.ok) throw r.error;
  const modules = join(ctx.artifacts.root, 'modules');
  expect(await pyCompileAll(modules)).toBe('');
  const py = await inspectPython(modules);
  expect(py.errors).toEqual([]);
  return { modules, py, warnings: r.value.warnings };
}
