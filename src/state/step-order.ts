/**
 * The order the steps run in, enforced for every caller (TUI enter, `run`, `resume`, regenerate):
 * a step runs only when every earlier step is done or skipped. That is what makes the two
 * approval checkpoints a promise rather than a suggestion.
 */
import { UserError } from '../core/user-error.js';
import type { StepEntry, StepRegistry } from '../steps/registry.js';
import type { StepId } from '../steps/types.js';
import type { RunState, StepStatus } from './types.js';

/** The first earlier step that is neither done nor skipped, if any. Pure. */
export function waitingFor(registry: StepRegistry, steps: RunState['steps'], id: StepId): StepEntry | undefined {
  const at = registry.findIndex((e) => e.id === id);
  return registry.slice(0, Math.max(0, at)).find((e) => steps[e.id].kind !== 'done' && steps[e.id].kind !== 'skipped');
}

const describe = (s: StepStatus): string => {
  switch (s.kind) {
    case 'awaiting-review':
      return 'waiting for your approval';
    case 'stale':
      return `out of date: ${s.reason}`;
    case 'pending':
      return 'not run yet';
    case 'failed':
      return 'failed';
    case 'running':
      return 'still running';
    case 'unavailable':
      return `unable to run yet: ${s.reason}`;
    case 'done':
    case 'skipped':
      return s.kind;
  }
};

/** Says which step is in the way, in what state, and how to get past it. */
export function orderRefusal(registry: StepRegistry, entry: StepEntry, before: StepEntry, status: StepStatus): UserError {
  const n = registry.indexOf(before) + 1;
  const hint =
    before.kind === 'review'
      ? `open step ${n} ("${before.title}") and approve ${before.file}, or run \`odoo-project-sync run ${before.id} --yes\``
      : `run step ${n} ("${before.title}") first: enter on it in the wizard, or \`odoo-project-sync run ${before.id}\``;
  return new UserError('usage', `${entry.title} needs "${before.title}" first (it is ${describe(status)})`, { hint });
}
