/**
 * What a record rule grants, read from its domain text (never evaluated): all records, own
 * records (a user field compared with the current user), the user's companies, the user's own
 * contact, or no record. A domain `[]` grants all records, never "own records".
 */
import type { XmlRule } from '../../analysis/types.js';

export interface RuleMeaning {
  /** "all Maintenance Request records", "only their own Maintenance Request records (Technician is them)". */
  grants: string;
  global: boolean;
  /** The operations it restricts when not all four: ["edit"], ["delete"]... (perm_read="0" and the like). */
  only?: string[];
}

const OPERATION: [keyof NonNullable<XmlRule['perms']>, string][] = [['read', 'read'], ['write', 'edit'], ['create', 'create'], ['unlink', 'delete']];

/** Field paths compared with a value matching `value`, e.g. `('user_id', '=', user.id)`. */
function fieldsMatching(domain: string, value: RegExp): string[] {
  const out: string[] = [];
  const re = /\(\s*['"]([\w.]+)['"]\s*,\s*['"][^'"]+['"]\s*,\s*([^()[\]]+?|\[[^\]]*\]|\([^)]*\))\s*\)/g;
  for (let m = re.exec(domain); m; m = re.exec(domain)) if (value.test(m[2])) out.push(m[1]);
  return [...new Set(out)];
}

const ALL = /^\[\s*(\(\s*1\s*,\s*['"]=['"]\s*,\s*1\s*\)\s*)?\]$/;
const PUBLISHED = /^\[\s*\(\s*['"](?:website_published|is_published)['"]\s*,\s*['"]=['"]\s*,\s*True\s*\)\s*\]$/;
const NONE = /^\[\s*\(\s*0\s*,\s*['"]=['"]\s*,\s*1\s*\)\s*\]$/;

export function ruleMeaning(rule: XmlRule, fieldLabel: (field: string) => string, model: string): RuleMeaning {
  // 'team_id.member_ids' -> "Team's member".
  const label = (path: string) => {
    const [head, ...rest] = path.split('.');
    return rest.length ? `${fieldLabel(head)}'s ${rest.map((r) => r.replace(/_ids?$/, '').replace(/_/g, ' ')).join(' ')}` : fieldLabel(head);
  };
  const d = (rule.domain ?? '').replace(/\s+/g, ' ').trim();
  const global = rule.groups.length === 0;
  const only = rule.perms && OPERATION.filter(([p]) => rule.perms?.[p]).map(([, word]) => word);
  const meaning = grants(d, label, model);
  return only ? { grants: meaning, global, only } : { grants: meaning, global };
}

function grants(d: string, label: (path: string) => string, model: string): string {
  if (d === '' || ALL.test(d)) return `all ${model} records`;
  if (NONE.test(d)) return `no ${model} record`;
  // The website's rule: `[('website_published', '=', True)]`, `[('is_published', '=', True)]`.
  if (PUBLISHED.test(d)) return `only the published ${model} records`;
  // `('equipment_id.message_partner_ids', 'in', [user.partner_id.id])`: they follow its equipment, not it.
  const followed = /['"]((?:\w+\.)*)message_(?:partner|follower)_ids/.exec(d);
  const follows = !!followed || /message_partner_ids|message_follower_ids/.test(d);
  const through = followed?.[1] ? followed[1].replace(/\.$/, '') : '';
  const own = fieldsMatching(d, /\b(user\.id|uid|user\.ids)\b/);
  if (own.length) {
    // `[('state', '!=', 'done'), ('user_id', '=', user.id)]`: their own, and what else it tests.
    const also = fieldsMatching(d, /./).filter((f) => !own.includes(f) && !/(^|\.)message_(partner|follower)_ids$/.test(f));
    // Said as a test, not as "and" or "or": the domain may join its terms either way.
    const more = also.length ? `; the rule also tests ${also.map(label).join(', ')}` : '';
    return `only their own ${model} records (${own.map(label).join(' or ')} is them${follows ? `, or they follow ${through ? `its ${label(through)}` : 'it'}` : ''}${more})`;
  }
  if (follows) return through ? `only the ${model} records whose ${label(through)} they follow` : `only the ${model} records they follow`;
  if (/\bcompany_ids\b|user\.company_id|allowed_company_ids/.test(d)) return `only ${model} records of their companies (or without a company)`;
  const partner = fieldsMatching(d, /user\.(commercial_)?partner_id/);
  if (partner.length || /user\.(commercial_)?partner_id/.test(d)) {
    const named = partner.length ? ` (through ${partner.map(label).join(' or ')})` : '';
    return `only ${model} records of their own contact or company${named}`;
  }
  return `only ${model} records matching ${d}`;
}

/** "Helpdesk Manager sees all Helpdesk Ticket records", "Every user (global rule) sees only ...". */
export function ruleSentence(meaning: RuleMeaning, roles: readonly string[], listing: (xs: readonly string[]) => string): string {
  const who = meaning.global ? 'Every user (global rule)' : listing(roles) || 'Its groups';
  const one = meaning.global || roles.length === 1;
  // A rule that does not restrict reading says what it does restrict: "can edit only their own ...".
  if (meaning.only?.length === 0) return `${who}: the rule ticks no operation (read, write, create, delete), so it restricts nothing`;
  if (meaning.only && !meaning.only.includes('read')) return `${who} can ${listing(meaning.only).replace(/ and /g, ' or ')} ${meaning.grants}`;
  return `${who} ${one ? 'sees' : 'see'} ${meaning.grants}`;
}
