import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { err, ok, type Result } from '../core/result.js';
import { errnoOf, fsTrouble, isFsError, settle } from '../core/fs-error.js';
import { UserError } from '../core/user-error.js';
import type { ArtifactStore, WorkspaceConfig } from '../steps/types.js';
import type { JournaledAction } from './actions.js';
import { createArtifactStore } from './artifact-store.js';
import { loadConfig } from './config.js';
import { openJournal, type Journal } from './journal.js';
import { acquireLock, type Lock, type LockOptions } from './lock.js';
import { JOURNAL_FILE, LOCK_FILE, STATE_DIR, TMP_DIR } from './paths.js';

export interface OpenWorkspaceOptions {
  root: string;
  now: () => number;
  /** `status`: takes no lock and changes nothing on disk. */
  readOnly?: boolean;
  /** Who we are, for the lock (not needed read-only). */
  lock?: Omit<LockOptions, 'startedAt'>;
}

/** An opened workspace: its files, its history, and (unless read-only) the lock. */
export interface Workspace {
  readonly root: string;
  readonly artifacts: ArtifactStore;
  readonly history: readonly JournaledAction[];
  readonly notices: readonly string[];
  readonly config?: WorkspaceConfig;
  readonly journal?: Journal;
  close(): Promise<void>;
}

export async function openWorkspace(opts: OpenWorkspaceOptions): Promise<Result<Workspace, UserError>> {
  const root = resolve(opts.root);
  const st = await settle(stat(root));
  if (!st.ok && errnoOf(st.error) !== 'ENOENT') {
    const t = fsTrouble(st.error, root);
    return err(new UserError('usage', `workspace folder ${root}: ${t.what}`, { where: { file: opts.root }, hint: t.hint }));
  }
  if (!st.ok || !st.value.isDirectory()) {
    return err(new UserError('usage', `workspace folder not found: ${root}`, { where: { file: opts.root }, hint: 'create it, or pass --workspace DIR' }));
  }
  const notices: string[] = [];
  let lock: Lock | undefined;
  if (!opts.readOnly) {
    if (!opts.lock) throw new Error('openWorkspace: lock options are required unless read-only');
    const made = await settle(mkdir(join(root, STATE_DIR), { recursive: true }));
    if (!made.ok) {
      if (!isFsError(made.error)) throw made.error;
      const t = fsTrouble(made.error, root);
      return err(new UserError('usage', `cannot write the workspace's state folder ${STATE_DIR}: ${t.what}`, {
        where: { file: join(opts.root, STATE_DIR) },
        hint: errnoOf(made.error) === 'EACCES' || errnoOf(made.error) === 'EPERM' ? `let your user write the workspace folder (e.g. \`chmod -R u+rwX ${root}\`), or run where you can write` : t.hint,
      }));
    }
    const l = await acquireLock(join(root, LOCK_FILE), { ...opts.lock, startedAt: opts.now() });
    if (!l.ok) return l;
    lock = l.value;
    if (lock.notice) notices.push(lock.notice);
    // Left by a process killed mid-write; the lock guarantees no live writer owns them.
    await rm(join(root, TMP_DIR), { recursive: true, force: true });
  }
  const fail = async (e: UserError) => {
    await lock?.release();
    return err(e);
  };
  const j = await openJournal(join(root, JOURNAL_FILE), { readOnly: opts.readOnly, now: opts.now });
  if (!j.ok) return fail(j.error);
  notices.push(...j.value.read.notices);
  const c = await loadConfig(root);
  if (!c.ok) {
    await j.value.journal?.close();
    return fail(c.error);
  }
  const journal = j.value.journal;
  return ok({
    root,
    artifacts: createArtifactStore(root, join(root, TMP_DIR)),
    history: j.value.read.actions,
    notices,
    config: c.value?.config,
    journal,
    async close() {
      await journal?.close();
      await lock?.release();
    },
  });
}
