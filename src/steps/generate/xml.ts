/**
 * Safe XML generation. Text and attribute values are escaped; a view arch from the database is
 * parsed with saxes and re-emitted element by element, so nothing in it can close the enclosing
 * <field> or inject records. Arch that is not well-formed is refused (the caller reports it).
 */
import { SaxesParser } from 'saxes';

/** Characters XML 1.0 cannot carry at all; replaced so a label never breaks the file. */
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(s: string): string {
  // A literal CR would be normalized away by any XML parser; the reference keeps it.
  // Bidi controls as character references: the same text for Odoo, visible in the file (Trojan Source).
  return s
    .replace(INVALID, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export interface ArchOptions {
  /** 'tree' (<=17) or 'list' (18+): list views are renamed to the version's tag. */
  listTag: 'tree' | 'list';
  /** Drop attrs/states (not allowed on 17+). */
  dropAttrsStates: boolean;
  /** Renames identifiers in attribute values and text (naming = "clean"). */
  rename?: (s: string) => string;
  /** Indentation of the root element. */
  indent: string;
  /**
   * For an Odoo `<field type="xml">`: Odoo's loader reads `%(xmlid)s` / `%(xmlid)d` in it as
   * references and turns `%%` into `%` (odoo/tools/convert.py _process), so a `%` of the text
   * itself is written `%%`. Without it, a label "Import %(x)s" fails the install.
   */
  odooXmlField?: boolean;
}

export type ArchResult = { ok: true; xml: string; dropped: string[] } | { ok: false; reason: string };

/** Re-emits a view arch safely. Comments and processing instructions are left out. */
export function reemitArch(arch: string, opts: ArchOptions): ArchResult {
  const parser = new SaxesParser();
  let out = '';
  let error: string | undefined;
  let depth = 0;
  let pendingOpen = false;
  const dropped = new Set<string>();
  const renamed = opts.rename ?? ((s: string) => s);
  const rename = opts.odooXmlField ? (s: string) => renamed(s).replace(/%/g, '%%') : renamed;
  const keep = opts.odooXmlField ? (s: string) => s.replace(/%/g, '%%') : (s: string) => s;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentag', (tag) => {
    if (pendingOpen) out += '>';
    const name = tag.name === 'tree' || tag.name === 'list' ? opts.listTag : tag.name;
    out += `<${name}`;
    for (const [k, v] of Object.entries(tag.attributes)) {
      if (opts.dropAttrsStates && (k === 'attrs' || k === 'states')) {
        dropped.add(k);
        continue;
      }
      out += ` ${k}="${xmlAttr(rename(String(v)))}"`;
    }
    pendingOpen = true;
    depth++;
  });
  parser.on('text', (t) => {
    if (depth === 0) return;
    if (pendingOpen) {
      out += '>';
      pendingOpen = false;
    }
    out += xmlText(rename(t));
  });
  parser.on('cdata', (t) => {
    if (depth === 0) return;
    if (pendingOpen) {
      out += '>';
      pendingOpen = false;
    }
    out += xmlText(keep(t));
  });
  parser.on('closetag', (tag) => {
    depth--;
    const name = tag.name === 'tree' || tag.name === 'list' ? opts.listTag : tag.name;
    if (pendingOpen) {
      out += '/>';
      pendingOpen = false;
    } else out += `</${name}>`;
  });
  try {
    parser.write(arch).close();
  } catch (e) {
    error ??= e instanceof Error ? e.message : String(e);
  }
  if (error !== undefined) return { ok: false, reason: error.split('\n')[0] };
  if (out === '') return { ok: false, reason: 'empty arch' };
  const lines = out.split('\n').map((l, i) => (i === 0 ? opts.indent + l : l));
  return { ok: true, xml: lines.join('\n'), dropped: [...dropped].sort() };
}

/** An XML id local part (the part after "module."). */
export const isXmlIdName = (s: string): boolean => /^[A-Za-z0-9_]+$/.test(s) && s.length <= 128;
