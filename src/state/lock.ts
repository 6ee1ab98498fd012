import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { err, ok, type Result } from '../core/result.js';
import { UserError } from '../core/user-error.js';
import { isNotFound } from './artifact-store.js';

export interface LockOwner {
  pid: number;
  host: string;
  /** Epoch ms. */
  startedAt: number;
}

export interface LockOptions extends LockOwner {
  /** Whether a process with this pid runs on this host (process.kill(pid, 0) in production). */
  isAlive: (pid: number) => boolean;
}

export interface Lock {
  release(): Promise<void>;
  /** Set when a dead process's lock was taken over. */
  notice?: string;
}

const isExists = (e: unknown): boolean => (e as { code?: string }).code === 'EEXIST';

/**
 * Takes the workspace lock, or explains who holds it. The lock file is created complete and
 * atomically (write a private temp file, then hard-link it into place, which fails if the lock
 * exists), so a second wizard never sees a half-written lock.
 */
export async function acquireLock(path: string, opts: LockOptions): Promise<Result<Lock, UserError>> {
  const me: LockOwner = { pid: opts.pid, host: opts.host, startedAt: opts.startedAt };
  const tmp = `${path}.${opts.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(me)}\n`);
  try {
    let notice: string | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(tmp, path);
        return ok({ release: () => releaseIfMine(path, me), notice });
      } catch (e) {
        if (!isExists(e)) throw e;
      }
      const holder = await readOwner(path);
      if (holder === undefined) continue; // removed meanwhile: try again
      const since = new Date(holder.owner?.startedAt ?? 0).toISOString();
      if (holder.owner && holder.owner.host !== opts.host) {
        return err(
          new UserError('workspace-locked', `workspace in use by pid ${holder.owner.pid} on ${holder.owner.host} since ${since}`, {
            where: { file: path },
            hint: `quit it, or remove ${path} if that process is dead`,
          }),
        );
      }
      if (holder.owner && holder.owner.pid !== opts.pid && opts.isAlive(holder.owner.pid)) {
        return err(
          new UserError('workspace-locked', `workspace in use by pid ${holder.owner.pid} since ${since}`, {
            where: { file: path },
            hint: `quit it or remove the lock if it is dead (${path})`,
          }),
        );
      }
      await rm(path, { force: true });
      notice = holder.owner
        ? `Recovered a stale lock left by process ${holder.owner.pid} (started ${since}), which is no longer running.`
        : 'Recovered an unreadable lock file left by an earlier run.';
    }
    return err(new UserError('workspace-locked', 'could not take the workspace lock', { where: { file: path }, hint: 'try again' }));
  } finally {
    await rm(tmp, { force: true });
  }
}

async function readOwner(path: string): Promise<{ owner?: LockOwner } | undefined> {
  try {
    const o = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.startedAt === 'number') {
      return { owner: { pid: o.pid, host: o.host, startedAt: o.startedAt } };
    }
    return {};
  } catch (e) {
    if (isNotFound(e)) return undefined;
    return {};
  }
}

async function releaseIfMine(path: string, me: LockOwner): Promise<void> {
  const holder = await readOwner(path);
  if (holder?.owner && holder.owner.pid === me.pid && holder.owner.startedAt === me.startedAt) await rm(path, { force: true });
}

/** Production liveness check: signal 0 probes without touching the process. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** The live process holding the lock, if any (for read-only commands). */
export async function liveHolder(path: string, isAlive: (pid: number) => boolean): Promise<LockOwner | undefined> {
  const h = await readOwner(path);
  return h?.owner && isAlive(h.owner.pid) ? h.owner : undefined;
}
