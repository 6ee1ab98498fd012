import { renderExtract } from '../../../src/steps/extract/load.js';
import { generateStep, outputPath } from '../../../src/steps/generate/index.js';
import { renderMap } from '../../../src/steps/module-map/proposal.js';
import { formatUserError } from '../../../src/core/user-error.js';
import { makeCtx } from '../extract/helpers.js';
import { recordedExtract } from './fixture-ctx.js';

const doc = recordedExtract(17);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

async function failure(setup: (ctx: ReturnType<typeof makeCtx>) => Promise<void>) {
  const ctx = makeCtx();
  try {
    await setup(ctx);
    const r = await generateStep.run(ctx);
    if (r.ok) throw new Error('generate should have failed');
    expect(await ctx.artifacts.exists('modules')).toBe(false);
    return r.error;
  } finally {
    ctx.cleanup();
  }
}

describe('generate refuses bad input with an error naming the line', () => {
  test('a truncated extract.json', async () => {
    const full = renderExtract(doc);
    const cut = full.slice(0, Math.floor(full.length / 2));
    const e = await failure(async (ctx) => {
      await ctx.artifacts.write('extract.json', cut);
      await ctx.artifacts.write('module_model_map.toml', renderMap(doc));
    });
    expect(e.message).toMatch(/extract\.json ends too early \(truncated JSON\)/);
    // The last line that has text: where the document was cut.
    expect(e.where).toEqual(expect.objectContaining({ file: 'extract.json', line: cut.trimEnd().split('\n').length }));
    expect(e.hint).toMatch(/run the extract step again/);
  });

  test('a map naming an unknown model', async () => {
    const map = renderMap(doc).replace('extends = ["project.task"]', 'extends = ["project.task", "sale.order"]');
    const e = await failure(async (ctx) => {
      await ctx.artifacts.write('extract.json', renderExtract(doc));
      await ctx.artifacts.write('module_model_map.toml', map);
    });
    expect(formatUserError(e)).toMatch(new RegExp(`^module_model_map\\.toml:${lineOf(map, '"sale.order"')}:\\d+: unknown model "sale.order"`));
  });

  test('a dependency cycle', async () => {
    const map = renderMap(doc).replace('depends = ["base"]', 'depends = ["base_custom"]');
    const e = await failure(async (ctx) => {
      await ctx.artifacts.write('extract.json', renderExtract(doc));
      await ctx.artifacts.write('module_model_map.toml', map);
    });
    expect(e.message).toMatch(/dependency cycle: base_custom -> equipment -> base_custom/);
    expect(e.where?.line).toBe(lineOf(map, 'depends = ["equipment"]'));
  });

  test('an invalid module name', async () => {
    const map = renderMap(doc).replace('[modules.base_custom]', '[modules."../../etc"]');
    const e = await failure(async (ctx) => {
      await ctx.artifacts.write('extract.json', renderExtract(doc));
      await ctx.artifacts.write('module_model_map.toml', map);
    });
    expect(e.message).toMatch(/"\.\.\/\.\.\/etc" is not a valid module name/);
    expect(e.where?.line).toBe(lineOf(map, '[modules."../../etc"]'));
  });

  test('a model name in extract.json that would leave the output folder', async () => {
    const evil = { ...doc, models: doc.models.map((m) => ({ ...m, model: 'x_../../../tmp/evil', key: 'model:x_../../../tmp/evil' })) };
    evil.fields = evil.fields.map((f) => (f.model === 'x_equipment' ? { ...f, model: 'x_../../../tmp/evil', key: f.key.replace('x_equipment', 'x_../../../tmp/evil') } : f));
    const text = renderExtract(evil);
    const map = renderMap(evil);
    const e = await failure(async (ctx) => {
      await ctx.artifacts.write('extract.json', text);
      await ctx.artifacts.write('module_model_map.toml', map);
    });
    expect(e.message).toMatch(/model name "x_\.\.\/\.\.\/\.\.\/tmp\/evil" .* not a valid Odoo name/);
    expect(e.where).toEqual(expect.objectContaining({ file: 'extract.json', line: lineOf(text, '"x_../../../tmp/evil"') }));
  });

  test('output paths are confined to modules/', () => {
    expect(outputPath('equipment', 'views/x.xml')).toEqual({ ok: true, value: 'modules/equipment/views/x.xml' });
    for (const [m, rel] of [['..', 'x.py'], ['equipment', '../x.py'], ['equipment', '/etc/passwd'], ['a/b', 'x.py']]) {
      const r = outputPath(m, rel);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/would leave the modules folder/);
    }
  });

  test('a missing map says to run the review first', async () => {
    const e = await failure(async (ctx) => {
      await ctx.artifacts.write('extract.json', renderExtract(doc));
    });
    expect(e.message).toBe('module_model_map.toml is missing');
  });
});

