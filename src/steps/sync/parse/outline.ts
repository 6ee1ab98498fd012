/**
 * What each heading of a plan is: the title, a phase (a milestone), a section between a phase and
 * its tasks (a tag), a status group ("## Completed"), a task itself, or a meta section (legend,
 * summary, notes). Phases come from the phase level of the document: the level of its "Phase /
 * Sprint / Wave ..." headings, else the highest level that holds tasks, even when phases and
 * tasks are headings of the same level.
 */
import type { Heading, RootContent } from 'mdast';
import { hasStatusLine, hasTaskFieldLine, namesTask } from './heading-task.js';
import { parseItemText } from './item-text.js';
import { LEGEND_HEADING } from './legend-read.js';
import { legendWord, type Legend } from './legend.js';
import { cleanName } from './names.js';
import type { ResolvedStatus } from './status.js';
import { exactStatusWord } from './status-words.js';
import { nodeText } from './text.js';

export type HeadingKind = 'title' | 'phase' | 'section' | 'status-group' | 'task' | 'meta';

export interface HeadingInfo {
  readonly index: number;
  readonly heading: Heading;
  readonly depth: number;
  readonly kind: HeadingKind;
  /** Cleaned name: emoji and a status suffix dropped, the id kept ("1.1 Setup"). */
  readonly name: string;
  /** The status the heading gives the tasks under it that carry none. */
  readonly status?: ResolvedStatus;
  /** The id the heading starts with ("T1", "2.1"), if any. */
  readonly id?: string;
  /** The nodes up to the next heading of the same or a higher level. */
  readonly subtree: readonly RootContent[];
}

export interface Outline {
  readonly headings: ReadonlyMap<number, HeadingInfo>;
  readonly title?: string;
}

const PHASE_WORD = /^(phase|stage|sprint|milestone|wave|batch|epic|release|iteration|part|week|step|round|cycle|workstream|stream|fase|etapa|étape|stufe|meilenstein|阶段|階段|フェーズ|단계)\b/i;
/** A phase named inside a heading's text: "Current Sprint: Sprint 4 (Leave & Dashboard)" -> "Sprint 4 (Leave & Dashboard)". */
const PHASE_INSIDE = /\b(?:phase|sprint|milestone|wave|iteration|release)\s+[A-Za-z0-9.]+\b.*$/i;
/** A heading that only says "here are the tasks": it names no phase of its own. */
const PROGRESS_NAME = /^(?:task|work|sprint)?\s*(?:progress|status|board|breakdown|tracking|backlog)$/i;
const META = /^(\d+[.)]?\s*)?(summary|overview|totals?|statistics|notes?|references?|naming|conventions?|glossary|purpose|context|background|introduction|goals?|scope|rules|how to|dependencies|risks?|assumptions?|appendix|changelog|history|decisions?( log)?|open questions|table of contents|contents|guidelines|out of scope)\b/i;
/** Status words that, alone as a heading, name a kind of work: a section, never a status group. */
const TOPICS = /^\W*(testing|qa|verify|verifying|checking)\W*$/i;

/** A heading of something other than work: a legend, a summary, notes... */
const isMeta = (t: string): boolean => LEGEND_HEADING.test(t) || META.test(t);
const GENERIC = /^(tasks?|task list|todos?|to-?do( list)?|checklist|work items|action items|implementation plan|plan|roadmap|backlog items)$/i;
const GROUP_TAIL = /\s*(items?|tasks?|phases?|work|features?|issues?|todos?|stories|tickets?)?\s*(\(\d+\))?$/i;
export const TITLE_PREFIX = /^(todo|to-do|tasks?|plan|roadmap)\s*[:\-–—]\s*/i;

