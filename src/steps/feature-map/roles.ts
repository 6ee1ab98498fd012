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
  // As the analysis names them when their module is read ("Officer: Manage all applicants" in Recruitment).
  'hr_recruitment.group_hr_recruitment_interviewer': 'Interviewer',
  'hr_recruitment.group_hr_recruitment_user': 'Recruitment Officer',
  'hr_recruitment.group_hr_recruitment_manager': 'Recruitment Administrator',
  'hr_holidays.group_hr_holidays_user': 'Time Off Officer',
  'hr_holidays.group_hr_holidays_manager': 'Time Off Administrator',
  'hr_expense.group_hr_expense_team_approver': 'Team Approver',
  'hr_expense.group_hr_expense_manager': 'Expenses Administrator',
  'hr_contract.group_hr_contract_manager': 'Contracts Administrator',
  'hr_timesheet.group_hr_timesheet_user': 'Timesheets User',
  'hr_timesheet.group_timesheet_manager': 'Timesheets Administrator',
  'mrp.group_mrp_user': 'Manufacturing User',
  'mrp.group_mrp_manager': 'Manufacturing Administrator',
  'point_of_sale.group_pos_user': 'Point of Sale User',
  'point_of_sale.group_pos_manager': 'Point of Sale Administrator',
  'website.group_website_restricted_editor': 'Restricted Editor',
  'website.group_website_designer': 'Editor and Designer',
  'event.group_event_registration_desk': 'Registration Desk User',
  'event.group_event_user': 'Events User',
  'event.group_event_manager': 'Events Administrator',
  'survey.group_survey_user': 'Surveys User',
  'survey.group_survey_manager': 'Surveys Administrator',
  'website_slides.group_website_slides_officer': 'eLearning Officer',
  'website_slides.group_website_slides_manager': 'eLearning Manager',
  'im_livechat.im_livechat_group_user': 'Live Chat User',
  'im_livechat.im_livechat_group_manager': 'Live Chat Administrator',
};

/** Users outside the company: portal and public groups never use the back office. */
export const OUTSIDERS: ReadonlySet<string> = new Set(['base.group_portal', 'base.group_public']);

/** Groups that are no role: debug mode, multi-company/currency switches and similar toggles. */
const TOGGLE_GROUPS = new Set([
  'base.group_no_one', 'base.group_multi_company', 'base.group_multi_currency', 'base.group_allow_export',
  'base.group_sanitize_override', 'base.group_private_addresses', 'base.group_partner_manager',
]);

/** Categories whose groups switch features on rather than describe a job. */
const TOGGLE_CATEGORIES = /module_category_(hidden|usability|extra|technical|localization|theme)/;
/** Group names that read as a switch ("Show Full Accounting Features", "Allow ...", "Manage Multiple ..."). */
const TOGGLE_NAME = /^(allow|show|use|enable|display|manage (multiple|product|packag|lots|different)|activate|technical|access to|multi[- ])\b/i;

/** A role word that needs its app to mean something ("Officer" -> "Time Off Officer"). */
const GENERIC = /^(user|users|manager|administrator|admin|officer|responsible|viewer|editor|approver|read-?only|all documents|own documents only)$/i;
/** Words that name a person; anything else gets " User" ("Billing" -> "Billing User"). */
const PERSON = /(er|or|ist|ant|ent|ian|man|men|person|staff|user|agent|head|lead|admin|team|guest|visitor|customer|owner|doctor|nurse|receptionist)s?$/i;

export class RoleBook {
  private readonly groups = new Map<string, XmlGroup>();
  private readonly categories = new Map<string, string>();

