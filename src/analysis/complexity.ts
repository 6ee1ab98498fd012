import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { stringValue } from './py-literal.js';

/**
 * Tokens that open a decision in Python: if/elif (statements, comprehension filters and
 * conditional expressions all use the `if` token), loops (incl. comprehension `for`),
 * except clauses, with blocks and short-circuit boolean operators.
 */
const DECISIONS = ['if', 'elif', 'for', 'while', 'except', 'with', 'and', 'or'];

/** Node type ids of the grammar: comparing small integers beats comparing names per node. */
const isDecision: boolean[] = [];
let raiseId = -1;
for (const t of parser.nodeSet.types) {
  isDecision[t.id] = DECISIONS.includes(t.name);
  if (t.name === 'RaiseStatement') raiseId = t.id;
}

export interface BodyScan {
  /** Cyclomatic complexity: 1 + decision points found in the body's syntax tree. */
  complexity: number;
  /** The first string literal of every `raise` in the body, without repeats: what a user is told. */
  messages: string[];
}

/**
 * One cursor pass over a function body (no node objects per visited node): counts decision
 * tokens (their subtrees are not entered) and reads the message of every `raise`.
 */
export function scanBody(body: SyntaxNode, src: string): BodyScan {
  let decisions = 0;
  const messages: string[] = [];
  const c = body.cursor();
  if (!c.firstChild()) return { complexity: 1, messages };
  let depth = 1;
  for (;;) {
    const id = c.type.id;
    let enter = true;
    if (isDecision[id]) {
      decisions++;
      enter = false;
    } else if (id === raiseId) {
      const m = firstString(c.node, src);
      if (m && !messages.includes(m)) messages.push(m);
    }
    if (enter && c.firstChild()) {
      depth++;
      continue;
    }
    while (!c.nextSibling()) {
      c.parent();
      if (--depth === 0) return { complexity: 1 + decisions, messages };
    }
  }
}

function firstString(n: SyntaxNode, src: string): string | undefined {
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (c.name === 'String' || c.name === 'ContinuedString') return stringValue(c, src);
    const inner = firstString(c, src);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
