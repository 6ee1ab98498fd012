/** views/*.xml: standalone and inherited views, window actions, menus. */
import type { MenuRec, ViewRec, WindowActionRec } from '../extract/schema.js';
import type { GenContext } from './context.js';
import { reemitArch, xmlAttr, xmlText } from './xml.js';

export const xmlFile = (body: string[]): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n${body.join('\n')}${body.length > 0 ? '\n' : ''}</odoo>\n`;

export const field = (name: string, value: string): string =>
  `        <field name="${xmlAttr(name)}">${xmlText(value)}</field>`;
export const refField = (name: string, ref: string): string => `        <field name="${xmlAttr(name)}" ref="${xmlAttr(ref)}"/>`;
export const evalField = (name: string, expr: string): string => `        <field name="${xmlAttr(name)}" eval="${xmlAttr(expr)}"/>`;
/** eval for a many2many of external ids: [(6, 0, [ref('a'), ref('b')])]; ids are validated names. */
export const refsEval = (refs: readonly string[]): string => `[(6, 0, [${refs.map((r) => `ref('${r}')`).join(', ')}])]`;
export const isRef = (s: string): boolean => /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?$/.test(s);

export function openRecord(id: string, model: string): string {
  return `    <record id="${xmlAttr(id)}" model="${xmlAttr(model)}">`;
}

const listify = (mode: string, tag: 'tree' | 'list'): string =>
  mode.split(',').map((m) => (m.trim() === 'tree' || m.trim() === 'list' ? tag : m.trim())).join(',');

export function viewRecords(ctx: GenContext, module: string, views: ViewRec[]): string[] {
  const out: string[] = [];
  for (const v of views) {
    if (v.mode === 'extension' && !v.inheritXmlid) continue;
    const arch = reemitArch(v.arch, {
      listTag: ctx.listTag, dropAttrsStates: ctx.extract.profile.viewAttrsAllowed !== true, rename: ctx.renameText.bind(ctx), indent: '            ', odooXmlField: true,
    });
    if (!arch.ok) {
      ctx.warnings.push(`${module}: view ${v.key} has an arch that is not well-formed XML (${arch.reason}); not generated`);
      continue;
    }
    if (arch.dropped.length > 0) {
      ctx.warnings.push(`${module}: view ${v.key}: ${arch.dropped.join(', ')} removed (not allowed on Odoo ${ctx.major}); redo them as invisible/readonly expressions`);
    }
    out.push(openRecord(ctx.localId(v), 'ir.ui.view'));
    out.push(field('name', ctx.renameText(v.name)));
    out.push(field('model', ctx.modelName(v.model)));
    if (v.inheritXmlid && isRef(v.inheritXmlid)) out.push(refField('inherit_id', v.inheritXmlid));
    if (v.mode === 'primary' && v.inheritXmlid) out.push(field('mode', 'primary'));
    out.push(field('priority', String(Math.trunc(v.priority))));
    if (!v.active) out.push(evalField('active', 'False'));
    out.push(...groupsLine(ctx, v.groups));
    out.push('        <field name="arch" type="xml">', arch.xml, '        </field>', '    </record>');
  }
  return out;
}

export const groupsField = (ctx: GenContext): string => (ctx.major >= 19 ? 'group_ids' : 'groups_id');

/** The record's groups field (groups_id, group_ids on 19+) for the groups that are external ids; none when there are none. */
export const groupsLine = (ctx: GenContext, groups: readonly string[]): string[] => {
  const refs = groups.filter(isRef);
  return refs.length > 0 ? [evalField(groupsField(ctx), refsEval(refs))] : [];
};

/** The Action menu entry of a server or window action: on which model, in which views. */
export function bindingFields(ctx: GenContext, module: string, r: { bindingModel?: string; bindingModelXmlid?: string; bindingViewTypes?: string }): string[] {
  if (!r.bindingModel) return [];
  const out = [refField('binding_model_id', r.bindingModelXmlid ?? ctx.modelRef(r.bindingModel, module))];
  if (r.bindingViewTypes) out.push(field('binding_view_types', r.bindingViewTypes));
  return out;
}

export function actionRecords(ctx: GenContext, actions: WindowActionRec[], module: string): string[] {
  const out: string[] = [];
  for (const a of actions) {
    out.push(openRecord(ctx.localId(a), 'ir.actions.act_window'));
    out.push(field('name', a.name));
    out.push(field('res_model', ctx.modelName(a.model)));
    out.push(field('view_mode', listify(a.viewMode, ctx.listTag)));
    if (a.domain) out.push(field('domain', ctx.renameText(a.domain)));
    if (a.context) out.push(field('context', ctx.renameText(a.context)));
    if (a.help) out.push(field('help', a.help));
    if (a.target !== 'current') out.push(field('target', a.target));
    if (a.limit !== 80) out.push(field('limit', String(Math.trunc(a.limit))));
    out.push(...groupsLine(ctx, a.groups));
    out.push(...bindingFields(ctx, module, a));
    out.push('    </record>');
  }
  return out;
}

/** Menus, parents first so every parent reference resolves while loading. */
export function menuRecords(ctx: GenContext, module: string, menus: MenuRec[]): string[] {
  const out: string[] = [];
  const byKey = new Map(menus.map((m) => [m.key, m]));
  const done = new Set<string>();
  const emit = (m: MenuRec, trail: Set<string>) => {
    if (done.has(m.key) || trail.has(m.key)) return;
    trail.add(m.key);
    const parent = m.parentKey ? byKey.get(m.parentKey) : undefined;
    if (parent) emit(parent, trail);
    done.add(m.key);
    const attrs = [`id="${xmlAttr(ctx.localId(m))}"`, `name="${xmlAttr(m.name)}"`];
    const parentRef = m.parentKey ? ctx.ref(m.parentKey, module) : m.parentXmlid;
    if (parentRef && isRef(parentRef)) attrs.push(`parent="${xmlAttr(parentRef)}"`);
    const action = m.actionKey ? ctx.ref(m.actionKey, module) : undefined;
    if (action) attrs.push(`action="${xmlAttr(action)}"`);
    attrs.push(`sequence="${Math.trunc(m.sequence)}"`);
    if (m.webIcon && !parentRef) attrs.push(`web_icon="${xmlAttr(m.webIcon)}"`);
    const groups = m.groups.filter(isRef);
    if (groups.length > 0) attrs.push(`groups="${xmlAttr(groups.join(','))}"`);
    out.push(`    <menuitem ${attrs.join(' ')}/>`);
  };
  for (const m of [...menus].sort((a, b) => a.sequence - b.sequence || (a.key < b.key ? -1 : 1))) emit(m, new Set());
  return out;
}
