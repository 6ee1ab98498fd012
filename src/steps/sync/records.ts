/** The records the sync wants in Odoo, and how their values are written down. */
import { createHash } from 'node:crypto';
import type { VersionProfile } from '../../odoo/types.js';
import type { Feature } from './feature-map.js';
import type { TaskPlan, TaskStatus } from './parse/types.js';
import { idPart } from './parse/text.js';

export type SyncModel =
  | 'project.project'
  | 'project.task.type'
  | 'project.tags'
  | 'project.milestone'
  | 'knowledge.article'
  | 'document.page'
  | 'project.task';

export const SYNC_MODELS: ReadonlySet<string> = new Set<SyncModel>([
  'project.project',
  'project.task.type',
  'project.tags',
  'project.milestone',
  'knowledge.article',
  'document.page',
  'project.task',
]);

export type ArticleTarget = 'knowledge.article' | 'document.page' | 'files';

/** A field's wanted value. `ref`: one of our own records (sent as `field/id`). */
export type Value =
  | { kind: 'plain'; value: string | number | boolean }
  | { kind: 'ref'; xmlid: string | false }
  /** A many2one sent as a database id (`field/.id`): the target may be an adopted record. */
  | { kind: 'dbref'; xmlid: string }
  | { kind: 'refs'; xmlids: readonly string[] }
  | { kind: 'ids'; ids: readonly number[] };

export interface DesiredRecord {
  readonly model: SyncModel;
  /** Full external id, "<namespace>.<name>". */
  readonly xmlid: string;
  /** What the plan table shows. */
  readonly label: string;
  readonly values: Readonly<Record<string, Value>>;
  /** Load pass: records of one pass may reference only earlier passes. */
  readonly pass: number;
}

export interface DesiredInput {
  plan: TaskPlan;
  features: ReadonlyMap<string, Feature>;
  namespace: string;
  projectName: string;
  profile: VersionProfile;
  milestones: boolean;
  articles: ArticleTarget;
  /** Owner text (lowercase) -> res.users id, for owners that matched a user. */
  users: ReadonlyMap<string, number>;
  /** External id -> database id of what exists now (for article links). */
  ids: ReadonlyMap<string, number>;
}

/** A readable external-id name; a long key keeps a hash of the whole key so names never collide. */
function xmlName(key: string, max: number): string {
  const full = idPart(key, 10_000);
  if (full.length <= max) return full;
  return `${full.slice(0, max).replace(/_+$/, '')}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

export const xmlidOf = {
  project: (ns: string) => `${ns}.project`,
  stage: (ns: string, s: TaskStatus) => `${ns}.stage_${s}`,
  tag: (ns: string, name: string) => `${ns}.tag_${xmlName(name, 60)}`,
  milestone: (ns: string, key: string) => `${ns}.milestone_${xmlName(key, 60)}`,
  task: (ns: string, id: string) => `${ns}.task_${xmlName(id, 80)}`,
  article: (ns: string, key: string) => `${ns}.article_${xmlName(key, 80)}`,
};

export const plain = (value: string | number | boolean): Value => ({ kind: 'plain', value });
export const ref = (xmlid: string | false): Value => ({ kind: 'ref', xmlid });

