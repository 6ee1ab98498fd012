import type { SeedModel } from '../types.js';
import { recordedFields, recordedRows, type Rec } from './recorded.js';

/** Users as recorded: admin (2), Marc Demo, the portal user and the user without project rights. */
export function userRows(version: number): { users: Rec[]; partners: Rec[]; noProjectUid: number } {
  const v19 = version >= 18;
  const ids = v19 ? { demo: 5, portal: 6, noProject: 7 } : { demo: 6, portal: 7, noProject: 8 };
  const users: Rec[] = [
    { id: 2, login: 'admin', name: 'Mitchell Admin', partner_id: 3, email: 'admin@yourcompany.example.com', share: false },
    { id: ids.demo, login: 'demo', name: 'Marc Demo', partner_id: 7, email: 'mark.brown23@example.com', share: false },
    { id: ids.portal, login: 'portal', name: 'Joel Willis', partner_id: 8, email: 'joel.willis63@example.com', share: true },
    { id: ids.noProject, login: 'lab_noproject', name: 'Lab No-Project User', partner_id: 50, email: false, share: false },
  ].map((u) => ({ ...u, active: true, lang: 'en_US', tz: 'Europe/Brussels' }));
  const partners: Rec[] = [
    ...users.map((u) => ({ id: Number(u.partner_id), name: u.name, email: u.email, is_company: false })),
    { id: 9, name: 'Acme Corporation', is_company: true, email: 'info@acme.example.com' },
    { id: 10, name: 'Deco Addict', is_company: true, email: 'deco_addict@example.com' },
    { id: 11, name: 'Gemini Furniture', is_company: true, email: 'gemini_furniture@example.com' },
    { id: 36, name: 'Addison Olson', is_company: false, parent_id: 9, email: 'addison.olson28@example.com' },
  ].map((p) => ({ ...p, active: true, complete_name: p.name }));
  partners.find((p) => p.id === 9)!.x_studio_tier = 'gold';
  partners.find((p) => p.id === 10)!.x_studio_tier = 'silver';
  return { users, partners, noProjectUid: ids.noProject };
}

const PROJECT_DEFAULTS: Record<string, unknown> = {
  active: true,
  sequence: 10,
  privacy_visibility: 'portal',
  rating_status: 'stage',
  rating_status_period: 'monthly',
  last_update_status: 'to_define',
  alias_contact: 'everyone',
  alias_defaults: '{}',
  // Odoo creates a mail.alias with every project; the emulator has no such model.
  alias_id: 1,
  alias_model_id: 1,
  allow_milestones: false,
};

/** project.* and x_equipment definitions from the recorded fields_get answers. */
export function projectModels(version: number, withMilestones: boolean): Record<string, SeedModel> {
  const m: Record<string, SeedModel> = {
    'project.project': {
      description: 'Project',
      order: 'sequence, name, id',
      mailThread: true,
      fields: recordedFields(version, 'project.project'),
      defaults: PROJECT_DEFAULTS,
    },
    'project.task': {
      description: 'Task',
      order: 'priority desc, sequence, id desc',
      mailThread: true,
      fields: recordedFields(version, 'project.task'),
      defaults: { active: true, sequence: 10, priority: '0', state: '01_in_progress' },
    },
    'project.task.type': {
      description: 'Task Stage',
      order: 'sequence, id',
      fields: recordedFields(version, 'project.task.type'),
      defaults: { active: true, sequence: 1, fold: false, rating_status: 'stage', rating_status_period: 'monthly' },
    },
    'project.tags': {
      description: 'Project Tags',
      order: 'name',
      fields: recordedFields(version, 'project.tags'),
      unique: [{ fields: ['name'], message: 'A tag with the same name already exists.' }],
    },
    'x_equipment': {
      description: 'Equipment',
      recName: 'x_name',
      fields: recordedFields(version, 'x_equipment'),
      defaults: { x_studio_active: true },
    },
  };
  if (withMilestones) {
    m['project.milestone'] = {
      description: 'Project Milestone',
      order: 'deadline, is_reached desc, name',
      mailThread: true,
      fields: recordedFields(version, 'project.milestone'),
      defaults: { is_reached: false },
    };
  }
  return m;
}

