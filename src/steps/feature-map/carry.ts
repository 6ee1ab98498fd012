/**
 * What the user changed in the reviewed map, by feature id, so that a regenerated proposal
 * carries it (scope, priority, owner, milestone, merged_into, reworded stories), and which of
 * their features the code no longer has (listed, never silently dropped).
 */
import { parse } from 'smol-toml';
import type { Feature, Story } from './types.js';

export interface Carried {
  scope?: string;
  priority?: string;
  owner?: string;
  milestone?: string;
  merged_into?: string;
  stories?: Story[];
}

export interface Vanished {
  id: string;
  title: string;
  /** The user's decisions on it, e.g. 'owner "alice"'. */
  edits: string[];
}

type Raw = Record<string, { title?: unknown; scope?: unknown; priority?: unknown; owner?: unknown; milestone?: unknown; merged_into?: unknown; stories?: unknown }>;

function featuresOf(text: string | undefined): Raw | undefined {
  if (text === undefined) return undefined;
  try {
    const doc = parse(text) as { features?: unknown };
    return doc.features && typeof doc.features === 'object' ? (doc.features as Raw) : undefined;
  } catch {
    // A map that does not parse is the reviewer's business; nothing is carried from it.
    return undefined;
  }
}

const DECISIONS = ['scope', 'priority', 'owner', 'milestone', 'merged_into'] as const;

function stories(v: unknown): Story[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v
    .filter((s): s is { text: string; acceptance?: unknown } => !!s && typeof s === 'object' && typeof (s as { text?: unknown }).text === 'string')
    .map((s) => ({ text: s.text, acceptance: Array.isArray(s.acceptance) ? s.acceptance.filter((a): a is string => typeof a === 'string') : [] }));
  return out;
}

/**
 * The user's edits: decisions whose value differs from the last proposal (every set one when
 * there is no last proposal, e.g. a map copied from elsewhere), and their stories when there is
 * no last proposal to merge with.
 */
export function userEdits(userText: string | undefined, baseText: string | undefined): Map<string, Carried> {
  const user = featuresOf(userText);
  const base = featuresOf(baseText);
  const out = new Map<string, Carried>();
  if (!user) return out;
  for (const [id, f] of Object.entries(user)) {
    const was = base?.[id];
    const c: Carried = {};
    for (const k of DECISIONS) {
      const v = f[k];
      if (typeof v === 'string' && (was === undefined ? v !== '' : v !== was[k])) c[k] = v;
    }
    // With a last proposal the three-way merge keeps reworded stories and still adds the stories
    // new code brings; without one (a copied or older map) the user's stories win as a whole.
    const s = stories(f.stories);
    if (s?.length && !base) c.stories = s;
    if (Object.keys(c).length) out.set(id, c);
  }
  return out;
}

/** Features of the user's map that the code no longer yields. */
export function vanished(userText: string | undefined, current: readonly Feature[], edits: ReadonlyMap<string, Carried>): Vanished[] {
  const user = featuresOf(userText);
  if (!user) return [];
  const ids = new Set(current.map((f) => f.id));
  return Object.entries(user)
    .filter(([id]) => !ids.has(id))
    .map(([id, f]) => {
      const e = edits.get(id) ?? {};
      const listed = DECISIONS.filter((k) => e[k] !== undefined).map((k) => `${k} "${e[k]}"`);
      if (e.stories) listed.push(`${e.stories.length} reworded stor${e.stories.length === 1 ? 'y' : 'ies'}`);
      return { id, title: typeof f.title === 'string' ? f.title : id, edits: listed };
    });
}
