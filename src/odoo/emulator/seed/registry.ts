import type { SeedModel } from '../types.js';
import type { Rec } from './recorded.js';

/**
 * Real databases list every model in ir.model and every field in ir.model.fields, not only the
 * Studio ones. This adds rows (state 'base') for the seeded models and fields the recordings
 * did not cover, so a query by model finds them too.
 */
export function addRegistryRows(models: Record<string, SeedModel>, records: Record<string, Rec[]>): void {
  const irModels = records['ir.model'] ?? [];
  const irFields = records['ir.model.fields'] ?? [];
  let nextModel = Math.max(0, ...irModels.map((r) => r.id)) + 1;
  let nextField = Math.max(0, ...irFields.map((r) => r.id)) + 1;
  const modelIds = new Map(irModels.map((r) => [String(r.model), r.id]));
  const known = new Set(irFields.map((r) => `${String(r.model)}.${String(r.name)}`));
  for (const [name, def] of Object.entries(models)) {
    let modelId = modelIds.get(name);
    if (modelId === undefined) {
      modelId = nextModel++;
      modelIds.set(name, modelId);
      irModels.push({
        id: modelId,
        name: def.description ?? name,
        model: name,
        state: 'base',
        transient: false,
        order: def.order ?? 'id',
        info: false,
        modules: '',
        is_mail_thread: Boolean(def.mailThread),
        is_mail_activity: false,
      });
    }
    for (const [fname, f] of Object.entries(def.fields)) {
      if (known.has(`${name}.${fname}`)) continue;
      irFields.push({
        id: nextField++,
        name: fname,
        model: name,
        model_id: modelId,
        field_description: f.string ?? fname,
        ttype: f.type,
        relation: f.relation ?? false,
        required: Boolean(f.required),
        readonly: Boolean(f.readonly),
        store: true,
        state: 'base',
        modules: '',
      });
    }
  }
  records['ir.model'] = irModels;
  records['ir.model.fields'] = irFields;
}
