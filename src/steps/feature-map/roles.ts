/**
 * Roles from security groups: who can reach a feature, by access rights and menu/button groups.
 * The role of a story is the least privileged group that can reach the feature.
 */
import type { ModuleAnalysis, XmlGroup } from '../../analysis/types.js';

/** Names of Odoo's own groups that custom modules commonly refer to. */
const KNOWN_GROUPS: Record<string, string> = {
  'base.group_user': 'Internal User',
  'base.group_portal': 'Portal User',
  'base.group_public': 'Public User',
  'base.group_system': 'Administrator',
  'base.group_erp_manager': 'Access Rights Manager',
  'sales_team.group_sale_salesman': 'Salesperson',
  'sales_team.group_sale_salesman_all_leads': 'Salesperson (all documents)',
  'sales_team.group_sale_manager': 'Sales Manager',
  'account.group_account_invoice': 'Billing User',
  'account.group_account_manager': 'Accounting Manager',
  'stock.group_stock_user': 'Inventory User',
  'stock.group_stock_manager': 'Inventory Manager',
  'project.group_project_user': 'Project User',
  'project.group_project_manager': 'Project Manager',
  'hr.group_hr_user': 'HR Officer',
  'hr.group_hr_manager': 'HR Manager',
  'purchase.group_purchase_user': 'Purchase User',
  'purchase.group_purchase_manager': 'Purchase Manager',
  'maintenance.group_equipment_manager': 'Equipment Manager',
  'fleet.fleet_group_user': 'Fleet Officer',
  'fleet.fleet_group_manager': 'Fleet Manager',
};

/** Groups that are no role: debug mode ("Technical Features"), nobody. */
const TECHNICAL_GROUPS = new Set(['base.group_no_one']);

export class RoleBook {
  private readonly groups = new Map<string, XmlGroup>();

  constructor(modules: readonly ModuleAnalysis[]) {
    for (const m of modules) for (const g of m.groups) this.groups.set(g.id, g);
  }

  name(groupId: string): string {
    const g = this.groups.get(groupId);
    // Odoo 17 names groups "Officer: Manage all requests": the role is the part before the colon.
    if (g?.name) return g.name.split(': ')[0].trim();
    if (KNOWN_GROUPS[groupId]) return KNOWN_GROUPS[groupId];
    const local = groupId.split('.').pop() ?? groupId;
    return local.replace(/^group_/, '').split('_').filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
  }

  /** Does a imply b (directly or transitively)? */
  implies(a: string, b: string, seen = new Set<string>()): boolean {
    if (seen.has(a)) return false;
    seen.add(a);
    const implied = this.groups.get(a)?.implied ?? [];
    return implied.includes(b) || implied.some((i) => this.implies(i, b, seen));
  }

  /** Group ids ordered from least to most privileged (ties by id); technical groups left out. */
  order(ids: readonly string[]): string[] {
    const unique = [...new Set(ids)].filter((id) => !TECHNICAL_GROUPS.has(id)).sort();
    // Implication decides; for groups defined elsewhere, a manager-like name ranks higher.
    const rank = (id: string) => unique.filter((o) => o !== id && this.implies(id, o)).length;
    const boss = (id: string) => (/manager|admin|system|responsible/i.test(`${id} ${this.name(id)}`) ? 1 : 0);
    return unique
      .map((id) => [id, rank(id), boss(id)] as const)
      .sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : 1))
      .map(([id]) => id);
  }
}

/** `model_equipment_request` -> the access rules of model equipment.request. */
export function accessFor(modules: readonly ModuleAnalysis[], model: string) {
  const ref = `model_${model.replace(/\./g, '_')}`;
  return modules.flatMap((m) => m.access).filter((a) => a.modelRef.split('.').pop() === ref);
}

/** 'a' or 'an' (by first letter; "user", "unit" take 'a'). */
export const article = (word: string): string => (/^[AEIO]/i.test(word) || /^u[^s]/i.test(word) ? 'an' : 'a');
