/** Which addons paths a workspace analyses, and the analysis both step 4 and step 6 run. */
import { basename, resolve } from 'node:path';
import { analyseAddons, findAddonsBelow } from '../../analysis/index.js';
import type { AddonsAnalysis, SourceProblem } from '../../analysis/types.js';
import type { Result } from '../../core/result.js';
import { err, ok } from '../../core/result.js';
import { formatLocation, UserError } from '../../core/user-error.js';
import { ARTIFACTS, CONFIG_FILE, type StepContext } from '../types.js';
import { buildFeatures } from './build.js';
import { readCachedSources, sourcesKey, writeCachedSources } from './sources-cache.js';
import type { FeatureSet } from './types.js';


export interface Sources {
  problems: SourceProblem[];
  features: FeatureSet;
  paths: string[];
  /** Read back from the cache (nothing was parsed). */
  cached: boolean;
  /** With `laterCache`: keeps this analysis in the cache for the next step (a no-op when it came from there). */
  keep: () => Promise<void>;
}

async function addonsPaths(ctx: StepContext): Promise<Result<string[]>> {
  const { config, artifacts } = ctx;
  if (config.source === 'database') {
    if (!(await artifacts.exists(ARTIFACTS.modules))) {
      return err(new UserError('input', `no generated modules: ${ARTIFACTS.modules}/ does not exist`, {
        where: { file: ARTIFACTS.modules },
        hint: 'run the generate step first (odoo-project-sync run generate)',
      }));
    }
    return ok([ARTIFACTS.modules, ...config.addons]);
  }
  if (config.addons.length === 0) {
    return err(new UserError('config', 'a source-code workspace needs at least one addons path', {
      where: { file: CONFIG_FILE, field: 'addons' },
      hint: 'add addons = ["path/to/your/custom/addons"] to odoo-project-sync.toml',
    }));
  }
  return ok([...config.addons]);
}

export function problemLine(p: SourceProblem): string {
  return `${formatLocation({ file: p.file, line: p.line, column: p.column })}: ${p.message}`;
}

/**
 * Analyses the workspace's module sources and derives its features. `laterCache`: the caller
 * keeps the result in the cache itself (`keep`), after its own writes, instead of before them.
 */
export async function readSources(ctx: StepContext, laterCache = false): Promise<Result<Sources>> {
  const paths = await addonsPaths(ctx);
  if (!paths.ok) return paths;
  const root = ctx.artifacts.root;
  const key = await sourcesKey(ctx, paths.value);
  const hit = key === undefined ? undefined : await readCachedSources(ctx, key);
  if (hit) {
    ctx.progress({ activity: 'module sources unchanged since the last analysis: reusing it' });
    return ok({ ...hit, paths: paths.value, cached: true, keep: async () => undefined });
  }
  let analysis: AddonsAnalysis;
  try {
    analysis = await analyseAddons(paths.value, {
      base: root,
      signal: ctx.signal,
      onModule: (name, done, total, files, work) => ctx.progress({ activity: `reading ${name}`, done, total, unit: 'modules', files, ...(work ? { work } : {}) }),
    });
  } catch (e) {
    if (ctx.signal.aborted) return err(new UserError('cancelled', 'cancelled while reading the module sources'));
    throw e;
  }
  if (analysis.modules.length === 0) {
    const deeper = paths.value.flatMap((p) => findAddonsBelow(resolve(root, p)));
    const one = paths.value.length === 1;
    const looked = `looked for __manifest__.py in ${one ? 'that folder and its' : 'those folders and their'} ${analysis.folders} sub-folder${analysis.folders === 1 ? '' : 's'}`;
    // An unreadable folder says so here; --debug lists every problem.
    const why = analysis.problems[0]?.kind === 'unreadable' ? `: ${problemLine(analysis.problems[0])}` : '';
    return err(new UserError('input', `no readable Odoo module in ${paths.value.join(', ')} (${looked})${why}`, {
      where: { file: CONFIG_FILE, field: 'addons' },
      hint: analysis.problems[0]?.kind === 'unreadable'
        ? 'let your user read the addons folders, then run the step again'
        : deeper.length > 0
        ? `modules were found deeper, in ${deeper.slice(0, 5).join(', ')}${deeper.length > 5 ? ', ...' : ''}: point addons at those folders`
        : 'point addons at folders holding modules (each with a __manifest__.py)',
      detail: analysis.problems.slice(0, 20).map(problemLine).join('\n') || undefined,
    }));
  }
  const database = ctx.config.source === 'database';
  const features = buildFeatures(analysis, (dir) => (database && (dir === ARTIFACTS.modules || dir.startsWith(`${ARTIFACTS.modules}/`)) ? 'database' : 'source'));
  // Kept only when the key describes what was parsed. It does when every module was analysed
  // from the bytes the key's digests hashed; else when no file changed while it was read.
  const keep = async () => {
    if (key !== undefined && (analysis.fromCheck || (await sourcesKey(ctx, paths.value, true)) === key)) {
      await writeCachedSources(ctx, key, { problems: analysis.problems, features });
    }
  };
  if (!laterCache) await keep();
  return ok({ problems: analysis.problems, features, paths: paths.value, cached: false, keep: laterCache ? keep : async () => undefined });
}

/** The project name: [sync] project_name, else the workspace folder's name. */
export function projectName(ctx: StepContext): string {
  const sync = ctx.config.sections.sync;
  if (sync && typeof sync === 'object' && typeof (sync as Record<string, unknown>).project_name === 'string') {
    return (sync as Record<string, string>).project_name;
  }
  return basename(ctx.artifacts.root);
}
