/**
 * .odoo-project-sync/sync-state.json: what the last sync sent, per external id (field hashes,
 * the database id, and for tasks the write_date Odoo reported right after). Versioned; a file
 * that cannot be read is kept aside and the sync continues as if it had never run (load() with
 * external ids makes that safe).
 */
import * as z from '../../state/zod-mini.js';
import type { ArtifactStore } from '../types.js';
import { ARTIFACTS } from '../types.js';

const RecordState = z.object({
  model: z.string(),
  id: z.int(),
  fields: z.record(z.string(), z.string()),
  writeDate: z.optional(z.string()),
  /** Sent in a batch whose outcome is unknown (interrupted): compare with Odoo, never a conflict. */
  pending: z.optional(z.boolean()),
});

const StateV1 = z.object({
  version: z.literal(1),
  url: z.string(),
  db: z.string(),
  namespace: z.string(),
  /** The namespace was checked against installed modules. */
  namespaceChecked: z._default(z.boolean(), false),
  articleTarget: z.optional(z.enum(['knowledge.article', 'document.page', 'files'])),
  /** Owner (lowercase) -> res.users id, for owners that matched. */
  users: z._default(z.record(z.string(), z.int()), {}),
  records: z._default(z.record(z.string(), RecordState), {}),
});

export type RecordState = z.infer<typeof RecordState>;
export type SyncState = z.infer<typeof StateV1>;

export function emptyState(url: string, db: string, namespace: string): SyncState {
  return { version: 1, url, db, namespace, namespaceChecked: false, users: {}, records: {} };
}

export type StateRead = { state: SyncState; notice?: string };

/** The state file as found: its text, and the state when it could be read. */
export interface StateFile {
  text?: string;
  state?: SyncState;
}

/** Reads and checks the state file once (the namespace and the state both come from it). */
export async function loadStateFile(artifacts: ArtifactStore): Promise<StateFile> {
  const text = await artifacts.read(ARTIFACTS.syncState);
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const r = StateV1.safeParse(parsed);
  return r.success ? { text, state: r.data } : { text };
}

export async function readState(artifacts: ArtifactStore, url: string, db: string, namespace: string, file?: StateFile): Promise<StateRead> {
  const { text, state } = file ?? (await loadStateFile(artifacts));
  if (text === undefined) return { state: emptyState(url, db, namespace) };
  if (!state) {
    const aside = `${ARTIFACTS.syncState}.unreadable`;
    await artifacts.write(aside, text);
    return {
      state: emptyState(url, db, namespace),
      notice: `${ARTIFACTS.syncState} could not be read; kept as ${aside}. Records are matched by external id instead.`,
    };
  }
  const s = state;
  if (s.url !== url || s.db !== db || s.namespace !== namespace) {
    return { state: emptyState(url, db, namespace), notice: `${ARTIFACTS.syncState} is for another server, database or namespace: not used.` };
  }
  return { state: s };
}

/**
 * The namespace the last sync to this server and database used: renaming the project (or the
 * ToDo's title) must not start a second project under a new default namespace.
 */
export async function previousNamespace(artifacts: ArtifactStore, url: string, db: string, file?: StateFile): Promise<string | undefined> {
  const { state } = file ?? (await loadStateFile(artifacts));
  return state && state.url === url && state.db === db ? state.namespace : undefined;
}

/**
 * Stable key order, so the file diffs cleanly and a run that changed nothing writes the very
 * bytes it read (the next run can then take its result as it stands: unchanged.ts).
 */
export async function writeState(artifacts: ArtifactStore, state: SyncState): Promise<string> {
  const records = Object.fromEntries(Object.entries(state.records).sort(([a], [b]) => a.localeCompare(b)));
  const { version, url, db, namespace, namespaceChecked, articleTarget, users } = state;
  const ordered = { version, url, db, namespace, namespaceChecked, articleTarget, users, records };
  return artifacts.write(ARTIFACTS.syncState, `${JSON.stringify(ordered, null, 2)}\n`);
}
