/** What feature builders share: the analysed modules, role names, model labels, evidence. */
import type { ModuleAnalysis, PyModel, SourceRef } from '../../analysis/types.js';
import { accessFor, RoleBook } from './roles.js';
import { humanize, modelLabeler } from './text.js';

export class BuildContext {
  readonly roles: RoleBook;
  readonly label: (model: string) => string;

  constructor(readonly modules: readonly ModuleAnalysis[]) {
    this.roles = new RoleBook(modules);
    this.label = modelLabeler(modules);
  }

  /** 'equipment_maintenance.model_equipment_request' -> 'equipment.request'. */
  modelFromRef(ref: string): string {
    const local = (ref.split('.').pop() ?? ref).replace(/^model_/, '');
    const known = this.modules.flatMap((m) => m.models.map((c) => c.name ?? c.inherit[0])).find((n) => n?.replace(/\./g, '_') === local);
    return known ?? local.replace(/_/g, '.');
  }

  static ev(ref: SourceRef): string {
    return `${ref.file}:${ref.line}`;
  }

  /** An acceptance criterion with the file:line that enforces it. */
  static at(text: string, ref: SourceRef): string {
    return `${text.replace(/[.\s]+$/, '')} (${ref.file}:${ref.line}).`;
  }

  /** A field's label on a model: its string anywhere in the analysed modules, else humanized. */
  fieldLabel(model: string, field: string): string {
    for (const m of this.modules) {
      for (const c of m.models) {
        if ((c.name ?? c.inherit[0]) !== model) continue;
        const f = c.fields.find((x) => x.name === field);
        if (f?.string) return f.string;
      }
    }
    return humanize(field.replace(/_ids?$/, ''));
  }

  /** The role groups that reach a model with a permission (access rights; no group means every internal user). */
  reach(model: string, perm: 'read' | 'write' | 'create' | 'unlink'): string[] {
    const rules = accessFor(this.modules, model).filter((a) => a.perms[perm]);
    return [...new Set(rules.map((a) => a.group ?? 'base.group_user'))];
  }

  /** Groups with a given permission on a model (from every analysed access file). */
  groupsWith(model: string, perm: 'read' | 'write' | 'create' | 'unlink'): string[] {
    return accessFor(this.modules, model).filter((a) => a.perms[perm] && a.group).map((a) => a.group as string);
  }

  /** Role names, least privileged first. */
  roleNames(groupIds: readonly string[]): string[] {
    return [...new Set(this.roles.order(groupIds).map((g) => this.roles.name(g)))];
  }

  /** Least privileged role among groups, else the fallback. */
  primaryRole(groupIds: readonly string[], fallback = 'Internal User'): string {
    return this.roleNames(groupIds)[0] ?? fallback;
  }

  /** Most privileged role among groups (e.g. who configures an automation). */
  topRole(groupIds: readonly string[], fallback = 'Internal User'): string {
    return this.roleNames(groupIds).at(-1) ?? fallback;
  }
}

/** Classes of a module that define or extend a model. */
export function classesOf(m: ModuleAnalysis, model: string): PyModel[] {
  return m.models.filter((c) => (c.name ?? c.inherit[0]) === model);
}

/** The model a class is about: its _name, else the single model it extends. */
export const modelOf = (c: PyModel): string | undefined => c.name ?? (c.inherit.length === 1 ? c.inherit[0] : undefined);

/** A new model (not an extension of another one). */
export const isNewModel = (c: PyModel): boolean => !!c.name && !c.inherit.includes(c.name);
