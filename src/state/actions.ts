/**
 * Everything that changes the run state. Journaled actions are the durable history (one per
 * journal line); the others are derived on load or only matter while the process lives.
 */
import type { Question, StepChart, StepId, StepProgress, WorkspaceConfig } from '../steps/types.js';
import type { StepError, StepReport } from './types.js';

export type ReviewStepId = 'map-review' | 'feature-review';
type Hashes = Readonly<Record<string, string>>;

/**
 * What else a step's result depends on, beside its inputs and outputs: `key` digests the code
 * (build) and the settings it ran with; `files` are the hashes of the workspace state files it
 * read (e.g. the last proposal, the merge base of the next run).
 */
export interface StepMemo {
  key: string;
  files: Hashes;
}

/**
 * Checkpoint files a step wrote that passed their checkpoint's check with no error, by sha256,
 * and the build that checked them: approving those exact bytes with the same build needs no
 * second check. Only for checks that read the file alone (the registry's `textOnly`).
 */
export interface StepChecked {
  build: string;
  files: Hashes;
}

export type JournaledAction =
  | { type: 'step-started'; step: StepId; at: number; inputs: Hashes }
  | {
      type: 'step-finished';
      step: StepId;
      at: number;
      summary: string;
      inputs: Hashes;
      outputs: Hashes;
      /** This run wrote nothing: the outputs are an earlier run's, found as they were. */
      kept?: boolean;
      warnings: readonly string[];
      chart?: StepChart;
      report?: StepReport;
      /** Set for steps whose result can be kept when nothing changed (see StepMemo). */
      memo?: StepMemo;
      checked?: StepChecked;
    }
  | { type: 'step-failed'; step: StepId; at: number; error: StepError }
  | { type: 'step-cancelled'; step: StepId; at: number }
  /** The approved bytes are kept in .odoo-project-sync/approved/<file>; `hash` is their sha256. */
  | { type: 'review-approved'; step: ReviewStepId; at: number; file: string; hash: string }
  | { type: 'step-stale'; step: StepId; at: number; reason: string };

export type Availability =
  | { kind: 'available' }
  | { kind: 'unavailable'; reason: string; hint: string }
  | { kind: 'skipped'; reason: string };

export type TransientAction =
  | { type: 'workspace-loaded'; config?: WorkspaceConfig; needsInit: boolean }
  | { type: 'step-availability'; step: StepId; availability: Availability }
  /** A step found running in the journal: the process died, so it starts again from scratch. */
  | { type: 'step-interrupted'; step: StepId }
  | { type: 'step-progress'; step: StepId; progress: StepProgress }
  /** A checkpoint's file exists and waits for approval. */
  | { type: 'review-ready'; step: ReviewStepId }
  | { type: 'selected'; step: StepId }
  /** A run the order of the steps does not allow yet (an earlier step or checkpoint is open). */
  | { type: 'step-refused'; step: StepId; message: string; hint: string }
  | { type: 'notice'; message: string }
  | { type: 'question-asked'; step: StepId; question: Question }
  | { type: 'question-answered' };

export type Action = JournaledAction | TransientAction;

