/**
 * One item's or heading's text -> id, name, status marker, owner and estimate:
 *   "✅ T01 — Scaffold package files @ana (3h)"      "### 7.6 (architect-security) - PENDING"
 *   "**Define types** - Completed 2025-12-21"        "TODO-001 — Make the test command run — DONE"
 *   "Task description 🚧"                            "Legal review — owner: Marc Demo"
 * Regexes here look at one line of one item or heading, never at the document.
 */
import { parseHours } from './hours.js';
import { leadingId } from './ids.js';
import { legendSymbol, legendSymbols, legendTrailingSymbol, legendWord, type Legend } from './legend.js';
import { cleanName } from './names.js';
import { ownerOf } from './owner.js';
import { knownStatus, type ResolvedStatus } from './status.js';
import { leadingSymbol, trailingSymbol } from './status-symbols.js';
import { exactStatusWord } from './status-words.js';

export interface ItemText {
  id?: string;
  title: string;
  /** A status written in the text itself (a leading or trailing symbol, a "- DONE" suffix). */
  status?: ResolvedStatus;
  owner?: string;
  estimate?: number;
}

/**
 * "(3h)", "[2 d]", "(est. 4 hours)", "(est: 5)": an estimate in a title. A number without a unit
 * counts only after an "est" label: "(2025)", "Port to Odoo [17]" and "(1-12)" are no hours.
 */
const ESTIMATE = /\s*[([]\s*(est(?:imated?|\.)?\s*(?:time)?\s*[:=]?\s*)?(~?\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*[\p{L}]*\.?)\s*[)\]]/iu;
const OWNER_FIELD = /\s*(?:[—–-]\s*|\(|,\s*)owner\s*[:=]\s*([^)]+?)\)?\s*$/i;
const MENTIONS = /(?:\s+@[\p{L}\p{N}_.-]+)+\s*$/u;
const SUFFIX_SEP = /\s+[-–—|]\s+|\s*\[|\s*\(/g;

function leadingMarker(t: string, legend: Legend): { status?: ResolvedStatus; rest: string } | undefined {
  const sym = legendSymbol(legend, t);
  if (sym) return { status: sym.status ? { status: sym.status, from: 'legend' } : undefined, rest: t.slice(sym.symbol.length).trim() };
  const common = leadingSymbol(t);
  if (common && !common.symbol.startsWith('[')) return { status: { status: common.status, from: 'common' }, rest: t.slice(common.symbol.length).trim() };
  return undefined;
}

function trailingMarker(t: string, legend: Legend): { status?: ResolvedStatus; rest: string } | undefined {
  const sym = legendTrailingSymbol(legend, t);
  if (sym) return { status: sym.status ? { status: sym.status, from: 'legend' } : undefined, rest: t.slice(0, -sym.symbol.length).trim() };
  const common = trailingSymbol(t);
  if (common) return { status: { status: common.status, from: 'common' }, rest: t.slice(0, -common.symbol.length).trim() };
  return undefined;
}

/** "... - COMPLETED", "... [COMPLETE]", "... (done)", "... — DONE", "... ✅ FIXED": the last such suffix. */
function statusSuffix(t: string, legend: Legend): { status: ResolvedStatus; rest: string } | undefined {
  const cuts = [...t.matchAll(SUFFIX_SEP)].map((m) => m.index ?? 0).filter((i) => i > 0);
  for (const i of cuts.reverse()) {
    const suffix = t.slice(i).replace(/^\s*[-–—|:[(]\s*/, '').replace(/[\])]\s*$/, '').trim();
    if (suffix === '' || suffix.length > 32) continue;
    // Only a status and maybe its date ("Completed 2025-12-21"), never a sentence that starts with one.
    const bare = suffix.replace(/\s+(on\s+)?\d{4}-\d{2}-\d{2}.*$/i, '');
    const word = /^[\p{L}\p{N}]/u.test(bare) ? bare : bare.replace(/^\S+\s*/u, '');
    const s = knownStatus(legend, bare);
    return s && (word === '' || exactStatusWord(word) || legendWord(legend, word)) ? { status: s, rest: t.slice(0, i).trim() } : undefined;
  }
  return undefined;
}

/** The status symbol an item starts or ends with ("✅ Ship it", "Claim me 🚧"), if any. */
export function statusMark(text: string, legend: Legend): ResolvedStatus | undefined {
  const t = text.split('\n')[0].replace(/\s+/g, ' ').trim();
  return leadingMarker(t, legend)?.status ?? trailingMarker(t, legend)?.status;
}

export function parseItemText(text: string, legend: Legend, opts: { plainNumber?: boolean } = {}): ItemText {
  let t = text.split('\n')[0].replace(/\s+/g, ' ').trim();
  let status: ResolvedStatus | undefined;
  const lead = leadingMarker(t, legend);
  if (lead) [status, t] = [lead.status, lead.rest];
  const idm = leadingId(t, opts.plainNumber);
  const id = idm?.id;
  if (idm) t = idm.rest.replace(/^[—–:-]\s*/, '');
  let estimate: number | undefined;
  const est = ESTIMATE.exec(t);
  const hours = est && (est[1] || /\p{L}/u.test(est[2])) ? parseHours(est[2]) : undefined;
  if (est && hours !== undefined && !Number.isNaN(hours)) {
    estimate = hours;
    t = (t.slice(0, est.index) + t.slice(est.index + est[0].length)).trim();
  }
  let owner: string | undefined;
  const ow = OWNER_FIELD.exec(t);
  if (ow) [owner, t] = [ownerOf(ow[1]), t.slice(0, ow.index).trim()];
  const at = MENTIONS.exec(t);
  if (at && !owner) [owner, t] = [ownerOf(at[0].trim().split(/\s+/)[0]), t.slice(0, at.index).trim()];
  const trail = trailingMarker(t, legend);
  if (trail) [status, t] = [status ?? trail.status, trail.rest];
  const suffix = statusSuffix(t, legend);
  if (suffix) [status, t] = [status ?? suffix.status, suffix.rest];
  return { id, title: cleanName(t, legendSymbols(legend)), status, owner, estimate };
}
