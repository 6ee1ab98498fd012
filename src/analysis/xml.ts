/**
 * Odoo data files (views, actions, menus, reports, groups, rules, crons, mail templates) read
 * with saxes: line numbers for every record, no entity expansion. A DOCTYPE declaring entities
 * is reported and the file skipped.
 */
import { SaxesParser } from 'saxes';
import { clickableOption, evalRefs } from './eval-refs.js';
import type { PlacedField, SourceProblem, ViewButton, XmlData } from './types.js';
import { recordToData, type RecordField } from './xml-records.js';

export interface XmlAnalysis {
  data: XmlData;
  problem?: SourceProblem;
}

export function emptyXmlData(): XmlData {
  return {
    views: [], actions: [], menus: [], reports: [], templates: [], groups: [], rules: [], crons: [], mailTemplates: [], other: [],
    sequences: [], categories: [], automations: [],
  };
}

interface ArchInfo {
  root?: string;
  positioned: number;
  buttons: ViewButton[];
  fields: number;
  depth: number;
  placed: PlacedField[];
  /** Groups of the open elements that carry groups="...", with their depth. */
  groupStack: { depth: number; groups: string[] }[];
  /** A button without a string, open: its statinfo field or its text (`<a type="object">Invoices</a>`) names it. */
  /**
   * A button without string=, its text read as a caption. Of sibling elements that each carry an
   * `invisible` condition (the same label for other counts: "Similar Leads" / "Similar Lead"), the
   * first is read and the others skipped (`skipping`: the depth of the one being skipped).
   */
  openButton?: { depth: number; button: ViewButton; text: string; shown: Set<number>; skipping?: number; value?: number };
}

interface RecordFrame {
  id: string;
  model: string;
  line: number;
  fields: Map<string, RecordField>;
  field?: { name: string; line: number; ref?: string; eval?: string; search?: string; depth: number; text: string; arch?: ArchInfo };
}

class Stop extends Error {}

/** The numbers and signs of a stat button's value written in its arch ("0", "/", "12.5 %"). */
const STAT_NUMBER = /[\d.,:%/+\-–—]+/g;

const splitGroups = (s: string | undefined, q: (id: string) => string) =>
  (s ?? '').split(',').map((g) => g.trim().replace(/^!/, '')).filter(Boolean).map(q);

