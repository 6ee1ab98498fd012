/**
 * What a record rule grants, read from its domain text (never evaluated): all records, own
 * records (a user field compared with the current user), the user's companies, the user's own
 * contact, or no record. A domain `[]` grants all records, never "own records".
 */
import type { DomainItem, PyField, PyLiteral, XmlRule } from '../../analysis/types.js';
import { MAGIC_LABELS, orListing } from './text.js';

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

/** The field a path ends on, when the analysis knows it: "Status is Approved" instead of 'validate', "Is self is false" instead of "is not set". */
export type FieldOf = (path: string) => Pick<PyField, 'type' | 'selection'> | undefined;

export function ruleMeaning(rule: XmlRule, fieldLabel: (field: string) => string, model: string, fieldOf: FieldOf = () => undefined): RuleMeaning {
  // 'team_id.member_ids' -> "Team's member".
  const label = (path: string) => {
    const [head, ...rest] = path.split('.');
    const owner = fieldLabel(head);
    return rest.length ? `${owner}${owner.endsWith('s') ? "'" : "'s"} ${rest.map((r) => MAGIC_LABELS[r] ?? r.replace(/_ids?$/, '').replace(/_/g, ' ')).join(' ')}` : owner;
  };
  const d = (rule.domain ?? '').replace(/\s+/g, ' ').trim();
  const global = rule.groups.length === 0;
  const only = rule.perms && OPERATION.filter(([p]) => rule.perms?.[p]).map(([, word]) => word);
  const cond = rule.terms && condition(rule.terms);
  const meaning = (cond && mixedUserTest(cond) && `only the ${model} records where ${words(cond, label, fieldOf)}`) || grantsOf(d, cond, label, model, fieldOf);
  return only ? { grants: meaning, global, only } : { grants: meaning, global };
}

