/**
 * Reads feature_user_story_map.toml leniently: only what the descriptions and articles need
 * (feature id, name, summary, stories and their acceptance criteria). Unknown keys are ignored;
 * a file that is not TOML is a UserError with its line.
 */
import { parse, TomlError } from 'smol-toml';
import { err, ok, type Result } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import { tomlSyntaxMessage } from '../../core/toml-error.js';

export interface Story {
  readonly title: string;
  readonly acceptance: readonly string[];
}

export interface Feature {
  readonly id: string;
  readonly name: string;
  readonly summary?: string;
  readonly stories: readonly Story[];
}

type Table = Record<string, unknown>;

const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (...vs: unknown[]): string | undefined => {
  for (const v of vs) if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return undefined;
};
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap((x) => (typeof x === 'string' ? [x] : isTable(x) && str(x.text, x.criterion) ? [str(x.text, x.criterion) as string] : [])) : typeof v === 'string' ? [v] : [];

function storyOf(v: unknown): Story | undefined {
  if (typeof v === 'string') return { title: v, acceptance: [] };
  if (!isTable(v)) return undefined;
  const role = str(v.as_a, v.role, v.as);
  const want = str(v.i_want, v.want, v.goal);
  const why = str(v.so_that, v.benefit);
  const composed = role && want ? `As ${role}, I want ${want}${why ? ` so that ${why}` : ''}.` : undefined;
  const title = str(v.story, v.text, v.title, v.name, composed);
  if (!title) return undefined;
  return { title, acceptance: strs(v.acceptance_criteria ?? v.acceptance ?? v.criteria) };
}

function featureOf(id: string | undefined, v: unknown): Feature | undefined {
  if (!isTable(v) || v.scope === 'out') return undefined;
  const fid = str(v.id, v.key, id);
  if (!fid) return undefined;
  const stories = v.stories ?? v.user_stories ?? v.story;
  const list = Array.isArray(stories) ? stories : isTable(stories) ? Object.values(stories) : [];
  return {
    id: fid,
    name: str(v.name, v.title, fid) as string,
    summary: str(v.summary, v.description),
    stories: list.map(storyOf).filter((s): s is Story => s !== undefined),
  };
}

export function readFeatureMap(text: string, file: string): Result<Map<string, Feature>, UserError> {
  let doc: Table;
  try {
    doc = parse(text) as Table;
  } catch (e) {
    const te = e instanceof TomlError ? e : undefined;
    return err(
      new UserError('input', `${file} is not valid TOML: ${te ? tomlSyntaxMessage(te, text) : String(e)}`, {
        where: { file, line: te?.line, column: te?.column },
        hint: 'Fix it in the reviewer (step 5), or remove the file to sync without user stories.',
      }),
    );
  }
  const features = doc.features ?? doc.feature;
  const entries: [string | undefined, unknown][] = Array.isArray(features)
    ? features.map((f) => [undefined, f])
    : isTable(features)
      ? Object.entries(features)
      : [];
  const out = new Map<string, Feature>();
  for (const [id, v] of entries) {
    const f = featureOf(id, v);
    if (f) out.set(f.id, f);
  }
  return ok(out);
}

/** The feature a task belongs to: the longest id prefix up to a "." ("crm_lead.s1.p2" -> "crm_lead"). */
export function featureOfTask(taskId: string, features: ReadonlyMap<string, Feature>): Feature | undefined {
  for (let id = taskId; ; id = id.slice(0, id.lastIndexOf('.'))) {
    const f = features.get(id);
    if (f) return f;
    if (id.lastIndexOf('.') <= 0) return undefined;
  }
}
