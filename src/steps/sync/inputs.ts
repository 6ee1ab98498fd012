/** The step's inputs from the workspace: the task plan, the optional feature map, the config. */
import { isAbsolute } from 'node:path';
import { BUILD_ID } from '../../core/build-id.js';
import { err, ok, type Result } from '../../core/result.js';
import { decodeUtf8 } from '../../core/utf8.js';
import { UserError } from '../../core/user-error.js';
import { ARTIFACTS, CONFIG_FILE, type StepContext } from '../types.js';
import { readSyncConfig, type SyncConfig } from './config.js';
import type { Feature } from './feature-map.js';
import type { TaskPlan } from './parse/types.js';
import { planFileOf } from './plan-file.js';
import { prepareSource } from './parse/source.js';

export interface SyncInputs {
  config: SyncConfig;
  planFile: string;
  plan: TaskPlan;
  features: Map<string, Feature>;
}

/**
 * The plan and the feature map as parsed last time, keyed by the digests of both files (through
 * the stat cache, so an unchanged ToDo.md of 10 MB is not even read) and the build.
 */
export const PARSED_INPUTS = '.odoo-project-sync/cache/sync-inputs.json';

interface ParsedInputs {
  key: string;
  plan: TaskPlan;
  features: [string, Feature][];
}

async function parsedKey(ctx: StepContext, planFile: string): Promise<string | undefined> {
  if (!ctx.digest || isAbsolute(planFile) || planFile.startsWith('..')) return undefined;
  return JSON.stringify([BUILD_ID, planFile, await ctx.digest(planFile), await ctx.digest(ARTIFACTS.featureMap)]);
}

async function readParsed(ctx: StepContext, key: string | undefined): Promise<ParsedInputs | undefined> {
  if (key === undefined) return undefined;
  try {
    const text = await ctx.artifacts.read(PARSED_INPUTS);
    const cached = text === undefined ? undefined : (JSON.parse(text) as ParsedInputs);
    return cached?.key === key && Array.isArray(cached.features) && Array.isArray(cached.plan?.phases) ? cached : undefined;
  } catch {
    return undefined; // unreadable: parsed again
  }
}

export async function readInputs(ctx: StepContext): Promise<Result<SyncInputs, UserError>> {
  const config = readSyncConfig(ctx.config.sections);
  if (!config.ok) return config;
  // [sync] plan_file wins over ToDo.md whenever it is set, even when a ToDo.md exists.
  const planFile = planFileOf(ctx.config.sections);
  const key = await parsedKey(ctx, planFile);
  const cached = await readParsed(ctx, key);
  if (cached) return ok({ config: config.value, planFile, plan: cached.plan, features: new Map(cached.features) });
  let bytes: Buffer | undefined;
  try {
    bytes = await ctx.artifacts.readBytes(planFile);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return err(
      new UserError('config', `[sync] plan_file "${planFile}" is outside the workspace.`, {
        where: { file: CONFIG_FILE, field: 'sync.plan_file' },
        hint: `Copy the plan into ${ctx.artifacts.root} and name it relative to it.`,
      }),
    );
  }
  if (bytes === undefined) {
    const hint = config.value.planFile
      ? `Create ${planFile}, or remove plan_file from [sync] in ${CONFIG_FILE} to sync ToDo.md.`
      : `Run step 6 (todo) to write ToDo.md, or set plan_file under [sync] in ${CONFIG_FILE}.`;
    return err(new UserError('input', `No task plan: ${planFile} does not exist.`, { where: { file: planFile }, hint }));
  }
  // A plan kept by hand may have been saved in Latin-1 or Windows-1252: refused at the byte, never
  // read as U+FFFD. A binary file is told as such first (parseTaskPlan says "binary data").
  const text = decodeUtf8(bytes, planFile);
  if (!text.ok) {
    const asBinary = prepareSource(bytes.toString('utf8'), planFile);
    return asBinary.ok ? text : asBinary;
  }
  // The Markdown and TOML parsers load only when there is something to parse.
  const [{ parseTaskPlan }, { readFeatureMap }] = await Promise.all([import('./parse/index.js'), import('./feature-map.js')]);
  const plan = parseTaskPlan(text.value, planFile);
  if (!plan.ok) return plan;
  const fmText = await ctx.artifacts.read(ARTIFACTS.featureMap);
  let features = new Map<string, Feature>();
  if (fmText !== undefined) {
    const fm = readFeatureMap(fmText, ARTIFACTS.featureMap);
    if (!fm.ok) return fm;
    features = fm.value;
  }
  if (key !== undefined) {
    const file: ParsedInputs = { key, plan: plan.value, features: [...features] };
    await ctx.artifacts.write(PARSED_INPUTS, JSON.stringify(file)).catch(() => undefined); // only costs the next run a parse
  }
  return ok({ config: config.value, planFile, plan: plan.value, features });
}
