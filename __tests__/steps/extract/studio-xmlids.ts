/**
 * External ids a real database has for the groups and parent views the recorded Studio records
 * point at (the emulator's demo seed carries only studio_customization ids).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface XmlidStore {
  addXmlid(module: string, name: string, model: string, resId: number): number;
}

const PARENT_VIEWS: Record<string, [string, string]> = {
  'project.task.form': ['project', 'view_task_form2'],
  'res.partner.form': ['base', 'view_partner_form'],
};

export const factsDir = (version: 17 | 19): string => join(process.cwd(), '__tests__/fixtures/odoo-facts', `${version}.0`);

export function recorded<T = Record<string, unknown>>(version: 17 | 19, file: string): T[] {
  return (JSON.parse(readFileSync(join(factsDir(version), file), 'utf8')) as { result: T[] }).result;
}

export function addRealXmlids(store: XmlidStore, version: 17 | 19): void {
  store.addXmlid('base', 'group_user', 'res.groups', 1);
  store.addXmlid('base', 'group_system', 'res.groups', 4);
  for (const v of recorded<{ inherit_id: [number, string] | false }>(version, 'extract/read.ir.ui.view.studio.json')) {
    if (!v.inherit_id) continue;
    const [module, name] = PARENT_VIEWS[v.inherit_id[1]];
    store.addXmlid(module, name, 'ir.ui.view', v.inherit_id[0]);
  }
}

/** The keys extract.json must hold for every Studio record in the recordings. */
export function studioKeys(version: 17 | 19): string[] {
  const imd = recorded<{ model: string; name: string; res_id: number }>(version, 'search_read.ir.model.data.studio_customization.json');
  const fields = recorded<{ id: number; model: string; name: string }>(version, 'search_read.ir.model.fields.manual.json');
  const models = recorded<{ id: number; model: string }>(version, 'search_read.ir.model.manual.json');
  const kind: Record<string, string> = {
    'ir.ui.view': 'view', 'ir.actions.act_window': 'action', 'ir.ui.menu': 'menu', 'ir.model.access': 'access',
    'ir.rule': 'rule', 'ir.default': 'default', 'ir.actions.server': 'server_action', 'base.automation': 'automation',
  };
  return imd
    .map((r) => {
      if (r.model === 'ir.model') return `model:${models.find((m) => m.id === r.res_id)?.model}`;
      if (r.model === 'ir.model.fields') {
        const f = fields.find((x) => x.id === r.res_id);
        return `field:${f?.model}.${f?.name}`;
      }
      return `${kind[r.model]}:studio_customization.${r.name}`;
    })
    .sort();
}
