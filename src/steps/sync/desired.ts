/**
 * What Odoo should hold after the sync, as records keyed by external id, in dependency order:
 * project, stages, tags, milestones, articles, then tasks by nesting depth. Pure: the same plan,
 * feature map and id map give the same records.
 */
import { articles } from './articles.js';
import { plain, ref, xmlidOf, type DesiredInput, type DesiredRecord, type Value } from './records.js';
import { taskDescription } from './html.js';
import { featureOfTask } from './feature-map.js';
import { allTasks, STATUS_LABEL, type PlanTask, type TaskStatus } from './parse/types.js';

export { type ArticleTarget, type DesiredInput, type DesiredRecord, type SyncModel, type Value } from './records.js';

export interface Desired {
  records: DesiredRecord[];
  /** Files to write under articles/ when no article app is installed. */
  articleFiles: Map<string, string>;
  warnings: string[];
}

const STATUS_ORDER: readonly TaskStatus[] = ['pending', 'in_progress', 'review', 'changes_requested', 'approved', 'blocked', 'done', 'cancelled'];

export const ownerTagName = (owner: string): string => `Owner: ${owner}`;
export const complexityTagName = (c: string): string => `Complexity: ${c}`;

/** A complexity level ("high", "very low") makes a tag; metrics ("13 fields, CC 8") do not. */
const complexityTag = (c: string | undefined): string | undefined =>
  c !== undefined && /^[\p{L}][\p{L} -]{0,19}$/u.test(c.trim()) ? complexityTagName(c.trim()) : undefined;

export function buildDesired(input: DesiredInput): Desired {
  const { plan, namespace: ns, profile } = input;
  const tasks = allTasks(plan);
  const records: DesiredRecord[] = [];
  const warnings: string[] = [];
  const projectX = xmlidOf.project(ns);
  records.push({
    model: 'project.project',
    xmlid: projectX,
    label: input.projectName,
    values: { name: plain(input.projectName), ...(input.milestones ? { allow_milestones: plain(true) } : {}) },
    pass: 0,
  });
  const used = new Set(tasks.map((t) => t.status));
  STATUS_ORDER.filter((s) => used.has(s)).forEach((s, i) => {
    records.push({
      model: 'project.task.type',
      xmlid: xmlidOf.stage(ns, s),
      label: STATUS_LABEL[s],
      values: {
        name: plain(STATUS_LABEL[s]),
        sequence: plain(i + 1),
        fold: plain(s === 'done' || s === 'cancelled'),
        project_ids: { kind: 'refs', xmlids: [projectX] },
      },
      pass: 1,
    });
  });
  const tagNames = new Set<string>();
  for (const p of plan.phases) tagNames.add(p.name);
  for (const t of tasks) {
    const c = complexityTag(t.complexity);
    if (c) tagNames.add(c);
    // Sub-sections between a phase and its tasks ("1.1 Setup") keep their grouping as tags.
    for (const section of t.tags) tagNames.add(section);
  }
  // "Ines" and "ines" are one owner (users match case-insensitively too): the first spelling names the tag.
  const spelling = new Map<string, string>();
  for (const t of tasks) if (t.owner && !spelling.has(t.owner.toLowerCase())) spelling.set(t.owner.toLowerCase(), t.owner);
  const ownerName = (o: string) => spelling.get(o.toLowerCase()) ?? o;
  const unmatched = new Set<string>();
  for (const t of tasks) {
    if (t.owner && !input.users.has(t.owner.toLowerCase())) {
      unmatched.add(ownerName(t.owner));
      tagNames.add(ownerTagName(ownerName(t.owner)));
    }
  }
  for (const o of [...unmatched].sort()) {
    warnings.push(`Owner "${o}" matches no Odoo user (by name or login): kept as tag "${ownerTagName(o)}".`);
  }
  for (const name of [...tagNames].sort()) {
    records.push({ model: 'project.tags', xmlid: xmlidOf.tag(ns, name), label: name, values: { name: plain(name) }, pass: 1 });
  }
  if (input.milestones) {
    for (const p of plan.phases) {
      records.push({
        model: 'project.milestone',
        xmlid: xmlidOf.milestone(ns, p.key),
        label: p.name,
        values: {
          name: plain(p.name),
          project_id: ref(projectX),
          is_reached: plain(p.tasks.every((t) => t.status === 'done' || t.status === 'cancelled')),
        },
        pass: 1,
      });
    }
  }
  const articleFiles = new Map<string, string>();
  const links = articles(input, tasks, records, articleFiles);
  const phaseOf = new Map<string, string>();
  for (const p of plan.phases) for (const t of p.tasks) phaseOf.set(t.id, p.key);
  const phaseName = new Map(plan.phases.map((p) => [p.key, p.name]));
  const depth = taskDepths(tasks);
  for (const t of tasks) {
    const feature = featureOfTask(t.id, input.features);
    const phaseKey = phaseOf.get(t.id) as string;
    const tags = [phaseName.get(phaseKey) as string, ...t.tags];
    const ctag = complexityTag(t.complexity);
    if (ctag) tags.push(ctag);
    const uid = t.owner ? input.users.get(t.owner.toLowerCase()) : undefined;
    if (t.owner && uid === undefined) tags.push(ownerTagName(ownerName(t.owner)));
    const values: Record<string, Value> = {
      name: plain(t.title),
      project_id: ref(projectX),
      description: plain(taskDescription(t, feature, feature ? links.get(feature.id) : undefined)),
      [profile.taskHoursField]: plain(t.estimate ?? 0),
      stage_id: { kind: 'dbref', xmlid: xmlidOf.stage(ns, t.status) },
      user_ids: { kind: 'ids', ids: uid === undefined ? [] : [uid] },
      tag_ids: { kind: 'refs', xmlids: [...new Set(tags)].map((n) => xmlidOf.tag(ns, n)).sort() },
      parent_id: ref(t.parentId ? xmlidOf.task(ns, t.parentId) : false),
      active: plain(true),
    };
    const state = profile.taskStateValues[t.status];
    if (state !== undefined) values[profile.taskStateField] = plain(state);
    if (input.milestones) values.milestone_id = ref(xmlidOf.milestone(ns, phaseKey));
    records.push({ model: 'project.task', xmlid: xmlidOf.task(ns, t.id), label: `${t.id} ${t.title}`, values, pass: 3 + (depth.get(t.id) ?? 0) });
  }
  return { records, articleFiles, warnings };
}

function taskDepths(tasks: readonly PlanTask[]): Map<string, number> {
  const parent = new Map(tasks.map((t) => [t.id, t.parentId]));
  const out = new Map<string, number>();
  for (const t of tasks) {
    let d = 0;
    for (let p = t.parentId; p !== undefined && d < 50; p = parent.get(p)) d++;
    out.set(t.id, d);
  }
  return out;
}
