/**
 * Phases as they fill up while the plan is read, then the finished plan: phases without tasks
 * dropped, stable keys, and every task id made unique (a repeated id is qualified with its phase
 * and reported, never a reason to stop).
 */
import { err, ok, type Result } from '../../../core/result.js';
import { UserError } from '../../../core/user-error.js';
import { derivedId } from './ids.js';
import { displayName, repairMojibake } from './names.js';
import type { HeadingInfo } from './outline.js';
import { idPart } from './text.js';
import type { PlanNotice, PlanPhase, PlanTask, TaskPlan } from './types.js';

export class PhaseDraft {
  readonly tasks: PlanTask[] = [];
  private readonly used = new Set<string>();
  readonly key: string;
  constructor(readonly name: string, readonly line: number, id?: string) {
    // The keys are external ids of synced milestones: "Sprint 2" keeps the key "2" it always had.
    const m = /^(?:phase|stage|sprint|milestone|wave|batch|step|part|release|iteration)\s+([A-Za-z0-9.]+)\b/i.exec(name);
    this.key = id ? idPart(id) : m ? idPart(m[1]) : idPart(name, 32);
  }
  add(task: PlanTask): void {
    this.used.add(task.id);
    this.tasks.push(task);
  }
  /** An id for a task that has none: phase (or parent task, or section) + title, made unique. */
  derive(title: string, scope?: string): string {
    const base = derivedId(scope ? (/^[\w.-]+$/.test(scope) ? scope : `${this.key}.${idPart(scope.split(' ')[0] || scope, 24)}`) : this.key, title);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

export class PhaseDrafts {
  readonly list: PhaseDraft[] = [];
  private readonly byKey = new Map<string, PhaseDraft>();
  constructor(private readonly title: string | undefined) {}
  /** The phase of a heading, or the document's own phase (its title) for tasks under none. */
  of(h: HeadingInfo | undefined): PhaseDraft {
    return h ? this.get(`h${h.index}`, h.name, h.heading.position?.start.line ?? 1, h.id) : this.get('doc', this.title ?? 'Tasks', 1);
  }
  /** A phase named by a table's Phase column. */
  named(name: string, line: number): PhaseDraft {
    return this.get(`c${name.toLowerCase()}`, name, line);
  }
  private get(key: string, name: string, line: number, id?: string): PhaseDraft {
    let d = this.byKey.get(key);
    if (!d) {
      d = new PhaseDraft(name, line, id);
      this.byKey.set(key, d);
      this.list.push(d);
    }
    return d;
  }
}

/** A task's title and details with characters mangled on the way read back (repairMojibake); its evidence stays byte for byte. */
function readable(t: PlanTask): PlanTask {
  const title = displayName(t.title);
  const description = t.description === undefined ? undefined : repairMojibake(t.description);
  return title === t.title && description === t.description ? t : { ...t, title, ...(description === undefined ? {} : { description }) };
}

const HINT = 'Write tasks as a table with Task and Status columns, a checkbox list (- [ ] ...), or a heading per task with a "Status:" line.';

export function finishPlan(file: string, title: string | undefined, drafts: readonly PhaseDraft[], notices: PlanNotice[]): Result<TaskPlan, UserError> {
  const withTasks = drafts.filter((p) => p.tasks.length > 0);
  if (withTasks.length === 0) {
    const seen = notices.length > 0 ? ` (${notices.length} block(s) read past, first at line ${Math.min(...notices.map((n) => n.line))})` : '';
    return err(new UserError('input', `No tasks found in the plan${seen}.`, { where: { file, line: 1 }, hint: HINT }));
  }
  const firstLine = new Map<string, { id: string; line: number }>();
  const keys = new Set<string>();
  const phases: PlanPhase[] = withTasks.map((p) => {
    let key = p.key;
    for (let n = 2; keys.has(key); n++) key = `${p.key}_${n}`;
    keys.add(key);
    const renamed = new Map<string, string>();
    const tasks = p.tasks.map((t) => {
      // Ids become external ids by their slug: "1.1" and "1_1" would be one record.
      const prev = firstLine.get(idPart(t.id, 10_000));
      let task = t.parentId && renamed.has(t.parentId) ? { ...t, parentId: renamed.get(t.parentId) } : t;
      if (prev !== undefined) {
        let id = `${key}.${t.id}`;
        for (let n = 2; firstLine.has(idPart(id, 10_000)); n++) id = `${key}.${t.id}-${n}`;
        renamed.set(t.id, id);
        const what = prev.id === t.id ? 'is used twice' : `would share an external id with "${prev.id}"`;
        notices.push({ line: t.line, level: 'warning', message: `task id "${t.id}" ${what} (first at line ${prev.line}): this one is kept as "${id}"` });
        task = { ...task, id };
      }
      firstLine.set(idPart(task.id, 10_000), { id: task.id, line: task.line });
      return readable(task);
    });
    // Keys and derived ids come from the text as written: a plan synced before keeps its external ids.
    return { key, name: displayName(p.name), line: p.line, tasks };
  });
  return ok({ title: title === undefined ? undefined : displayName(title), phases, notices: [...notices].sort((a, b) => a.line - b.line) });
}
