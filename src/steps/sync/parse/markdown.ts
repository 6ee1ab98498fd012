/**
 * The plan as an mdast tree (CommonMark + GFM tables and task items + YAML front matter), with
 * the front matter's title. A code fence that is never closed would swallow the rest of the file
 * (CommonMark runs it to the end of the document): it is ended at the next heading instead, with
 * a warning, so the tasks after it are not lost.
 */
import type { Code, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';
import type { PlanNotice } from './types.js';

export interface ParsedMarkdown {
  root: Root;
  /** title: from the YAML front matter, if it has one. */
  frontTitle?: string;
  notices: PlanNotice[];
}

const parse = (text: string): Root =>
  fromMarkdown(text, {
    extensions: [gfm(), frontmatter()],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown()],
  });

export function parseMarkdown(text: string): ParsedMarkdown {
  const root = parse(text);
  const notices: PlanNotice[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  for (let guard = 0; guard < 1000; guard++) {
    const open = unclosedFence(root, text);
    if (!open) break;
    const startLine = open.code.position?.start.line ?? 1;
    const next = nextHeadingLine(text, lineStarts, startLine);
    if (next === undefined) {
      notices.push({ line: startLine, level: 'warning', message: 'code fence is never closed: the rest of the file is read as code' });
      break;
    }
    notices.push({ line: startLine, level: 'warning', message: `code fence is never closed: ended before the next heading (line ${next})` });
    const cut = lineStarts[next - 1];
    const tail = parse(text.slice(cut));
    shift(tail, next - 1, cut);
    const end = { line: next - 1, column: cut - lineStarts[next - 2], offset: cut - 1 };
    for (const n of open.path) if (n.position) n.position.end = { ...end };
    open.code.value = open.code.value.split('\n').slice(0, Math.max(0, next - 1 - startLine)).join('\n');
    root.children.splice(open.rootIndex + 1, root.children.length, ...tail.children);
  }
  return { root, frontTitle: titleOf(root, notices), notices };
}

function titleOf(root: Root, notices: PlanNotice[]): string | undefined {
  const fm = root.children.find((n) => n.type === 'yaml');
  if (!fm || fm.type !== 'yaml') return undefined;
  try {
    const data: unknown = parseYaml(fm.value);
    const title = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).title : undefined;
    return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
  } catch {
    notices.push({ line: fm.position?.start.line ?? 1, level: 'warning', message: 'front matter is not valid YAML: its title is not used' });
    return undefined;
  }
}

interface OpenFence {
  code: Code;
  /** The nodes from the root's child down to the code block. */
  path: Nodes[];
  rootIndex: number;
}

/** A fenced code block whose closing fence is missing (it then runs to the end of the file). */
function unclosedFence(root: Root, text: string): OpenFence | undefined {
  const eof = text.replace(/\s+$/, '').length;
  const visit = (n: Nodes, path: Nodes[]): Code | undefined => {
    if (n.type === 'code') {
      const p = n.position;
      if (!p || p.start.offset === undefined || p.end.offset === undefined || p.end.offset < eof) return undefined;
      const lines = text.slice(p.start.offset, p.end.offset).split('\n');
      const opening = /^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*)*(`{3,}|~{3,})/.exec(lines[0]);
      if (!opening) return undefined;
      const fence = opening[1];
      const closing = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      return lines.length > 1 && closing.test(lines[lines.length - 1]) ? undefined : n;
    }
    if (!('children' in n)) return undefined;
    for (const c of n.children as Nodes[]) {
      path.push(c);
      const hit = visit(c, path);
      if (hit) return hit;
      path.pop();
    }
    return undefined;
  };
  for (let i = 0; i < root.children.length; i++) {
    const path: Nodes[] = [root.children[i]];
    const code = visit(root.children[i] as RootContent, path);
    if (code) return { code, path, rootIndex: i };
  }
  return undefined;
}

function nextHeadingLine(text: string, lineStarts: readonly number[], after: number): number | undefined {
  for (let l = after + 1; l <= lineStarts.length; l++) {
    const start = lineStarts[l - 1];
    const end = l < lineStarts.length ? lineStarts[l] - 1 : text.length;
    if (/^ {0,3}#{1,6}(\s|$)/.test(text.slice(start, end))) return l;
  }
  return undefined;
}

/** Moves a tree parsed from a tail of the file to where that tail starts. */
function shift(n: Nodes, lines: number, offset: number): void {
  const p = n.position;
  if (p) {
    p.start = { ...p.start, line: p.start.line + lines, offset: (p.start.offset ?? 0) + offset };
    p.end = { ...p.end, line: p.end.line + lines, offset: (p.end.offset ?? 0) + offset };
  }
  if ('children' in n) for (const c of n.children as Nodes[]) shift(c, lines, offset);
}
