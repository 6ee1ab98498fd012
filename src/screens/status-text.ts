import type { StepStatus } from '../state/types.js';
import { assertNever } from '../core/assert-never.js';
import type { ColourName } from './theme.js';

/** Glyph, colour and short label for a step status, shared by the rail and the step screens. */
export function statusLook(s: StepStatus): { glyph: string; colour: ColourName; label: string } {
  switch (s.kind) {
    case 'pending':
      return { glyph: '○', colour: 'muted', label: 'pending' };
    case 'unavailable':
      return { glyph: '·', colour: 'warn', label: 'cannot run yet' };
    case 'skipped':
      return { glyph: '–', colour: 'muted', label: 'skipped' };
    case 'running':
      return { glyph: '◐', colour: 'accent', label: 'running' };
    case 'awaiting-review':
      return { glyph: '✎', colour: 'warn', label: 'awaiting review' };
    case 'done':
      return { glyph: '✔', colour: 'ok', label: 'done' };
    case 'failed':
      return { glyph: '✖', colour: 'error', label: 'failed' };
    case 'stale':
      return { glyph: '↻', colour: 'warn', label: 'stale' };
    default:
      return assertNever(s);
  }
}
