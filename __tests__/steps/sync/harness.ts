/** A real workspace in a temp dir, a real client and the emulator: what the sync step sees. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../../src/odoo/index.js';
import type { OdooClient } from '../../../src/odoo/types.js';
import type { Emulator } from '../../../src/odoo/emulator/index.js';
import { createArtifactStore } from '../../../src/state/artifact-store.js';
import type { Question, StepContext, StepOutcome } from '../../../src/steps/types.js';
import { syncStep } from '../../../src/steps/sync/index.js';
import type { Result } from '../../../src/core/result.js';
import type { UserError } from '../../../src/core/user-error.js';

export const SEED_001 = join(process.cwd(), '__tests__/fixtures/001_98750762156189e6.txt');

export interface Workspace {
  root: string;
  cleanup(): void;
}

export function workspace(planFile = SEED_001, as = 'ToDo.md'): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'ops-sync-'));
  copyFileSync(planFile, join(root, as));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export interface RunOptions {
  transport?: 'xmlrpc' | 'json2';
  login?: 'admin' | 'noProject';
  password?: string;
  dryRun?: boolean;
  strict?: boolean;
  sections?: Record<string, unknown>;
  answers?: Record<string, string>;
  /** Wraps the connected client (e.g. a spy on its calls). */
  wrap?: (c: OdooClient) => OdooClient;
}

export interface RunRecord {
  result: Result<StepOutcome, UserError>;
  questions: Question[];
  logs: string[];
  calls: number;
  /** What the step said it was doing when it asked each question (the TUI rail shows it). */
  activityAtAsk: (string | undefined)[];
}

export async function runSyncStep(emu: Emulator, ws: Workspace, o: RunOptions = {}): Promise<RunRecord> {
  const user = emu.users[o.login ?? 'admin'];
  const questions: Question[] = [];
  const logs: string[] = [];
  const activityAtAsk: (string | undefined)[] = [];
  let activity: string | undefined;
  let client: OdooClient | undefined;
  const ctx: StepContext = {
    config: { source: 'database', addons: [], sections: o.sections ?? {} },
    artifacts: createArtifactStore(ws.root),
    signal: new AbortController().signal,
    progress: (p) => {
      activity = p.activity ?? activity;
    },
    connect: async () => {
      const transport = o.transport ?? 'xmlrpc';
      const secret = transport === 'json2' ? { apiKey: user.apiKey } : { password: o.password ?? user.password };
      client = await connect({ url: emu.url, db: emu.db, user: user.login, transport }, secret, { retries: 1, retryDelayMs: 1 });
      return o.wrap ? o.wrap(client) : client;
    },
    log: (l) => logs.push(l),
    ask: async <T extends string>(q: Question<T>) => {
      questions.push(q as Question);
      activityAtAsk.push(activity);
      return (o.answers?.[q.id] as T | undefined) ?? q.defaultValue;
    },
    dryRun: o.dryRun ?? false,
    strict: o.strict ?? false,
    assumeYes: true,
  };
  const result = await syncStep.run(ctx);
  return { result, questions, logs, calls: client?.stats.calls ?? 0, activityAtAsk };
}

export function expectOk(r: RunRecord): StepOutcome {
  if (!r.result.ok) throw new Error(`sync failed: ${r.result.error.message} ${r.result.error.hint ?? ''}`);
  return r.result.value;
}
