/**
 * `data = true`: the records of a custom model, extracted from the emulator (16-19), generated as a
 * noupdate data file with stable external ids, read back the way Odoo's loader reads them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { startEmulator, type Emulator } from '../../../src/odoo/emulator/index.js';
import { extractStep } from '../../../src/steps/extract/index.js';
import type { ExtractDoc } from '../../../src/steps/extract/schema.js';
import { generateStep } from '../../../src/steps/generate/index.js';
import { clientFor, makeCtx } from '../extract/helpers.js';
import { addRealXmlids } from '../extract/studio-xmlids.js';
import { allNodes, inspectPython, manifestProblems, parseXml, pyCompileAll, type XmlNode } from './check-modules.js';

const records = (root: XmlNode): XmlNode[] => allNodes(root).filter((n) => n.name === 'record');
const fieldsOf = (rec: XmlNode): Record<string, XmlNode> => Object.fromEntries(rec.children.filter((c) => c.name === 'field').map((c) => [c.attributes.name, c]));

/** Turns the proposal's `x_equipment = false` into true (and the naming), as a user does in the review. */
async function setData(ctx: ReturnType<typeof makeCtx>, naming: 'keep' | 'clean' = 'keep'): Promise<string> {
  const map = (await ctx.artifacts.read('module_model_map.toml')) ?? '';
  const edited = map.replace(/^x_equipment = false/m, 'x_equipment = true').replace(/^naming = "keep"/m, `naming = "${naming}"`);
  await ctx.artifacts.write('module_model_map.toml', edited);
  return map;
}

