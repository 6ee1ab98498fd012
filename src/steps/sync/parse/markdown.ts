/**
 * The plan as an mdast tree (CommonMark + GFM tables and task items), its YAML front matter's
 * title, and each block's own Markdown (`data.raw`, de-indented as in its container).
 *
 * Read with marked's lexer, not micromark: micromark's GFM table tokenizer took ~9 s for 2,000
 * table rows here (a 20,000-task plan must parse in under a second); marked lexes them ~10x
 * faster. Its tokens are turned into mdast nodes so the parser keeps one tree model.
 *
 * A code fence that is never closed would swallow the rest of the file (CommonMark runs it to the
 * end of the document): it is ended at the next heading instead, with a warning.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { PlanNotice } from './types.js';

declare module 'mdast' {
  interface Data {
    /** The node's Markdown, as written (nested blocks without their container's indentation). */
    raw?: string;
  }
}

export interface ParsedMarkdown {
  root: Root;
  /** title: from the YAML front matter, if it has one. */
  frontTitle?: string;
  notices: PlanNotice[];
}

function lines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
const at = (line: number, raw: string) => ({ start: { line, column: 1 }, end: { line: line + lines(raw), column: 1 } });

/** Inline tokens -> their plain text (code spans keep their content, markup and HTML go). */
function plain(tokens: readonly Token[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'escape':
          return t.raw.slice(1);
        case 'codespan':
          return (t as Tokens.Codespan).text;
        case 'html':
          return '';
        case 'br':
          return '\n';
        case 'text':
          return 'tokens' in t && t.tokens ? plain(t.tokens, t.raw) : t.raw;
        default:
          return 'tokens' in t && t.tokens ? plain(t.tokens, '') : 'text' in t ? String(t.text) : '';
      }
    })
    .join('');
}

/**
 * Inline Markdown -> plain text. Block tokens only are lexed up front (cells and paragraphs of a
 * 20,000-row plan repeat "✅" or "Marc Demo" thousands of times); inline lexing runs per distinct
 * text, and not at all for text without a markup character.
 */
