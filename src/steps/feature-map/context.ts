/** What feature builders share: the analysed modules, role names, model labels, evidence. */
import type { ModuleAnalysis, PyField, PyMethod, PyModel, SourceRef, XmlMenu, XmlRule } from '../../analysis/types.js';
import { accessFor, RoleBook } from './roles.js';
import { humanize, MAGIC_LABELS, modelLabeler } from './text.js';

export class BuildContext {
  readonly roles: RoleBook;
  readonly label: (model: string) => string;
  /** The module whose features are being built: its own roles win ties. */
  home?: string;

  constructor(readonly modules: readonly ModuleAnalysis[]) {
    this.roles = new RoleBook(modules);
    this.label = modelLabeler(modules);
  }

  // Built on first use: on the Odoo CE tree a scan of every class per question took seconds.
  private modelsByRef?: Map<string, string>;
  private labels?: Map<string, string>;
  private defs?: Map<string, PyField>;
  private byModel?: Map<string, PyModel[]>;
  private byModelOf?: Map<string, PyModel[]>;
  private calls?: Map<string, { method: PyMethod; model?: string; call: { file: string; line: number } }[]>;

  /** Classes of every analysed module whose _name, else first _inherit, is `model` (module order). */
  classesOfModel(model: string): readonly PyModel[] {
    this.byModel ??= group(this.modules.flatMap((m) => m.models), (c) => c.name ?? c.inherit[0]);
    return this.byModel.get(model) ?? [];
  }

  private stateFields?: Map<string, PyField | undefined>;

  /** The state field of a model across every analysed module (see stateField), found once per model. */
  stateFieldOfModel(model: string, find: (classes: readonly PyModel[]) => PyField | undefined): PyField | undefined {
    this.stateFields ??= new Map();
    if (!this.stateFields.has(model)) this.stateFields.set(model, find(this.classesOfModel(model)));
    return this.stateFields.get(model);
  }

  /** Classes of every analysed module that are about `model` (see modelOf). */
  classesAbout(model: string): readonly PyModel[] {
    this.byModelOf ??= group(this.modules.flatMap((m) => m.models), modelOf);
    return this.byModelOf.get(model) ?? [];
  }

  /** Methods (of any analysed module) that call `name` with `arg`, each with its first such call. */
  callers(name: string, arg: string): readonly { method: PyMethod; model?: string; call: { file: string; line: number } }[] {
    if (!this.calls) {
      this.calls = new Map();
      for (const x of this.modules) {
        for (const c of x.models) {
          for (const method of c.methods) {
            const seen = new Set<string>();
            for (const call of method.effects?.calls ?? []) {
              const k = `${call.name}\0${call.arg}`;
              if (seen.has(k)) continue;
              seen.add(k);
              const list = this.calls.get(k) ?? [];
              list.push({ method, model: modelOf(c), call });
              this.calls.set(k, list);
            }
          }
        }
      }
    }
    return this.calls.get(`${name}\0${arg}`) ?? [];
  }

  private menuIndex?: Map<string, { at: number; menu: XmlMenu }[]>;

  /** The menus of every analysed module whose id is one of `ids`, in module order. */
  menusWithIds(ids: readonly string[]): XmlMenu[] {
    if (!this.menuIndex) {
      this.menuIndex = new Map();
      let at = 0;
      for (const m of this.modules) {
        for (const menu of m.menus) {
          const list = this.menuIndex.get(menu.id);
          if (list) list.push({ at: at++, menu });
          else this.menuIndex.set(menu.id, [{ at: at++, menu }]);
        }
      }
    }
    const found = [...new Set(ids)].flatMap((id) => this.menuIndex?.get(id) ?? []);
    return found.sort((x, y) => x.at - y.at).map((x) => x.menu);
  }

