/**
 * Odoo version changes that break custom code, each with what to look for in the sources and
 * what to do about it. Sources: ../shared/ODOO.md (recorded on 17 and 19, and Odoo's upgrade
 * notes) and the 17.0/18.0 release notes for developers. A rule applies to a module when its
 * version is above the module's and at most the target.
 */

/** `edit`: a rename or a one-token change; `rewrite`: the line has to be re-thought. */
export type ChangeEffort = 'edit' | 'rewrite';

export interface UpgradeRule {
  id: string;
  /** The major version that makes the change. */
  version: number;
  title: string;
  /** What to do, shown on the task. */
  fix: string;
  effort: ChangeEffort;
  /** File extensions the pattern is looked for in. */
  ext: readonly ('.py' | '.xml' | '.js')[];
  /** Tested on one line at a time. */
  pattern: RegExp;
  /** Only for modules that depend on this module directly (the field belongs to its model). */
  dependsOn?: string;
  /** The line as it should read, when the change is mechanical ('' = delete the line). */
  rewrite?: (line: string) => string | undefined;
}

const rename = (from: RegExp, to: string) => (line: string) => line.replace(from, to);

export const UPGRADE_RULES: readonly UpgradeRule[] = [
  {
    id: 'task-user-ids',
    version: 15,
    title: 'project.task user_id became user_ids (many2many)',
    fix: 'use user_ids (a many2many): read and write lists of users, adapt domains and views',
    effort: 'rewrite',
    ext: ['.py', '.xml'],
    // Only where the line is about a task: user_id is a common name on other models.
    pattern: /\btasks?(_id|_ids)?\.user_id\b|project\.task\b.*\buser_id\b/,
    dependsOn: 'project',
  },
  {
    id: 'attrs-states',
    version: 17,
    title: 'attrs and states are gone from views',
    fix: 'write each attrs domain as invisible/readonly/required Python expressions on the element; states="a,b" becomes invisible="state not in (\'a\', \'b\')"',
    effort: 'rewrite',
    ext: ['.xml'],
    pattern: /\s(attrs|states)\s*=\s*["']/,
  },
  {
    id: 'field-states',
    version: 17,
    title: 'the states= parameter of fields is gone',
    fix: 'drop states={...} from the field and express it as readonly/required on the view elements',
    effort: 'rewrite',
    ext: ['.py'],
    pattern: /\bstates\s*=\s*\{/,
  },
  {
    id: 'name-get',
    version: 17,
    title: 'name_get() is replaced by the display_name compute',
    fix: 'replace name_get with _compute_display_name (decorated with @api.depends) setting record.display_name',
    effort: 'rewrite',
    ext: ['.py'],
    pattern: /\bdef\s+name_get\s*\(|\.name_get\(\)/,
  },
  {
    id: 'planned-hours',
    version: 17,
    title: 'project.task planned_hours became allocated_hours',
    fix: 'rename planned_hours to allocated_hours in code, views and data',
    effort: 'edit',
    ext: ['.py', '.xml'],
    pattern: /\bplanned_hours\b/,
    dependsOn: 'project',
    rewrite: rename(/\bplanned_hours\b/g, 'allocated_hours'),
  },
  {
    id: 'kanban-state',
    version: 17,
    title: 'project.task kanban_state is removed (the required state field replaces it)',
    fix: 'use the task state keys (01_in_progress, 02_changes_requested, 03_approved, 1_done, 1_canceled, 04_waiting_normal)',
    effort: 'rewrite',
    ext: ['.py', '.xml'],
    pattern: /\bkanban_state\b/,
    dependsOn: 'project',
  },
  {
    id: 'automation-action',
    version: 17,
    title: 'base.automation action_server_id became action_server_ids',
    fix: 'link the server actions through action_server_ids (one automation can run several)',
    effort: 'edit',
    ext: ['.py', '.xml'],
    pattern: /\baction_server_id\b/,
    dependsOn: 'base_automation',
  },
  {
    id: 'tree-list',
    version: 18,
    title: '<tree> views became <list>, and view_mode "tree" became "list"',
    fix: 'rename the <tree> element to <list> and "tree" to "list" in view_mode, view types and action contexts',
    effort: 'edit',
    ext: ['.xml', '.py', '.js'],
    pattern: /<\/?tree[\s>]|view_mode[^\n]*\btree\b|['"]tree['"]/,
    rewrite: (l) => l.replace(/<(\/?)tree(?=[\s>])/g, '<$1list').replace(/\btree\b(?=[^<]*(,|<\/field>|['"]))/g, 'list'),
  },
  {
    id: 'group-operator',
    version: 18,
    title: 'the group_operator field parameter became aggregator',
    fix: 'rename group_operator= to aggregator=',
    effort: 'edit',
    ext: ['.py'],
    pattern: /\bgroup_operator\s*=/,
    rewrite: rename(/\bgroup_operator(\s*=)/g, 'aggregator$1'),
  },
  {
    id: 'user-has-groups',
    version: 18,
    title: 'user_has_groups() is replaced by self.env.user.has_groups()',
    fix: 'call self.env.user.has_groups(...) (or has_group for one group)',
    effort: 'edit',
    ext: ['.py'],
    pattern: /\buser_has_groups\s*\(/,
    rewrite: rename(/\bself\.user_has_groups\s*\(/g, 'self.env.user.has_groups('),
  },
  {
    id: 'project-account',
    version: 18,
    title: 'project.project analytic_account_id became account_id',
    fix: 'rename analytic_account_id to account_id where it is the project\'s field',
    effort: 'edit',
    ext: ['.py', '.xml'],
    pattern: /\banalytic_account_id\b/,
    dependsOn: 'project',
  },
  {
    id: 'cron-numbercall',
    version: 18,
    title: 'ir.cron numbercall and doall are removed',
    fix: 'delete the numbercall/doall fields from cron records; a cron that must stop deactivates itself',
    effort: 'edit',
    ext: ['.xml', '.py'],
    pattern: /\b(numbercall|doall)\b/,
    rewrite: (l) => (/^\s*<field name="(numbercall|doall)"[^>]*>[^<]*<\/field>\s*$/.test(l) ? '' : undefined),
  },
  {
    id: 'users-group-ids',
    version: 19,
    title: 'res.users groups_id became group_ids',
    fix: 'rename groups_id to group_ids on users (code, domains and user data records)',
    effort: 'edit',
    ext: ['.py'],
    pattern: /\b(user|users|user_id|env\.user)\.groups_id\b/,
    rewrite: rename(/\.groups_id\b/g, '.group_ids'),
  },
  {
    id: 'sql-constraints',
    version: 19,
    title: '_sql_constraints is replaced by models.Constraint attributes',
    fix: 'declare each constraint as _name = models.Constraint("definition", "message")',
    effort: 'edit',
    ext: ['.py'],
    pattern: /^\s*_sql_constraints\s*=/,
  },
];

/** "17.0", "saas~17.2", "17" -> 17; undefined when it names no major version. */
export function majorOf(version: string | undefined): number | undefined {
  const m = /^(?:saas[~-])?(\d{1,2})(?:\.\d+)?(?:\.|$)/.exec((version ?? '').trim());
  if (!m) return undefined;
  const v = Number(m[1]);
  return v >= 8 && v <= 30 ? v : undefined;
}

/** The Odoo version a manifest's version belongs to ("16.0.1.2.0" -> 16); plain "1.0" names none. */
export function moduleMajor(manifestVersion: string | undefined): number | undefined {
  const parts = (manifestVersion ?? '').split('.');
  return parts.length >= 4 ? majorOf(manifestVersion) : undefined;
}

export function rulesFor(from: number | undefined, target: number, depends: readonly string[]): UpgradeRule[] {
  return UPGRADE_RULES.filter((r) => r.version <= target && (from === undefined || r.version > from) && (!r.dependsOn || depends.includes(r.dependsOn)));
}
