/**
 * The run state: what the step rail shows and what the journal replays. Pure data.
 * The reducer (src/state/reducer.ts) is the only thing that changes it.
 */
import type { StepId, StepProgress, WorkspaceConfig } from '../steps/types.js';

export interface StepError {
  message: string;
  hint?: string;
  /** "file:line:col", a field, or a server. */
  where?: string;
  /** Shown only with --debug. */
  detail?: string;
}

export type StepStatus =
  | { kind: 'pending' }
  /** The engine for this step has not landed, or the step needs something the workspace lacks. */
  | { kind: 'unavailable'; reason: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'running'; startedAt: number; progress?: StepProgress }
  /** Checkpoint steps: the file is waiting for the user's approval in the reviewer. */
  | { kind: 'awaiting-review' }
  | {
      kind: 'done';
      finishedAt: number;
      summary: string;
      /** Input artifact -> sha256 when the step ran (or, for a review, the approved file hash). */
      inputs: Readonly<Record<string, string>>;
      outputs: Readonly<Record<string, string>>;
      warnings: readonly string[];
    }
  | { kind: 'failed'; at: number; error: StepError }
  | { kind: 'stale'; reason: string; previous: Readonly<Record<string, string>> };

export interface RunState {
  readonly config?: WorkspaceConfig;
  readonly steps: Readonly<Record<StepId, StepStatus>>;
  /** The step the user is looking at. */
  readonly current: StepId;
  /** Messages for the user (journal kept aside, stale lock recovered, ...). */
  readonly notices: readonly string[];
}
