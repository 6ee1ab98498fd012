import { makeMapReviewSpec, mapReviewSpec, loadMapReviewSpec, moduleNameProblem } from '../../../src/steps/module-map/index.js';
import { renderMap } from '../../../src/steps/module-map/proposal.js';
import { checkMap } from '../../../src/steps/module-map/validate.js';
import { renderExtract } from '../../../src/steps/extract/load.js';
import { recordedExtract } from '../generate/fixture-ctx.js';
import { makeCtx } from '../extract/helpers.js';

const doc = recordedExtract(17);
const proposal = renderMap(doc);
const spec = makeMapReviewSpec(doc);
const errors = (text: string) => spec.validate(text).filter((d) => d.severity === 'error');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('module_model_map.toml review', () => {
  test('the proposal validates, with one comment per module and the excluded analytic fields listed', () => {
    expect(errors(proposal)).toEqual([]);
    expect(proposal).toMatch(/\[modules\.equipment\]\n# New app from the root menu "Equipment"/);
    expect(proposal).toMatch(/\[modules\.project_custom\]\n# Customizations of existing models of the installed app "project"/);
    expect(proposal).toContain('#   field:account.analytic.line.x_plan2_id: analytic plan field');
    expect(proposal).toMatch(/^naming = "keep"$/m);
  });

  test('custom models whose menu hangs under an installed app are not called a new app', () => {
    const root = doc.menus.find((m) => !m.parentKey && !m.parentXmlid);
    if (!root) throw new Error('the recorded extract has a root menu');
    const moved = { ...doc, menus: doc.menus.map((m) => (m === root ? { ...m, parentXmlid: 'project.menu_main_pm' } : m)) };
    const text = renderMap(moved);
    expect(text).toMatch(/\[modules\.equipment\]\n# Custom models under the menu "Equipment" \(in the menu of project\.menu_main_pm\)/);
    expect(text).not.toContain('New app from the root menu');
  });

  test('a misspelt extended model is refused at its line with the name it probably means', () => {
    const text = proposal.replace('extends = ["project.task"]', 'extends = ["project.taks"]');
    expect(text).not.toBe(proposal);
    const d = errors(text).find((x) => x.message.includes('project.taks'));
    expect(d).toEqual(expect.objectContaining({ line: lineOf(text, 'extends = ["project.taks"]') }));
    expect(d?.message).toContain('unknown model "project.taks" (did you mean "project.task"?)');
  });

  test('data = true for a custom model validates; the proposal offers it, off, per custom model', () => {
    expect(proposal).toMatch(/^\[modules\.equipment\.data\]\nx_equipment = false$/m);
    expect(errors(proposal.replace(/^x_equipment = false/m, 'x_equipment = true'))).toEqual([]);
  });

  test('a data value that is not true or false is refused at its line', () => {
    const text = proposal.replace(/^x_equipment = false/m, 'x_equipment = "yes"');
    const d = errors(text);
    expect(d).toEqual([expect.objectContaining({ line: lineOf(text, 'x_equipment = "yes"'), message: expect.stringMatching(/data: x_equipment must be true .* or false, not "yes"/) })]);
  });

  test('data for a model the module does not carry is refused at its line, with where to put it', () => {
    const text = proposal.replace(/^x_equipment = false$/m, 'x_equipment = false\nx_gadget = true').replace('[modules.project_custom]', '[modules.project_custom]\ndata = { x_equipment = true }');
    const d = errors(text);
    expect(d).toEqual([
      expect.objectContaining({ line: lineOf(text, 'x_gadget = true'), message: expect.stringMatching(/x_gadget is not one of this module's custom models/) }),
      expect.objectContaining({ line: lineOf(text, 'data = { x_equipment = true }'), message: expect.stringMatching(/x_equipment is a model of module equipment; set data there/) }),
    ]);
  });

  test('a TOML syntax error is reported at its line and column', () => {
    const text = proposal.replace('summary = "Equipment"', 'summary = "Equipment');
    const d = errors(text);
    expect(d).toHaveLength(1);
    expect(d[0].line).toBe(lineOf(text, 'summary = "Equipment'));
  });

  test('a map naming an unknown model points at the value', () => {
    const text = proposal.replace('models = ["x_equipment"]', 'models = ["x_equipment", "x_gadget"]');
    const d = errors(text);
    expect(d).toEqual([
      expect.objectContaining({ line: lineOf(text, '"x_gadget"'), column: text.split('\n')[lineOf(text, '"x_gadget"') - 1].indexOf('"x_gadget"') + 1, message: expect.stringMatching(/unknown custom model "x_gadget"/) }),
    ]);
  });

  test('an invalid module name points at its table header', () => {
    const text = proposal.replace('[modules.equipment]', '[modules."Equipment-App"]').replace('depends = ["equipment"]', 'depends = ["Equipment-App"]').replace(/"equipment", "project"/, '"Equipment-App", "project"');
    const d = errors(text);
    expect(d[0]).toEqual(expect.objectContaining({ line: lineOf(text, '[modules."Equipment-App"]'), message: expect.stringMatching(/not a valid module name/) }));
  });

  test('a module named like an installed module is refused', () => {
    const text = proposal.replace('[modules.project_custom]', '[modules.project]');
    expect(errors(text).map((d) => d.message)).toContainEqual(expect.stringMatching(/"project" is already an installed module/));
  });

  test('a dependency cycle is reported on the depends line', () => {
    const text = proposal.replace('depends = ["base"]', 'depends = ["project_custom"]');
    const d = errors(text);
    expect(d).toHaveLength(1);
    expect(d[0].message).toMatch(/dependency cycle: equipment -> project_custom -> equipment/);
    expect(d[0].line).toBe(lineOf(text, 'depends = ["project_custom"]'));
  });

  test('a model listed twice, or not at all, is an error', () => {
    const twice = proposal.replace('extends = ["res.partner"]', 'extends = ["res.partner", "project.task"]');
    // Reported where it is listed the second time, naming the first place.
    expect(errors(twice)).toEqual([
      expect.objectContaining({ line: lineOf(twice, 'extends = ["project.task"]'), message: '"project.task" is already assigned in [modules.base_custom]; list it exactly once' }),
    ]);
    const missing = proposal.replace('extends = ["res.partner"]', 'extends = []');
    expect(errors(missing).map((d) => d.message)).toEqual([expect.stringMatching(/model "res.partner" is not assigned/)]);
    const excluded = missing.replace('items = []', 'items = ["res.partner"]');
    expect(errors(excluded)).toEqual([]);
  });

  test('moving a single field to another module through items is allowed once', () => {
    const text = proposal.replace('extends = ["res.partner"]', 'extends = ["res.partner"]\nitems = ["field:project.task.x_studio_customer_ref"]');
    expect(errors(text)).toEqual([]);
    const twice = text.replace('items = []', 'items = ["field:project.task.x_studio_customer_ref"]');
    expect(errors(twice)[0].message).toMatch(/already assigned/);
  });

  test('without extract.json the spec still checks syntax, names and cycles', () => {
    expect(mapReviewSpec.validate(proposal).filter((d) => d.severity === 'error')).toEqual([]);
    expect(mapReviewSpec.validate('[modules.9bad]\nmodels = []\n')[0].message).toMatch(/not a valid module name/);
  });

  test('positions come from the TOML parser: quoted keys, dotted keys and values in multi-line arrays', () => {
    const at = (text: string) => mapReviewSpec.validate(text).map((d) => [d.line, d.column, d.message.split(',')[0]]);
    // A quoted key is the same key: the message points at it, not at the table header.
    expect(at("[modules.a]\n# why\n'models' = \"x_a\"\n")).toEqual([[3, 1, 'models must be a list of strings']]);
    // A dotted key under the root names the table without a header.
    expect(at('modules.a.models = "x_a"\n')).toEqual([[1, 1, 'models must be a list of strings']]);
    // The value of a cycle, on its own line of a multi-line array, after a comment that names it.
    const cycle = at('[modules.a]\nmodels = []\ndepends = [ # not "b" itself\n  "base",\n  "b",\n]\n\n[modules.b]\nmodels = []\ndepends = ["a"]\n');
    expect(cycle[0]).toEqual([5, 3, 'dependency cycle: a -> b -> a; move the records that cause it']);
  });

  test('loadMapReviewSpec reads extract.json from the workspace', async () => {
    const ctx = makeCtx();
    try {
      await ctx.artifacts.write('extract.json', renderExtract(doc));
      const loaded = await loadMapReviewSpec(ctx.artifacts);
      expect(loaded.validate(proposal.replace('"x_equipment"]', '"x_nope"]')).some((d) => /unknown custom model/.test(d.message))).toBe(true);
    } finally {
      ctx.cleanup();
    }
  });

  test('a truncated or missing extract.json: no map can be approved, and the error names the extract line', async () => {
    const ctx = makeCtx();
    try {
      const full = renderExtract(doc);
      await ctx.artifacts.write('extract.json', full.slice(0, Math.floor(full.length / 2)));
      // The map a user could write against the half that is left: a model unassigned, a depends unknown.
      const text = proposal.replace('"x_equipment"]', '"x_nope"]');
      const errors = (await loadMapReviewSpec(ctx.artifacts)).validate(text).filter((d) => d.severity === 'error');
      expect(errors[0]).toMatchObject({ line: 1, column: 1 });
      expect(errors[0].message).toMatch(/^the map cannot be checked: extract\.json:\d+:\d+: extract\.json ends too early \(truncated JSON\) \(run the extract step again/);
      // The unmodified proposal is refused too: nothing can be approved until extract.json is whole.
      expect((await loadMapReviewSpec(ctx.artifacts)).validate(proposal).some((d) => d.severity === 'error')).toBe(true);
      await ctx.artifacts.write('extract.json', '');
      const { rmSync } = await import('node:fs');
      rmSync(ctx.artifacts.resolve('extract.json'));
      expect((await loadMapReviewSpec(ctx.artifacts)).validate(proposal)[0].message).toMatch(/extract\.json: extract\.json is missing \(run the extract step first/);
    } finally {
      ctx.cleanup();
    }
  });

  test('naming must be keep or clean', () => {
    const text = proposal.replace(/^naming = "keep"$/m, 'naming = "pretty"');
    expect(checkMap(text, doc).diagnostics[0]).toEqual(expect.objectContaining({ line: lineOf(text, 'naming = "pretty"'), message: 'naming must be "keep" or "clean"' }));
  });
});

test('module names: hard Python keywords are refused, soft ones (match, case) are valid import names', () => {
  expect(moduleNameProblem('class')).toBe('"class" is a Python keyword and cannot name a module');
  expect(moduleNameProblem('match')).toBeUndefined();
  expect(moduleNameProblem('case')).toBeUndefined();
});
