import type { ErrorContext } from '../error-context.js';
import type { ServerVersion, TransportName } from '../types.js';

/** What a transport needs for one round trip. */
export interface TransportCall {
  /** Aborts on cancel or on the per-call timeout; the caller tells the two apart. */
  signal: AbortSignal;
  /** For turning server answers into OdooErrors. */
  ctx: ErrorContext;
}

/**
 * One wire protocol. Every method is one HTTP round trip and throws an OdooError for anything
 * the server or the network reports, except an abort, which it rethrows as is.
 */
export interface Transport {
  readonly name: TransportName;
  /** Calls carry a user id (XML-RPC), so one is needed before the first; JSON-2's key is enough. */
  readonly needsUid: boolean;
  /** Signs in (one round trip): the user id, or an OdooError kind 'auth'. */
  authenticate(call: TransportCall): Promise<number>;
  /** Takes a user id learned by an earlier connection instead of signing in. */
  assume(uid: number): void;
  /** The wire of a call to `method` when it is not the transport's own (trace lines). */
  wireOf?(method: string): ErrorContext['wire'];
  /** A model method with positional args and keyword args, in XML-RPC execute_kw terms. */
  execute(model: string, method: string, args: readonly unknown[], kwargs: Record<string, unknown>, call: TransportCall): Promise<unknown>;
}

export function isAbort(e: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (e instanceof Error && e.name === 'AbortError');
}
