/** External ids named by ref('...') calls inside an XML `eval` attribute (Python, never evaluated). */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { callArgs, stringValue } from './py-literal.js';

export function evalRefs(expr: string): string[] {
  const tree = parser.parse(expr);
  const out: string[] = [];
  tree.iterate({
    enter(n) {
      if (n.name !== 'CallExpression') return;
      const node: SyntaxNode = n.node;
      const callee = node.firstChild;
      if (callee?.name !== 'VariableName' || expr.slice(callee.from, callee.to) !== 'ref') return;
      const id = stringValue(callArgs(node.getChild('ArgList'), expr).positional[0], expr);
      if (id) out.push(id);
    },
  });
  return out;
}
