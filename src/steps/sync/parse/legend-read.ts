/**
 * Finds the document's legend, wherever it stands (top, end, under any heading level), in the
 * shapes people write it:
 *   - a list under a "Legend" / "Status key" heading: "- ✅ Complete", "- [x] COMPLETED - Finished",
 *     "- 🟡 CREATED — Defined but not started", "- `[~]` in progress";
 *   - a table: "| ⬜ | Not started |", "| Symbol | Status | Meaning |", or symbols across the header;
 *   - one line: "Status legend: `[ ]` pending • `[~]` in-progress • `[x]` done";
 *   - in a heading's parentheses: "### Models (✓ = Done, ⏳ = Ready)";
 *   - a list of "<symbol> <status word>" items with no heading.
 */
import type { List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import { leadingSymbol } from './status-symbols.js';
import { statusFromWord, statusInText } from './status-words.js';
import { makeLegend, type Legend, type LegendEntry } from './legend.js';
import { lineOf, nodeText, rawOf } from './text.js';
import { STATUS_LABEL, type PlanNotice } from './types.js';

/**
 * A heading that is a legend ("Legend", "Status legend", "📋 Key:", "Status codes"), not one that
 * only names the word: "Feature 7: Markers, Legends, Tooltips" is work, and its table tasks.
 */
export const LEGEND_HEADING =
  /^\W*(?:(?:task\s+)?status(?:es)?\s+|emoji\s+|symbols?\s+|icons?\s+)?(?:legend|key)s?\W*(?:[:(（].*)?$|^\W*indicators?\W*$|^\W*statuses\W*$|status (codes|markers|indicators|symbols|meanings)|task markers|凡例|图例|圖例|범례|légende|leyenda|legende/i;
const INLINE = /^\s*(?:status(?:es)?\s+)?(?:legend|key)\s*[:：]\s*/i;
const PRIORITY = /priorit|severity|urgency|size|effort|category|type|area/i;

export interface LegendRead {
  legend: Legend;
  /** Blocks that are the legend: never read as tasks. */
  nodes: Set<RootContent>;
  notices: PlanNotice[];
}

/** "🟡 CREATED — Defined but not started" -> symbol, word and status. */
export function legendEntry(text: string, line: number, checkbox?: string): LegendEntry | undefined {
  let t = text.replace(/\s+/g, ' ').trim();
  let symbol = checkbox ?? '';
  if (!checkbox) {
    const m = /^(\[.\]|\S+)\s*/u.exec(t);
    if (!m) return undefined;
    if (!/^[\p{L}\p{N}_-]+$/u.test(m[1])) {
      symbol = m[1].replace(/[:=]+$/, '');
      t = t.slice(m[0].length).replace(/^[-–—:=]\s*/, '');
    }
  }
  const parts = /^(.+?)(?:\s+[-–—=]\s+|\s*[:：]\s+|\s*\()(.*)$/u.exec(t);
  const word = (parts ? parts[1] : t).trim();
  const description = parts ? parts[2] : '';
  if (word === '' && symbol === '') return undefined;
  const status = statusFromWord(word) ?? (description ? statusInText(description) : undefined);
  return { symbol, word, status, line };
}

function checkboxOf(item: ListItem): string | undefined {
  if (item.checked === null || item.checked === undefined) return undefined;
  const m = /^\s*(?:[-*+]|\d+[.)])\s+(\[.\])/.exec(rawOf(item).slice(0, 16));
  return m ? m[1] : item.checked ? '[x]' : '[ ]';
}

function fromList(list: List, priority: boolean): LegendEntry[] {
  return list.children.flatMap((item) => {
    const para = item.children.find((c): c is Paragraph => c.type === 'paragraph');
    const e = para ? legendEntry(nodeText(para), lineOf(item), checkboxOf(item)) : undefined;
    // A status legend's word we cannot map teaches nothing: the symbol keeps its common meaning.
    return e && (priority || e.status) ? [priority ? { ...e, status: undefined } : e] : [];
  });
}

function fromTable(table: Table, priority: boolean): LegendEntry[] {
  const rows = table.children.map((r) => r.children.map((c) => nodeText(c).trim()));
  const isSymbol = (s: string) => s !== '' && !/^[\p{L}\p{N}_ -]+$/u.test(s.replace(/`/g, ''));
  const [head, ...body] = rows;
  const out: LegendEntry[] = [];
  if (head && head.filter(isSymbol).length >= 2 && body.length >= 1) {
    // Symbols across the header, their words in the row below.
    head.forEach((s, i) => {
      const e = legendEntry(`${s} ${body[0][i] ?? ''}`, lineOf(table));
      if (e && isSymbol(s)) out.push(e);
    });
  } else {
    const symCol = head ? head.findIndex((_, i) => body.length > 0 && body.every((r) => isSymbol(r[i] ?? ''))) : -1;
    // "| ⬜ | Not started |" as the header row is the first entry, not a header.
    const entryRows = symCol >= 0 && isSymbol(head[symCol]) ? rows : body;
    for (const r of entryRows) {
      if (symCol < 0) break;
      const k = rows.indexOf(r);
      const rest = r.filter((_, i) => i !== symCol && r[i] !== '');
      const e = legendEntry(`${r[symCol].replace(/`/g, '')} ${rest[0] ?? ''}${rest[1] ? ` — ${rest[1]}` : ''}`, lineOf(table.children[k]));
      if (e) out.push(e);
    }
  }
  return priority ? out.map((e) => ({ ...e, status: undefined })) : out.filter((e) => e.status);
}

/**
 * A legend in a heading's parentheses, for the list below it and the document: "### Models
 * (✓ = Done, ⏳ = Ready)" (a status report whose ⏳ means ready to start, not in progress).
 */
export const HEADING_LEGEND = /\(([^()]*[^\p{L}\p{N}\s(),]\s*=\s*\p{L}[^()]*)\)/u;

function fromHeading(text: string, line: number): LegendEntry[] {
  const m = HEADING_LEGEND.exec(text);
  if (!m) return [];
  return m[1].split(/\s*[,;•·|]\s*/).flatMap((piece) => {
    if (!/^[^\p{L}\p{N}\s]+\s*=/u.test(piece)) return [];
    const e = legendEntry(piece, line);
    return e && e.symbol !== '' && e.status ? [e] : [];
  });
}

function fromParagraph(p: Paragraph): LegendEntry[] {
  const text = nodeText(p).split('\n')[0];
  const m = INLINE.exec(text);
  if (!m) return [];
  return text
    .slice(m[0].length)
    .split(/\s*[•·|,;]\s*|\s{2,}/)
    .flatMap((piece) => {
      const e = legendEntry(piece, lineOf(p));
      return e && e.symbol !== '' && e.status ? [e] : [];
    });
}

export function readLegend(root: Root): LegendRead {
  const kids = root.children;
  const nodes = new Set<RootContent>();
  const entries: LegendEntry[] = [];
  const take = (n: RootContent, es: LegendEntry[]) => {
    if (es.length === 0) return;
    entries.push(...es);
    nodes.add(n);
  };
  for (let i = 0; i < kids.length; i++) {
    const h = kids[i];
    if (h.type === 'paragraph' || h.type === 'blockquote') {
      for (const p of h.type === 'paragraph' ? [h] : h.children.filter((c): c is Paragraph => c.type === 'paragraph')) take(h, fromParagraph(p));
    }
    if (h.type === 'heading') entries.push(...fromHeading(nodeText(h), lineOf(h)));
    if (h.type !== 'heading' || !LEGEND_HEADING.test(nodeText(h))) continue;
    let priority = PRIORITY.test(nodeText(h)) && !/status|state/i.test(nodeText(h));
    for (let j = i + 1; j < kids.length; j++) {
      const n = kids[j];
      if (n.type === 'heading') {
        if (n.depth <= h.depth) break;
        priority = PRIORITY.test(nodeText(n)) && !/status|state/i.test(nodeText(n));
        continue;
      }
      if (n.type === 'list') take(n, fromList(n, priority));
      else if (n.type === 'table') take(n, fromTable(n, priority));
      else if (n.type === 'paragraph') take(n, fromParagraph(n));
    }
  }
  if (entries.length === 0) {
    // No legend heading: the first list whose every item is "<symbol> <status word>".
    for (const n of kids) {
      if (n.type !== 'list' || n.children.length < 2 || n.children.some((c) => c.checked !== null && c.checked !== undefined)) continue;
      const es = fromList(n, false);
      const exact = es.every((e) => e.symbol !== '' && e.status !== undefined && statusFromWord(e.word) !== undefined && e.word.split(' ').length <= 3);
      if (es.length === n.children.length && exact) {
        take(n, es);
        break;
      }
    }
  }
  const { kept, notices } = resolveConflicts(entries);
  return { legend: makeLegend(kept), nodes, notices };
}

/** One symbol, several statuses ("[x] IN_PROGRESS", "[x] COMPLETED"): its common meaning wins. */
function resolveConflicts(entries: readonly LegendEntry[]): { kept: LegendEntry[]; notices: PlanNotice[] } {
  const bySymbol = new Map<string, LegendEntry[]>();
  for (const e of entries) if (e.symbol !== '') bySymbol.set(e.symbol, [...(bySymbol.get(e.symbol) ?? []), e]);
  const notices: PlanNotice[] = [];
  const drop = new Set<LegendEntry>();
  for (const [symbol, es] of bySymbol) {
    const statuses = [...new Set(es.filter((e) => e.status).map((e) => e.status))];
    if (statuses.length <= 1) {
      es.filter((e) => e.status === undefined && statuses.length === 1).forEach((e) => drop.add(e));
      continue;
    }
    const common = leadingSymbol(symbol)?.status;
    const winner = es.find((e) => e.status === common) ?? es.find((e) => e.status) ?? es[0];
    es.filter((e) => e !== winner).forEach((e) => drop.add(e));
    notices.push({
      line: es[0].line,
      level: 'warning',
      message: `the legend gives ${symbol} more than one meaning (${es.map((e) => e.word).join(', ')}): read as ${STATUS_LABEL[winner.status ?? 'pending']}`,
    });
  }
  return { kept: entries.filter((e) => !drop.has(e)), notices };
}