  constructor(modules: readonly ModuleAnalysis[]) {
    for (const m of modules) {
      for (const g of m.groups) {
        // A module that adds to another's group (`<record id="hr_recruitment.group_hr_recruitment_manager">`
        // with implied_ids only) changes it: its name and category stay the defining module's.
        const prev = this.groups.get(g.id);
        this.groups.set(g.id, prev ? { ...prev, name: g.name ?? prev.name, category: g.category ?? prev.category, comment: g.comment ?? prev.comment, implied: [...new Set([...prev.implied, ...g.implied])] } : g);
      }
      for (const c of m.categories) if (c.name) this.categories.set(c.id, c.name);
    }
    // Odoo creates a category per manifest category path ("Human Resources/Time Off" ->
    // base.module_category_human_resources_time_off, named "Time Off"); data files only add to it.
    for (const m of modules) {
      const parts = (m.manifest.category ?? '').split('/').map((p) => p.trim()).filter(Boolean);
      parts.forEach((part, i) => {
        const id = `base.module_category_${parts.slice(0, i + 1).map((p) => p.toLowerCase().replace(/&/g, 'and').replace(/ /g, '_')).join('_')}`;
        if (!this.categories.has(id)) this.categories.set(id, part);
      });
    }
  }

  // Answers by group (and pair of groups): a big tree asks about the same few groups thousands of times.
  private readonly roleOf = new Map<string, boolean>();
  private readonly nameOf = new Map<string, string>();
  private readonly impliedOf = new Map<string, string[]>();
  private readonly implication = new Map<string, boolean>();
  /** Per list of group ids (order's first part, the same for every module): role, rank, manager-like. */
  private readonly ranked = new Map<string, (readonly [id: string, rank: number, boss: number])[]>();

  /** Is this group a job a person holds (not a feature toggle or debug switch)? */
  isRole(groupId: string): boolean {
    return cached(this.roleOf, groupId, () => this.isRoleNow(groupId));
  }

  private isRoleNow(groupId: string): boolean {
    if (TOGGLE_GROUPS.has(groupId)) return false;
    if (KNOWN_GROUPS[groupId]) return true;
    const g = this.groups.get(groupId);
    if (g?.category && TOGGLE_CATEGORIES.test(g.category)) return false;
    return !TOGGLE_NAME.test(g?.name ?? this.fallbackName(groupId));
  }

  /** The persona: the group's display name as a person ("Maintenance Technician", "Time Off Officer", "Billing User"). */
  name(groupId: string): string {
    return cached(this.nameOf, groupId, () => this.nameNow(groupId));
  }

  private nameNow(groupId: string): string {
    if (KNOWN_GROUPS[groupId]) return KNOWN_GROUPS[groupId];
    const role = this.baseName(groupId);
    // OCA's helpdesk has "User: Personal tickets", "User: Team tickets" and "User" in one category:
    // one name for three roles would say nothing, so those that share it keep what follows the colon.
    const qualifier = this.groups.get(groupId)?.name?.split(': ').slice(1).join(': ').trim();
    return qualifier && this.sharedNames().has(role) ? `${role} (${qualifier})` : role;
  }

  /** "Officer: Manage all requests" -> "Time Off Officer": the part before the colon, with its app when generic. */
  private baseName(groupId: string): string {
    const g = this.groups.get(groupId);
    // Odoo 17 names groups "Officer: Manage all requests": the role is the part before the colon.
    let role = g?.name ? g.name.split(': ')[0].trim() : this.fallbackName(groupId);
    const category = g?.category ? this.categories.get(g.category) : undefined;
    if (GENERIC.test(role) && category && !role.toLowerCase().includes(category.toLowerCase())) role = `${category} ${role}`;
    if (!PERSON.test(role)) role = `${role} User`;
    return role;
  }

  private shared?: Set<string>;
  /** Role names that more than one group (not a well-known one) would get. */
  private sharedNames(): Set<string> {
    if (!this.shared) {
      const seen = new Set<string>();
      this.shared = new Set();
      for (const id of this.groups.keys()) {
        if (KNOWN_GROUPS[id]) continue;
        const n = this.baseName(id);
        if (seen.has(n)) this.shared.add(n);
        seen.add(n);
      }
    }
    return this.shared;
  }

