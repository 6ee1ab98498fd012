/**
 * The headless commands. They get everything from the CLI (paths, secret, ports, streams,
 * the SIGINT signal) and return an exit code; only src/cli.tsx reads argv/env and exits.
 */
import { join } from 'node:path';
import { formatUserError, UserError } from '../core/user-error.js';
import type { OdooSecret } from '../odoo/types.js';
import { entryOf, type StepRegistry } from '../steps/registry.js';
import { ARTIFACTS, CONFIG_FILE, type ConnectionProfile, type Diagnostic, type StepId } from '../steps/types.js';
import { missingAddons } from './controller.js';
import { formatStepError } from './errors.js';
import { acquireLock, liveHolder, type LockOptions } from './lock.js';
import { LOCK_FILE, STATE_DIR } from './paths.js';
import { resumeAll } from './resume.js';
import { createRunner, type Runner, type RunnerOptions } from './runner.js';
import { formatStatus, statusJson } from './status-format.js';
import type { ConnectPort } from './step-context.js';
import type { InitAnswers } from './types.js';
import { openWorkspace } from './workspace.js';
import { mkdir, readFile } from 'node:fs/promises';

import { EXIT, exitCodeOf } from './exit-codes.js';

export { EXIT };

export interface CommandEnv {
  root: string;
  registry: StepRegistry;
  debug: boolean;
  insecure: boolean;
  secret?: OdooSecret;
  overrides?: Partial<ConnectionProfile>;
  connect?: ConnectPort;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Aborted on SIGINT. */
  signal: AbortSignal;
  lock: Omit<LockOptions, 'startedAt'>;
  now?: () => number;
}

export function printError(env: Pick<CommandEnv, 'err' | 'debug'>, e: unknown): number {
  if (e instanceof UserError) {
    env.err(formatUserError(e));
    if (env.debug && e.detail) env.err(e.detail);
    return exitCodeOf(e.code);
  }
  throw e;
}