export function analyseXml(src: string, file: string, moduleName: string): XmlAnalysis {
  const data = emptyXmlData();
  const q = (id: string) => (id.includes('.') ? id : `${moduleName}.${id}`);
  const parser = new SaxesParser({ position: true });
  let depth = 0;
  let startLine = 1;
  let record: RecordFrame | undefined;
  const menuStack: { id: string; depth: number }[] = [];
  let openTemplate: { index: number; depth: number } | undefined;
  let problem: SourceProblem | undefined;

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      problem = {
        kind: 'xml-doctype',
        file,
        line: parser.line,
        message: 'the DOCTYPE declares entities; they are not expanded and the file was skipped',
      };
      throw new Stop();
    }
  });
  parser.on('opentagstart', () => {
    // The event fires after the character that ends the tag name: a newline there ("<menuitem"
    // alone on its line) has already moved the line on.
    startLine = src[parser.position - 1] === '\n' ? parser.line - 1 : parser.line;
  });
  parser.on('opentag', (tag) => {
    depth++;
    const a = tag.attributes as Record<string, string>;
    const line = startLine;
    const f = record?.field;
    if (record && f) {
      if (f.arch) archElement(f.arch, tag.name, a, depth, line, file, q);
      return;
    }
    if (record && tag.name === 'field' && a.name) {
      record.field = { name: a.name, line, ref: a.ref, eval: a.eval, ...(a.search ? { search: a.search } : {}), depth, text: '' };
      if (a.name === 'arch' && (a.type ?? 'xml') === 'xml') record.field.arch = { positioned: 0, buttons: [], fields: 0, depth, placed: [], groupStack: [] };
      return;
    }
    switch (tag.name) {
      case 'record':
        record = { id: q(a.id ?? `(line ${line})`), model: a.model ?? '', line, fields: new Map() };
        break;
      case 'menuitem': {
        const id = q(a.id ?? `(line ${line})`);
        const parent = a.parent ? q(a.parent) : menuStack.at(-1)?.id;
        data.menus.push({ id, name: a.name, parent, action: a.action ? q(a.action) : undefined, groups: splitGroups(a.groups, q), file, line });
        if (!tag.isSelfClosing) menuStack.push({ id, depth });
        break;
      }
      case 'template':
        data.templates.push({ id: q(a.id ?? `(line ${line})`), name: a.name, inheritId: a.inherit_id ? q(a.inherit_id) : undefined, file, line });
        if (!tag.isSelfClosing) openTemplate = { index: data.templates.length - 1, depth };
        break;
      case 'report':
        data.reports.push({ id: q(a.id ?? `(line ${line})`), name: a.string, model: a.model, reportName: a.name, reportType: a.report_type ?? 'qweb-pdf', file, line });
        break;
      case 'function':
      case 'delete':
        data.other.push({ id: `${tag.name}:${a.model ?? ''}:${a.name ?? a.id ?? line}`, model: a.model ?? tag.name, file, line });
        break;
      default:
    }
  });
  parser.on('text', (t) => {
    if (record?.field) record.field.text += t;
    const open = record?.field?.arch?.openButton;
    if (open && open.skipping === undefined) open.text += open.value === undefined ? t : t.replace(STAT_NUMBER, ' ');
  });
  parser.on('cdata', (t) => {
    if (record?.field) record.field.text += t;
  });
  parser.on('closetag', (tag) => {
    const stack = record?.field?.arch?.groupStack;
    if (stack?.length && stack[stack.length - 1].depth === depth) stack.pop();
    const open = record?.field?.arch?.openButton;
    if (open?.skipping === depth) open.skipping = undefined;
    if (open?.value === depth) open.value = undefined;
    if (open?.depth === depth && record?.field?.arch) {
      const label = open.text.replace(/\s+/g, ' ').trim();
      if (open.button.string === undefined && label && label.length <= 60) open.button.string = label;
      record.field.arch.openButton = undefined;
    }
    if (record?.field && depth === record.field.depth) {
      const f = record.field;
      record.fields.set(f.name, {
        line: f.line,
        text: f.text.replace(/\s+/g, ' ').trim(),
        ref: f.ref ? q(f.ref) : undefined,
        refs: f.eval ? evalRefs(f.eval).map(q) : f.ref ? [q(f.ref)] : [],
        eval: f.eval,
        ...(f.search ? { search: f.search } : {}),
        arch: f.arch && { root: f.arch.root, positioned: f.arch.positioned, buttons: f.arch.buttons, fields: f.arch.fields, placed: f.arch.placed },
      });
      record.field = undefined;
    } else if (record && !record.field && tag.name === 'record') {
      recordToData(data, record, file);
      record = undefined;
    } else if (tag.name === 'menuitem' && menuStack.at(-1)?.depth === depth) {
      menuStack.pop();
    } else if (tag.name === 'template' && openTemplate?.depth === depth) {
      data.templates[openTemplate.index].endLine = parser.line;
      openTemplate = undefined;
    }
    depth--;
  });
  try {
    parser.write(src).close();
  } catch (e) {
    if (e instanceof Stop) return { data: emptyXmlData(), problem };
    const message = e instanceof Error ? e.message.replace(/^\d+:\d+: /, '') : String(e);
    return {
      data: emptyXmlData(),
      problem: { kind: 'xml-syntax', file, line: parser.line, column: parser.column, message: `broken XML (${message}); the file was skipped` },
    };
  }
  return { data };
}

function archElement(
  arch: ArchInfo,
  name: string,
  a: Record<string, string>,
  depth: number,
  line: number,
  file: string,
  q: (id: string) => string,
): void {
  if (arch.root === undefined && depth === arch.depth + 1) arch.root = name;
  if (a.position !== undefined) arch.positioned++;
  const own = splitGroups(a.groups, q);
  const inherited = arch.groupStack.at(-1)?.groups ?? [];
  // An element with groups narrows what its children show; the innermost groups decide.
  const groups = own.length ? own : inherited;
  if (own.length) arch.groupStack.push({ depth, groups: own });
  if (name === 'field') {
    arch.fields++;
    if (a.name && a.position === undefined) {
      arch.placed.push({ name: a.name, groups, file, line, ...(a.widget === 'statusbar' ? { statusbar: { clickable: clickableOption(a.options ?? '') } } : {}) });
    }
    const open = arch.openButton;
    if (open && a.widget === 'statinfo' && a.string && open.button.string === undefined) open.button.string = a.string;
  }
  // A kanban card's <a type="object" name="..."> is a button too.
  if ((name === 'button' || name === 'a') && a.name && (a.type === 'object' || a.type === 'action')) {
    const button: ViewButton = { name: a.name, string: a.string, type: a.type, groups, file, line };
    arch.buttons.push(button);
    if (a.string === undefined) arch.openButton = { depth, button, text: '', shown: new Set() };
    return;
  }
  const open = arch.openButton;
  // A field is no text; one always invisible (a value the conditions read) is no alternative either.
  const alternative = name !== 'field' && a.invisible !== undefined && !/^(1|True|true)$/.test(a.invisible.trim());
  if (open && open.skipping === undefined && alternative && depth > open.depth) {
    if (open.shown.has(depth)) open.skipping = depth;
    else open.shown.add(depth);
  }
  // A stat button's value (`<span class="o_stat_value">0</span> Sales Order`): its numbers are no caption, its words ("Hours") are.
  if (open && open.skipping === undefined && depth > open.depth && open.value === undefined && /\bo_stat_value\b/.test(a.class ?? '')) open.value = depth;
  // Each element of a stat button is a line of its own ("Add" over "Context Action").
  if (open && open.skipping === undefined && depth > open.depth) open.text += ' ';
}
