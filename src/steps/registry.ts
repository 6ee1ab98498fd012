/**
 * The seven steps, in order, each with its engine (or review spec). Engines load on first use,
 * so starting the wizard does not pay for parsers it may not need.
 */
import { proposalPath } from '../review/proposal.js';
import { planFileOf } from './sync/plan-file.js';
import { ARTIFACTS, STEP_TITLES, type ArtifactStore, type ReviewSpec, type StepEngine, type StepId, type WorkspaceConfig } from './types.js';

export type Load<T> = () => Promise<T>;
/** A review schema may read workspace artifacts (e.g. extract.json) to check the file against. */
export type SpecLoad = (artifacts: ArtifactStore) => Promise<ReviewSpec>;

export type StepEntry =
  | {
      readonly kind: 'engine';
      readonly id: StepId;
      readonly title: string;
      readonly engine: Load<StepEngine>;
      /** Steps 1-3 only make sense against a database; skipped in a source-code workspace. */
      readonly databaseOnly: boolean;
      /** Talks to Odoo: unavailable while the workspace has no [connection] (extract, sync). */
      readonly needsOdoo: boolean;
      /** Inputs outside the engine's own list that depend on the config (e.g. addons paths). */
      readonly extraInputs?: (config: WorkspaceConfig) => readonly string[];
      /**
       * The step's result depends on nothing but its inputs, the settings, its own outputs and
       * these workspace state files: run again with all of them unchanged, it keeps its result
       * instead of doing the same work twice. Absent: the step always runs (e.g. it reads Odoo).
       */
      readonly reuse?: { readonly state: readonly string[] };
    }
  | {
      readonly kind: 'review';
      readonly id: 'map-review' | 'feature-review';
      readonly title: string;
      readonly file: string;
      readonly spec: SpecLoad;
      readonly databaseOnly: boolean;
      /** The step that (re)generates the reviewed file. */
      readonly producer: StepId;
      /**
       * The check reads nothing but the file (no other file, unlike the module map's, which reads
       * extract.json): the producer checks what it wrote, and approving those same bytes with the
       * same build needs no second check.
       */
      readonly textOnly?: boolean;
    };

export type StepRegistry = readonly StepEntry[];

type Given<T> = T | Load<T>;

export interface Engines {
  extract: Given<StepEngine>;
  mapReview: ReviewSpec | SpecLoad;
  generate: Given<StepEngine>;
  featureMap: Given<StepEngine>;
  featureReview: ReviewSpec | SpecLoad;
  todo: Given<StepEngine>;
  sync: Given<StepEngine>;
}

function loader<T extends object>(x: Given<T>): Load<T> {
  if (typeof x === 'function') return x as Load<T>;
  return () => Promise.resolve(x);
}

function specLoader(x: ReviewSpec | SpecLoad): SpecLoad {
  if (typeof x === 'function') return x;
  return () => Promise.resolve(x);
}

/** Builds the ordered registry (tests inject their own engines). */
export function buildRegistry(e: Engines): StepRegistry {
  return [
    { kind: 'engine', id: 'extract', title: STEP_TITLES.extract, engine: loader(e.extract), databaseOnly: true, needsOdoo: true },
    { kind: 'review', id: 'map-review', title: STEP_TITLES['map-review'], file: ARTIFACTS.moduleMap, spec: specLoader(e.mapReview), databaseOnly: true, producer: 'extract' },
    { kind: 'engine', id: 'generate', title: STEP_TITLES.generate, engine: loader(e.generate), databaseOnly: true, needsOdoo: false },
    {
      kind: 'engine',
      id: 'feature-map',
      title: STEP_TITLES['feature-map'],
      engine: loader(e.featureMap),
      databaseOnly: false,
      needsOdoo: false,
      extraInputs: (c) => (c.source === 'source' ? c.addons : []),
      // The last proposal is the merge base of the user's edits.
      reuse: { state: [proposalPath(ARTIFACTS.featureMap)] },
    },
    { kind: 'review', id: 'feature-review', title: STEP_TITLES['feature-review'], file: ARTIFACTS.featureMap, spec: specLoader(e.featureReview), databaseOnly: false, producer: 'feature-map', textOnly: true },
    // The approved copy of the map and the ledger of kept statuses and owners.
    { kind: 'engine', id: 'todo', title: STEP_TITLES.todo, engine: loader(e.todo), databaseOnly: false, needsOdoo: false, reuse: { state: [ARTIFACTS.featureMapApproved, ARTIFACTS.todoLedger] } },
    { kind: 'engine', id: 'sync', title: STEP_TITLES.sync, engine: loader(e.sync), databaseOnly: false, needsOdoo: true, extraInputs: (c) => [planFileOf(c.sections)] },
  ];
}

/** The wizard's engines. */
export function defaultRegistry(): StepRegistry {
  return buildRegistry({
    extract: () => import('./extract/index.js').then((m) => m.extractStep),
    mapReview: (artifacts) => import('./module-map/index.js').then((m) => m.loadMapReviewSpec(artifacts)),
    generate: () => import('./generate/index.js').then((m) => m.generateStep),
    featureMap: () => import('./feature-map/index.js').then((m) => m.featureMapStep),
    featureReview: () => import('./feature-map/index.js').then((m) => m.featureReviewSpec),
    todo: () => import('./todo/index.js').then((m) => m.todoStep),
    sync: () => import('./sync/index.js').then((m) => m.syncStep),
  });
}

export function entryOf(registry: StepRegistry, id: StepId): StepEntry {
  const e = registry.find((x) => x.id === id);
  if (!e) throw new Error(`step ${id} missing from the registry`);
  return e;
}
