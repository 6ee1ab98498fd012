/**
 * The document's own status legend: "- <symbol> <word>" list items under a heading that says
 * "Legend" (or "Status"). The symbols are learned, never hard-coded, so a plan whose emoji were
 * mangled by a wrong encoding still reads right.
 */
import type { Heading, List, Root, RootContent } from 'mdast';
import { nodeText as toString } from './text.js';
import { statusFromWord } from './status-words.js';
import type { TaskStatus } from './types.js';

export interface Legend {
  /** Longest symbol first, so one symbol that starts another never wins wrongly. */
  readonly entries: readonly { symbol: string; status: TaskStatus; word: string }[];
  /** Index of the legend list in root.children (the parser skips it). */
  readonly nodeIndex?: number;
  readonly line?: number;
}

export const EMPTY_LEGEND: Legend = { entries: [] };

export function readLegend(root: Root): Legend {
  const kids = root.children;
  for (let i = 0; i < kids.length; i++) {
    const h = kids[i];
    if (h.type !== 'heading' || !/legend|status key|statuses/i.test(toString(h))) continue;
    const list = nextList(kids, i);
    if (!list) continue;
    const entries = legendEntries(list.node);
    if (entries.length > 0) {
      return { entries, nodeIndex: list.index, line: list.node.position?.start.line };
    }
  }
  // A legend may also come without a heading: the first list whose every item is "<symbol> <word>".
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i];
    if (n.type !== 'list') continue;
    const entries = legendEntries(n);
    if (entries.length >= 2 && entries.length === n.children.length && entries.every((e) => e.symbol !== '')) {
      return { entries, nodeIndex: i, line: n.position?.start.line };
    }
  }
  return EMPTY_LEGEND;
}

function nextList(kids: RootContent[], headingIndex: number): { node: List; index: number } | undefined {
  const depth = (kids[headingIndex] as Heading).depth;
  for (let j = headingIndex + 1; j < kids.length; j++) {
    const n = kids[j];
    if (n.type === 'heading' && n.depth <= depth) return undefined;
    if (n.type === 'list') return { node: n, index: j };
  }
  return undefined;
}

function legendEntries(list: List): { symbol: string; status: TaskStatus; word: string }[] {
  const out: { symbol: string; status: TaskStatus; word: string }[] = [];
  for (const item of list.children) {
    const text = toString(item).trim();
    // The symbol is the first token; mangled emoji are letters too ("âœ…"), so what makes it a
    // symbol is its place before a status word, not its characters.
    const m = /^(\S{1,12})\s*[-–:=]?\s+(.+)$/u.exec(text);
    if (!m) continue;
    const [, symbol, word] = m;
    const status = statusFromWord(word);
    if (status === undefined || /^[A-Za-z0-9]+$/.test(symbol)) continue;
    out.push({ symbol, status, word: word.trim() });
  }
  return out.sort((a, b) => b.symbol.length - a.symbol.length);
}

/** The legend entry whose symbol starts the text. */
export function legendMatch(legend: Legend, text: string): { status: TaskStatus; symbol: string } | undefined {
  const t = text.trim();
  for (const e of legend.entries) if (t.startsWith(e.symbol)) return { status: e.status, symbol: e.symbol };
  return undefined;
}
