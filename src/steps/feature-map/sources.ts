/** Which addons paths a workspace analyses, and the analysis both step 4 and step 6 run. */
import { basename } from 'node:path';
import { analyseAddons } from '../../analysis/index.js';
import type { AddonsAnalysis, SourceProblem } from '../../analysis/types.js';
import type { Result } from '../../core/result.js';
import { err, ok } from '../../core/result.js';
import { formatLocation, UserError } from '../../core/user-error.js';
import { ARTIFACTS, type StepContext } from '../types.js';
import { buildFeatures } from './build.js';
import type { FeatureSet } from './types.js';

export const CONFIG_FILE = 'odoo-project-sync.toml';

export interface Sources {
  analysis: AddonsAnalysis;
  features: FeatureSet;
  paths: string[];
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

/** Analyses the workspace's module sources and derives its features. */
export async function readSources(ctx: StepContext): Promise<Result<Sources>> {
  const paths = await addonsPaths(ctx);
  if (!paths.ok) return paths;
  const root = ctx.artifacts.root;
  let analysis: AddonsAnalysis;
  try {
    analysis = await analyseAddons(paths.value, {
      base: root,
      signal: ctx.signal,
      onModule: (name, done, total) => ctx.progress({ activity: `reading ${name}`, done, total }),
    });
  } catch (e) {
    if (ctx.signal.aborted) return err(new UserError('cancelled', 'cancelled while reading the module sources'));
    throw e;
  }
  if (analysis.modules.length === 0) {
    return err(new UserError('input', `no readable Odoo module in ${paths.value.join(', ')}`, {
      where: { file: CONFIG_FILE, field: 'addons' },
      hint: 'point addons at folders holding modules (each with a __manifest__.py)',
      detail: analysis.problems.map(problemLine).join('\n') || undefined,
    }));
  }
  const database = ctx.config.source === 'database';
  const features = buildFeatures(analysis, (dir) => (database && (dir === ARTIFACTS.modules || dir.startsWith(`${ARTIFACTS.modules}/`)) ? 'database' : 'source'));
  return ok({ analysis, features, paths: paths.value });
}

/** The project name: [sync] project_name, else the workspace folder's name. */
export function projectName(ctx: StepContext): string {
  const sync = ctx.config.sections.sync;
  if (sync && typeof sync === 'object' && typeof (sync as Record<string, unknown>).project_name === 'string') {
    return (sync as Record<string, string>).project_name;
  }
  return basename(ctx.artifacts.root);
}