/** Every error at file:line:col, then the next step once. */
const diagLines = (file: string, step: StepId, ds: readonly Diagnostic[]) => [
  ...ds.map((d) => `${file}:${d.line}:${d.column}: ${d.message}`),
  `  -> ${ds.find((d) => d.next)?.next ?? `fix ${file} (in the wizard's reviewer or an editor), then run \`odoo-project-sync run ${step} --yes\` again`}`,
];

/** Opens the workspace (locked) and a headless runner; the caller closes it. */
export async function openRunner(env: CommandEnv, extra: Partial<RunnerOptions> = {}, readOnly = false): Promise<Runner | number> {
  const now = env.now ?? Date.now;
  const ws = await openWorkspace({ root: env.root, now, lock: env.lock, readOnly });
  if (!ws.ok) return printError(env, ws.error);
  const runner = await createRunner({
    workspace: ws.value,
    registry: env.registry,
    now,
    connect: env.connect,
    secret: env.secret,
    connectionOverrides: env.overrides,
    debug: env.debug,
    insecure: env.insecure,
    interactive: false,
    log: env.err,
    ...extra,
  });
  for (const n of runner.store.getState().notices) env.err(`! ${n}`);
  return runner;
}

export async function cmdInit(env: CommandEnv, answers: InitAnswers): Promise<number> {
  const bad = await missingAddons(env.root, answers);
  if (bad) return printError(env, new UserError('usage', bad.message, { where: { field: bad.where }, hint: bad.hint }));
  await mkdir(join(env.root, STATE_DIR), { recursive: true });
  const lock = await acquireLock(join(env.root, LOCK_FILE), { ...env.lock, startedAt: (env.now ?? Date.now)() });
  if (!lock.ok) return printError(env, lock.error);
  try {
    const { writeConfig } = await import('./config-write.js');
    const w = await writeConfig(env.root, answers);
    if (!w.ok) return printError(env, w.error);
    env.out(`wrote ${CONFIG_FILE} (${answers.source} workspace; no secret is stored in it)`);
    if (answers.urlHadPassword) {
      env.err(
        `! the password in the URL was not stored (only ${w.value.connection?.url ?? 'the address'} was)\n` +
          '  -> set ODOO_PASSWORD or ODOO_API_KEY when you run a step, or type the password when the wizard asks',
      );
    }
    return EXIT.ok;
  } finally {
    await lock.value.release();
  }
}

export async function cmdStatus(env: CommandEnv, json: boolean): Promise<number> {
  const holder = await liveHolder(join(env.root, LOCK_FILE), env.lock.isAlive);
  const r = await openRunner(env, { keepRunning: holder !== undefined }, true);
  if (typeof r === 'number') return r;
  try {
    const st = r.store.getState();
    env.out(json ? JSON.stringify(statusJson(st, r.registry), null, 2) : formatStatus(st, r.registry));
    return EXIT.ok;
  } finally {
    await r.close();
  }
}

export async function cmdRun(env: CommandEnv, step: StepId, o: { yes: boolean; dryRun: boolean; strict?: boolean; json?: boolean }): Promise<number> {
  if (o.json && step !== 'sync') return printError(env, new UserError('usage', `--json works with \`run sync\`, not \`run ${step}\``, { hint: 'use `odoo-project-sync status --json` for the state of every step' }));
  const r = await openRunner(env, { assumeYes: o.yes, dryRun: o.dryRun, strict: o.strict });
  if (typeof r === 'number') return r;
  const stop = () => r.cancelAll();
  env.signal.addEventListener('abort', stop);
  try {
    const s = r.store.getState();
    if (s.needsInit) return printError(env, noConfig());
    const entry = entryOf(r.registry, step);
    const st = s.steps[step];
    if (st.kind === 'unavailable') return fail(env, `${entry.title}: ${st.reason}`, st.hint, EXIT.usage);
    if (st.kind === 'skipped') return env.out(`${entry.title}: skipped (${st.reason})`), EXIT.ok;
    const refused = await r.refusal(step);
    if (refused) return printError(env, refused);
    if (entry.kind === 'review') {
      if (!o.yes) {
        const valid = `${entry.file} is valid; approve it with \`odoo-project-sync run ${step} --yes\``;
        // The map step 4 wrote and checked, untouched: no need to read and check it again.
        if (await r.review.checkedAsIs(entry.id)) return env.out(valid), EXIT.ok;
        const doc = await r.review.open(entry.id).catch((e: unknown) => e);
        if (doc instanceof Error) return printError(env, doc);
        const { errorsOf, validateDocument } = await import('../review/validate.js');
        const errors = errorsOf(validateDocument((doc as { text: string }).text, await r.review.spec(entry.id), true));
        if (errors.length) return diagLines(entry.file, step, errors).forEach((l) => env.err(l)), EXIT.usage;
        env.out(valid);
        return EXIT.ok;
      }
      const res = await r.review.approveCurrent(entry.id).catch((e: unknown) => e as Error);
      if (res instanceof Error) return printError(env, res);
      if (!res.ok) return diagLines(entry.file, step, res.errors).forEach((l) => env.err(l)), EXIT.usage;
      env.out(res.unchanged ? `${entry.file} is approved already, as it is` : `approved ${entry.file}`);
      return EXIT.ok;
    }
    const end = await r.runStep(step);
    if (env.signal.aborted) return env.err(`${entry.title}: interrupted`), EXIT.interrupted;
    if (end.kind === 'failed') return env.err(formatStepError(end.error, env.debug)), end.error.badInput ? EXIT.usage : EXIT.failed;
    if (end.kind !== 'done') return env.err(`${entry.title}: ${end.kind}`), EXIT.failed;
    if (o.json) {
      // The plan review for scripts: the same JSON the step wrote to sync-plan.json.
      env.out((await readFile(join(env.root, ARTIFACTS.syncPlan), 'utf8')).trimEnd());
      return EXIT.ok;
    }
    env.out(`${entry.title}: ${end.summary}`);
    return EXIT.ok;
  } finally {
    env.signal.removeEventListener('abort', stop);
    await r.close();
  }
}

export async function cmdResume(env: CommandEnv, o: { yes: boolean }): Promise<number> {
  const r = await openRunner(env, { assumeYes: o.yes });
  if (typeof r === 'number') return r;
  const stop = () => r.cancelAll();
  env.signal.addEventListener('abort', stop);
  try {
    if (r.store.getState().needsInit) return printError(env, noConfig());
    const res = await resumeAll(r, { assumeYes: o.yes, signal: env.signal });
    const title = (id: StepId) => entryOf(r.registry, id).title;
    switch (res.kind) {
      case 'complete':
        env.out('all steps are done');
        return EXIT.ok;
      case 'checkpoint':
        env.out(`stopped at "${title(res.step)}": review ${res.file}, then run \`odoo-project-sync run ${res.step} --yes\` (or open the wizard) and resume`);
        return EXIT.ok;
      case 'invalid':
        diagLines(res.file, res.step, res.errors).forEach((l) => env.err(l));
        return EXIT.usage;
      case 'unavailable':
        return fail(env, `stopped at "${title(res.step)}": ${res.reason}`, res.hint, EXIT.usage);
      case 'failed':
        env.err(formatStepError(res.error, env.debug));
        return EXIT.failed;
      case 'cancelled':
        env.err(`"${title(res.step)}" was interrupted; \`odoo-project-sync resume\` starts it again`);
        return env.signal.aborted ? EXIT.interrupted : EXIT.failed;
    }
  } finally {
    env.signal.removeEventListener('abort', stop);
    await r.close();
  }
}

function fail(env: CommandEnv, message: string, hint: string, code: number = EXIT.failed): number {
  env.err(`${message}\n  -> ${hint}`);
  return code;
}

const noConfig = () =>
  new UserError('usage', `no ${CONFIG_FILE} in this workspace`, {
    hint: 'run `odoo-project-sync init --source database --url URL --db DB --user LOGIN` or `init --source source --addons PATH`',
  });
