/**
 * The document's own status legend: which symbol and which word mean which status. Learned from
 * the document (see legend-read.ts), never hard-coded, so a plan whose emoji were mangled by a
 * wrong encoding, or whose "[-]" means "in progress", still reads right.
 */
import { normalizeWord, statusFromWord } from './status-words.js';
import type { TaskStatus } from './types.js';

export interface LegendEntry {
  /** "✅", "[~]", "âœ…"; '' for a legend of words only ("- `completed`"). */
  readonly symbol: string;
  /** "Complete", "IN_PROGRESS". */
  readonly word: string;
  /** undefined: the legend gives the symbol another meaning (a priority): it is no status. */
  readonly status?: TaskStatus;
  readonly line: number;
}

export interface Legend {
  /** Longest symbol first, so a symbol that starts another never wins wrongly. */
  readonly entries: readonly LegendEntry[];
}

export const EMPTY_LEGEND: Legend = { entries: [] };

export function makeLegend(entries: readonly LegendEntry[]): Legend {
  return { entries: [...entries].sort((a, b) => b.symbol.length - a.symbol.length) };
}

/** The legend entry whose symbol starts the text (status undefined: a symbol that is no status). */
export function legendSymbol(legend: Legend, text: string): LegendEntry | undefined {
  const t = text.trim();
  for (const e of legend.entries) if (e.symbol !== '' && t.startsWith(e.symbol)) return e;
  return undefined;
}

/** The legend entry whose symbol ends the text ("Claim it: Task description 🚧"). */
export function legendTrailingSymbol(legend: Legend, text: string): LegendEntry | undefined {
  const t = text.trim();
  for (const e of legend.entries) if (e.symbol !== '' && !e.symbol.startsWith('[') && t.endsWith(e.symbol)) return e;
  return undefined;
}

/** A word the legend defines ("CREATED", "in-progress"), at the start of the text. */
export function legendWord(legend: Legend, text: string): TaskStatus | undefined {
  const t = normalizeWord(text).replace(/-/g, ' ');
  for (const e of legend.entries) {
    if (e.status === undefined || e.word === '') continue;
    const w = normalizeWord(e.word).replace(/-/g, ' ');
    if (t === w || (t.startsWith(w) && !/[\p{L}\p{N}]/u.test(t[w.length]))) return e.status;
  }
  return undefined;
}

/** Symbols the legend defines, for stripping them from names. */
export function legendSymbols(legend: Legend): string[] {
  return legend.entries.map((e) => e.symbol).filter((s) => s !== '');
}

/** Statuses of a word as the legend's author meant it: their own word first, then common words. */
export function wordStatus(legend: Legend, text: string): TaskStatus | undefined {
  return legendWord(legend, text) ?? statusFromWord(text);
}
