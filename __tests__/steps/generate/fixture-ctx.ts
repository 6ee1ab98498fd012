/** A workspace with a recorded extract.json and its proposed map, for generate tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseExtract, renderExtract } from '../../../src/steps/extract/load.js';
import type { ExtractDoc } from '../../../src/steps/extract/schema.js';
import { renderMap } from '../../../src/steps/module-map/proposal.js';
import { makeCtx, type TestCtx } from '../extract/helpers.js';

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
