/** The schema of feature_user_story_map.toml, and reading it into typed decisions. */
import { parse, TomlError } from 'smol-toml';
import { z } from 'zod';
import { didYouMean } from '../../core/did-you-mean.js';
import type { Finding, KeyFinding } from '../../review/types.js';
import { placeAll } from '../../review/validate.js';
import type { Diagnostic } from '../types.js';
import { FEATURE_ID_RE } from './ids.js';
import { needsReason } from './story.js';
import { FEATURE_KINDS, LEGACY_KINDS, PRIORITIES } from './types.js';
import { tomlSyntaxMessage } from '../../core/toml-error.js';

const StorySchema = z.strictObject({
  text: z.string().min(1, 'a story needs text, e.g. "As a <role>, I want <goal>, so that <benefit>."'),
  acceptance: z.array(z.string()).default([]),
});

const FeatureSchema = z.strictObject({
  title: z.string().min(1),
  module: z.string().min(1),
  kind: z.enum([...FEATURE_KINDS, ...LEGACY_KINDS]),
  scope: z.enum(['in', 'out'], { error: 'scope must be "in" or "out"' }).default('in'),
  priority: z.enum(PRIORITIES, { error: `priority must be one of ${PRIORITIES.map((p) => `"${p}"`).join(', ')}` }).default('medium'),
  owner: z.string().default(''),
  milestone: z.string().default(''),
  merged_into: z.string().optional(),
  roles: z.array(z.string()).default([]),
  evidence: z.array(z.string()).default([]),
  stories: z.array(StorySchema).default([]),
});

const ModuleSchema = z.strictObject({
  title: z.string(),
  summary: z.string().optional(),
  depends: z.array(z.string()).default([]),
  origin: z.enum(['source', 'database']).default('source'),
});

export const FeatureMapSchema = z.strictObject({
  version: z.literal(1, { error: 'version must be 1' }),
  project: z.string().optional(),
  modules: z.record(z.string(), ModuleSchema).default({}),
  features: z.record(z.string(), FeatureSchema),
});

export type FeatureMapDoc = z.infer<typeof FeatureMapSchema>;
export type FeatureEntry = FeatureMapDoc['features'][string];

const diag = (path: readonly PropertyKey[], message: string, severity: Diagnostic['severity'] = 'error'): KeyFinding => ({ path, message, severity });

/**
 * Syntax, then schema, then cross-references. Returns the document when there is no error.
 * `parsed`: the text as smol-toml already parsed it (a 4 MB map takes most of a second to parse).
 * `errorsOnly`: the warnings (advice on how stories read) are left out.
 */
export function checkFeatureMap(text: string, parsed?: unknown, errorsOnly = false): { doc?: FeatureMapDoc; diagnostics: Diagnostic[] } {
  const { doc, findings } = findInFeatureMap(text, parsed, errorsOnly);
  return { doc, diagnostics: placeAll(text, findings) };
}

/**
 * The same check, its findings at key paths (placed by the caller, when it shows them): on a map
 * of megabytes the positions of thousands of warnings cost as much as the check itself.
 */
export function findInFeatureMap(text: string, parsed?: unknown, errorsOnly = false): { doc?: FeatureMapDoc; findings: Finding[] } {
  const lines = parsed === undefined ? text.split(/\r?\n/) : [];
  const marker = lines.findIndex((l) => /^(<{7}|={7}|>{7})( |$)/.test(l));
  if (marker >= 0) {
    return { findings: [{ line: marker + 1, column: 1, severity: 'error', message: 'unresolved merge conflict: keep one side and delete the <<<<<<< ======= >>>>>>> lines' }] };
  }
  let raw: unknown = parsed;
  if (raw === undefined) {
    try {
      raw = parse(text);
    } catch (e) {
      if (e instanceof TomlError) {
        return { findings: [{ line: e.line, column: e.column, severity: 'error', message: tomlSyntaxMessage(e, text) }] };
      }
      throw e;
    }
  }
  const checked = FeatureMapSchema.safeParse(raw);
  if (!checked.success) {
    const findings = checked.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => diag([...issue.path, k], `unknown key '${k}'`))
        : [diag(issue.path, issue.message)],
    );
    return { findings };
  }
  const doc = checked.data;
  const diagnostics: KeyFinding[] = [];
  const ids = Object.keys(doc.features);
  for (const [id, f] of Object.entries(doc.features)) {
    if (!FEATURE_ID_RE.test(id)) {
      diagnostics.push(diag(['features', id], `feature id '${id}' may hold only letters, digits, '_' and '-' (no '.')`));
    }
    if (f.merged_into !== undefined) {
      const target = doc.features[f.merged_into];
      const at = ['features', id, 'merged_into'];
      if (f.merged_into === id) diagnostics.push(diag(at, 'a feature cannot be merged into itself'));
      else if (!target) diagnostics.push(diag(at, `merged_into names an unknown feature '${f.merged_into}'${didYouMean(ids, f.merged_into)}`));
      else if (target.merged_into !== undefined) {
        diagnostics.push(diag(at, `'${f.merged_into}' is itself merged into '${target.merged_into}': merge into '${target.merged_into}' directly`));
      } else if (target.scope === 'out' && f.scope === 'in' && !errorsOnly) {
        diagnostics.push(diag(at, `'${f.merged_into}' is out of scope, so this feature's work is dropped too`, 'warning'));
      }
    }
    // An unknown module would silently become a phase of its own in ToDo.md.
    if (Object.keys(doc.modules).length && !doc.modules[f.module]) {
      const known = Object.keys(doc.modules);
      diagnostics.push(
        diag(['features', id, 'module'], `module '${f.module}' is not listed under [modules]${didYouMean(known, f.module)}: use ${moduleChoices(known)}, or add a [modules.${f.module}] table`),
      );
    }
    if (errorsOnly) continue;
    f.stories.forEach((s, i) => {
      if (!/^As an? .+?, I want .+/i.test(s.text)) {
        diagnostics.push(diag(['features', id, 'stories', i, 'text'], 'stories read best as "As a <role>, I want <goal>, so that <benefit>."', 'warning'));
      } else if (f.scope === 'in' && f.merged_into === undefined && needsReason(s.text)) {
        diagnostics.push(diag(['features', id, 'stories', i, 'text'], 'needs a reason: the code states none; add ", so that <why the user wants it>" before the final period', 'warning'));
      }
    });
  }
  return { doc: diagnostics.some((d) => d.severity === 'error') ? undefined : doc, findings: diagnostics };
}

/** The modules to choose from: all of them when few, else the count and where they are listed. */
function moduleChoices(known: readonly string[]): string {
  if (known.length <= 8) return `one of ${known.map((m) => `'${m}'`).join(', ')}`;
  return `one of the ${known.length} modules of the [modules.<name>] tables (${known.slice(0, 3).map((m) => `'${m}'`).join(', ')}, ...)`;
}