  /**
   * A record rule as it applies: a record of another module's rule (`<record id="fleet.fleet_rule_x">`
   * holding only a new domain_force) takes that rule's model, groups and operations from the
   * analysed module that declares it. `updates` names the rule it changes.
   */
  ruleAsApplied(r: XmlRule, module: string): XmlRule & { updates?: string } {
    const dot = r.id.indexOf('.');
    if (dot === -1 || r.id.slice(0, dot) === module) return r;
    const owner = this.modules.find((m) => m.name === r.id.slice(0, dot));
    const local = r.id.slice(dot + 1);
    const original = owner?.rules.find((x) => x.id === local || x.id === r.id);
    if (!original) return r.modelRef ? r : { ...r, updates: r.id };
    return {
      ...original,
      file: r.file,
      line: r.line,
      id: r.id,
      name: r.name ?? original.name,
      modelRef: r.modelRef ?? original.modelRef,
      groups: r.groups.length ? r.groups : original.groups,
      domain: r.domain ?? original.domain,
      terms: r.domain === undefined ? original.terms : r.terms,
      updates: original.name ? `"${original.name}"` : r.id,
    };
  }

  /**
   * The routes of a module whose body runs `method` on `model` records (PyMethod.runs): they name
   * the model ('hr.leave'), or name none the module gives that method and `model` is the only one with it.
   */
  routesRunning(m: ModuleAnalysis, model: string, method: string): PyMethod[] {
    const definers = new Set(m.models.filter((c) => c.methods.some((x) => x.name === method)).map((c) => c.name ?? c.inherit[0]));
    return m.controllers
      .flatMap((c) => c.methods)
      .filter((r) => r.route?.urls.length && r.runs?.methods.includes(method) && (r.runs.models.includes(model) || (definers.size === 1 && definers.has(model) && !r.runs.models.some((x) => this.classesOfModel(x).length > 0))));
  }

  /** "The route /leave/validate (auth=user) runs action_approve too": what reaches a method besides buttons. */
  routeLines(m: ModuleAnalysis, model: string, method: string, also: boolean): string[] {
    return this.routesRunning(m, model, method).map((r) => {
      const route = r.route as NonNullable<PyMethod['route']>;
      return BuildContext.at(`The route ${route.urls[0]} (auth=${route.auth}) runs ${method}${also ? ' too' : ''}: a link in an email or a page reaches it`, r);
    });
  }

  /** 'equipment_maintenance.model_equipment_request' -> 'equipment.request'. */
  modelFromRef(ref: string): string {
    const local = (ref.split('.').pop() ?? ref).replace(/^model_/, '');
    if (!this.modelsByRef) {
      this.modelsByRef = new Map();
      for (const m of this.modules) {
        for (const c of m.models) {
          const n = c.name ?? c.inherit[0];
          const k = n?.replace(/\./g, '_');
          if (n && k !== undefined && !this.modelsByRef.has(k)) this.modelsByRef.set(k, n);
        }
      }
    }
    return this.modelsByRef.get(local) ?? local.replace(/_/g, '.');
  }

  static ev(ref: SourceRef): string {
    return `${ref.file}:${ref.line}`;
  }

  /** An acceptance criterion with the file:line that enforces it. */
  static at(text: string, ref: SourceRef): string {
    return `${text.replace(/[.\s]+$/, '')} (${ref.file}:${ref.line}).`;
  }

  /** A field's first declaration on a model in the analysed modules (its type, selection, label). */
  fieldDef(model: string, field: string): PyField | undefined {
    if (!this.defs) {
      this.defs = new Map();
      for (const m of this.modules) {
        for (const c of m.models) {
          for (const f of c.fields) {
            const k = `${c.name ?? c.inherit[0]}\0${f.name}`;
            if (!this.defs.has(k)) this.defs.set(k, f);
          }
        }
      }
    }
    return this.defs.get(`${model}\0${field}`);
  }

  /** The field a dotted path ends on ('move_id.move_type' on account.move.line: account.move's move_type), through the comodels the analysis knows. */
  fieldAt(model: string, path: string, depth = 0): PyField | undefined {
    const [head, ...rest] = path.split('.');
    const f = this.fieldDef(model, head);
    if (!f) return undefined;
    if (rest.length) return f.comodel ? this.fieldAt(f.comodel, rest.join('.'), depth) : undefined;
    // sale.order.line's `state = fields.Selection(related='order_id.state')`: the values and labels are the order's.
    if (f.related && !f.selection?.length && depth < 3) {
      const to = this.fieldAt(model, f.related, depth + 1);
      if (to?.selection?.length) return { ...f, selection: to.selection };
    }
    return f;
  }