export function buildOutline(
  kids: readonly RootContent[],
  legend: Legend,
  isTaskBlock: (n: RootContent) => boolean,
  frontTitle: string | undefined,
): Outline {
  const idx = kids.flatMap((n, i) => (n.type === 'heading' ? [i] : []));
  const subtreeOf = (i: number): RootContent[] => {
    const d = (kids[i] as Heading).depth;
    const end = idx.find((j) => j > i && (kids[j] as Heading).depth <= d) ?? kids.length;
    return kids.slice(i + 1, end);
  };
  const text = (i: number) => cleanName(nodeText(kids[i] as Heading));
  const group = (i: number): ResolvedStatus | undefined => {
    const t = text(i).replace(GROUP_TAIL, '');
    // "### Testing" or "### QA" over a checklist names the work, not its status.
    if (TOPICS.test(t)) return undefined;
    const s = t === '' ? undefined : (exactStatusWord(t) ?? legendWord(legend, t));
    return s ? { status: s, from: 'section' } : undefined;
  };
  // Tasks first, deepest last: a heading with task items or task headings under it is no task.
  const task = new Set<number>();
  for (const i of [...idx].reverse()) {
    const h = kids[i] as Heading;
    const sub = subtreeOf(i);
    const direct = sub.slice(0, sub.findIndex((n) => n.type === 'heading') === -1 ? sub.length : sub.findIndex((n) => n.type === 'heading'));
    // A "Status:" line makes the heading a task even over a checklist (its items become subtasks).
    // So does an estimate or owner line under a heading that names a task ("### Task 1.2: Testing" / "Estimated Time: 2 hours").
    const named = namesTask(h, legend);
    const statusLine = hasStatusLine(direct) || (named && hasTaskFieldLine(direct));
    const signals = statusLine || named || parseItemText(nodeText(h), legend).status !== undefined;
    // Task blocks under its sub-headings make it a phase or section even with a Status line
    // ("## Sprint 4" / "**Status:** In Progress" / "### Backend" / a task table): only the
    // blocks right under the heading are a task's steps.
    const below = sub.some((n, k) => (n.type === 'heading' ? task.has(i + 1 + k) : (!statusLine || k >= direct.length) && isTaskBlock(n)));
    // A summary, legend or notes heading is never a task, whatever its body says.
    if (signals && !group(i) && !below && h.depth > 1 && !isMeta(text(i))) task.add(i);
  }
  const firstH1 = idx.find((i) => (kids[i] as Heading).depth === 1 && !task.has(i));
  const candidates = idx.filter((i) => !task.has(i) && i !== firstH1 && !group(i) && !isMeta(text(i)) && !GENERIC.test(text(i)));
  const phaseWords = candidates.filter((i) => PHASE_WORD.test(text(i)));
  const holds = (i: number) => subtreeOf(i).some((n, k) => (n.type === 'heading' ? task.has(i + 1 + k) : isTaskBlock(n)));
  const level = phaseWords.length > 0 ? modeDepth(phaseWords.map((i) => (kids[i] as Heading).depth)) : minDepth(candidates.filter(holds).map((i) => (kids[i] as Heading).depth));
  const titleH1 = firstH1 !== undefined && level === 1 && PHASE_WORD.test(text(firstH1)) ? undefined : firstH1;
  // "## Current Sprint: Sprint 4 (Leave & Dashboard)" over "### Task Progress": a phase-level heading
  // that only says "the tasks" is the phase its parent heading names.
  const namedByParent = (i: number): string | undefined => {
    if (!PROGRESS_NAME.test(text(i))) return undefined;
    const depth = (kids[i] as Heading).depth;
    const parent = [...idx].reverse().find((j) => j < i && (kids[j] as Heading).depth < depth);
    return parent === undefined ? undefined : PHASE_INSIDE.exec(text(parent))?.[0].trim();
  };
  const headings = new Map<number, HeadingInfo>();
  for (const i of idx) {
    const h = kids[i] as Heading;
    const head = parseItemText(nodeText(h), legend);
    const kind: HeadingKind =
      i === titleH1 ? 'title'
      : task.has(i) ? 'task'
      : group(i) ? 'status-group'
      : isMeta(text(i)) || GENERIC.test(text(i)) ? 'meta'
      : h.depth === level ? 'phase'
      : 'section';
    const name = (kind === 'phase' && namedByParent(i)) || (head.id ? `${head.id} ${head.title}` : head.title || text(i));
    headings.set(i, { index: i, heading: h, depth: h.depth, kind, name, id: head.id, status: group(i) ?? head.status, subtree: subtreeOf(i) });
  }
  const h1 = titleH1 === undefined ? undefined : cleanName(nodeText(kids[titleH1] as Heading)).replace(TITLE_PREFIX, '').trim();
  return { headings, title: frontTitle ?? (h1 || undefined) };
}

function modeDepth(ds: readonly number[]): number {
  const c = new Map<number, number>();
  for (const d of ds) c.set(d, (c.get(d) ?? 0) + 1);
  return [...c].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

function minDepth(ds: readonly number[]): number | undefined {
  return ds.length > 0 ? Math.min(...ds) : undefined;
}
