/** Test ports for the steps: a real artifact store in a temp dir and a StepContext around it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../../src/odoo/index.js';
import type { OdooClient } from '../../../src/odoo/types.js';
import { createArtifactStore } from '../../../src/state/artifact-store.js';
import type { Question, StepContext, StepProgress } from '../../../src/steps/types.js';

export interface TestCtx extends StepContext {
  questions: Question[];
  progressSeen: StepProgress[];
  cleanup(): void;
}

export function makeCtx(opts: { connect?: () => Promise<OdooClient>; answer?: (q: Question) => string; root?: string } = {}): TestCtx {
  const root = opts.root ?? mkdtempSync(join(tmpdir(), 'ops-steps-'));
  const questions: Question[] = [];
  const progressSeen: StepProgress[] = [];
  return {
    config: { source: 'database', addons: [], sections: {} },
    artifacts: createArtifactStore(root),
    signal: new AbortController().signal,
    progress: (p) => progressSeen.push(p),
    connect: opts.connect ?? (() => Promise.reject(new Error('no connection in this test'))),
    log: () => undefined,
    ask: async <T extends string>(q: Question<T>) => {
      questions.push(q);
      return (opts.answer ? opts.answer(q) : q.defaultValue) as T;
    },
    dryRun: false,
    assumeYes: false,
    questions,
    progressSeen,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A client for an emulator user over the given transport. */
export async function clientFor(
  emu: { url: string; db: string; users: Record<string, { login: string; password: string; apiKey: string }> },
  user: 'admin' | 'noProject' = 'admin',
  transport: 'xmlrpc' | 'json2' = 'xmlrpc',
): Promise<OdooClient> {
  const u = emu.users[user];
  const secret = transport === 'json2' ? { apiKey: u.apiKey } : { password: u.password };
  return connect({ url: emu.url, db: emu.db, user: u.login, transport }, secret, { retryDelayMs: 1 });
}
