/**
 * A status cell, marker or line -> a neutral status, in this order: the document's own legend
 * (symbols, then words), common symbols and words in several languages, free text that names a
 * status ("Implementation started; ..."). Anything else is kept as pending with a warning that
 * names the line and what was written: one odd cell never costs the rest of the plan.
 */
import { legendSymbol, legendWord, type Legend } from './legend.js';
import type { NoticeLog } from './notices.js';
import { leadingSymbol } from './status-symbols.js';
import { statusFromWord, statusInText } from './status-words.js';
import { STATUS_LABEL, type StatusSource, type TaskStatus } from './types.js';

export interface ResolvedStatus {
  status: TaskStatus;
  from: StatusSource;
}

const memo = new WeakMap<Legend, Map<string, ResolvedStatus | undefined>>();

/** A known status, or undefined (never a warning): for headings and markers that may be no status. */
export function knownStatus(legend: Legend, text: string): ResolvedStatus | undefined {
  let m = memo.get(legend);
  if (!m) memo.set(legend, (m = new Map()));
  if (m.has(text)) return m.get(text);
  const r = resolveKnown(legend, text);
  m.set(text, r);
  return r;
}

function resolveKnown(legend: Legend, text: string): ResolvedStatus | undefined {
  let t = text.replace(/\s+/g, ' ').trim();
  if (t === '') return undefined;
  const sym = legendSymbol(legend, t);
  if (sym?.status) return { status: sym.status, from: 'legend' };
  // A symbol the legend gives another meaning (a priority) is skipped, never read as a status.
  if (sym) t = t.slice(sym.symbol.length).trim();
  const word = legendWord(legend, t);
  if (word) return { status: word, from: 'legend' };
  const common = sym ? undefined : leadingSymbol(t);
  if (common) {
    // "❌ TODO": a word beside the symbol says what the writer meant; the symbol alone decides otherwise.
    const rest = t.slice(common.symbol.length).trim();
    const said = rest ? legendWord(legend, rest) ?? statusFromWord(rest) : undefined;
    return { status: said ?? common.status, from: 'common' };
  }
  const plain = statusFromWord(t);
  if (plain) return { status: plain, from: 'common' };
  const afterSymbol = /^(\S+)\s+(.+)$/u.exec(t);
  if (afterSymbol && !/^[\p{L}\p{N}]/u.test(afterSymbol[1])) {
    const rest = legendWord(legend, afterSymbol[2]) ?? statusFromWord(afterSymbol[2]);
    if (rest) return { status: rest, from: 'common' };
  }
  return undefined;
}

/** The status written in a status cell or line; free text is searched too. Never fails. */
export function resolveStatus(legend: Legend, text: string, line: number, log: NoticeLog): ResolvedStatus {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t === '') return { status: 'pending', from: 'none' };
  const known = knownStatus(legend, t);
  if (known) return known;
  const free = statusInText(t.replace(/^\S+\s+/u, (m) => (/^[\p{L}\p{N}]/u.test(m) ? m : '')));
  if (free) return { status: free, from: 'common' };
  const shown = t.length > 24 ? `${t.slice(0, 24)}…` : t;
  const hint = legend.entries.some((e) => e.status) ? 'is not in the document\'s legend and is no status word' : 'is no status word and the document has no legend';
  log.warn(line, `status "${shown}" ${hint}: read as ${STATUS_LABEL.pending}`);
  return { status: 'pending', from: 'unknown' };
}
