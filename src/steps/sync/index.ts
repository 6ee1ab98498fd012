/**
 * Step 7, sync: ToDo.md (or any task plan) -> an Odoo project with stages, tags, milestones,
 * tasks and articles. Plans first, asks, then writes through load() with external ids.
 */
import { err, ok, type Result } from '../../core/result.js';
import { UserError } from '../../core/user-error.js';
import { ARTIFACTS, type StepContext, type StepEngine, type StepOutcome } from '../types.js';
import { readSyncConfig } from './config.js';
import { checkUnchanged, unchangedKey } from './unchanged.js';

export type { TaskPlan, PlanTask, PlanPhase } from './parse/types.js';
export type { SyncPlan, PlanEntry, PlanAction } from './plan-types.js';
export { renderPlan } from './render-plan.js';

export const syncStep: StepEngine = {
  id: 'sync',
  // The task plan ([sync] plan_file or ToDo.md) is added by the registry: it depends on the config.
  inputs: [ARTIFACTS.featureMap],
  async run(ctx: StepContext): Promise<Result<StepOutcome, UserError>> {
    try {
      const config = readSyncConfig(ctx.config.sections);
      if (!config.ok) return config;
      // Before any input is read: a file edited meanwhile then never passes for the one read.
      const check = await checkUnchanged(ctx, await unchangedKey(ctx, config.value));
      if (check.kind === 'stands') return ok(check.outcome);
      // Parsing, planning and writing load only when there is something to work out.
      const [{ readInputs }, { runSync }] = await Promise.all([import('./inputs.js'), import('./run-sync.js')]);
      const inputs = await readInputs(ctx);
      if (!inputs.ok) return inputs;
      return await runSync(ctx, inputs.value, check);
    } catch (e) {
      if (e instanceof UserError) return err(e);
      if (ctx.signal.aborted) {
        return err(new UserError('cancelled', 'Sync cancelled.', { hint: 'Run it again: it resumes where it stopped.' }));
      }
      throw e;
    }
  },
};
