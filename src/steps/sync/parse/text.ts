/** Small helpers over mdast nodes and the source they came from. */
import type { Nodes } from 'mdast';

/** The plain text of a node (code spans keep their content, markup is dropped). */
export function nodeText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(nodeText).join('');
  return '';
}

/** A block's Markdown as written (a nested block without its container's indentation). */
export function rawOf(node: Nodes): string {
  return node.data?.raw ?? nodeText(node);
}

export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

/** "GAP 1: Branch promotion" -> "gap_1_branch_promotion" (ASCII, for external ids). */
export function slug(text: string, max = 48): string {
  // Accents go ("é" -> "e"); ASCII text needs no normalizing.
  const s = (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return s.slice(0, max).replace(/_+$/, '') || 'x';
}
