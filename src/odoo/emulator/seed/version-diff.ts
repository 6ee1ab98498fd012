import type { SeedData } from '../types.js';

/**
 * 16 and 18 have no recordings: 16 is built from 17 and 18 from 19, with the field differences
 * listed in ODOO.md applied (hours, task state, deadline type, automation shape, priorities).
 */
export function applyVersionDifferences(seed: SeedData, version: number): void {
  if (version === 16) toSixteen(seed);
  if (version === 18) toEighteen(seed);
}

function renameField(seed: SeedData, model: string, from: string, to: string): void {
  const def = seed.models[model];
  if (!def?.fields[from]) return;
  def.fields[to] = def.fields[from];
  delete def.fields[from];
  for (const r of seed.records[model] ?? []) {
    if (from in r) {
      r[to] = r[from];
      delete r[from];
    }
  }
}

const KANBAN: Record<string, string> = {
  '01_in_progress': 'normal',
  '02_changes_requested': 'blocked',
  '03_approved': 'done',
  '04_waiting_normal': 'normal',
  '1_done': 'done',
  '1_canceled': 'normal',
};

function toSixteen(seed: SeedData): void {
  const task = seed.models['project.task'];
  renameField(seed, 'project.task', 'allocated_hours', 'planned_hours');
  if (task) {
    task.fields.planned_hours = { ...task.fields.planned_hours, string: 'Initially Planned Hours' };
    delete task.fields.state;
    task.fields.kanban_state = {
      readonly: false,
      required: true,
      selection: [['normal', 'In Progress'], ['done', 'Ready'], ['blocked', 'Blocked']],
      string: 'Status',
      type: 'selection',
    };
    task.fields.date_deadline = { ...task.fields.date_deadline, type: 'date' };
    const { state: _state, ...defaults } = task.defaults ?? {};
    task.defaults = { ...defaults, kanban_state: 'normal' };
  }
  for (const r of seed.records['project.task'] ?? []) {
    r.kanban_state = KANBAN[String(r.state)] ?? 'normal';
    delete r.state;
    if (typeof r.date_deadline === 'string') r.date_deadline = r.date_deadline.slice(0, 10);
  }
  const auto = seed.models['base.automation'];
  if (auto?.fields.action_server_ids) {
    delete auto.fields.action_server_ids;
    auto.fields.action_server_id = {
      readonly: false,
      required: true,
      relation: 'ir.actions.server',
      string: 'Server Actions',
      type: 'many2one',
    };
    for (const r of seed.records['base.automation'] ?? []) {
      const ids = r.action_server_ids as number[] | undefined;
      r.action_server_id = ids?.[0] ?? false;
      delete r.action_server_ids;
    }
  }
  for (const r of seed.records['ir.ui.view'] ?? []) {
    if (typeof r.arch_db === 'string') r.arch_db = r.arch_db.replace(/<list\b/g, '<tree').replace(/<\/list>/g, '</tree>');
  }
}

const PRIORITY_18: Record<string, string> = { '0': '0', '1': '0', '2': '1', '3': '1' };

function toEighteen(seed: SeedData): void {
  // 19 renamed groups_id to group_ids on views, actions and menus (the 19 recordings have the new name).
  for (const model of Object.keys(seed.models)) {
    if (seed.models[model].fields.group_ids && !seed.models[model].fields.groups_id) renameField(seed, model, 'group_ids', 'groups_id');
  }
  const task = seed.models['project.task'];
  if (task?.fields.priority) {
    task.fields.priority = { ...task.fields.priority, selection: [['0', 'Low'], ['1', 'High']] };
  }
  for (const r of seed.records['project.task'] ?? []) {
    if (typeof r.priority === 'string') r.priority = PRIORITY_18[r.priority] ?? '0';
  }
}