describe.each([16, 17, 18, 19] as const)('records of a custom model as data, Odoo %i', (version) => {
  let emu: Emulator;
  let ctx: ReturnType<typeof makeCtx>;
  let modules: string;
  let proposal: string;
  let warnings: readonly string[];
  const read = (rel: string) => readFileSync(join(modules, rel), 'utf8');
  beforeAll(async () => {
    emu = await startEmulator({ version, seed: 'studio-data' });
    addRealXmlids(emu.store, version >= 18 ? 19 : 17);
    ctx = makeCtx({ connect: () => clientFor(emu) });
    const x = await extractStep.run(ctx);
    if (!x.ok) throw x.error;
    proposal = await setData(ctx);
    const g = await generateStep.run(ctx);
    if (!g.ok) throw g.error;
    warnings = g.value.warnings;
    modules = join(ctx.artifacts.root, 'modules');
  });
  afterAll(() => {
    emu.close();
    ctx.cleanup();
  });

  test('extract reads every record of the custom model and the external ids of what they point at', async () => {
    const doc = JSON.parse((await ctx.artifacts.read('extract.json')) ?? '{}') as ExtractDoc;
    const set = doc.data.find((d) => d.model === 'x_equipment');
    expect(set?.total).toBe(4);
    expect(set?.rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    // Stored fields only: no one2many, compute or related; many2one as the id.
    expect(set?.rows[0].values).toEqual(expect.objectContaining({ x_name: 'Laser cutter', x_studio_partner_id: 9, x_studio_tag_ids: [1, 3], x_studio_user_id: 2 }));
    expect(set?.fields).not.toContain('x_studio_manual');
    expect(doc.dataRefs).toEqual(expect.arrayContaining([
      { model: 'res.users', id: 2, xmlid: 'base.user_admin' },
      { model: 'project.tags', id: 1, xmlid: 'project.project_tag_internal' },
    ]));
    expect(proposal).toMatch(/^\[modules\.equipment\.data\]\nx_equipment = false$/m);
  });

  test('the module loads data/records.xml last, noupdate, one record per row with a stable external id', async () => {
    const py = await inspectPython(modules);
    expect(await pyCompileAll(modules)).toBe('');
    expect(manifestProblems(modules, py.manifests)).toEqual([]);
    expect(py.manifests.equipment.data.at(-1)).toBe('data/records.xml');
    const text = read('equipment/data/records.xml');
    expect(text).toMatch(/<data noupdate="1">/);
    const recs = records(parseXml(text));
    expect(recs.filter((r) => r.children.some((c) => c.attributes.name === 'x_name')).map((r) => r.attributes.id)).toEqual(['x_equipment_1', 'x_equipment_2', 'x_equipment_3', 'x_equipment_4']);
    expect(recs.every((r) => r.attributes.model === 'x_equipment')).toBe(true);
  });

  test('each field type is written as Odoo reads it back', () => {
    const recs = records(parseXml(read('equipment/data/records.xml')));
    const first = fieldsOf(recs[0]);
    expect(first.x_name.text).toBe('Laser cutter'); // char
    expect(first.x_studio_description.text).toBe('Cuts steel\nand wood'); // text
    expect(first.x_studio_value.text).toBe('18500'); // float
    expect(first.x_studio_quantity.text).toBe('2'); // integer
    expect(first.x_studio_active.attributes.eval).toBe('True'); // boolean
    expect(first.x_studio_purchase_date.text).toBe('2025-03-01'); // date
    expect(first.x_studio_last_check.text).toBe('2026-11-01 08:30:00'); // datetime
    expect(first.x_studio_state.text).toBe('in_use'); // selection
    expect(first.x_studio_notes.attributes.eval).toBe('False'); // empty html: False, so no default fills it in
    expect(first.x_studio_user_id.attributes.ref).toBe('base.user_admin'); // many2one to a record with an external id
    expect(first.x_studio_parent_id.attributes.eval).toBe('False');
    // many2many: tag 1 has an external id, tag 3 has none: link the first, keep the second untouched.
    expect(first.x_studio_tag_ids.attributes.eval).toBe("[(4, ref('project.project_tag_internal'))]");
    // many2one to a partner without an external id: left out (a database id is another partner elsewhere).
    expect(first.x_studio_partner_id).toBeUndefined();
    expect(first.x_studio_manual).toBeUndefined(); // file field
    expect(fieldsOf(recs[1]).x_studio_tag_ids.attributes.eval).toBe('[(6, 0, [])]');
    expect(fieldsOf(recs[3]).x_studio_parent_id.attributes.ref).toBe('x_equipment_1'); // to a record above
    expect(fieldsOf(recs[3]).x_studio_value.text).toBe('0');
    expect(fieldsOf(recs[3]).x_studio_active.attributes.eval).toBe('False');
  });

  test('a reference to a record further down comes in a second pass, after that record exists', () => {
    const recs = records(parseXml(read('equipment/data/records.xml')));
    const second = recs.filter((r) => r.attributes.id === 'x_equipment_2');
    expect(second).toHaveLength(2);
    expect(fieldsOf(second[0]).x_studio_parent_id).toBeUndefined();
    expect(Object.keys(fieldsOf(second[1]))).toEqual(['x_studio_parent_id']);
    expect(fieldsOf(second[1]).x_studio_parent_id.attributes.ref).toBe('x_equipment_3');
  });

  test('hostile values stay text: nothing injected, every value back unchanged', () => {
    const text = read('equipment/data/records.xml');
    const recs = records(parseXml(text));
    expect(recs).toHaveLength(5);
    expect(fieldsOf(recs[2]).x_studio_description.text).toBe('</field><field name="x_name">injected</field>');
    expect(fieldsOf(recs[3]).x_studio_description.text).toBe('%(x)s {{ object }}');
    expect(text).not.toContain('injected</field>');
  });

  test('what cannot be carried is listed, field by field', () => {
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringMatching(/^equipment: data x_equipment\.x_studio_partner_id: 3 value\(s\) point at res\.partner #9, #10 with no external id/),
      expect.stringMatching(/^equipment: data x_equipment\.x_studio_tag_ids: 2 value\(s\) point at project\.tags #2, #3 /),
      expect.stringMatching(/^equipment: data x_equipment\.x_studio_manual: file contents are not carried/),
    ]));
    expect(read('equipment/README.md')).toMatch(/x\\_studio\\_partner\\_id: 3 value\(s\)/);
  });

  test('installed into the database they came from, the hook adopts the records instead of creating them again', () => {
    const adopt = /^ADOPT = (.*)$/m.exec(read('equipment/hooks.py'))?.[1] ?? '';
    expect(adopt).toContain("['x_equipment_1', 'x_equipment', 'x_equipment', 1, 'x_name', 'Laser cutter']");
    expect(adopt).toContain("['x_equipment_4', 'x_equipment', 'x_equipment', 4, 'x_name', 'Old plotter']");
  });

  test('numbering continues from the source counter after the carried records, and never goes back', async () => {
    // The source numbered x_equipment with x_equipment.serial up to 6: a fresh database would give
    // EQ/.../0001 again, a number a carried record already holds.
    const hooks = read('equipment/hooks.py');
    const numbers = /^NUMBERS = (.*)$/m.exec(hooks)?.[1] ?? '';
    expect(numbers).toMatch(/^\[\['[a-z0-9_]+', 7\]\]$/);
    expect(read('equipment/__manifest__.py')).toContain("'post_init_hook': 'post_init_hook'");
    // The generated function against a stand-in sequence: fresh (next 1) -> 7; already at 12 -> 12.
    const harness = [
      'import sys, types',
      `sys.path.insert(0, ${JSON.stringify(join(process.cwd(), '__tests__/steps/generate'))})`,
      'import psycopg2_stub',
      "sys.modules['odoo'] = types.SimpleNamespace(SUPERUSER_ID=1, api=None)",
      'g = {}',
      "exec(compile(open(sys.argv[1], encoding='utf-8').read(), 'hooks.py', 'exec'), g)",
      'class Seq:',
      '    def __init__(self, n): self.number_next_actual = n',
      "    def write(self, v): self.number_next_actual = v['number_next']",
      'for start in (1, 12):',
      '    seq = Seq(start)',
      '    env = types.SimpleNamespace(ref=lambda xmlid, raise_if_not_found=True: seq)',
      "    g['continue_numbers'](env)",
      '    print(seq.number_next_actual)',
    ].join('\n');
    const r = await execa('python3', ['-c', harness, join(modules, 'equipment/hooks.py')]);
    expect(r.stdout.split('\n')).toEqual(['7', '12']);
  });
});

