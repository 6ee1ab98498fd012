/** Small helpers over mdast nodes and the source they came from. */
import type { Nodes } from 'mdast';
import { slug } from '../../../core/slug.js';

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

/** "GAP 1: Branch promotion" -> "gap_1_branch_promotion": a part of an external id, never empty. */
export const idPart = (text: string, max = 48): string => slug(text, { max }) || 'x';
