import type { ErrorContext } from './error-context.js';
import { cancelledError, timeoutError } from './error-from-transport.js';
import { OdooError } from './errors.js';
import type { TransportCall } from './transports/types.js';

export interface RunnerOptions {
  timeoutMs: number;
  retries: number;
  /** First backoff delay; doubles per retry. */
  retryDelayMs: number;
  /** Cancels every call of the connection. */
  signal?: AbortSignal;
  trace?: (line: string) => void;
}

export interface RunOptions {
  /** Reads and idempotent writes only: never a plain create/write/unlink. */
  retry: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Every round trip goes through here: timeout, cancel, bounded retries with backoff, stats, trace. */
export class CallRunner {
  readonly stats = { calls: 0, retries: 0 };

  constructor(private readonly opts: RunnerOptions) {}

  async run<T>(ctx: ErrorContext, opts: RunOptions, attempt: (call: TransportCall) => Promise<T>): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? this.opts.timeoutMs;
    const callCtx: ErrorContext = { ...ctx, timeoutMs };
    const cancel = [opts.signal, this.opts.signal].filter((s): s is AbortSignal => s !== undefined);
    const maxRetries = opts.retry ? Math.max(0, this.opts.retries) : 0;
    for (let n = 0; ; n++) {
      if (cancel.some((s) => s.aborted)) throw cancelledError(callCtx);
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = AbortSignal.any([...cancel, timeout]);
      const started = performance.now();
      this.stats.calls++;
      let error: OdooError;
      try {
        const value = await attempt({ signal, ctx: callCtx });
        this.trace(callCtx, started, 'ok');
        return value;
      } catch (e) {
        if (cancel.some((s) => s.aborted)) {
          this.trace(callCtx, started, 'cancelled');
          throw cancelledError(callCtx);
        }
        if (timeout.aborted) error = timeoutError(callCtx);
        else if (e instanceof OdooError) error = e;
        else throw e;
      }
      this.trace(callCtx, started, `error ${error.kind}${error.status ? ` ${error.status}` : ''}`);
      if (!error.transient || n >= maxRetries) throw error;
      this.stats.retries++;
      await delay(this.opts.retryDelayMs * 2 ** n, cancel);
    }
  }

  private trace(ctx: ErrorContext, started: number, outcome: string): void {
    if (!this.opts.trace) return;
    const ms = Math.round(performance.now() - started);
    const what = ctx.model ? `${ctx.model}.${ctx.method ?? '?'}` : (ctx.method ?? '?');
    // Only names and timings: arguments may hold data, and the secret is never part of a line.
    this.opts.trace(`odoo ${ctx.transport} ${what} ${outcome} ${ms}ms`);
  }
}

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
