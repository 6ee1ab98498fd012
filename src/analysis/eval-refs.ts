/** Python snippets inside XML data (eval attributes, cron code): read from the syntax tree, never run. */
import { callArgs, literal, NOT_LITERAL, stringValue } from './py-literal.js';
import { textOf, withPythonTree } from './py-parser.js';

/** External ids named by ref('...') calls inside an XML `eval` attribute. */
export function evalRefs(expr: string): string[] {
  // Cheap exit: most eval attributes are numbers, lists of ids or domains without ref().
  if (!expr.includes('ref')) return [];
  return withPythonTree(expr, (root) => {
    const out: string[] = [];
    for (const call of root.descendantsOfType('call')) {
      const callee = call?.childForFieldName('function');
      if (!call || callee?.type !== 'identifier' || textOf(callee, expr) !== 'ref') continue;
      const id = stringValue(callArgs(call.childForFieldName('arguments'), expr).positional[0], expr);
      if (id) out.push(id);
    }
    return out;
  });
}

/** Names after a dot in a piece of code, e.g. the methods `model._cron_send()` calls; [] when it does not parse. */
export function attributeNames(code: string): string[] {
  if (!code.includes('.')) return [];
  return withPythonTree(code, (root) => {
    const out: string[] = [];
    for (const a of root.descendantsOfType('attribute')) {
      const name = a?.childForFieldName('attribute');
      if (name && !out.includes(textOf(name, code))) out.push(textOf(name, code));
    }
    return out;
  });
}

/** A view's `options="{'clickable': '1'}"`: whether the statusbar is clickable (a true value, or a non-empty string other than '0'). */
export function clickableOption(options: string): boolean {
  if (!options.includes('clickable')) return false;
  return withPythonTree(options, (root) => {
    const expr = root.namedChild(0)?.namedChild(0);
    const v = expr ? literal(expr, options) : NOT_LITERAL;
    if (v === NOT_LITERAL || !v || typeof v !== 'object' || Array.isArray(v)) return false;
    const c = (v as Record<string, unknown>).clickable;
    return c === true || c === 1 || (typeof c === 'string' && c !== '' && c !== '0' && c.toLowerCase() !== 'false');
  });
}
