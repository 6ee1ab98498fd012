import { fsUserError } from '../core/fs-error.js';
import { stripUrlCredentials } from '../core/url-credentials.js';
import { formatLocation, UserError } from '../core/user-error.js';
import type { StepError } from './types.js';

export const isAbort = (e: unknown): boolean =>
  (e instanceof UserError && e.code === 'cancelled') ||
  (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AbortError');

/**
 * What a failed step shows. A UserError keeps its place and hint; anything else is a bug in
 * this tool and says so (its stack only with --debug, since it means nothing to most users).
 */
export function toStepError(thrown: unknown, debug: boolean): StepError {
  // Everything here reaches the journal and the screen: no URL in it keeps its credentials.
  const clean = stripUrlCredentials;
  // A file the user cannot read (or a full disk) is theirs to fix, not a bug.
  const e = fsUserError(thrown) ?? thrown;
  if (e instanceof UserError) {
    const where = clean(formatLocation(e.where));
    return {
      message: clean(e.message),
      ...(e.hint ? { hint: clean(e.hint) } : {}),
      ...(where ? { where } : {}),
      ...(debug && e.detail ? { detail: clean(e.detail) } : {}),
      // OdooError kind 'auth'; read by shape, as the Odoo layer may be the engines' copy.
      ...((e.code === 'odoo' && (e as { kind?: unknown }).kind === 'auth') || e.needsSecret ? { needsSecret: true } : {}),
      ...(e.code === 'input' || e.code === 'config' ? { badInput: true } : {}),
    };
  }
  // Errors from another realm (vm, worker) fail instanceof: accept anything error-shaped.
  const err = e instanceof Error || (typeof e === 'object' && e !== null && typeof (e as Error).message === 'string') ? (e as Error) : new Error(String(e));
  return {
    message: `internal error (a bug in odoo-project-sync): ${clean(err.message)}`,
    hint: 'please report it with the output of the same command run with --debug',
    ...(debug && err.stack ? { detail: clean(err.stack) } : {}),
  };
}

export function formatStepError(e: StepError, debug: boolean): string {
  const head = e.where ? `${e.where}: ${e.message}` : e.message;
  const lines = [head];
  if (e.hint) lines.push(`  -> ${e.hint}`);
  if (debug && e.detail) lines.push(e.detail);
  return lines.join('\n');
}