class Inline {
  private readonly lexer = new Lexer({ gfm: true });
  private readonly memo = new Map<string, string>();
  text(markdown: string): string {
    // A bare URL's plain text is the URL itself: only markup characters need the lexer.
    if (!/[*_`[\]<>\\~!&]/.test(markdown)) return markdown;
    // One code span, the usual evidence cell: its content, without the lexer.
    const code = CODE_SPAN.exec(markdown);
    if (code) return code[1];
    let t = this.memo.get(markdown);
    if (t === undefined) {
      t = plain(this.lexer.inlineTokens(markdown), markdown);
      this.memo.set(markdown, t);
    }
    return t;
  }
}

/** `` `text` ``: one code span whose content has no backtick and no padding to strip. */
const CODE_SPAN = /^`([^`\s](?:[^`\n]*[^`\s])?)`$/;

let inline = new Inline();
const phrasing = (_tokens: readonly Token[] | undefined, markdown: string) => [{ type: 'text' as const, value: inline.text(markdown) }];

function blocks(tokens: readonly Token[], first: number): RootContent[] {
  const out: RootContent[] = [];
  let line = first;
  for (const t of tokens) {
    const node = block(t, line);
    if (node) out.push(node);
    line += lines(t.raw);
  }
  return out;
}

function block(t: Token, line: number): RootContent | undefined {
  const base = { position: at(line, t.raw), data: { raw: t.raw.replace(/\n+$/, '') } };
  switch (t.type) {
    case 'heading':
      return { type: 'heading', depth: t.depth as 1 | 2 | 3 | 4 | 5 | 6, children: phrasing(t.tokens, t.text), ...base };
    case 'paragraph':
    case 'text':
      return { type: 'paragraph', children: phrasing(t.tokens, (t as Tokens.Text).text ?? t.raw), ...base };
    case 'code':
      return { type: 'code', lang: (t as Tokens.Code).lang || null, value: (t as Tokens.Code).text, ...base };
    case 'blockquote':
      return { type: 'blockquote', children: blocks((t as Tokens.Blockquote).tokens, line) as never, ...base };
    case 'list':
      return list(t as Tokens.List, line, base);
    case 'table':
      return table(t as Tokens.Table, line, base);
    case 'hr':
      return { type: 'thematicBreak', ...base };
    case 'html':
      return { type: 'html', value: t.raw, ...base };
    default:
      return undefined;
  }
}

function list(t: Tokens.List, first: number, base: Pick<Nodes, 'position' | 'data'>): RootContent {
  let line = first;
  const children = t.items.map((item) => {
    // A loose task item keeps its "[x] " in its first paragraph until inline lexing (not run here).
    const kids = item.tokens
      .filter((k) => k.type !== 'checkbox')
      .map((k, i) => (i === 0 && item.task && 'text' in k && /^\[[ xX]\]\s+/.test(k.text) ? { ...k, text: k.text.replace(/^\[[ xX]\]\s+/, '') } : k));
    const node = {
      type: 'listItem' as const,
      checked: item.task ? !!item.checked : null,
      spread: item.loose,
      children: blocks(kids, line) as never,
      position: at(line, item.raw),
      data: { raw: item.raw.replace(/\n+$/, '') },
    };
    line += lines(item.raw);
    return node;
  });
  return { type: 'list', ordered: t.ordered, spread: t.loose, children, ...base };
}

function table(t: Tokens.Table, first: number, base: Pick<Nodes, 'position' | 'data'>): RootContent {
  const row = (cells: Tokens.TableCell[], line: number) => ({
    type: 'tableRow' as const,
    children: cells.map((c) => ({ type: 'tableCell' as const, children: phrasing(c.tokens, c.text), data: { raw: c.text } })),
    position: at(line, ''),
  });
  return { type: 'table', children: [row(t.header, first), ...t.rows.map((r, i) => row(r, first + 2 + i))], ...base };
}

/** Blanks the front matter (same lines, same offsets) and reads its title. */
function frontMatter(text: string, notices: PlanNotice[]): { body: string; title?: string } {
  const m = /^---\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { body: text };
  const body = m[0].replace(/[^\n]/g, ' ') + text.slice(m[0].length);
  try {
    const data: unknown = parseYaml(m[1]);
    const title = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).title : undefined;
    return { body, title: typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined };
  } catch {
    notices.push({ line: 1, level: 'warning', message: 'front matter is not valid YAML: its title is not used' });
    return { body };
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The line of a fence the tokens leave open at their end (it then runs to the end of the text). */
function openFence(tokens: readonly Token[], first: number): number | undefined {
  let line = first;
  const last = [...tokens].reverse().find((t) => t.type !== 'space');
  for (const t of tokens) {
    if (t === last) {
      if (t.type === 'code') {
        const ls = t.raw.replace(/\n+$/, '').split('\n');
        const open = FENCE.exec(ls[0]);
        const close = open && new RegExp(`^\\s*${open[1][0] === '`' ? '`' : '~'}{${open[1].length},}\\s*$`);
        if (open && close && (ls.length === 1 || !close.test(ls[ls.length - 1]))) return line;
      }
      if (t.type === 'list') {
        const items = (t as Tokens.List).items;
        const head = t.raw.slice(0, t.raw.length - items[items.length - 1].raw.length);
        return openFence(items[items.length - 1].tokens, line + lines(head));
      }
      if (t.type === 'blockquote') return openFence((t as Tokens.Blockquote).tokens, line);
    }
    line += lines(t.raw);
  }
  return undefined;
}

const lexBlocks = (text: string): Token[] => new Lexer({ gfm: true }).blockTokens(text, []);

export function parseMarkdown(text: string): ParsedMarkdown {
  inline = new Inline();
  const notices: PlanNotice[] = [];
  const { body, title } = frontMatter(text, notices);
  const all = body.split('\n');
  const children: RootContent[] = [];
  let from = 0;
  for (;;) {
    const part = all.slice(from).join('\n');
    const tokens = lexBlocks(part);
    const fence = openFence(tokens, from + 1);
    const next = fence === undefined ? -1 : all.findIndex((l, i) => i >= fence && /^ {0,3}#{1,6}(\s|$)/.test(l));
    if (fence === undefined || next < 0) {
      children.push(...blocks(tokens, from + 1));
      if (fence !== undefined) notices.push({ line: fence, level: 'warning', message: 'code fence is never closed: the rest of the file is read as code' });
      break;
    }
    notices.push({ line: fence, level: 'warning', message: `code fence is never closed: ended before the next heading (line ${next + 1})` });
    children.push(...blocks(lexBlocks(all.slice(from, next).join('\n')), from + 1));
    from = next;
  }
  return { root: { type: 'root', children }, frontTitle: title, notices };
}