const EXTRA_TASKS = [
  { name: 'Prototype the sensor board', project_id: 2, stage_id: 1, allocated_hours: 12, priority: '0' },
  { name: 'Write the test protocol', project_id: 2, stage_id: 2, allocated_hours: 6, priority: '1' },
  { name: 'Check the roof insulation', project_id: 3, stage_id: 1, allocated_hours: 4, priority: '0' },
];

/** Projects, stages, milestones, tags, tasks and equipment: recorded rows plus a few more. */
export function projectRows(version: number, users: { demo: number }): Record<string, Rec[]> {
  const projects = recordedRows(version, 'sync/search_read.project.project').map((p) => {
    const { task_count: _count, ...rest } = p;
    return { ...PROJECT_DEFAULTS, ...rest };
  });
  const recordedStages = recordedRows(version, 'sync/search_read.project.task.type');
  const projectIds = projects.map((p) => p.id);
  const stages = [
    ...recordedStages,
    { id: 2, name: 'In Progress', sequence: 5, fold: false, project_ids: projectIds },
    { id: 3, name: 'Done', sequence: 10, fold: true, project_ids: projectIds },
    { id: 4, name: version >= 18 ? 'Cancelled' : 'Canceled', sequence: 20, fold: true, project_ids: projectIds },
  ].map((s) => ({ active: true, ...s }));
  const tags = [
    { id: 1, name: 'Internal', color: 1 },
    { id: 2, name: 'Customer', color: 2 },
    { id: 3, name: 'Urgent', color: 3 },
  ];
  const recordedTasks = recordedRows(version, 'sync/search_read.project.task').filter((t) => t.name !== 'ghost');
  let nextTask = Math.max(...recordedTasks.map((t) => t.id)) + 1;
  const tasks: Rec[] = [
    ...recordedTasks.map((t) => ({ ...t, project_id: 1 })),
    ...EXTRA_TASKS.map((t) => ({ ...t, id: nextTask++, user_ids: [users.demo], tag_ids: [], state: '01_in_progress' })),
  ].map((t: Rec, i) => ({
    active: true,
    sequence: 10,
    x_studio_customer_ref: i % 3 === 0 ? `CR-${1000 + i}` : false,
    x_studio_priority_score: i * 7,
    x_studio_equipment_id: i < 2 ? i + 1 : false,
    ...t,
    create_date: t.write_date ?? '2026-11-22 06:41:58',
    write_date: t.write_date ?? '2026-11-22 06:41:58',
  }));
  const equipment = [
    { id: 1, x_name: 'Laser cutter', x_studio_serial: 'LC-2044', x_studio_state: 'in_use', x_studio_value: 18500, x_studio_partner_id: 9 },
    { id: 2, x_name: 'Forklift', x_studio_serial: 'FL-0117', x_studio_state: 'in_use', x_studio_value: 32000, x_studio_partner_id: 10 },
    { id: 3, x_name: 'Espresso machine', x_studio_serial: 'EM-0003', x_studio_state: 'new', x_studio_value: 1200.5, x_studio_partner_id: 9 },
    { id: 4, x_name: 'Old plotter', x_studio_serial: 'PL-1999', x_studio_state: 'retired', x_studio_value: 0, x_studio_active: false },
  ].map((e) => ({ x_studio_active: true, x_studio_purchase_date: '2025-03-01', x_studio_notes: false, ...e }));
  return {
    'project.project': projects,
    'project.task.type': stages,
    'project.milestone': recordedRows(version, 'sync/search_read.project.milestone'),
    'project.tags': tags,
    'project.task': tasks,
    x_equipment: equipment,
  };
}