  /** A field's label on a model: its string anywhere in the analysed modules, else humanized. */
  fieldLabel(model: string, field: string): string {
    if (!this.labels) {
      this.labels = new Map();
      for (const m of this.modules) {
        for (const c of m.models) {
          const seen = new Set<string>();
          for (const f of c.fields) {
            // The first declaration of a name in a class is the one that counts.
            if (seen.has(f.name)) continue;
            seen.add(f.name);
            const k = `${c.name ?? c.inherit[0]}\0${f.name}`;
            if (f.string && !this.labels.has(k)) this.labels.set(k, f.string);
          }
        }
      }
    }
    const own = this.labels.get(`${model}\0${field}`);
    if (own) return own;
    // A field of a mixin the model inherits (maintenance.mixin's Effective Date on equipment).
    for (const parent of this.parentsOf(model)) {
      const inherited = this.labels.get(`${parent}\0${field}`);
      if (inherited) return inherited;
    }
    return MAGIC_LABELS[field] ?? humanize(field.replace(/_ids?$/, ''));
  }

  private parents?: Map<string, string[]>;
  private inheritors?: Map<string, number>;

  /** The models a model inherits from (`_inherit = ['mail.thread', 'maintenance.mixin']`), over every analysed class. */
  private parentsOf(model: string): readonly string[] {
    return this.parentMap().get(model) ?? [];
  }

  private parentMap(): Map<string, string[]> {
    if (!this.parents) {
      this.parents = new Map();
      for (const m of this.modules) {
        for (const c of m.models) {
          const name = c.name ?? c.inherit[0];
          if (!name) continue;
          const list = this.parents.get(name) ?? [];
          for (const p of c.inherit) if (p !== name && !list.includes(p)) list.push(p);
          this.parents.set(name, list);
        }
      }
    }
    return this.parents;
  }

  /** How many analysed models inherit a model: mail.thread hundreds, maintenance.mixin two. */
  inheritorCount(model: string): number {
    if (!this.inheritors) {
      this.inheritors = new Map();
      for (const parents of this.parentMap().values()) for (const p of parents) this.inheritors.set(p, (this.inheritors.get(p) ?? 0) + 1);
    }
    return this.inheritors.get(model) ?? 0;
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

  private roleNamesOf = new Map<string, readonly string[]>();

  /** Role names, least privileged first (a fresh array: callers may change it). */
  roleNames(groupIds: readonly string[]): string[] {
    // Asked thousands of times for the same few groups on a big tree.
    const key = `${this.home ?? ''}\0${groupIds.join('\0')}`;
    let names = this.roleNamesOf.get(key);
    if (!names) {
      names = [...new Set(this.roles.order(groupIds, this.home).map((g) => this.roles.name(g)))];
      this.roleNamesOf.set(key, names);
    }
    return [...names];
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

function group<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** Classes of a module that define or extend a model. */
export function classesOf(m: ModuleAnalysis, model: string): PyModel[] {
  return m.models.filter((c) => (c.name ?? c.inherit[0]) === model);
}

/** The model a class is about: its _name, else the single model it extends. */
export const modelOf = (c: PyModel): string | undefined => c.name ?? (c.inherit.length === 1 ? c.inherit[0] : undefined);

/** A new model (not an extension of another one). */
export const isNewModel = (c: PyModel): boolean => !!c.name && !c.inherit.includes(c.name);

/**
 * What the methods named `roots` run on their own records (`self.x()`), `depth` calls deep: each
 * call as its caller and callee, level by level, in the order met. A callee is followed once;
 * recursion and the roots themselves are not callees.
 */
export function selfCallChain(methods: readonly PyMethod[], roots: readonly string[], depth: number): { by: PyMethod; method: PyMethod }[] {
  const out: { by: PyMethod; method: PyMethod }[] = [];
  let level = methods.filter((m) => roots.includes(m.name));
  const seen = new Set(level);
  for (let d = 0; d < depth && level.length; d++) {
    const found = level.flatMap((by) => (by.selfCalls ?? []).flatMap((n) => methods.filter((y) => y.name === n && !seen.has(y)).map((method) => ({ by, method }))));
    out.push(...found);
    level = [...new Set(found.map((f) => f.method))];
    level.forEach((m) => seen.add(m));
  }
  return out;
}
