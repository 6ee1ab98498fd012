import type { EmulatorField } from '../types.js';

/**
 * Field definitions for models we only have read() recordings of (the ir.* models): types are
 * inferred from the recorded values, relations from Odoo's usual field names.
 */
const RELATIONS: Record<string, string> = {
  model_id: 'ir.model',
  binding_model_id: 'ir.model',
  crud_model_id: 'ir.model',
  update_related_model_id: 'ir.model',
  available_model_ids: 'ir.model',
  inherited_model_ids: 'ir.model',
  field_id: 'ir.model.fields',
  related_field_id: 'ir.model.fields',
  relation_field_id: 'ir.model.fields',
  link_field_id: 'ir.model.fields',
  update_field_id: 'ir.model.fields',
  trg_selection_field_id: 'ir.model.fields.selection',
  trg_date_id: 'ir.model.fields',
  on_change_field_ids: 'ir.model.fields',
  trigger_field_ids: 'ir.model.fields',
  webhook_field_ids: 'ir.model.fields',
  selection_ids: 'ir.model.fields.selection',
  create_uid: 'res.users',
  write_uid: 'res.users',
  user_id: 'res.users',
  group_id: 'res.groups',
  groups_id: 'res.groups',
  group_ids: 'res.groups',
  groups: 'res.groups',
  inherit_id: 'ir.ui.view',
  view_id: 'ir.ui.view',
  search_view_id: 'ir.ui.view',
  view_ids: 'ir.ui.view',
  inherit_children_ids: 'ir.ui.view',
  access_ids: 'ir.model.access',
  rule_ids: 'ir.rule',
  action_server_ids: 'ir.actions.server',
  action_server_id: 'ir.actions.server',
  category_id: 'ir.module.category',
  dependencies_id: 'ir.module.module.dependency',
  company_id: 'res.company',
  partner_ids: 'res.partner',
  partner_id: 'res.partner',
  template_id: 'mail.template',
  activity_type_id: 'mail.activity.type',
  trg_date_calendar_id: 'resource.calendar',
  activity_user_id: 'res.users',
};

const ONE2MANY = new Set(['view_ids', 'access_ids', 'rule_ids', 'selection_ids', 'child_id', 'inherit_children_ids', 'dependencies_id']);
const TEXT = /^(arch|arch_db|arch_base|arch_prev|code|help|info|description|domain_force|note|json_value|record_getter)$/;

function title(name: string): string {
  const words = name.replace(/_ids?$/, '').split('_').filter(Boolean);
  const s = words.join(' ');
  return s ? s[0].toUpperCase() + s.slice(1) : name;
}

function infer(model: string, name: string, values: unknown[]): EmulatorField {
  const set = values.filter((v) => v !== false && v !== null && v !== undefined);
  const base = { string: title(name), readonly: false, required: false };
  const relation = name === 'parent_id' || name === 'child_id' || name === 'child_ids' ? model : RELATIONS[name];
  const first = set[0];
  if (Array.isArray(first) && first.length === 2 && typeof first[0] === 'number' && typeof first[1] === 'string') {
    return { ...base, type: 'many2one', relation: relation ?? '' };
  }
  if (Array.isArray(first) || (set.length === 0 && values.some(Array.isArray)) || (set.length === 0 && name.endsWith('_ids'))) {
    return { ...base, type: ONE2MANY.has(name) || name === 'field_id' ? 'one2many' : 'many2many', relation: relation ?? '' };
  }
  if (set.length === 0 && relation && (name.endsWith('_id') || name === 'groups')) {
    return { ...base, type: 'many2one', relation };
  }
  if (typeof first === 'boolean' || (set.length === 0 && /^(is_|active|perm_|global|noupdate|transient)/.test(name))) {
    return { ...base, type: 'boolean' };
  }
  if (typeof first === 'number') return { ...base, type: set.every(Number.isInteger) ? 'integer' : 'float' };
  if (typeof first === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(first)) return { ...base, type: 'datetime' };
  if (typeof first === 'string' && /^\d{4}-\d\d-\d\d$/.test(first)) return { ...base, type: 'date' };
  return { ...base, type: TEXT.test(name) ? 'text' : 'char' };
}

/** Fields for `model` from the union of the recorded rows' keys. */
export function inferFields(model: string, rows: readonly Record<string, unknown>[]): Record<string, EmulatorField> {
  const names = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) names.add(k);
  const out: Record<string, EmulatorField> = {};
  for (const name of names) {
    if (name === 'id') out.id = { string: 'ID', type: 'integer', readonly: true, required: false };
    else out[name] = infer(model, name, rows.map((r) => r[name]));
  }
  return out;
}

/** The fields every Odoo model has. */
export function magicFields(): Record<string, EmulatorField> {
  return {
    id: { readonly: true, required: false, string: 'ID', type: 'integer' },
    display_name: { readonly: true, required: false, string: 'Display Name', type: 'char' },
    create_uid: { readonly: true, relation: 'res.users', required: false, string: 'Created by', type: 'many2one' },
    create_date: { readonly: true, required: false, string: 'Created on', type: 'datetime' },
    write_uid: { readonly: true, relation: 'res.users', required: false, string: 'Last Updated by', type: 'many2one' },
    write_date: { readonly: true, required: false, string: 'Last Updated on', type: 'datetime' },
  };
}

const f = (type: string, string: string, extra: Partial<EmulatorField> = {}): EmulatorField => ({
  readonly: false,
  required: false,
  string,
  type,
  ...extra,
});
export { f as field };
