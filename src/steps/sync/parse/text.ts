/** Small helpers over mdast nodes and the source they came from. */
import type { Nodes } from 'mdast';

/** The plain text of a node (code spans keep their content, markup is dropped). */
export function nodeText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(nodeText).join('');
  return '';
}

/** The Markdown source of a node's content (a table cell without its pipes), byte for byte. */
export function nodeSource(source: string, node: Nodes): string {
  if ('children' in node && node.children.length === 0) return '';
  if ('children' in node && node.children.length > 0) {
    const kids = node.children as Nodes[];
    const a = kids[0].position?.start.offset;
    const b = kids[kids.length - 1].position?.end.offset;
    if (a !== undefined && b !== undefined) return source.slice(a, b);
  }
  const p = node.position;
  if (p?.start.offset === undefined || p.end.offset === undefined) return nodeText(node);
  return source.slice(p.start.offset, p.end.offset);
}

export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

export function columnOf(node: Nodes): number {
  return node.position?.start.column ?? 1;
}

/** "GAP 1: Branch promotion" -> "gap_1_branch_promotion" (ASCII, for external ids). */
export function slug(text: string, max = 48): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return s.slice(0, max).replace(/_+$/, '') || 'x';
}
