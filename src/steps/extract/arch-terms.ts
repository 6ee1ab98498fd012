/**
 * The translatable terms of a view arch, the way Odoo cuts them (odoo/tools/translate.py
 * translate_xml_node, read in 17.0): the values of label attributes (string, help, placeholder...)
 * and the text of elements. A text mixed with inline markup (<b>, <span>...) is one term in Odoo,
 * markup included; such texts are left out here rather than cut differently, since a term Odoo does
 * not find in the installed arch would be dropped silently on import.
 */
import { SaxesParser } from 'saxes';

/** Odoo's TRANSLATED_ATTRS without the conditional ones (value, text). */
const ATTRS = new Set([
  'string', 'add-label', 'help', 'sum', 'avg', 'confirm', 'placeholder', 'alt', 'title', 'aria-label', 'aria-keyshortcuts',
  'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'value_label', 'data-tooltip', 'data-editor-message', 'label',
]);
/** Odoo's TRANSLATED_ELEMENTS: inline markup that makes a text and its markup one term. */
const INLINE = new Set([
  'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'keygen', 'mark', 'math',
  'meter', 'output', 'progress', 'q', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'text',
  'select', 'option',
]);
const SKIPPED = new Set(['script', 'style', 'title']);
const nonspace = (s: string): boolean => !/^[\s\uFEFF]*$/.test(s);
/** Odoo serializes a text term: &, < and > come escaped. */
const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Position in the arch -> term; undefined when the arch is not well-formed. */
export function archTerms(arch: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const parser = new SaxesParser();
  let failed = false;
  const stack: { path: string; children: number; texts: number; skip: boolean; mixed: boolean; pending: [string, string][] }[] = [];
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const path = parent ? `${parent.path}/${parent.children++}` : '0';
    if (parent && INLINE.has(tag.name)) parent.mixed = true;
    const attrs = tag.attributes as Record<string, string>;
    // Inline markup belongs to its parent's term (markup included), which is left out: so is it.
    const skip = (parent?.skip ?? false) || SKIPPED.has(tag.name) || INLINE.has(tag.name) || (attrs['t-translation'] ?? '').trim() === 'off';
    const attributeTag = tag.name === 'attribute';
    stack.push({ path, children: 0, texts: 0, skip: skip || (attributeTag && !ATTRS.has(attrs.name ?? '')), mixed: false, pending: [] });
    if (skip) return;
    for (const [k, v] of Object.entries(attrs)) if (ATTRS.has(k) && nonspace(v)) out.set(`${path}@${k}`, v.trim());
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (!top || top.skip || !nonspace(t)) return;
    top.pending.push([`${top.path}#${top.texts++}`, escapeText(t.trim())]);
  });
  parser.on('closetag', () => {
    const top = stack.pop();
    // Texts beside inline markup are cut with the markup by Odoo: not taken here.
    if (top && !top.mixed) for (const [k, v] of top.pending) out.set(k, v);
  });
  try {
    parser.write(arch).close();
  } catch {
    failed = true;
  }
  return failed ? undefined : out;
}

/** The terms of an arch and of its translation, paired by position: the ones that differ. */
export function termPairs(source: string, translated: string): { source: string; value: string }[] {
  const en = archTerms(source);
  const tr = archTerms(translated);
  if (!en || !tr) return [];
  const out: { source: string; value: string }[] = [];
  for (const [pos, term] of en) {
    const value = tr.get(pos);
    if (value !== undefined && value !== term && !out.some((p) => p.source === term)) out.push({ source: term, value });
  }
  return out;
}
