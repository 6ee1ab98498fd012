/**
 * Studio fields of x_equipment beyond the recorded ones, so that reading its records for
 * `data = true` meets every field type Studio makes: text, integer, datetime, a many2one to the
 * custom model itself and to users, a many2many to tags, and a file. Rows are shaped like the
 * recorded ir.model.fields rows of the same version.
 */
import type { SeedData } from '../types.js';
import type { Rec } from './recorded.js';

type Extra = { name: string; label: string; ttype: string; relation?: string; relationTable?: string; column1?: string; column2?: string };

const EXTRA: Extra[] = [
  { name: 'x_studio_description', label: 'Description', ttype: 'text' },
  { name: 'x_studio_quantity', label: 'Quantity', ttype: 'integer' },
  { name: 'x_studio_last_check', label: 'Last Check', ttype: 'datetime' },
  { name: 'x_studio_parent_id', label: 'Parent Equipment', ttype: 'many2one', relation: 'x_equipment' },
  { name: 'x_studio_user_id', label: 'Responsible', ttype: 'many2one', relation: 'res.users' },
  {
    name: 'x_studio_tag_ids', label: 'Tags', ttype: 'many2many', relation: 'project.tags',
    relationTable: 'x_project_tags_x_equipment_rel', column1: 'x_equipment_id', column2: 'project_tags_id',
  },
  { name: 'x_studio_manual', label: 'Manual', ttype: 'binary' },
];

/** The extra ir.model.fields rows, copied from the recorded x_studio_partner_id row of this version. */
export function equipmentDataFields(fields: readonly Rec[]): Rec[] {
  const like = fields.find((f) => f.model === 'x_equipment' && f.name === 'x_studio_partner_id');
  if (!like) return [];
  let id = Math.max(...fields.map((f) => f.id)) + 1;
  return EXTRA.filter((e) => !fields.some((f) => f.model === 'x_equipment' && f.name === e.name)).map((e) => ({
    ...like,
    id: id++,
    name: e.name,
    field_description: e.label,
    ttype: e.ttype,
    relation: e.relation ?? false,
    relation_table: e.relationTable ?? false,
    column1: e.column1 ?? false,
    column2: e.column2 ?? false,
    on_delete: e.ttype === 'many2one' ? 'set null' : false,
    domain: '[]',
    ...('display_name' in like ? { display_name: `${e.label} (Equipment)` } : {}),
  }));
}

/** Values of those fields on the seeded equipment rows (ids 1-4): a parent further down, tags with and without external id. */
export const EQUIPMENT_DATA_VALUES: Record<number, Rec> = {
  1: { id: 1, x_studio_description: 'Cuts steel\nand wood', x_studio_quantity: 2, x_studio_last_check: '2026-11-01 08:30:00', x_studio_parent_id: false, x_studio_user_id: 2, x_studio_tag_ids: [1, 3] },
  2: { id: 2, x_studio_description: false, x_studio_quantity: 1, x_studio_last_check: false, x_studio_parent_id: 3, x_studio_user_id: false, x_studio_tag_ids: [] },
  3: { id: 3, x_studio_description: '</field><field name="x_name">injected</field>', x_studio_quantity: 0, x_studio_last_check: false, x_studio_parent_id: false, x_studio_user_id: false, x_studio_tag_ids: [2] },
  4: { id: 4, x_studio_description: '%(x)s {{ object }}', x_studio_quantity: 1, x_studio_last_check: '2024-02-29 23:59:59', x_studio_parent_id: 1, x_studio_user_id: 2, x_studio_tag_ids: [] },
};

/**
 * The demo seed with those fields and values, and one tag with an external id (records that point
 * at tags carry that one only). Opt-in (`seed: 'studio-data'`): the plain demo seed answers
 * exactly like the recordings, which know only the recorded fields.
 */
export function addEquipmentDataFields(seed: SeedData): SeedData {
  const records = seed.records as Record<string, Rec[]>;
  const extra = equipmentDataFields(records['ir.model.fields'] ?? []);
  records['ir.model.fields'] = [...(records['ir.model.fields'] ?? []), ...extra];
  const model = seed.models.x_equipment;
  if (model) {
    for (const f of extra) {
      model.fields[String(f.name)] = {
        type: String(f.ttype), string: String(f.field_description), readonly: false, required: false,
        ...(f.relation ? { relation: String(f.relation) } : {}),
      };
    }
  }
  records.x_equipment = (records.x_equipment ?? []).map((r) => ({ ...r, ...EQUIPMENT_DATA_VALUES[r.id] }));
  seed.xmlids.push({ module: 'project', name: 'project_tag_internal', model: 'project.tags', res_id: 1, noupdate: true });
  return seed;
}