describe('records as data under clean naming', () => {
  test('ids and field names follow the clean names; the hook adopts by the names the rows have before renaming', async () => {
    const emu = await startEmulator({ version: 17, seed: 'studio-data' });
    const ctx = makeCtx({ connect: () => clientFor(emu) });
    try {
      const x = await extractStep.run(ctx);
      if (!x.ok) throw x.error;
      await setData(ctx, 'clean');
      const g = await generateStep.run(ctx);
      if (!g.ok) throw g.error;
      const dir = join(ctx.artifacts.root, 'modules', 'equipment');
      const recs = records(parseXml(readFileSync(join(dir, 'data/records.xml'), 'utf8')));
      expect(recs[0].attributes).toEqual({ id: 'equipment_1', model: 'equipment' });
      expect(Object.keys(fieldsOf(recs[0]))).toEqual(expect.arrayContaining(['x_name', 'serial', 'description', 'x_studio_parent_id']));
      expect(readFileSync(join(dir, 'hooks.py'), 'utf8')).toContain("['equipment_1', 'x_equipment', 'x_equipment', 1, 'x_name', 'Laser cutter']");
    } finally {
      emu.close();
      ctx.cleanup();
    }
  });
});

describe('take-over: installed into the database the records came from', () => {
  let emu: Emulator;
  let ctx: ReturnType<typeof makeCtx>;
  let dir: string;
  const ROWS: [number, string][] = [[1, 'Laser cutter'], [2, 'Forklift'], [3, 'Espresso machine'], [4, 'Old plotter']];
  beforeAll(async () => {
    emu = await startEmulator({ version: 17, seed: 'studio-data' });
    ctx = makeCtx({ connect: () => clientFor(emu) });
    const x = await extractStep.run(ctx);
    if (!x.ok) throw x.error;
    await setData(ctx);
    const g = await generateStep.run(ctx);
    if (!g.ok) throw g.error;
    dir = join(ctx.artifacts.root, 'modules', 'equipment');
  });
  afterAll(() => {
    emu.close();
    ctx.cleanup();
  });
  /** The hook's adoption on SQLite, then the data file loaded as Odoo does on install. */
  async function install(state: { table: string | null; rows: [number, string][]; ir_model_data: [string, string, string, number][] }) {
    const statePath = join(ctx.artifacts.root, 'state.json');
    writeFileSync(statePath, JSON.stringify(state));
    const { stdout } = await execa('python3', [join(process.cwd(), '__tests__/steps/generate/run_adopt.py'), join(dir, 'hooks.py'), join(dir, 'data/records.xml'), statePath]);
    return JSON.parse(stdout) as { adopted: [string, number][]; created: string[]; updated: string[]; rows: [number, string][]; ir_model_data: [string, string, number][] };
  }

  test('every existing record is adopted: none created again, every row keeps its id', async () => {
    const r = await install({ table: 'x_equipment', rows: ROWS, ir_model_data: [] });
    expect(r.created).toEqual([]);
    expect(r.updated).toEqual(['x_equipment_1', 'x_equipment_2', 'x_equipment_3', 'x_equipment_4']);
    expect(r.rows).toEqual(ROWS);
    expect(r.ir_model_data).toEqual(ROWS.map(([id]) => ['equipment', `x_equipment_${id}`, id]));
    // The rows the data file must not overwrite with the extracted values (the model's _load_records_write asks).
    expect(r.adopted).toEqual(ROWS.map(([id]) => ['x_equipment', id]));
    const model = readFileSync(join(dir, 'models/x_equipment.py'), 'utf8');
    expect(model).toMatch(/^from \.\.hooks import adopted$/m);
    expect(model).toMatch(/    def _load_records_write\(self, values\):\n        if not adopted\(self\):\n            super\(\)\._load_records_write\(values\)\n/);
  });

  test('a record exported before (an __export__ id) is adopted too; a row that is another record (other name) is not', async () => {
    const rows: [number, string][] = [...ROWS.slice(0, 3), [4, 'Something else']];
    const r = await install({ table: 'x_equipment', rows, ir_model_data: [['__export__', 'x_equipment_1_ab12', 'x_equipment', 1]] });
    expect(r.updated).toEqual(['x_equipment_1', 'x_equipment_2', 'x_equipment_3']);
    expect(r.created).toEqual(['x_equipment_4']);
    expect(r.rows).toEqual([...rows, [5, 'Old plotter']]);
  });

  test('installed again after an uninstall handed the ids to Studio, the module takes them back', async () => {
    const r = await install({ table: 'x_equipment', rows: ROWS, ir_model_data: ROWS.map(([id]) => ['studio_customization', `x_equipment_${id}`, 'x_equipment', id]) });
    expect(r.created).toEqual([]);
    expect(r.ir_model_data).toEqual(ROWS.map(([id]) => ['equipment', `x_equipment_${id}`, id]));
  });

  test('extracting again after a record was added keeps data = true without a conflict; the extract report gives the new count', async () => {
    emu.store.insertRaw('x_equipment', { x_name: 'Drill press', x_studio_serial: 'DP-0001', x_studio_state: 'new', x_studio_active: true });
    const x = await extractStep.run(ctx);
    if (!x.ok) throw x.error;
    const map = (await ctx.artifacts.read('module_model_map.toml')) ?? '';
    expect(map).toMatch(/^\[modules\.equipment\.data\]\nx_equipment = true$/m);
    expect(x.value.warnings.join('\n')).not.toMatch(/conflict/);
    expect(x.value.report).toMatch(/records of custom models \(data = true in the map carries them\): x_equipment 5$/m);
  });

  test('on a fresh database nothing is adopted: every record is created', async () => {
    const r = await install({ table: null, rows: [], ir_model_data: [] });
    expect(r.created).toEqual(['x_equipment_1', 'x_equipment_2', 'x_equipment_3', 'x_equipment_4']);
    expect(r.rows.map(([, n]) => n)).toEqual(ROWS.map(([, n]) => n));
    expect(r.adopted).toEqual([]);
  });
});
