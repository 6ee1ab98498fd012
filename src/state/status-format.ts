import { assertNever } from '../core/assert-never.js';
import type { StepRegistry } from '../steps/registry.js';
import type { RunState, StepStatus } from './types.js';

/** One line per step for `status`, e.g. "3  generate        done     4 modules". */
export function formatStatus(state: RunState, registry: StepRegistry): string {
  const lines = registry.map((e, i) => {
    const st = state.steps[e.id];
    return `${i + 1}  ${e.id.padEnd(15)} ${st.kind.padEnd(16)} ${describe(st)}`.trimEnd();
  });
  if (state.needsInit) lines.unshift('No odoo-project-sync.toml here yet: run `odoo-project-sync init` first.');
  return lines.join('\n');
}

export function describe(st: StepStatus): string {
  switch (st.kind) {
    case 'pending':
      return '';
    case 'unavailable':
    case 'skipped':
      return st.reason;
    case 'running':
      return st.progress ? `${st.progress.activity}${st.progress.done !== undefined ? ` ${st.progress.done}/${st.progress.total ?? '?'}` : ''}` : '';
    case 'awaiting-review':
      return 'waiting for your approval';
    case 'done':
      return st.summary;
    case 'failed':
      return `${st.error.where ? `${st.error.where}: ` : ''}${st.error.message}`;
    case 'stale':
      return st.reason;
    default:
      return assertNever(st, 'status');
  }
}

/** `status --json`: stable keys for scripts. */
export function statusJson(state: RunState, registry: StepRegistry): object {
  return {
    needsInit: state.needsInit,
    source: state.config?.source ?? null,
    steps: registry.map((e) => ({ id: e.id, title: e.title, ...state.steps[e.id] })),
    notices: state.notices,
  };
}
