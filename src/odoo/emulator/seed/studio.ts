import type { SeedModel } from '../types.js';
import { inferFields, magicFields } from './infer.js';
import { mergeById, recordedRows, type Rec } from './recorded.js';

/** The technical models a Studio extractor reads, with the recorded Studio customizations. */
export interface TechnicalSeed {
  models: Record<string, SeedModel>;
  records: Record<string, Rec[]>;
}

const LABELS: Record<string, string> = {
  'ir.model': 'Models',
  'ir.model.fields': 'Fields',
  'ir.model.fields.selection': 'Fields Selection',
  'ir.ui.view': 'View',
  'ir.actions.act_window': 'Action Window',
  'ir.ui.menu': 'Menu',
  'ir.model.access': 'Model Access',
  'ir.rule': 'Record Rule',
  'ir.default': 'Default Values',
  'ir.actions.server': 'Server Action',
  'base.automation': 'Automation Rule',
  'ir.module.module': 'Module',
};

const ORDERS: Record<string, string> = {
  'ir.model': 'model',
  'ir.model.fields': 'name',
  'ir.model.fields.selection': 'sequence, id',
  'ir.ui.view': 'priority,name,id',
  'ir.ui.menu': 'sequence,id',
  'ir.actions.server': 'sequence,name',
  'ir.module.module': 'application desc, name',
};

function model(name: string, rows: Rec[], extra: Partial<SeedModel> = {}): SeedModel {
  return { description: LABELS[name], order: ORDERS[name], fields: { ...magicFields(), ...inferFields(name, rows) }, ...extra };
}

/** ir.model rows for every model the recorded fields point at (model_id pairs), plus x_equipment. */
function irModels(version: number, fields: Rec[]): Rec[] {
  const recorded = recordedRows(version, 'extract/read.ir.model.studio');
  const seen = new Map<number, Rec>();
  for (const f of fields) {
    const pair = f.model_id as [number, string] | false;
    if (!pair || seen.has(pair[0])) continue;
    seen.set(pair[0], {
      id: pair[0],
      name: pair[1],
      model: f.model,
      state: 'base',
      transient: false,
      order: 'id',
      info: false,
      modules: '',
      is_mail_thread: false,
      is_mail_activity: false,
    });
  }
  return mergeById([...seen.values()], recorded);
}

/** What Odoo fills in on create when Settings > Technical leaves a field empty (the fields' defaults). */
function technicalDefaults(version: number): Record<string, Record<string, unknown>> {
  return {
    'ir.ui.view': { active: true, mode: 'primary', priority: 16 },
    'ir.ui.menu': { active: true, sequence: 10 },
    'ir.actions.act_window': {
      type: 'ir.actions.act_window', binding_type: 'action', target: 'current', limit: 80, view_mode: version >= 18 ? 'list,form' : 'tree,form',
    },
    'ir.actions.server': { type: 'ir.actions.server', binding_type: 'action', usage: 'ir_actions_server', state: 'object_write', sequence: 5 },
    'base.automation': { active: true },
  };
}

export function technicalSeed(version: number, withAutomation: boolean): TechnicalSeed {
  const fields = mergeById(
    recordedRows(version, 'search_read.ir.model.fields.manual'),
    recordedRows(version, 'extract/read.ir.model.fields.studio'),
  );
  const records: Record<string, Rec[]> = {
    'ir.model': irModels(version, fields),
    'ir.model.fields': fields,
    'ir.model.fields.selection': recordedRows(version, 'search_read.ir.model.fields.selection.manual'),
    'ir.ui.view': mergeById(
      recordedRows(version, 'extract/read.ir.ui.view.studio'),
      recordedRows(version, 'search_read.ir.ui.view.odoo_studio'),
    ),
    'ir.actions.act_window': recordedRows(version, 'extract/read.ir.actions.act_window.studio'),
    'ir.ui.menu': recordedRows(version, 'extract/read.ir.ui.menu.studio'),
    'ir.model.access': recordedRows(version, 'extract/read.ir.model.access.studio'),
    'ir.rule': recordedRows(version, 'extract/read.ir.rule.studio'),
    'ir.default': recordedRows(version, 'extract/read.ir.default.studio'),
    'ir.actions.server': recordedRows(version, 'extract/read.ir.actions.server.studio'),
  };
  if (withAutomation) records['base.automation'] = recordedRows(version, 'extract/read.base.automation.studio');
  const models: Record<string, SeedModel> = {};
  for (const [name, rows] of Object.entries(records)) models[name] = model(name, rows, { defaults: technicalDefaults(version)[name] });
  models['ir.model.fields'].recName = 'field_description';
  return { models, records };
}

/** ir.module.module rows: the recorded installed list filtered to `modules`, plus any others named. */
export function moduleSeed(version: number, modules: readonly string[]): { model: SeedModel; rows: Rec[] } {
  const recorded = recordedRows(version, 'extract/search_read.ir.module.module.installed');
  const byName = new Map(recorded.map((r) => [String(r.name), r]));
  let nextId = Math.max(...recorded.map((r) => r.id)) + 1;
  const rows = modules.map((name) => {
    const r = byName.get(name) ?? {
      id: nextId++,
      name,
      shortdesc: name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      latest_version: `${version}.0.1.0`,
      author: name === 'document_page' ? 'OpenERP SA, Odoo Community Association (OCA)' : 'Odoo S.A.',
      license: 'LGPL-3',
      application: false,
      category_id: false,
      dependencies_id: [],
    };
    return { ...r, state: 'installed', latest_version: String(r.latest_version).replace(/^\d+\.0/, `${version}.0`) };
  });
  const m = model('ir.module.module', rows);
  m.fields.state = {
    type: 'selection',
    string: 'Status',
    readonly: true,
    required: false,
    selection: [['uninstalled', 'Not Installed'], ['installed', 'Installed'], ['to upgrade', 'To be upgraded']],
  };
  return { model: m, rows };
}
