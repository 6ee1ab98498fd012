import type { UserErrorCode } from '../core/user-error.js';

/** Process exit codes of every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/**
 * The exit code of a user error, one answer for every path (a command's result or an error that
 * reaches the CLI): 2 when the user's input, config or the workspace lock is at fault, 1 otherwise.
 */
export function exitCodeOf(code: UserErrorCode): number {
  return code === 'usage' || code === 'input' || code === 'config' || code === 'workspace-locked' ? EXIT.usage : EXIT.failed;
}
