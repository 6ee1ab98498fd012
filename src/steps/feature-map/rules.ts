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
}

/** Field paths compared with a value matching `value`, e.g. `('user_id', '=', user.id)`. */
function fieldsMatching(domain: string, value: RegExp): string[] {
  const out: string[] = [];
  const re = /\(\s*['"]([\w.]+)['"]\s*,\s*['"][^'"]+['"]\s*,\s*([^()[\]]+?|\[[^\]]*\]|\([^)]*\))\s*\)/g;
  for (let m = re.exec(domain); m; m = re.exec(domain)) if (value.test(m[2])) out.push(m[1]);
  return [...new Set(out)];
}

const ALL = /^\[\s*(\(\s*1\s*,\s*['"]=['"]\s*,\s*1\s*\)\s*)?\]$/;
const NONE = /^\[\s*\(\s*0\s*,\s*['"]=['"]\s*,\s*1\s*\)\s*\]$/;

export function ruleMeaning(rule: XmlRule, fieldLabel: (field: string) => string, model: string): RuleMeaning {
  // 'team_id.member_ids' -> "Team's member".
  const label = (path: string) => {
    const [head, ...rest] = path.split('.');
    return rest.length ? `${fieldLabel(head)}'s ${rest.map((r) => r.replace(/_ids?$/, '').replace(/_/g, ' ')).join(' ')}` : fieldLabel(head);
  };
  const d = (rule.domain ?? '').replace(/\s+/g, ' ').trim();
  const global = rule.groups.length === 0;
  if (d === '' || ALL.test(d)) return { grants: `all ${model} records`, global };
  if (NONE.test(d)) return { grants: `no ${model} record`, global };
  const follows = /message_partner_ids|message_follower_ids/.test(d);
  const own = fieldsMatching(d, /\b(user\.id|uid|user\.ids)\b/);
  if (own.length) return { grants: `only their own ${model} records (${own.map(label).join(' or ')} is them${follows ? ', or they follow it' : ''})`, global };
  if (follows) return { grants: `only the ${model} records they follow`, global };
  if (/\bcompany_ids\b|user\.company_id|allowed_company_ids/.test(d)) return { grants: `only ${model} records of their companies (or without a company)`, global };
  const partner = fieldsMatching(d, /user\.(commercial_)?partner_id/);
  if (partner.length || /user\.(commercial_)?partner_id/.test(d)) {
    const named = partner.length ? ` (through ${partner.map(label).join(' or ')})` : '';
    return { grants: `only ${model} records of their own contact or company${named}`, global };
  }
  return { grants: `only ${model} records matching ${d}`, global };
}

/** "Helpdesk Manager sees all Helpdesk Ticket records", "Every user (global rule) sees only ...". */
export function ruleSentence(meaning: RuleMeaning, roles: readonly string[], listing: (xs: readonly string[]) => string): string {
  if (meaning.global) return `Every user (global rule) sees ${meaning.grants}`;
  return `${listing(roles) || 'Its groups'} ${roles.length === 1 ? 'sees' : 'see'} ${meaning.grants}`;
}
