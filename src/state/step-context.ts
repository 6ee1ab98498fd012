import { stripUrlCredentials } from '../core/url-credentials.js';
import { UserError } from '../core/user-error.js';
import type { ConnectOptions, OdooClient, OdooSecret, SessionMemory, WaitInfo } from '../odoo/types.js';
import type { ConnectionProfile, Question, StepId, StepProgress, WorkspaceConfig } from '../steps/types.js';
import { CONFIG_FILE } from '../steps/types.js';
import { progressRate } from './progress-rate.js';
import type { Store } from './store.js';

export type ConnectPort = (profile: ConnectionProfile, secret: OdooSecret, opts: ConnectOptions) => Promise<OdooClient>;

/** The config with one run's overrides (ODOO_URL/DB/USER, the demo's emulator) laid over it. */
export function effectiveConfig(
  config: WorkspaceConfig | undefined,
  overrides: Partial<ConnectionProfile> | undefined,
): WorkspaceConfig | undefined {
  if (!config || !overrides || Object.values(overrides).every((v) => v === undefined)) return config;
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const merged = { ...config.connection, ...defined } as Partial<ConnectionProfile>;
  if (!merged.url || !merged.user) return config;
  return { ...config, connection: merged as ConnectionProfile };
}

export interface ConnectorOptions {
  connect?: ConnectPort;
  getSecret: () => OdooSecret | undefined;
  debug: boolean;
  insecure: boolean;
  trace?: (line: string) => void;
  /** A call still waits for Odoo: shown as the step's activity. */
  onWait?: (w: WaitInfo) => void;
  /** Something the Odoo layer wants the user to know (a retried conflict, an old version). */
  onNotice?: (line: string) => void;
  /** The workspace's memory of server versions and user ids (no secret): saves two calls per run. */
  sessions?: SessionMemory;
}

/** "waiting for http://x to answer version: 10 s of 60 s (timeout_ms)" */
export function waitActivity(w: WaitInfo): string {
  return `waiting for ${w.server} to answer ${w.what}: ${Math.round(w.waitedMs / 1000)} s of ${Math.round(w.timeoutMs / 1000)} s (timeout_ms)`;
}

/** How to give a workspace the [connection] it lacks, without turning steps 1-3 back on. */
export function noConnectionHint(config: WorkspaceConfig): string {
  return config.source === 'source'
    ? `add a [connection] table (url, db, user) to ${CONFIG_FILE}, or run \`odoo-project-sync init --source source --addons PATH --url URL --db DB --user LOGIN\` (the steps stay as they are), or set ODOO_URL and ODOO_USER`
    : 'run `odoo-project-sync init --source database --url URL --db DB --user LOGIN` or set ODOO_URL and ODOO_USER';
}

/** A lazy connect() for a step. The secret is read from memory at call time, never stored. */
export function makeConnector(config: WorkspaceConfig, signal: AbortSignal, o: ConnectorOptions): () => Promise<OdooClient> {
  let client: Promise<OdooClient> | undefined;
  return () => {
    client ??= open().catch((e: unknown) => {
      client = undefined; // a retry may succeed once the user fixed the cause
      throw e;
    });
    return client;
  };
  async function open(): Promise<OdooClient> {
    const c = config.connection;
    if (!c) {
      throw new UserError('config', 'no Odoo connection is configured', {
        where: { file: CONFIG_FILE, field: 'connection' },
        hint: noConnectionHint(config),
      });
    }
    const secret = o.getSecret();
    if (!secret?.password && !secret?.apiKey) {
      throw new UserError('config', `no password or API key for ${c.user} on ${stripUrlCredentials(c.url)}`, {
        where: { field: 'ODOO_PASSWORD / ODOO_API_KEY' },
        hint: 'set ODOO_PASSWORD or ODOO_API_KEY in the environment (it is never written to a file); in the wizard, r asks for it',
        // In the TUI, r asks for it (hidden) instead of failing the same way again.
        needsSecret: true,
      });
    }
    // The CLI always passes one; only a test runner built for offline steps has none.
    if (!o.connect) throw new Error('this runner was built without a connect port');
    return o.connect({ ...c, insecure: c.insecure || o.insecure || undefined }, secret, {
      signal,
      debug: o.debug,
      timeoutMs: c.timeoutMs,
      trace: o.debug ? o.trace : undefined,
      onWait: o.onWait,
      onNotice: o.onNotice,
      sessions: o.sessions,
    });
  }
}

/** Interactive questions: the store shows them, controller.answer resolves them. */
export class QuestionBox {
  private pending?: { step: StepId; resolve: (v: string) => void };

  constructor(private readonly store: Store) {}

  ask<T extends string>(step: StepId, q: Question<T>, signal: AbortSignal): Promise<T> {
    if (this.pending) return Promise.reject(new Error('an engine asked a second question before the first was answered'));
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.clear(step);
        reject(new UserError('cancelled', 'cancelled'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending = {
        step,
        resolve: (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve((q.choices.some((c) => c.value === v) ? v : q.defaultValue) as T);
        },
      };
      this.store.dispatch({ type: 'question-asked', step, question: q });
    });
  }

  answer(value: string): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    this.store.dispatch({ type: 'question-answered' });
    p.resolve(value);
  }

  clear(step: StepId): void {
    if (this.pending?.step !== step) return;
    this.pending = undefined;
    this.store.dispatch({ type: 'question-answered' });
  }
}

/**
 * Headless progress: a line when the activity changes, it completes, or a second has passed;
 * counted work (a unit) prints at most once a second whatever its activity says, with its rate.
 */
export function progressPrinter(log: (line: string) => void, now: () => number): (step: StepId, p: StepProgress) => void {
  const last = new Map<StepId, { activity: string; unit?: string; at: number }>();
  return (step, p) => {
    const prev = last.get(step);
    const complete = p.total !== undefined && p.done === p.total;
    const same = prev && (prev.activity === p.activity || (p.unit !== undefined && prev.unit === p.unit));
    if (same && !complete && now() - prev.at < 1000) return;
    last.set(step, { activity: p.activity, unit: p.unit, at: now() });
    const count = p.done !== undefined ? ` ${p.done}${p.total !== undefined ? `/${p.total}` : ''}${p.unit ? ` ${p.unit}` : ''}` : '';
    const rate = progressRate(p, now());
    log(`[${step}] ${p.activity}${count}${rate ? ` (${rate})` : ''}`);
  };
}
