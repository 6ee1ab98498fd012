/**
 * Task drafts (a task before the user's status and owner are applied) and splitting work that
 * exceeds the task cap into parts, each with its share of the checklist.
 */
import type { EstimateModel } from './estimate.js';
import type { TodoTask } from './model.js';
import { rangeHow, splitByCap, type Work } from './three-point.js';

export type TaskDraft = Omit<TodoTask, 'status' | 'owner'> & {
  /** Owner from the feature map when the user set none in ToDo.md. */
  defaultOwner?: string;
  /** The milestone of the feature, when the map sets one. */
  milestone?: string;
};

export interface DraftSpec {
  id: string;
  module: string;
  featureId?: string;
  title: string;
  work: Work;
  story?: string;
  checklist?: string[];
  checklistTitle?: string;
  evidence?: string[];
  note?: string;
  defaultOwner?: string;
  milestone?: string;
  /** The share of `work` this task carries (a story of a feature). */
  share?: number;
}

/** One draft, or `<id>.p1..pN` parts when the expected hours exceed the cap. */
export function drafts(spec: DraftSpec, model: EstimateModel): TaskDraft[] {
  const share = spec.share ?? 1;
  const { parts, each } = splitByCap(spec.work.likely * share, spec.work.widen, model);
  const how = rangeHow(spec.work, model, share);
  const checklist = spec.checklist ?? [];
  const common = {
    module: spec.module,
    featureId: spec.featureId,
    story: spec.story,
    checklistTitle: spec.checklistTitle,
    evidence: spec.evidence ?? [],
    note: spec.note,
    defaultOwner: spec.defaultOwner,
    milestone: spec.milestone,
  };
  if (parts === 1) return [{ ...common, id: spec.id, title: spec.title, estimate: each, how, checklist }];
  const size = Math.ceil(checklist.length / parts);
  return Array.from({ length: parts }, (_, i) => ({
    ...common,
    id: `${spec.id}.p${i + 1}`,
    title: `${spec.title} (part ${i + 1} of ${parts})`,
    estimate: each,
    how: `${how}; split into ${parts} equal parts to stay within the ${model.task_cap} h cap`,
    checklist: checklist.slice(i * size, (i + 1) * size),
  }));
}

/** `[label](path#Lline)` for "path:line": a link that opens the line on GitHub and GitLab. */
export function evidenceLink(ref: string, moduleDir?: string): string {
  const m = /^(.*):(\d+)$/.exec(ref);
  if (!m) return `\`${ref.replace(/`/g, "'")}\``;
  const [, file, line] = m;
  const label = moduleDir && file.startsWith(`${moduleDir}/`) ? file.slice(moduleDir.length + 1) : file;
  return `[${escapeLabel(`${label}:${line}`)}](${encodeURI(file)}#L${line})`;
}

// Underscores inside words never start emphasis in GFM, so technical names stay readable.
const escapeLabel = (s: string): string => s.replace(/([\\`*[\]<>|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))/g, '\\$1');

/** Text from sources or the user, made safe for one Markdown line. */
export function inlineText(s: string): string {
  return escapeLabel(s.replace(/\s+/g, ' ').trim());
}
