/**
 * .odoo-project-sync/cache/odoo-sessions.json: per server, database and login, the version the
 * server reported and the user id it signed in (src/odoo KnownSession). Never a password or key:
 * only what the server answers anyone who signs in. An unreadable or odd file is as good as none
 * (the next connection asks again); the newest few sessions are kept.
 */
import type { KnownSession, ServerVersion, SessionMemory } from '../odoo/types.js';
import type { ArtifactStore } from '../steps/types.js';
import { SESSION_FILE } from './paths.js';

const KEEP = 8;

interface SessionFile {
  version: 1;
  sessions: KnownSession[];
}

export function sessionMemory(artifacts: ArtifactStore): SessionMemory {
  let kept: Promise<KnownSession[]> | undefined;
  const load = () => (kept ??= read(artifacts));
  const same = (s: KnownSession, url: string, db: string, login: string) => s.url === url && s.db === db && s.login === login;
  const save = async (sessions: KnownSession[]) => {
    kept = Promise.resolve(sessions);
    const file: SessionFile = { version: 1, sessions };
    // Only a faster next start is lost when this fails.
    await artifacts.write(SESSION_FILE, `${JSON.stringify(file, null, 2)}\n`).catch(() => undefined);
  };
  return {
    async recall(url, db, login) {
      return (await load()).find((s) => same(s, url, db, login));
    },
    async remember(session) {
      const others = (await load()).filter((s) => !same(s, session.url, session.db, session.login));
      const fresh = { url: session.url, db: session.db, login: session.login, usedDb: session.usedDb, serverVersion: session.serverVersion, uid: session.uid };
      await save([fresh, ...others].slice(0, KEEP));
    },
    async forget(url, db, login) {
      const all = await load();
      if (all.some((s) => same(s, url, db, login))) await save(all.filter((s) => !same(s, url, db, login)));
    },
  };
}

async function read(artifacts: ArtifactStore): Promise<KnownSession[]> {
  try {
    const text = await artifacts.read(SESSION_FILE);
    const file = text === undefined ? undefined : (JSON.parse(text) as Partial<SessionFile>);
    return file?.version === 1 && Array.isArray(file.sessions) ? file.sessions.filter(isSession) : [];
  } catch {
    return [];
  }
}

function isSession(v: unknown): v is KnownSession {
  const s = v as Partial<KnownSession> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.url === 'string' &&
    typeof s.db === 'string' &&
    typeof s.login === 'string' &&
    typeof s.usedDb === 'string' &&
    (s.uid === undefined || (Number.isInteger(s.uid) && s.uid > 0)) &&
    isVersion(s.serverVersion)
  );
}

function isVersion(v: unknown): v is ServerVersion {
  const s = v as Partial<ServerVersion> | null;
  return typeof s === 'object' && s !== null && typeof s.serverVersion === 'string' && Array.isArray(s.serverVersionInfo) && typeof s.serverSerie === 'string' && Number.isInteger(s.major) && (s.major as number) > 0;
}