  /** The group's own name ("Allow ticket escalations"), for switches as much as roles. */
  displayName(groupId: string): string {
    return this.groups.get(groupId)?.name ?? KNOWN_GROUPS[groupId] ?? this.fallbackName(groupId);
  }

  private fallbackName(groupId: string): string {
    const local = groupId.split('.').pop() ?? groupId;
    return local.replace(/^group_/, '').split('_').filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
  }

  /** Does a imply b (directly or transitively)? */
  implies(a: string, b: string): boolean {
    return cached(this.implication, `${a}\0${b}`, () => this.impliesNow(a, b, new Set()));
  }

  private impliesNow(a: string, b: string, seen: Set<string>): boolean {
    if (seen.has(a)) return false;
    seen.add(a);
    const implied = this.groups.get(a)?.implied ?? [];
    return implied.includes(b) || implied.some((i) => this.impliesNow(i, b, seen));
  }

  /** Groups a group implies (transitively); the array is shared, callers must not change it. */
  impliedBy(a: string): readonly string[] {
    return cached(this.impliedOf, a, () => this.impliedByNow(a));
  }

  private impliedByNow(a: string): string[] {
    const out: string[] = [];
    const walk = (id: string) => {
      for (const i of this.groups.get(id)?.implied ?? []) if (!out.includes(i)) (out.push(i), walk(i));
    };
    walk(a);
    return out;
  }

  /**
   * Role group ids ordered from least to most privileged (ties by id). A toggle group stands
   * for the roles it implies (who holds "Show Full Accounting Features" is a Billing User).
   */
  order(ids: readonly string[], home?: string): string[] {
    const known = cached(this.ranked, ids.join('\0'), () => {
      const roles = [...new Set(ids.flatMap((id) => (this.isRole(id) ? [id] : this.impliedBy(id).filter((i) => this.isRole(i)).slice(0, 1))))].sort();
      // Implication decides; for groups defined elsewhere, a manager-like name ranks higher.
      const rank = (id: string) => roles.filter((o) => o !== id && this.implies(id, o)).length;
      const boss = (id: string) => (/manager|admin|system|responsible/i.test(`${id} ${this.name(id)}`) ? 1 : 0);
      return roles.map((id) => [id, rank(id), boss(id)] as const);
    });
    // Between unrelated groups, the module's own roles come before another app's (stock's
    // Inventory User before accounting's Billing User on a transfer).
    const foreign = (id: string) => (home && id.split('.')[0] !== home ? 1 : 0);
    return known
      .map(([id, rank, boss]) => [id, rank, foreign(id), boss] as const)
      .sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || (a[0] < b[0] ? -1 : 1))
      .map(([id]) => id);
  }
}

/** map's value for key, computed and kept on the first ask. */
function cached<V>(map: Map<string, V>, key: string, compute: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = compute()));
  return v;
}

/** `model_equipment_request` -> the access rules of model equipment.request. */
export function accessFor(modules: readonly ModuleAnalysis[], model: string): readonly AccessRule[] {
  return accessIndex(modules).get(`model_${model.replace(/\./g, '_')}`) ?? [];
}

type AccessRule = ModuleAnalysis['access'][number];

/** Access rules by model ref, built once per analysis: on Odoo CE a scan per question took seconds. */
const accessIndexes = new WeakMap<readonly ModuleAnalysis[], Map<string, AccessRule[]>>();

function accessIndex(modules: readonly ModuleAnalysis[]): Map<string, AccessRule[]> {
  let index = accessIndexes.get(modules);
  if (index) return index;
  index = new Map();
  for (const m of modules) {
    for (const a of m.access) {
      const ref = a.modelRef.split('.').pop() ?? a.modelRef;
      const list = index.get(ref);
      if (list) list.push(a);
      else index.set(ref, [a]);
    }
  }
  accessIndexes.set(modules, index);
  return index;
}

/** 'a' or 'an' (by first letter; "user", "unit" take 'a'). */
export const article = (word: string): string => (/^[AEIO]/i.test(word) || /^u[^s]/i.test(word) ? 'an' : 'a');
