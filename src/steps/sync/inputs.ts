/** The step's inputs from the workspace: the task plan, the optional feature map, the config. */
import { err, ok, type Result } from '../../core/result.js';
import { decodeUtf8 } from '../../core/utf8.js';
import { UserError } from '../../core/user-error.js';
import { ARTIFACTS, CONFIG_FILE, type StepContext } from '../types.js';
import { readSyncConfig, type SyncConfig } from './config.js';
import { readFeatureMap, type Feature } from './feature-map.js';
import { parseTaskPlan, type TaskPlan } from './parse/index.js';
import { planFileOf } from './plan-file.js';
import { prepareSource } from './parse/source.js';

export interface SyncInputs {
  config: SyncConfig;
  planFile: string;
  plan: TaskPlan;
  features: Map<string, Feature>;
}

export async function readInputs(ctx: StepContext): Promise<Result<SyncInputs, UserError>> {
  const config = readSyncConfig(ctx.config.sections);
  if (!config.ok) return config;
  // [sync] plan_file wins over ToDo.md whenever it is set, even when a ToDo.md exists.
  const planFile = planFileOf(ctx.config.sections);
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
  const plan = parseTaskPlan(text.value, planFile);
  if (!plan.ok) return plan;
  const fmText = await ctx.artifacts.read(ARTIFACTS.featureMap);
  let features = new Map<string, Feature>();
  if (fmText !== undefined) {
    const fm = readFeatureMap(fmText, ARTIFACTS.featureMap);
    if (!fm.ok) return fm;
    features = fm.value;
  }
  return ok({ config: config.value, planFile, plan: plan.value, features });
}
