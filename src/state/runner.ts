import type { OdooSecret } from '../odoo/types.js';
import { entryOf, type StepEntry, type StepRegistry } from '../steps/registry.js';
import { planFileOf } from '../steps/sync/plan-file.js';
import { ARTIFACTS, CONFIG_FILE, STEP_IDS, type ConnectionProfile, type StepContext, type StepEngine, type StepId, type StepProgress, type WorkspaceConfig } from '../steps/types.js';
import type { Availability, JournaledAction, StepChecked, StepMemo } from './actions.js';
import { sha256 } from './artifact-store.js';
import { BUILD_ID } from '../core/build-id.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HashCache } from './hash-cache.js';
import { dropPrepared } from '../analysis/warm-pool.js';
import { inputDigest } from './input-digest.js';
import { loadConfig } from './config.js';
import { isAbort, toStepError } from './errors.js';
import { reduce, initialState } from './reducer.js';
import { ReviewOps } from './review-ops.js';
import { ABSENT, findStale, recordedInputs } from './staleness.js';
import { effectiveConfig, makeConnector, noConnectionHint, progressPrinter, QuestionBox, waitActivity, type ConnectPort } from './step-context.js';
import { createStore, type Store } from './store.js';
import { progressStamper } from './progress-rate.js';
import { HASH_CACHE_FILE, reportPath } from './paths.js';
import { sessionMemory } from './session-memory.js';
import type { RunState, StepReport, StepStatus, WizardController } from './types.js';
import type { Workspace } from './workspace.js';
import { makeController } from './controller.js';
import { orderRefusal, waitingFor } from './step-order.js';
import type { UserError } from '../core/user-error.js';
import { firstBadUtf8 } from '../core/utf8.js';
import { errorsOf, findProblems } from '../review/validate.js';
import { coolCheck, errorsOffThread, warmCheck } from './early-check.js';

/** A checkpoint file's check started while its step was still running: the bytes it read, and what it found (undefined: not run). */
interface EarlyCheck {
  hash: string;
  errors?: number;
}

/** Report lines a step screen shows; the rest is in the report file. */
const REPORT_LINES = 12;

export interface RunnerOptions {
  workspace: Workspace;
  registry: StepRegistry;
  now?: () => number;
  connect?: ConnectPort;
  /** Kept in memory only: from ODOO_PASSWORD/ODOO_API_KEY, the init screen, or the demo. */
  secret?: OdooSecret;
  /** ODOO_URL/ODOO_DB/ODOO_USER, or the demo's emulator: laid over the config, never saved. */
  connectionOverrides?: Partial<ConnectionProfile>;
  debug?: boolean;
  insecure?: boolean;
  /** TUI: questions wait for controller.answer. Headless: the default answer is taken. */
  interactive?: boolean;
  assumeYes?: boolean;
  dryRun?: boolean;
  strict?: boolean;
  /** Headless progress and engine log lines (stderr). */
  log?: (line: string) => void;
  /** $VISUAL/$EDITOR hand-off, provided by the CLI (it owns the terminal). */
  editor?: (text: string, file: string) => Promise<string>;
  onQuit?: () => void;
  /** `status` while another live process holds the lock: its running step is really running. */
  keepRunning?: boolean;
}

