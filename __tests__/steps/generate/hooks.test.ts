/**
 * The generated take-over and give-back hooks, run by Python against an in-memory stand-in of the
 * Odoo tables they touch (run_hooks.py), which enforces Odoo's manual-field name constraint.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'smol-toml';
import { loadPython } from '../../../src/analysis/py-parser.js';
import { planModules } from '../../../src/steps/generate/plan.js';
import { readMap } from '../../../src/steps/module-map/map-types.js';
import { renderMap } from '../../../src/steps/module-map/proposal.js';
import { recordedExtract } from './fixture-ctx.js';

type Row = (string | number | null)[];
interface Db {
  columns: Record<string, string[]>;
  ir_model: Row[];
  ir_model_fields: Row[];
  ir_model_data: Row[];
  texts: Record<string, Row[]>;
}
interface Run {
  error?: string;
  after_install: Db;
  after_uninstall: Db;
  install_log: string[];
  uninstall_log: string[];
}

const ARCH = `{"en_US": "<form><field name=\\"x_studio_serial\\" context=\\"{'default_x_studio_serial': 'S', 'default_x_studio_active': True}\\"/><field name=\\"x_name\\"/></form>"}`;

function studioDb(): Db {
  return {
    columns: {
      x_equipment: ['id', 'x_name', 'x_studio_serial', 'x_studio_active', 'x_studio_state', 'x_studio_value', 'x_studio_notes', 'x_studio_partner_id', 'x_studio_purchase_date'],
      ir_ui_view: ['id', 'model', 'arch_db'], ir_filters: ['id', 'model_id', 'domain'], ir_act_server: ['id', 'model_name', 'code'],
      ir_model_data: ['model'], ir_model_fields: ['model', 'relation'], ir_attachment: ['res_model'], mail_message: ['model'],
    },
    ir_model: [['x_equipment', 'manual']],
    ir_model_fields: [
      ...['x_name', 'x_studio_serial', 'x_studio_active', 'x_studio_state', 'x_studio_value', 'x_studio_notes', 'x_studio_purchase_date'].map((n) => ['x_equipment', n, 'manual', null]),
      ['x_equipment', 'x_studio_partner_id', 'manual', 'res.partner'],
      // A field of another module that points at the model: it follows the rename and stays manual.
      ['res.partner', 'x_studio_equipment_ids', 'manual', 'x_equipment'],
    ],
    ir_model_data: [['studio_customization', 'x_equipment_model'], ['studio_customization', 'x_equipment_field_x_studio_serial'], ['studio_customization', 'x_equipment_form_view']],
    texts: {
      'ir_ui_view.arch_db': [[7, ARCH, 'x_equipment']],
      'ir_filters.domain': [[3, "[('x_studio_serial', 'ilike', 'x_studio_serial_no')]", 'x_equipment']],
      'ir_act_server.code': [[9, "env['x_equipment'].search([('x_studio_value', '>', 1)])", 'x_equipment']],
    },
  };
}

async function runHooks(naming: 'keep' | 'clean'): Promise<Run> {
  await loadPython();
  const doc = recordedExtract(17);
  const { map } = readMap(parse(renderMap(doc).replace(/^naming = "keep"/m, `naming = "${naming}"`)) as Record<string, unknown>);
  const equipment = planModules(doc, map, 'sha').find((m) => m.name === 'equipment');
  const dir = mkdtempSync(join(tmpdir(), 'hooks-'));
  try {
    writeFileSync(join(dir, 'hooks.py'), equipment?.files.get('hooks.py') ?? '');
    writeFileSync(join(dir, 'db.json'), JSON.stringify(studioDb()));
    const r = await execa('python3', [join(process.cwd(), '__tests__/steps/generate/run_hooks.py'), join(dir, 'hooks.py'), join(dir, 'db.json')]);
    return JSON.parse(r.stdout) as Run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('clean naming: install into the Studio database, then uninstall', () => {
  let run: Run;
  beforeAll(async () => {
    run = await runHooks('clean');
  });

  test('the take-over renames the model, its table and columns, and the fields stop being manual in the same step', () => {
    expect(run.error).toBeUndefined();
    const db = run.after_install;
    expect(db.ir_model).toEqual([['equipment', 'base']]);
    expect(db.columns.equipment).toEqual(['id', 'x_name', 'serial', 'x_studio_active', 'x_studio_state', 'value', 'notes', 'partner_id', 'purchase_date']);
    expect(db.columns.x_equipment).toBeUndefined();
    expect(db.ir_model_fields).toContainEqual(['equipment', 'serial', 'base', null]);
    // active and name have a meaning in Odoo: they keep their x_ names.
    expect(db.ir_model_fields).toContainEqual(['equipment', 'x_studio_active', 'base', null]);
    expect(db.ir_model_fields).toContainEqual(['res.partner', 'x_studio_equipment_ids', 'manual', 'equipment']);
  });

  test('views, saved filters and server actions follow the renames, context keys included', () => {
    const t = run.after_install.texts;
    expect(t['ir_ui_view.arch_db'][0][1]).toBe(ARCH.replace(/x_studio_serial/g, 'serial'));
    expect(t['ir_filters.domain'][0][1]).toBe("[('serial', 'ilike', 'x_studio_serial_no')]");
    expect(t['ir_act_server.code'][0][1]).toBe("env['equipment'].search([('value', '>', 1)])");
  });

  test('the Studio external ids move to the module under the names Odoo gives its own models and fields', () => {
    expect(run.after_install.ir_model_data).toEqual([['equipment', 'model_equipment'], ['equipment', 'field_equipment__serial'], ['equipment', 'x_equipment_form_view']]);
  });

  test('the registry is rebuilt from the database after the last rename', () => {
    const log = run.install_log;
    const lastWrite = Math.max(...log.map((q, i) => (/^(UPDATE|ALTER|DELETE)/.test(q) ? i : -1)));
    expect(log.indexOf('SETUP')).toBeGreaterThan(lastWrite);
  });

  test('uninstalling gives everything back to Studio: same names, manual again, nothing left to delete', () => {
    expect(run.error).toBeUndefined();
    const before = studioDb();
    const db = run.after_uninstall;
    expect(db.ir_model).toEqual(before.ir_model);
    expect(db.ir_model_fields).toEqual(before.ir_model_fields);
    expect(db.columns).toEqual(before.columns);
    expect(db.texts).toEqual(before.texts);
    expect(db.ir_model_data.map((r) => r[0])).toEqual(['studio_customization', 'studio_customization', 'studio_customization']);
  });
});

test('keep naming: the take-over renames nothing and still takes the model out of Studio', async () => {
  const run = await runHooks('keep');
  expect(run.error).toBeUndefined();
  expect(run.after_install.ir_model).toEqual([['x_equipment', 'base']]);
  expect(run.after_install.columns).toEqual(studioDb().columns);
  expect(run.after_install.texts).toEqual(studioDb().texts);
  expect(run.install_log.filter((q) => q.startsWith('ALTER'))).toEqual([]);
  expect(run.after_uninstall.ir_model).toEqual([['x_equipment', 'manual']]);
});
