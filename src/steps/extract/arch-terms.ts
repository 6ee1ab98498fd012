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

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

/** Odoo's translatable(): inline markup, no t- attribute, inline all the way down. */
const translatable = (n: Node): boolean =>
  INLINE.has(n.name) && !Object.keys(n.attrs).some((k) => k.startsWith('t-')) && n.children.every((c) => typeof c === 'string' || translatable(c));

/** Position in the arch -> term; undefined when the arch is not well-formed. */
export function archTerms(arch: string): Map<string, string> | undefined {
  const root = parse(arch);
  if (!root) return undefined;
  const out = new Map<string, string>();
  const visit = (n: Node, path: string): void => {
    if (SKIPPED.has(n.name) || (n.attrs['t-translation'] ?? '').trim() === 'off') return;
    if (n.name === 'attribute' && !ATTRS.has(n.attrs.name ?? '')) return;
    // Consecutive text and inline markup form one term in Odoo; only plain texts are taken here.
    let group: { text: string; markup: boolean } = { text: '', markup: false };
    let groups = 0;
    const flush = () => {
      if (nonspace(group.text) && !group.markup) out.set(`${path}#${groups}`, escapeText(group.text.trim()));
      if (nonspace(group.text) || group.markup) groups++;
      group = { text: '', markup: false };
    };
    n.children.forEach((c, i) => {
      if (typeof c === 'string') group.text += c;
      else if (translatable(c)) group.markup = true;
      else {
        flush();
        visit(c, `${path}/${i}`);
      }
    });
    flush();
    for (const [k, v] of Object.entries(n.attrs)) if (ATTRS.has(k) && nonspace(v)) out.set(`${path}@${k}`, v.trim());
  };
  visit(root, '0');
  return out;
}

function parse(arch: string): Node | undefined {
  const parser = new SaxesParser();
  const top: Node = { name: '#root', attrs: {}, children: [] };
  const stack: Node[] = [top];
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    if (stack.length > 1) stack[stack.length - 1].children.push(t);
  });
  parser.on('cdata', (t) => {
    if (stack.length > 1) stack[stack.length - 1].children.push(t);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(arch).close();
  } catch {
    failed = true;
  }
  const root = top.children.find((c): c is Node => typeof c !== 'string');
  return failed ? undefined : root;
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