export interface Runner {
  readonly store: Store;
  readonly controller: WizardController;
  readonly registry: StepRegistry;
  /**
   * Runs one step to its end (engine steps) and resolves with its final status. A step an
   * earlier step or checkpoint still holds back is refused (see `refusal`) and left as it was.
   */
  runStep(step: StepId): Promise<StepStatus>;
  /** Why this step may not run yet (an earlier step is open), or undefined when it may. */
  refusal(step: StepId): Promise<UserError | undefined>;
  readonly review: ReviewOps;
  /**
   * Re-derives availability, staleness and checkpoints from the files on disk. `changed`: the
   * only files the caller changed; a headless run then reuses what it hashed of the others.
   */
  reconcile(changed?: readonly string[]): Promise<void>;
  config(): WorkspaceConfig | undefined;
  /** A config from the file with this run's overrides laid over it. */
  withOverrides(config: WorkspaceConfig): WorkspaceConfig;
  setSecret(secret: OdooSecret | undefined): void;
  cancelAll(): void;
  /** Resolves when no step is running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Replays the journal into a run state (resume). Pure. */
export function replay(history: readonly JournaledAction[], base: RunState = initialState()): RunState {
  return history.reduce<RunState>((s, a) => reduce(s, a), base);
}

export async function createRunner(o: RunnerOptions): Promise<Runner> {
  const now = o.now ?? Date.now;
  const ws = o.workspace;
  const replayed = replay(ws.history);
  // The store shows the config this run uses: overrides (ODOO_URL..., the demo) included.
  const store = createStore({ ...replayed, config: effectiveConfig(ws.config, o.connectionOverrides), needsInit: ws.config === undefined });
  for (const n of ws.notices) store.dispatch({ type: 'notice', message: n });
  let secret = o.secret;
  const aborts = new Map<StepId, AbortController>();
  const inFlight = new Set<Promise<unknown>>();
  const questions = new QuestionBox(store);
  const printProgress = o.log ? progressPrinter(o.log, now) : undefined;
  /** Contexts whose step asked the user something (its result then depends on the answer). */
  const asked = new WeakSet<StepContext>();

  const record = async (a: JournaledAction) => {
    // On disk before anyone sees it: a crash after this line replays to the same state.
    await ws.journal?.append(a);
    store.dispatch(a);
  };
  const config = () => effectiveConfig(store.getState().config, o.connectionOverrides);

  const inputsOf = (entry: StepEntry, engine: StepEngine, cfg: WorkspaceConfig): string[] => [
    ...engine.inputs,
    ...(entry.kind === 'engine' ? (entry.extraInputs?.(cfg) ?? []) : []),
  ];

  // Read-only (status): the cache is used but never written.
  const hashes = ws.journal ? HashCache.load(join(ws.root, HASH_CACHE_FILE)) : HashCache.memory();
  const sessions = ws.journal ? sessionMemory(ws.artifacts) : undefined;
  // Digests this process computed, and when. A step that starts right after a check reuses
  // them: a file changed in between is seen by the check after the step, which marks it stale.
  const recent = new Map<string, { digest: string; at: number }>();
  const FRESH_MS = 1000;
  // `reuse`: true takes a digest from the last second; 'any' one from any time in this process.
  // `analyse`: the caller analyses the modules of `file` next (see inputDigest).
  const hashFile = async (file: string, progress?: (done: number, total: number) => void, reuse: boolean | 'any' = false, analyse = false): Promise<string> => {
    const known = recent.get(file);
    if (reuse && known && (reuse === 'any' || performance.now() - known.at < FRESH_MS)) return known.digest;
    // Addons paths may sit outside the workspace: hashing only reads, so they are allowed here.
    const digest = (await inputDigest(resolve(ws.root, file), hashes, progress, analyse ? ws.root : undefined)) ?? ABSENT;
    recent.set(file, { digest, at: performance.now() });
    return digest;
  };

  // Checks right after a look at the files: a headless command (which lives a moment) takes what
  // it hashed when it started; the wizard only what it hashed in the last second.
  const lookedAt = o.interactive ? true : 'any';

  let reconciling: Promise<void> = Promise.resolve();
  const reconcile = (changed?: readonly string[]) => {
    const next = reconciling.then(() => reconcileNow(changed));
    reconciling = next.catch(() => undefined);
    return next;
  };
  async function reconcileNow(changed?: readonly string[]): Promise<void> {
    const cfg = config();
    for (const entry of o.registry) store.dispatch({ type: 'step-availability', step: entry.id, availability: availability(entry, cfg) });
    const steps = store.getState().steps;
    const files = recordedInputs(steps);
    // A headless command lives a moment: after it changed only `changed`, the rest (an addons
    // tree, say) is as it found it when it started, and one stat walk per process is enough.
    // The wizard lives for hours, so it looks again.
    const reuse = (f: string) => (changed !== undefined && !o.interactive && !changed.includes(f) ? 'any' : false);
    const current = Object.fromEntries(await Promise.all(files.map(async (f) => [f, await hashFile(f, undefined, reuse(f))] as const)));
    // A config edit can make a new file an input (another [sync] plan_file, another addons
    // path): the step ran without it, so it is out of date even though no recorded file changed.
    for (const entry of o.registry) {
      const st = store.getState().steps[entry.id];
      if (entry.kind !== 'engine' || st.kind !== 'done' || !cfg || Object.keys(st.inputs).length === 0) continue;
      const added = (entry.extraInputs?.(cfg) ?? []).find((f) => !(f in st.inputs));
      if (added !== undefined) await record({ type: 'step-stale', step: entry.id, at: now(), reason: `${added} is now an input (${CONFIG_FILE} changed)` });
    }
    const isReview = (id: StepId) => entryOf(o.registry, id).kind === 'review';
    for (const f of findStale(STEP_IDS, store.getState().steps, current, isReview)) {
      await record({ type: 'step-stale', step: f.step, at: now(), reason: f.reason });
    }
    for (const entry of o.registry) {
      if (entry.kind === 'review' && store.getState().steps[entry.id].kind === 'pending' && (await ws.artifacts.exists(entry.file))) {
        store.dispatch({ type: 'review-ready', step: entry.id });
      }
    }
    await hashes.save();
  }

  async function runStep(id: StepId): Promise<StepStatus> {
    const entry = entryOf(o.registry, id);
    let cfg = config();
    const before = store.getState().steps[id];
    if (before.kind === 'unavailable') {
      // The user may have added the missing [connection] since: look again before saying no.
      const reread = await loadConfig(ws.root);
      if (reread.ok && reread.value) store.dispatch({ type: 'workspace-loaded', config: effectiveConfig(reread.value.config, o.connectionOverrides), needsInit: false });
      await reconcile();
      const after = store.getState().steps[id];
      if (after.kind === 'unavailable') return after;
      return runStep(id);
    }
    if (aborts.has(id) || before.kind === 'skipped') return before;
    if (!cfg) {
      store.dispatch({ type: 'notice', message: 'Set up the workspace first (odoo-project-sync init).' });
      return before;
    }
    if (entry.kind === 'review') {
      await reconcile();
      return store.getState().steps[id];
    }
    const refused = await refusal(id);
    if (refused) {
      store.dispatch({ type: 'step-refused', step: id, message: refused.message, hint: refused.hint ?? '' });
      o.log?.(`[${id}] refused: ${refused.message}`);
      return store.getState().steps[id];
    }
    // Read odoo-project-sync.toml again: the user may have fixed it before pressing r.
    const reloaded = await loadConfig(ws.root);
    if (!reloaded.ok) {
      await record({ type: 'step-failed', step: id, at: now(), error: toStepError(reloaded.error, !!o.debug) });
      return store.getState().steps[id];
    }
    if (reloaded.value) {
      store.dispatch({ type: 'workspace-loaded', config: effectiveConfig(reloaded.value.config, o.connectionOverrides), needsInit: false });
      cfg = config() ?? cfg;
    }
    const kept = await keptResult(entry, cfg);
    if (kept) return kept;
    const engine = await entry.engine();
    const ac = new AbortController();
    aborts.set(id, ac);
    const work = (async () => {
      let end: JournaledAction;
      const startedAt = now();
      const early = new Map<string, Promise<EarlyCheck | undefined>>();
      const ctx = context(id, cfg, ac.signal, early);
      try {
        // Running (and showing progress) while the inputs are hashed; journaled once they are.
        store.dispatch({ type: 'step-started', step: id, at: startedAt, inputs: {} });
        const inputs: Record<string, string> = {};
        const check = (f: string) => hashFile(f, (done, total) => ctx.progress({ activity: `checking ${f} for changes`, done, total, unit: 'files' }), true, !!engine.analyses);
        const files = inputsOf(entry, engine, cfg);
        if (engine.analyses) {
          // Side by side: the addons paths share the workers that read and analyse them (readModulesOnWorkers).
          const digests = await Promise.all(files.map(check));
          files.forEach((f, i) => void (inputs[f] = digests[i]));
        } else for (const f of files) inputs[f] = await check(f);
        await record({ type: 'step-started', step: id, at: startedAt, inputs });
        // The check of what it writes at its end (checkEarly) gets its worker ready while the
        // step works. Not before the inputs are hashed: on a tree seen for the first time, the
        // hashing is the analysis on every core, and a worker loading then only slows it.
        if (!o.dryRun && o.registry.some((e) => e.kind === 'review' && e.textOnly && e.producer === id)) warmCheck();
        const r = await engine.run(ctx);
        if (ac.signal.aborted) end = { type: 'step-cancelled', step: id, at: now() };
        else if (r.ok) {
          const report = await keepReport(id, r.value.report ?? '', r.value.warnings);
          // An answer the user gave is no input the next run could compare: a step that asked runs again.
          const memo = asked.has(ctx) ? undefined : await memoOf(entry, cfg, r.value.outputs);
          const checked = o.dryRun ? undefined : await checkedOutputs(id, r.value.outputs, early);
          end = {
            type: 'step-finished',
            step: id,
            at: now(),
            summary: r.value.summary,
            inputs,
            outputs: r.value.outputs,
            ...(r.value.kept ? { kept: true } : {}),
            warnings: r.value.warnings,
            ...(r.value.chart ? { chart: r.value.chart } : {}),
            ...(report ? { report } : {}),
            ...(memo ? { memo } : {}),
            ...(checked ? { checked } : {}),
          };
          for (const w of r.value.warnings) o.log?.(`[${id}] warning: ${w}`);
        } else end = { type: 'step-failed', step: id, at: now(), error: toStepError(r.error, !!o.debug) };
      } catch (e) {
        end = ac.signal.aborted || isAbort(e)
          ? { type: 'step-cancelled', step: id, at: now() }
          : { type: 'step-failed', step: id, at: now(), error: toStepError(e, !!o.debug) };
      } finally {
        aborts.delete(id);
        questions.clear(id);
        // Analyses made while the inputs were read are for this run only, and so is a check's worker.
        dropPrepared();
        coolCheck();
      }
      await record(end);
      // What the step wrote is looked at again; a headless command takes the rest as it found it.
      await reconcile(end.type === 'step-finished' ? Object.keys(end.outputs) : undefined);
      return store.getState().steps[id];
    })();
    inFlight.add(work);
    try {
      return await work;
    } finally {
      inFlight.delete(work);
    }
  }

  /** What the result of a reusable step depends on beside its inputs (see StepEntry.reuse). */
  const memoKey = (cfg: WorkspaceConfig): string => sha256(JSON.stringify([BUILD_ID, cfg.source, cfg.addons, cfg.sections]));

  async function memoOf(entry: StepEntry, cfg: WorkspaceConfig, outputs: Readonly<Record<string, string>>): Promise<StepMemo | undefined> {
    if (entry.kind !== 'engine' || !entry.reuse || o.dryRun) return undefined;
    const files: Record<string, string> = {};
    for (const f of entry.reuse.state) files[f] = await hashFile(f);
    // Outputs are hashed now, through the stat cache: the next run checks them by stat alone.
    for (const f of Object.keys(outputs)) await hashFile(f);
    return { key: memoKey(cfg), files };
  }

  /**
   * The checkpoint files this step wrote, checked now for errors as approving them would check
   * them (only checks that read the file alone, `textOnly`): those with none are recorded by hash, so
   * approving exactly those bytes with this build needs no second check (ReviewOps.approveBytes).
   * Any edit changes the hash, and the approval then checks the file in full.
   */
  async function checkedOutputs(id: StepId, outputs: Readonly<Record<string, string>>, early: ReadonlyMap<string, Promise<EarlyCheck | undefined>>): Promise<StepChecked | undefined> {
    const files: Record<string, string> = {};
    for (const e of o.registry) {
      if (e.kind !== 'review' || !e.textOnly || e.producer !== id || outputs[e.file] === undefined) continue;
      // Started when the step said it wrote the file: taken when it checked these very bytes.
      const started = await early.get(e.file);
      if (started?.hash === outputs[e.file] && started.errors !== undefined) {
        if (started.errors === 0) files[e.file] = outputs[e.file];
        continue;
      }
      const spec = await e.spec(ws.artifacts);
      const bytes = await ws.artifacts.readBytes(e.file);
      if (!bytes || sha256(bytes) !== outputs[e.file] || firstBadUtf8(bytes)) continue;
      if (errorsOf(findProblems(bytes.toString('utf8'), spec, true)).length === 0) files[e.file] = outputs[e.file];
    }
    return Object.keys(files).length > 0 ? { build: BUILD_ID, files } : undefined;
  }

  /** The check of a checkpoint file `id` wrote, started at once on a worker thread (see StepContext.wrote). */
  async function checkEarly(id: StepId, file: string, text?: string): Promise<EarlyCheck | undefined> {
    const e = o.registry.find((x) => x.kind === 'review' && x.producer === id && x.file === file);
    if (!e || e.kind !== 'review' || !e.textOnly) return undefined;
    if (text !== undefined) {
      // Posted before the step writes it; its hash is of the bytes that text encodes to, so a
      // write of anything else (a merge with the user's edits) does not take this check.
      const errors = errorsOffThread(e.id, text);
      return { hash: sha256(Buffer.from(text, 'utf8')), errors: await errors };
    }
    // Read at once (no await before the worker has the text): the check runs while the step does its last work.
    let bytes: Buffer;
    try {
      bytes = readFileSync(ws.artifacts.resolve(file));
    } catch {
      return undefined;
    }
    if (firstBadUtf8(bytes)) return undefined;
    return { hash: sha256(bytes), errors: await errorsOffThread(e.id, bytes.toString('utf8')) };
  }

  /**
   * A reusable step run again with its inputs, the settings, its outputs and its state files all
   * as they were when it finished: its result stands, and nothing is run, read whole or journaled.
   * Hashes come through the stat cache (a file whose stat changed, or changed within the racy
   * window, is hashed again), so any edit, even one that keeps the mtime, makes it run.
   */
  async function keptResult(entry: StepEntry, cfg: WorkspaceConfig): Promise<StepStatus | undefined> {
    if (entry.kind !== 'engine' || !entry.reuse || o.dryRun) return undefined;
    const st = store.getState().steps[entry.id];
    if (st.kind !== 'done' || !st.memo || st.memo.key !== memoKey(cfg)) return undefined;
    if (o.strict && st.warnings.length > 0) return undefined; // --strict fails on them: run and say so
    const expected = { ...st.inputs, ...st.outputs, ...st.memo.files };
    for (const [f, h] of Object.entries(expected)) if ((await hashFile(f, undefined, lookedAt)) !== h) return undefined;
    const warned = st.warnings.length > 0 ? ` (${st.warnings.length} warning${st.warnings.length === 1 ? '' : 's'}: ${st.report?.file ?? reportPath(entry.id)})` : '';
    o.log?.(`[${entry.id}] nothing changed since it ran (inputs, ${CONFIG_FILE}, outputs): its result stands${warned}`);
    if (o.interactive) store.dispatch({ type: 'notice', message: `${entry.title}: nothing changed since it ran, so its result stands.` });
    return st;
  }

  /**
   * The whole report, and every warning, go to a file; the journal and the screen keep the first
   * lines of the report (the screen shows a few warnings and points at the file for the rest).
   */
  async function keepReport(id: StepId, text: string, warnings: readonly string[]): Promise<StepReport | undefined> {
    const lines = text.trimEnd() === '' ? [] : text.trimEnd().split('\n');
    if (lines.length === 0 && warnings.length === 0) return undefined;
    const file = reportPath(id);
    const tail = warnings.length > 0 ? ['', '## Warnings', '', ...warnings.map((w) => `- ${w}`)] : [];
    await ws.artifacts.write(file, `${[...lines, ...tail].join('\n').trimStart()}\n`);
    return { lines: lines.slice(0, REPORT_LINES), more: Math.max(0, lines.length - REPORT_LINES), file };
  }

  async function refusal(id: StepId): Promise<UserError | undefined> {
    const steps = store.getState().steps;
    const before = waitingFor(o.registry, steps, id);
    if (!before) return undefined;
    if (id === 'sync' && (await syncsOwnPlan(steps))) return undefined;
    return orderRefusal(o.registry, entryOf(o.registry, id), before, steps[before.id]);
  }

  /**
   * A task plan people keep by hand can be synced without the steps that would have generated
   * it: whatever `[sync] plan_file` names (the engine explains a missing or misplaced one), or a
   * ToDo.md that exists and that the ToDo step has not made out of date.
   */
  async function syncsOwnPlan(steps: RunState['steps']): Promise<boolean> {
    const cfg = config();
    if (!cfg) return false;
    const plan = planFileOf(cfg.sections);
    if (plan !== ARTIFACTS.todo) return true;
    return steps.todo.kind !== 'stale' && (await hashFile(plan)) !== ABSENT;
  }

  function context(id: StepId, cfg: WorkspaceConfig, signal: AbortSignal, early = new Map<string, Promise<EarlyCheck | undefined>>()): StepContext {
    const log = (line: string) => o.log?.(`[${id}] ${line}`);
    const stamp = progressStamper(now);
    const progress = (given: StepProgress): void => {
      const p = stamp(given);
      if (!p) return;
      store.dispatch({ type: 'step-progress', step: id, progress: p });
      printProgress?.(id, p);
    };
    const ctx: StepContext = {
      config: cfg,
      artifacts: ws.artifacts,
      signal,
      dryRun: !!o.dryRun,
      strict: !!o.strict,
      assumeYes: !!o.assumeYes,
      log,
      progress,
      // The step analyses the modules it asks about (readSources), unless it checks them again after.
      digest: (path, fresh) => hashFile(path, undefined, !fresh, !fresh),
      wrote: (file, text) => {
        if (!o.dryRun) early.set(file, checkEarly(id, file, text).catch(() => undefined));
      },
      connect: makeConnector(cfg, signal, {
        connect: o.connect,
        getSecret: () => secret,
        debug: !!o.debug,
        insecure: !!o.insecure,
        trace: log,
        onWait: (w) => progress({ activity: waitActivity(w) }),
        sessions,
        onNotice: (line) => {
          log(line);
          if (o.interactive) store.dispatch({ type: 'notice', message: line });
        },
      }),
      ask: (q) => {
        asked.add(ctx);
        if (o.interactive) return questions.ask(id, q, signal);
        log(`${q.message} -> ${q.defaultValue}`);
        return Promise.resolve(q.defaultValue);
      },
    };
    return ctx;
  }

  // A step the journal shows running belonged to a process that died: it starts again cleanly.
  for (const id of STEP_IDS) {
    if (!o.keepRunning && store.getState().steps[id].kind === 'running') {
      store.dispatch({ type: 'step-interrupted', step: id });
      store.dispatch({ type: 'notice', message: `${entryOf(o.registry, id).title} was interrupted last time; it will start again from the beginning.` });
    }
  }
  await reconcile();
  // On resume, the rail opens on the first step that still needs the user.
  const firstOpen = STEP_IDS.find((id) => !['done', 'skipped'].includes(store.getState().steps[id].kind));
  if (firstOpen) store.dispatch({ type: 'selected', step: firstOpen });

  const review = new ReviewOps({ registry: o.registry, artifacts: ws.artifacts, store, record, reconcile, now, runStep, digest: (file) => hashFile(file, undefined, lookedAt) });
  const runner: Runner = {
    store,
    registry: o.registry,
    review,
    runStep,
    refusal,
    reconcile,
    config,
    withOverrides: (c) => effectiveConfig(c, o.connectionOverrides) ?? c,
    setSecret: (s) => {
      secret = s;
    },
    cancelAll: () => aborts.forEach((a) => a.abort()),
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      runner.cancelAll();
      await runner.idle();
      await review.failedSaves();
      await reconciling;
      await ws.close();
    },
    controller: undefined as unknown as WizardController,
  };
  (runner as { controller: WizardController }).controller = makeController(runner, {
    root: ws.root,
    editor: o.editor,
    onQuit: o.onQuit,
    questions,
    aborts,
    debug: !!o.debug,
  });
  return runner;
}

function availability(entry: StepEntry, cfg: WorkspaceConfig | undefined): Availability {
  if (cfg?.source === 'source' && entry.databaseOnly) {
    return { kind: 'skipped', reason: 'source-code workspace: the modules come from the addons paths' };
  }
  // Only a source-code workspace can lack one (the config refuses a database workspace without it).
  if (cfg && entry.kind === 'engine' && entry.needsOdoo && !cfg.connection) {
    return { kind: 'unavailable', reason: `needs an Odoo connection (${CONFIG_FILE} has no [connection])`, hint: noConnectionHint(cfg) };
  }
  return { kind: 'available' };
}
