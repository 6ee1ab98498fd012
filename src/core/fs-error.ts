import { UserError } from './user-error.js';

/**
 * What a file-system error means to the user, and what to do about it. A folder the user cannot
 * read is "permission denied", never "not found" or "not a folder", and never an internal error.
 */
export interface FsTrouble {
  /** "permission denied", "not found", "a symbolic link loop"... */
  what: string;
  hint: string;
}

export const errnoOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;

/** True for the errors a user's files and folders can cause (as opposed to bugs). */
export const isFsError = (e: unknown): boolean => /^E[A-Z]+$/.test(errnoOf(e) ?? '');

/** A promise's outcome as a value: errors thrown by node:fs may come from another realm (jest's vm), so no instanceof. */
export const settle = <T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> =>
  p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

export function fsTrouble(e: unknown, path: string): FsTrouble {
  switch (errnoOf(e)) {
    case 'EACCES':
    case 'EPERM':
      return { what: 'permission denied', hint: `let your user read it (e.g. \`chmod -R u+rX ${path}\`), or run as a user who can` };
    case 'ENOENT':
      return { what: 'not found', hint: `check the path ${path}` };
    case 'ENOTDIR':
      return { what: 'not a folder (a part of the path is a file)', hint: `check the path ${path}` };
    case 'ELOOP':
      return { what: 'a symbolic link loop', hint: `point the link ${path} at a real file or folder, or remove it` };
    case 'EISDIR':
      return { what: 'a folder where a file was expected', hint: `check the path ${path}` };
    case 'ENOSPC':
      return { what: 'no space left on the device', hint: 'free some disk space and run again' };
    case 'EROFS':
      return { what: 'the file system is read-only', hint: 'work in a folder you can write' };
    case 'EMFILE':
    case 'ENFILE':
      return { what: 'too many open files', hint: 'raise the open-file limit (ulimit -n) and run again' };
    default:
      return { what: `cannot be read (${errnoOf(e) ?? String(e)})`, hint: `check ${path} and run again` };
  }
}

const WRITES = new Set(['mkdir', 'rename', 'write', 'unlink', 'rmdir', 'rm', 'copyfile', 'symlink', 'chmod', 'utime', 'fsync']);

/**
 * A file-system error that reached the top of a command or step (a file the user made unreadable,
 * a full disk) as a UserError naming the path and what to do; undefined for anything else.
 */
export function fsUserError(e: unknown): UserError | undefined {
  if (!isFsError(e) || e instanceof UserError) return undefined;
  const { path, syscall } = e as NodeJS.ErrnoException;
  if (typeof path !== 'string') return undefined;
  const t = fsTrouble(e, path);
  const verb = syscall && WRITES.has(syscall) ? 'write' : 'read';
  return new UserError('input', `cannot ${verb} it: ${t.what}`, { where: { file: path }, hint: t.hint });
}
