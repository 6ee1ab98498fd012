import type { ErrorContext } from './error-context.js';
import { opOf } from './error-context.js';
import { cancelledError, conflictError, timeoutError } from './error-from-transport.js';
import { OdooError } from './errors.js';
import type { TransportCall } from './transports/types.js';
import type { WaitInfo } from './types.js';

export interface RunnerOptions {
  /** The whole time one call may take, retries included (timeout_ms). */
  timeoutMs: number;
  retries: number;
  /** First backoff delay; doubles per retry. */
  retryDelayMs: number;
  /** Cancels every call of the connection. */
  signal?: AbortSignal;
  trace?: (line: string) => void;
  onWait?: (w: WaitInfo) => void;
  onNotice?: (line: string) => void;
  /** How often onWait fires while an answer is awaited. Default 5 s (a quarter of a short timeout, at least 1 s). */
  waitTickMs?: number;
}

export interface RunOptions {
  /** Reads and idempotent writes only: never a plain create/write/unlink. */
  retry: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * Odoo already retries a serialization failure 5 times inside the server before it gives up, so
 * the client waits longer between its own tries; the failed transaction was rolled back, so a
 * retry is safe for every method.
 */
const CONFLICT_RETRIES = 4;
const CONFLICT_DELAY_FACTOR = 4;

/**
 * Every round trip goes through here: one deadline per call (timeout_ms covers the retries too),
 * a wait signal every few seconds, cancel, bounded retries with backoff, stats, trace.
 */
export class CallRunner {
  readonly stats = { calls: 0, retries: 0 };

  constructor(private readonly opts: RunnerOptions) {}

  async run<T>(ctx: ErrorContext, opts: RunOptions, attempt: (call: TransportCall) => Promise<T>): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? this.opts.timeoutMs;
    const callCtx: ErrorContext = { ...ctx, timeoutMs };
    const cancel = [opts.signal, this.opts.signal].filter((s): s is AbortSignal => s !== undefined);
    const maxRetries = opts.retry ? Math.max(0, this.opts.retries) : 0;
    const begun = performance.now();
    const deadline = begun + timeoutMs;
    let conflicts = 0;
    for (let n = 0; ; n++) {
      if (cancel.some((s) => s.aborted)) throw cancelledError(callCtx);
      const timeout = AbortSignal.timeout(Math.max(1, Math.round(deadline - performance.now())));
      const signal = AbortSignal.any([...cancel, timeout]);
      const started = performance.now();
      this.stats.calls++;
      let error: OdooError;
      const ticker = this.waitTicker(callCtx, begun, timeoutMs);
      try {
        const value = await attempt({ signal, ctx: callCtx });
        this.trace(callCtx, started, 'ok');
        if (conflicts > 0) this.opts.onNotice?.(`Odoo applied ${opOf(callCtx)} after ${conflicts} ${conflicts === 1 ? 'retry' : 'retries'}: another transaction was writing the same records.`);
        return value;
      } catch (e) {
        if (cancel.some((s) => s.aborted)) {
          this.trace(callCtx, started, 'cancelled');
          throw cancelledError(callCtx);
        }
        if (timeout.aborted) error = timeoutError(callCtx, n + 1);
        else if (e instanceof OdooError) error = e;
        else throw e;
      } finally {
        if (ticker) clearInterval(ticker);
      }
      this.trace(callCtx, started, `error ${error.kind}${error.status ? ` ${error.status}` : ''}`);
      if (error.kind === 'conflict') {
        if (conflicts >= CONFLICT_RETRIES) throw conflictError(callCtx, error, conflicts + 1);
        conflicts++;
        const wait = this.opts.retryDelayMs * CONFLICT_DELAY_FACTOR * 2 ** (conflicts - 1);
        this.opts.onNotice?.(`Odoo could not apply ${opOf(callCtx)}: another transaction was writing the same records (nothing was written); trying again in ${formatMs(wait)} (${conflicts} of ${CONFLICT_RETRIES}).`);
        this.stats.retries++;
        await delay(wait, cancel);
        continue;
      }
      const backoff = this.opts.retryDelayMs * 2 ** n;
      // A timeout has used the whole budget; other failures retry only while it lasts.
      if (!error.transient || error.kind === 'timeout' || n >= maxRetries || performance.now() + backoff >= deadline) throw error;
      this.stats.retries++;
      await delay(backoff, cancel);
    }
  }

  private waitTicker(ctx: ErrorContext, begun: number, timeoutMs: number): NodeJS.Timeout | undefined {
    const onWait = this.opts.onWait;
    if (!onWait) return undefined;
    // Every 5 s on a real server; a short timeout_ms still gets a few signs of life.
    const tick = this.opts.waitTickMs ?? Math.min(5000, Math.max(1000, Math.floor(timeoutMs / 4)));
    if (timeoutMs <= tick) return undefined;
    const t = setInterval(() => onWait({ server: ctx.url, what: opOf(ctx), waitedMs: performance.now() - begun, timeoutMs }), tick);
    t.unref();
    return t;
  }

  private trace(ctx: ErrorContext, started: number, outcome: string): void {
    if (!this.opts.trace) return;
    const ms = Math.round(performance.now() - started);
    const what = ctx.model ? `${ctx.model}.${ctx.method ?? '?'}` : (ctx.method ?? '?');
    // Only names and timings: arguments may hold data, and the secret is never part of a line.
    this.opts.trace(`odoo ${ctx.wire ?? ctx.transport} ${what} ${outcome} ${ms}ms`);
  }
}

const formatMs = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

function delay(ms: number, signals: readonly AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const s of signals) s.addEventListener('abort', done, { once: true });
  });
}