function grants(d: string, label: (path: string) => string, model: string, me?: string[]): string {
  if (d === '' || ALL.test(d)) return `all ${model} records`;
  if (NONE.test(d)) return `no ${model} record`;
  // The website's rule: `[('website_published', '=', True)]`, `[('is_published', '=', True)]`.
  if (PUBLISHED.test(d)) return `only the published ${model} records`;
  // `('equipment_id.message_partner_ids', 'in', [user.partner_id.id])`: they follow its equipment, not it.
  const followed = /['"]((?:\w+\.)*)message_(?:partner|follower)_ids/.exec(d);
  const follows = !!followed || /message_partner_ids|message_follower_ids/.test(d);
  const through = followed?.[1] ? followed[1].replace(/\.$/, '') : '';
  // From the parsed terms when there are: `('user_id', '!=', user.id)` is no own record.
  const own = me ?? fieldsMatching(d, USER);
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

/** What a domain the patterns above do not know grants, said term by term when it parses. */
function grantsOf(d: string, cond: Cond | undefined, label: (path: string) => string, model: string, fieldOf: FieldOf): string {
  // `[('employee_id.user_id', '=', user.id), ('state', '=', 'draft')]`: their own, and which of them.
  if (cond && 'and' in cond) {
    const mine = cond.and.filter((c): c is Term => isTerm(c) && isMe(c));
    const others = cond.and.filter((c) => !(isTerm(c) && isMe(c)));
    if (mine.length && others.length && !others.some(mentionsUser)) {
      const which = words(others.length === 1 ? others[0] : { and: others }, label, fieldOf);
      return `only their own ${model} records (${mine.map((t) => label(t.path)).join(' and ')} is them) where ${which}`;
    }
  }
  const said = grants(d, label, model, cond ? mePaths(cond) : undefined);
  if (!cond || !said.startsWith(`only ${model} records matching `)) return said;
  return `only the ${model} records where ${words(cond, label, fieldOf)}`;
}

/** A domain as a condition: Odoo's prefix operators applied, the items left over joined by "and". */
type Term = Exclude<DomainItem, string>;
type Cond = Term | { and: Cond[] } | { or: Cond[] } | { not: Cond };

function condition(items: readonly DomainItem[]): Cond | undefined {
  let i = 0;
  const take = (): Cond | undefined => {
    const item = items[i++];
    if (item === undefined) return undefined;
    if (typeof item !== 'string') return item;
    if (item === '!') {
      const c = take();
      return c && { not: c };
    }
    const a = take();
    const b = take();
    if (!a || !b) return undefined;
    // '|', A, '|', B, C is one choice of three: said without nested parentheses.
    return item === '|' ? { or: flat('or', [a, b]) } : { and: flat('and', [a, b]) };
  };
  const all: Cond[] = [];
  while (i < items.length) {
    const c = take();
    if (!c) return undefined;
    all.push(c);
  }
  return all.length === 1 ? all[0] : { and: flat('and', all) };
}

/** The operands of an and (or), with those that are themselves an and (or) opened up. */
function flat(kind: 'and' | 'or', cs: readonly Cond[]): Cond[] {
  return cs.flatMap((x) => (kind === 'and' && 'and' in x ? x.and : kind === 'or' && 'or' in x ? x.or : [x]));
}

const USER = /\b(user\.id|uid|user\.ids)\b/;
const isTerm = (c: Cond): c is Term => 'path' in c;
/** `('user_id', '=', user.id)`: the record is theirs; `('user_id', '!=', user.id)`: someone else's. */
const isMe = (t: Term) => USER.test(t.code ?? '') && ['=', 'in', 'child_of'].includes(t.op);
const isNotMe = (t: Term) => USER.test(t.code ?? '') && ['!=', 'not in'].includes(t.op);

/** `('message_partner_ids', 'in', [user.partner_id.id])`: they follow the record (or, with a path before it, what it points to). */
const isFollow = (t: Term) => /(^|\.)message_(partner|follower)_ids$/.test(t.path) && /partner_id/.test(t.code ?? '');
const PARTNER = /\buser\.partner_id\b/;
const COMMERCIAL = /\buser\.commercial_partner_id\b/;

/** Only records a user term makes theirs (or that they follow) pass, whatever else holds. */
function onlyOwn(c: Cond): boolean {
  if (isTerm(c)) return isMe(c) || isFollow(c);
  if ('and' in c) return c.and.some(onlyOwn);
  if ('or' in c) return c.or.every(onlyOwn);
  return false;
}

/** A test of the user or their partner anywhere in the condition (their own, someone else's, followed). */
function mentionsUser(c: Cond): boolean {
  if (isTerm(c)) return USER.test(c.code ?? '') || PARTNER.test(c.code ?? '') || COMMERCIAL.test(c.code ?? '') || isFollow(c);
  if ('not' in c) return mentionsUser(c.not);
  return ('and' in c ? c.and : c.or).some(mentionsUser);
}

/** The fields a term compares with the user, as making the record theirs. */
function mePaths(c: Cond): string[] {
  if (isTerm(c)) return isMe(c) ? [c.path] : [];
  if ('not' in c) return [];
  return [...new Set(('and' in c ? c.and : c.or).flatMap(mePaths))];
}

function hasUserTest(c: Cond): boolean {
  if (isTerm(c)) return isMe(c) || isNotMe(c);
  if ('not' in c) return hasUserTest(c.not);
  return ('and' in c ? c.and : c.or).some(hasUserTest);
}

/**
 * A domain that tests the user without making every record it grants their own: the officers'
 * `[..., '|', '&', ('employee_id.user_id', '=', user.id), ('state', '!=', 'validate'), ('employee_id.user_id', '!=', user.id)]`
 * grants other people's records too, and is said term by term.
 */
const mixedUserTest = (c: Cond): boolean => hasUserTest(c) && !onlyOwn(c);

function words(c: Cond, label: (path: string) => string, fieldOf: FieldOf, inner = false): string {
  if (isTerm(c)) return termWords(c, label, fieldOf);
  if ('not' in c) return `not (${words(c.not, label, fieldOf)})`;
  const parts = 'and' in c ? c.and.map((x) => words(x, label, fieldOf, true)) : c.or.map((x) => words(x, label, fieldOf, true));
  const text = parts.join('and' in c ? ' and ' : ' or ');
  return inner && parts.length > 1 ? `(${text})` : text;
}

function termWords(t: Term, label: (path: string) => string, fieldOf: FieldOf): string {
  if (t.op === 'true') return 'always';
  if (t.op === 'false') return 'never';
  if (isFollow(t)) {
    const through = t.path.split('.').slice(0, -1).join('.');
    return through ? `they follow its ${label(through)}` : 'they follow it';
  }
  const who = label(t.path);
  const many = /_ids$/.test(t.path);
  const positive = ['=', 'in', 'child_of'].includes(t.op);
  // "Assignees include them", "User includes them" (a many2many labelled in the singular).
  const plural = /s$/.test(who);
  if (isMe(t) || (positive && PARTNER.test(t.code ?? ''))) return many ? `${who} ${plural ? 'include' : 'includes'} them` : `${who} is them`;
  if (isNotMe(t)) return many ? `${who} ${plural ? 'do' : 'does'} not include them` : `${who} is not them`;
  if (positive && COMMERCIAL.test(t.code ?? '')) return `${who} is their company or one of its contacts`;
  if (positive && /\bcompany_ids\b/.test(t.code ?? '')) return `${who} is one of their companies`;
  if (positive && /\b(user\.)?company_id\b/.test(t.code ?? '')) return `${who} is their current company`;
  if (positive && /\buser\.employee_id\b/.test(t.code ?? '')) return `${who} is their employee record`;
  if (['in', 'child_of'].includes(t.op) && /\buser\.groups_id\b/.test(t.code ?? '')) return `${who} is one of their groups`;
  // `('team_id', 'in', user.helpdesk_team_ids.ids)`: one of the records the user's own field holds.
  const theirs = /^user\.([a-z][a-z0-9_]*)(?:\.ids?)?$/.exec((t.code ?? '').trim());
  if (theirs && ['in', 'not in', '=', '!='].includes(t.op)) {
    const what = theirs[1].replace(/_ids?$/, '').replace(/_/g, ' ');
    const negated = t.op === 'not in' || t.op === '!=';
    return /_ids$/.test(theirs[1]) ? `${who} is ${negated ? 'none' : 'one'} of their ${what}s` : `${who} is ${negated ? 'not ' : ''}their ${what}`;
  }
  const field = fieldOf(t.path);
  const boolean = field?.type === 'Boolean';
  const shown = (v: PyLiteral): string => {
    if (typeof v === 'string') return field?.selection?.find(([k]) => k === v)?.[1] ?? `'${v}'`;
    if (v === false || v === null) return boolean ? 'false' : 'not set';
    return JSON.stringify(v);
  };
  const v = t.value;
  if (v === undefined) return `${who} ${t.op} ${t.code}`;
  if ((v === false || v === null) && !boolean) return t.op === '=' ? `${who} is not set` : t.op === '!=' ? `${who} is set` : `${who} ${t.op} ${shown(v)}`;
  if (typeof v === 'boolean' && (t.op === '=' || t.op === '!=')) return `${who} is ${(t.op === '=') === v ? 'true' : 'false'}`;
  const list = Array.isArray(v) ? v.map(shown) : [shown(v)];
  // `('child_ids', 'not in', [])` holds for every record, `'in', []` for none.
  if (Array.isArray(v) && v.length === 0 && (t.op === 'in' || t.op === 'not in')) return t.op === 'in' ? 'never' : 'always';
  switch (t.op) {
    case '=':
    case 'in':
      return `${who} is ${orListing(list) || 'nothing'}`;
    case '!=':
    case 'not in':
      return list.length > 1 ? `${who} is none of ${list.join(', ')}` : `${who} is not ${list[0] ?? 'empty'}`;
    default:
      return `${who} ${t.op} ${list.join(', ')}`;
  }
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
