/**
 * An Odoo domain (a record rule's domain_force) read with the Python parser, never evaluated:
 * its items in order, the operators '|', '&' and '!' of Odoo's prefix notation and the
 * (field, operator, value) terms, with values that are no literal (`user.id`,
 * `company_ids`) kept as their code.
 */
import { named, pythonReady, textOf, withPythonTree, type PyNode } from './py-parser.js';
import { literal, NOT_LITERAL, stringValue } from './py-literal.js';
import type { DomainItem } from './types.js';

/** The items of a domain, or undefined when it is no list of terms and operators (a name, a comprehension...). */
export function readDomain(text: string | undefined): DomainItem[] | undefined {
  if (!text?.trim() || !pythonReady()) return undefined;
  // In parentheses: a domain spread over lines inside the XML is one expression.
  const src = `(${text.trim()}\n)`;
  return withPythonTree(src, (root) => {
    if (root.hasError) return undefined;
    const stmt = named(root);
    if (stmt.length !== 1 || stmt[0].type !== 'expression_statement') return undefined;
    let list: PyNode | undefined = named(stmt[0])[0];
    while (list?.type === 'parenthesized_expression') list = named(list)[0];
    if (!list || (list.type !== 'list' && list.type !== 'tuple')) return undefined;
    const items: DomainItem[] = [];
    for (const el of named(list)) {
      if (el.type === 'string') {
        const op = stringValue(el, src);
        if (op !== '|' && op !== '&' && op !== '!') return undefined;
        items.push(op);
        continue;
      }
      const parts = el.type === 'tuple' || el.type === 'list' ? named(el) : [];
      if (parts.length !== 3) return undefined;
      const path = stringValue(parts[0], src);
      const operator = stringValue(parts[1], src);
      if (operator === undefined) return undefined;
      if (path === undefined) {
        // (1, '=', 1) and (0, '=', 1): always true, always false.
        const always = literal(parts[0], src);
        if ((always !== 1 && always !== 0) || operator !== '=' || literal(parts[2], src) !== 1) return undefined;
        items.push({ path: '', op: always === 1 ? 'true' : 'false', code: '' });
        continue;
      }
      const v = literal(parts[2], src);
      items.push(v === NOT_LITERAL ? { path, op: operator, code: textOf(parts[2], src).replace(/\s+/g, ' ') } : { path, op: operator, value: v });
    }
    return items;
  });
}
