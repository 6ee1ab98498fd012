/**
 * What Odoo's safe_eval refuses in the code of a server action or a scheduled action
 * (odoo/tools/safe_eval.py: _BLACKLIST, assert_no_dunder_name, and the opcodes it never allows),
 * found in the syntax tree: a module holding such code fails to install ("forbidden opcode(s)").
 * A database never holds it (ir.actions.server checks its code when saved), but an extract.json
 * edited by hand may.
 */
import { lineOf, textOf, withPythonTree, type PyNode } from '../../analysis/py-parser.js';

export interface Refused {
  /** 1-based line in the code. */
  line: number;
  what: string;
  /** What to write instead. */
  instead?: string;
}

const SEARCHED = ['assignment', 'augmented_assignment', 'delete_statement', 'import_statement', 'import_from_statement', 'future_import_statement', 'global_statement', 'with_statement', 'class_definition', 'identifier'];

/** The first thing safe_eval refuses in `code`, or undefined. Needs `await loadPython()` first. */
export function refusedBySafeEval(code: string): Refused | undefined {
  return withPythonTree(code, (root) => {
    for (const n of root.descendantsOfType(SEARCHED)) {
      if (!n) continue;
      const found = refused(n, code);
      if (found) return found;
    }
    return undefined;
  });
}

function refused(n: PyNode, code: string): Refused | undefined {
  const line = lineOf(n);
  switch (n.type) {
    case 'assignment':
    case 'augmented_assignment': {
      const left = n.childForFieldName('left');
      const target = left ? attributeIn(left) : undefined;
      if (!target) return undefined;
      const object = target.childForFieldName('object');
      const name = target.childForFieldName('attribute');
      const value = n.type === 'assignment' ? n.childForFieldName('right') : undefined;
      return {
        line,
        what: `it assigns to an attribute (${textOf(target, code)} = ...), which safe_eval forbids (STORE_ATTR)`,
        ...(object && name && value ? { instead: `${textOf(object, code)}.write({'${textOf(name, code)}': ${textOf(value, code)}})` } : {}),
      };
    }
    case 'delete_statement':
      return /\bdel\s+[^\n]*\./.test(textOf(n, code)) ? { line, what: 'it deletes an attribute (del x.y), which safe_eval forbids (DELETE_ATTR)' } : undefined;
    case 'import_statement':
    case 'import_from_statement':
    case 'future_import_statement':
      return { line, what: 'it imports a module, which safe_eval forbids (IMPORT_NAME); the evaluation context already offers time, datetime, dateutil, timezone, float_compare, b64encode, b64decode and Command' };
    case 'global_statement':
      return { line, what: 'it declares a global, which safe_eval forbids (STORE_GLOBAL)' };
    case 'with_statement':
      return { line, what: 'it opens a with block, which safe_eval does not allow' };
    case 'class_definition':
      return { line, what: 'it defines a class, which safe_eval does not allow' };
    case 'identifier':
      return textOf(n, code).includes('__') ? { line, what: `it uses the name ${textOf(n, code)}, and safe_eval refuses every name holding "__"` } : undefined;
    default:
      return undefined;
  }
}

/** The attribute a target writes: `rec.x`, or one in a tuple of targets (`a.x, b = ...`). */
function attributeIn(target: PyNode): PyNode | undefined {
  if (target.type === 'attribute') return target;
  if (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'tuple' || target.type === 'list_pattern') {
    for (const c of target.namedChildren) if (c?.type === 'attribute') return c;
  }
  return undefined;
}
