/**
 * The run state: what the step rail shows and what the journal replays. Pure data.
 * The reducer (src/state/reducer.ts) is the only thing that changes it.
 */
import type { StepChart, StepId, StepProgress, WorkspaceConfig } from '../steps/types.js';
import type { StepChecked, StepMemo } from './actions.js';

export interface StepError {
  message: string;
  hint?: string;
  /** "file:line:col", a field, or a server. */
  where?: string;
  /** Shown only with --debug. */
  detail?: string;
  /** Odoo refused the login: a retry in the TUI asks for the password or API key again. */
  needsSecret?: boolean;
  /** The user's input (a file, the config) is at fault: headless exits 2, not 1. */
  badInput?: boolean;
}

/** The start of a step's report for its screen; the whole report is in `file`. */
export interface StepReport {
  readonly lines: readonly string[];
  /** Lines left out here. */
  readonly more: number;
  /** Workspace-relative, e.g. .odoo-project-sync/reports/todo.md. */
  readonly file: string;
}

export type StepStatus =
  | { kind: 'pending' }
  /** The step needs something the workspace lacks (an Odoo connection): what, and how to add it. */
  | { kind: 'unavailable'; reason: string; hint: string }
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
      /** The run wrote nothing: `outputs` are an earlier run's files, found as they were. */
      kept?: boolean;
      warnings: readonly string[];
      chart?: StepChart;
      report?: StepReport;
      memo?: StepMemo;
      checked?: StepChecked;
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
  /** No odoo-project-sync.toml yet: the TUI shows the first-run screen (controller.init). */
  readonly needsInit: boolean;
  /** Why the last run of this step was refused (it waits for an earlier step); cleared when it starts. */
  readonly refused?: { readonly step: StepId; readonly message: string; readonly hint: string };
  /** A question a running engine is waiting on; answered through controller.answer. */
  readonly question?: PendingQuestion;
}

/** What the first-run screen (or `odoo-project-sync init`) collects. */
export interface InitAnswers {
  source: 'database' | 'source';
  url?: string;
  db?: string;
  user?: string;
  addons?: string[];
  transport?: 'auto' | 'xmlrpc' | 'json2';
  /** Kept in memory for this process only; never written to a file. */
  secret?: { password?: string; apiKey?: string; sources?: { password?: string; apiKey?: string } };
  /** The URL as given held a password, which was taken out of it (never stored). */
  urlHadPassword?: boolean;
}

import type { Question, ReviewSpec } from '../steps/types.js';

/** A question an engine is waiting on (TUI shows it; headless answers with the default / --yes). */
export interface PendingQuestion {
  stepId: StepId;
  question: Question;
}

/** What the reviewer screen edits. */
export interface ReviewDocument {
  stepId: 'map-review' | 'feature-review';
  /** Workspace-relative file, e.g. module_model_map.toml. */
  file: string;
  /** The user's current text, byte for byte. */
  text: string;
  /** The last generated proposal (the diff view's left side), if any. */
  proposal?: string;
  spec: ReviewSpec;
  /** Set when this exact text was approved. */
  approved: boolean;
}

/**
 * What screens may ask for. Implemented in src/state (the runner); screens never call an engine,
 * the file system or Odoo themselves. Long work is reported through the store, not awaited here.
 */
export interface WizardController {
  /** First run: validates the answers, writes odoo-project-sync.toml (no secret), clears needsInit. */
  init(answers: InitAnswers): Promise<{ ok: true } | { ok: false; error: StepError }>;
  /** Keeps the password or API key typed at the hidden prompt in memory for this run only. */
  setSecret(secret: { password?: string; apiKey?: string }): void;
  select(step: StepId): void;
  /** Start a step, or retry a failed/stale one. */
  run(step: StepId): void;
  cancel(step: StepId): void;
  answer(value: string): void;
  openReview(step: ReviewDocument['stepId']): Promise<ReviewDocument>;
  /** Saves the user's text (atomic write); does not approve. */
  save(step: ReviewDocument['stepId'], text: string): Promise<void>;
  /** Saves as the reviewer goes away, with no screen left to await it: a failure is reported when the run ends. */
  saveOnLeave(step: ReviewDocument['stepId'], text: string): void;
  /** Refused (ok: false with diagnostics) while the text is invalid. Stores the bytes as given. */
  approve(
    step: ReviewDocument['stepId'],
    text: string,
  ): Promise<{ ok: true } | { ok: false; errors: readonly import('../steps/types.js').Diagnostic[] }>;
  /** Re-runs the generating step and three-way merges the user's edits. */
  regenerate(step: ReviewDocument['stepId']): Promise<ReviewDocument>;
  /** Hands the text to $VISUAL/$EDITOR (leaving raw mode) and returns what the editor saved. */
  editExternally(step: ReviewDocument['stepId'], text: string): Promise<string>;
  quit(): void;
}
