import type { EmulatorVersion, SeedData, SeedModel } from '../types.js';
import { irModelData, knowledgeArticle, resPartner, resUsers } from './base-models.js';
import { projectModels, projectRows, userRows } from './business.js';
import { recordedFields, recordedRows, type Rec } from './recorded.js';
import { addRegistryRows } from './registry.js';
import { addKinds } from './kinds.js';
import { moduleSeed, technicalSeed } from './studio.js';
import { applyVersionDifferences } from './version-diff.js';

/** Installed modules by default: the recorded list, without knowledge and without OCA document_page. */
export function defaultModules(version: number): string[] {
  return recordedRows(version, 'extract/search_read.ir.module.module.installed')
    .map((r) => String(r.name))
    .filter((n) => !['document_page', 'document_page_project', 'document_knowledge', 'knowledge'].includes(n));
}

/** Adds the manual (x_) fields listed in ir.model.fields to the models that exist. */
function addManualFields(models: Record<string, SeedModel>, fields: Rec[], selections: Rec[]): void {
  for (const f of fields) {
    const target = models[String(f.model)];
    const name = String(f.name);
    if (!target || target.fields[name]) continue;
    const info: SeedModel['fields'][string] = {
      readonly: Boolean(f.readonly),
      required: Boolean(f.required),
      string: String(f.field_description),
      type: String(f.ttype),
    };
    if (f.relation) info.relation = String(f.relation);
    if (f.ttype === 'selection') {
      info.selection = selections
        .filter((s) => Array.isArray(s.field_id) && s.field_id[0] === f.id)
        .map((s) => [String(s.value), String(s.name)] as [string, string]);
    }
    target.fields[name] = info;
  }
}

function baseXmlids(version: number, noProjectUid: number, projects: Rec[], views: Rec[]): SeedData['xmlids'] {
  const demoUid = version >= 18 ? 5 : 6;
  return [
    { module: 'base', name: 'user_admin', model: 'res.users', res_id: 2 },
    { module: 'base', name: 'user_demo', model: 'res.users', res_id: demoUid },
    { module: 'base', name: 'partner_admin', model: 'res.partner', res_id: 3 },
    { module: 'base', name: 'partner_demo', model: 'res.partner', res_id: 7 },
    { module: '__export__', name: 'res_users_lab_noproject', model: 'res.users', res_id: noProjectUid },
    ...projects.map((p) => ({ module: 'project', name: `project_project_${p.id}`, model: 'project.project', res_id: p.id })),
    ...[1, 2, 3, 4].map((id, i) => ({ module: 'project', name: `project_stage_${i}`, model: 'project.task.type', res_id: id })),
    // The groups and parent views the Studio records point at carry their modules' external ids,
    // as on a real database (ids as recorded: groups 1 and 4 on 17 and 19).
    { module: 'base', name: 'group_user', model: 'res.groups', res_id: 1 },
    { module: 'base', name: 'group_system', model: 'res.groups', res_id: 4 },
    ...parentViewXmlids(views),
  ].map((x) => ({ ...x, noupdate: true }));
}

const PARENT_VIEWS: Record<string, { module: string; name: string }> = {
  'project.task.form': { module: 'project', name: 'view_task_form2' },
  'res.partner.form': { module: 'base', name: 'view_partner_form' },
};

function parentViewXmlids(views: Rec[]): SeedData['xmlids'] {
  const out: SeedData['xmlids'] = [];
  for (const v of views) {
    const parent = v.inherit_id as [number, string] | false;
    const known = parent ? PARENT_VIEWS[parent[1]] : undefined;
    if (parent && known && !out.some((x) => x.res_id === parent[0])) out.push({ ...known, model: 'ir.ui.view', res_id: parent[0] });
  }
  return out;
}

function build(version: EmulatorVersion, modules: readonly string[], withData: boolean): SeedData {
  const has = (m: string) => modules.includes(m);
  const tech = technicalSeed(version, has('base_automation'));
  const mods = moduleSeed(version, modules);
  const { users, partners, noProjectUid } = userRows(version);
  const models: Record<string, SeedModel> = {
    'ir.model.data': irModelData(),
    'res.users': resUsers(version),
    'res.partner': resPartner(),
    'ir.module.module': mods.model,
    ...tech.models,
    ...projectModels(version, version >= 16),
  };
  if (has('knowledge')) models['knowledge.article'] = knowledgeArticle();
  if (has('document_page')) {
    models['document.page'] = { description: 'Document Page', order: 'name', mailThread: true, fields: recordedFields(17, 'document.page') };
  }
  addManualFields(models, tech.records['ir.model.fields'], tech.records['ir.model.fields.selection']);
  const records: Record<string, Rec[]> = { 'res.users': users, 'res.partner': partners, 'ir.module.module': mods.rows };
  let xmlids: SeedData['xmlids'] = [];
  if (withData) {
    Object.assign(records, tech.records, projectRows(version, { demo: version >= 18 ? 5 : 6 }));
    if (!models['project.milestone']) delete records['project.milestone'];
    records['ir.model.data'] = recordedRows(version, 'search_read.ir.model.data.studio_customization');
    xmlids = baseXmlids(version, noProjectUid, records['project.project'], records['ir.ui.view'] ?? []);
  }
  const seed: SeedData = { models, records, xmlids };
  addKinds(seed, version, withData);
  applyVersionDifferences(seed, version);
  if (withData) addRegistryRows(models, records);
  return seed;
}

/**
 * The demo database: a Studio-customized Odoo (x_equipment app, x_studio fields on tasks and
 * partners, inherited views, action, menus, access, rule, server action, automation) with a few
 * projects, stages, milestones, tags, tasks and users. Built from the recordings of `version`.
 */
export function demoSeed(version: EmulatorVersion = 17, modules: readonly string[] = defaultModules(version)): SeedData {
  return build(version, modules, true);
}

/**
 * Every model of the demo with no records except the users (admin, the no-project user...),
 * their partners and the installed modules: a base for benches to fill cheaply.
 */
export function emptySeed(version: EmulatorVersion = 17, modules: readonly string[] = defaultModules(version)): SeedData {
  return build(version, modules, false);
}
