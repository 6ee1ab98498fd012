import type { SyntaxNode } from '@lezer/common';

/**
 * Tokens that open a decision in Python: if/elif (statements, comprehension filters and
 * conditional expressions all use the `if` token), loops (incl. comprehension `for`),
 * except clauses, with blocks and short-circuit boolean operators.
 */
const DECISIONS = new Set(['if', 'elif', 'for', 'while', 'except', 'with', 'and', 'or']);

/** Cyclomatic complexity of a function body: 1 + decision points found in its syntax tree. */
export function complexityOf(body: SyntaxNode): number {
  return 1 + decisions(body);
}

function decisions(node: SyntaxNode): number {
  let n = 0;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (DECISIONS.has(c.name)) n++;
    else if (c.firstChild) n += decisions(c);
  }
  return n;
}
