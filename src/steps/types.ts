/**
 * The contract every step engine follows. Engines are plain async functions over ports: no ink,
 * react, fetch or process.* inside src/steps. The runner (src/state) builds the ports.
 */
import type { Result } from '../core/result.js';
import type { UserError } from '../core/user-error.js';
import type { ConnectionProfile, OdooClient } from '../odoo/types.js';
import type { ArtifactStore } from '../core/artifact-port.js';
import type { Diagnostic, ReviewSpec } from '../review/types.js';

// The lower layers own these shapes; the steps' contract names them here for the engines.
export type { ArtifactStore, ConnectionProfile, Diagnostic, ReviewSpec };

export const STEP_IDS = [
  'extract',
  'map-review',
  'generate',
  'feature-map',
  'feature-review',
  'todo',
  'sync',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The one name of each step: the rail, its screen, the messages and `status` all use it. */
export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  extract: 'Extract',
  'map-review': 'Review module map',
  generate: 'Generate modules',
  'feature-map': 'Feature map',
  'feature-review': 'Review feature map',
  todo: 'ToDo',
  sync: 'Sync to Odoo',
};

/** The workspace's settings file (no secret is ever written to it). */
export const CONFIG_FILE = 'odoo-project-sync.toml';

/** Workspace-relative artifact names. */
export const ARTIFACTS = {
  extract: 'extract.json',
  moduleMap: 'module_model_map.toml',
  modules: 'modules',
  featureMap: 'feature_user_story_map.toml',
  todo: 'ToDo.md',
  syncPlan: '.odoo-project-sync/sync-plan.json',
  syncState: '.odoo-project-sync/sync-state.json',
  /** The approved bytes of the feature map (state/paths.ts approvedPath). */
  featureMapApproved: '.odoo-project-sync/approved/feature_user_story_map.toml',
  /** Statuses and owners the ToDo step keeps across goals. */
  todoLedger: '.odoo-project-sync/todo-kept.json',
  articles: 'articles',
} as const;

export type SourceKind = 'database' | 'source';

/** odoo-project-sync.toml, parsed. Never holds a secret. */
export interface WorkspaceConfig {
  source: SourceKind;
  connection?: ConnectionProfile;
  /** Addons paths (workspace-relative or absolute) for a source-code workspace. */
  addons: readonly string[];
  /** Step-specific tables ([generate], [estimate], [sync], ...). Each step validates its own. */
  sections: Readonly<Record<string, unknown>>;
}

export interface StepProgress {
  /** What the step is doing now, e.g. "reading ir.model.fields". */
  activity: string;
  done?: number;
  total?: number;
  /** What done and total count ("files", "modules"): with it the rate and time left are shown. */
  unit?: string;
  /** Files handled so far, when done/total count something else (the rate is then in files/s). */
  files?: number;
  /**
   * The estimated share of the work done, when items differ in size (modules, handed out heaviest
   * first): the time left is reckoned from it instead of from done/total.
   */
  work?: { done: number; total: number };
  /** Set by the runner: when this counted work began (epoch ms), for the rate and time left. */
  since?: number;
}

/** A question an engine may put to the user (TUI: a prompt; headless: --yes or the default). */
export interface Question<T extends string = string> {
  id: string;
  message: string;
  choices: readonly { value: T; label: string }[];
  /** Used headless without --yes, and as the TUI default. */
  defaultValue: T;
  /** Optional detail shown with the question, e.g. a unified diff. */
  detail?: string;
}

export interface StepContext {
  readonly config: WorkspaceConfig;
  readonly artifacts: ArtifactStore;
  readonly signal: AbortSignal;
  readonly progress: (p: StepProgress) => void;
  /** Connects lazily; rejects with an OdooError (a UserError) that names the server. */
  readonly connect: () => Promise<OdooClient>;
  readonly log: (line: string) => void;
  readonly ask: <T extends string>(q: Question<T>) => Promise<T>;
  /** --dry-run: compute and report, write nothing to Odoo. */
  readonly dryRun: boolean;
  /** --yes / non-interactive approval of defaults. */
  readonly assumeYes: boolean;
  /** --strict: warnings about the input fail the step (for CI). */
  readonly strict?: boolean;
  /**
   * The digest staleness records for an input (a file's sha256, or the digest of what the
   * analysis reads in a folder of modules), through the stat cache: cheap on an unchanged tree.
   * Keys caches of derived results. `fresh`: computed now, never one from the last second.
   * Absent: nothing is cached.
   */
  readonly digest?: (path: string, fresh?: boolean) => Promise<string>;
  /**
   * Says a file a review step approves (the feature map) is written as it will stay: the runner
   * starts checking it now, off this thread, while the step finishes its other writes. `text`:
   * what the step is about to write there, checked at once, before the write (the check counts
   * only if the file then holds exactly those bytes). Absent: the runner checks it after the step.
   */
  readonly wrote?: (file: string, text?: string) => void;
}

export interface StepOutcome {
  /** One line for the rail and the headless log, e.g. "3 modules, 41 fields". */
  summary: string;
  /** Artifacts written (workspace-relative) -> sha256. */
  outputs: Readonly<Record<string, string>>;
  /** Set when this run wrote nothing: `outputs` are the files an earlier run wrote, found as they were. */
  kept?: boolean;
  warnings: readonly string[];
  /** Optional longer report: its first lines show on the step screen, all of it in .odoo-project-sync/reports/<step>.md. */
  report?: string;
  /** Optional figures the step screen draws as bars (e.g. the ToDo's hours per phase). */
  chart?: StepChart;
}

/** Bars with a low-expected-high range, e.g. hours per phase. */
export interface StepChart {
  readonly title: string;
  readonly unit: string;
  readonly bars: readonly { readonly label: string; readonly low: number; readonly expected: number; readonly high: number }[];
}

export interface StepEngine {
  readonly id: StepId;
  /** Artifacts this step reads; a changed hash makes the step stale. */
  readonly inputs: readonly string[];
  /**
   * The step analyses the module folders among its inputs (steps 4 and 6): a check of those
   * inputs that has to read their files hands the analysis of each module read to the step.
   */
  readonly analyses?: boolean;
  run(ctx: StepContext): Promise<Result<StepOutcome, UserError>>;
}
