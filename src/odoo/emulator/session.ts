import { createHash } from 'node:crypto';
import type { UserRole } from './access.js';
import { OdooFault, serializationFailure, unknownModel } from './faults.js';
import { callNamed, callPositional, isWriteMethod } from './orm.js';
import type { CallContext } from './orm-context.js';
import type { EmulatorStore } from './store.js';
import type { ConflictPlan, EmulatorStats, EmulatorUser } from './types.js';

export interface EmulatorAccount extends EmulatorUser {
  role: UserRole;
}

/** What every protocol handler shares: the store, the accounts, the version, the stats. */
export interface Backend {
  readonly store: EmulatorStore;
  readonly version: number;
  readonly db: string;
  readonly accounts: readonly EmulatorAccount[];
  readonly stats: EmulatorStats;
  readonly now: () => Date;
  /** Called after each successful call that changed data (persistence). */
  onWrite(): void;
  /** Injected write conflicts (see ConflictPlan). */
  conflicts?: ConflictPlan;
}

/** Odoo 19's RPC_DEPRECATION_NOTICE (addons/rpc/controllers/__init__.py), first line. */
export const RPC_DEPRECATION =
  'The /xmlrpc, /xmlrpc/2 and /jsonrpc endpoints are deprecated in Odoo 19 and scheduled for removal in Odoo 20.';
/** models.py on 18+: @api.deprecated on check_access_rights. */
export const CHECK_ACCESS_RIGHTS_DEPRECATION = 'check_access_rights() is deprecated since 18.0; use check_access() instead.';

/** Odoo API keys are 40 hex characters; these are stable per database so a resumed demo still works. */
export function apiKeyFor(db: string, login: string): string {
  return createHash('sha1').update(`odoo-project-sync emulator:${db}:${login}`).digest('hex');
}

export function count(stats: EmulatorStats, key: string): void {
  stats.byMethod[key] = (stats.byMethod[key] ?? 0) + 1;
}

/** common.authenticate / login: the uid, or false for a wrong login or secret (never a fault). */
export function authenticate(b: Backend, db: unknown, login: unknown, secret: unknown): number | false {
  checkDb(b, db);
  const a = b.accounts.find((u) => u.login === login && (u.password === secret || u.apiKey === secret));
  return a ? a.uid : false;
}

export function checkDb(b: Backend, db: unknown): void {
  if (db !== b.db) {
    throw new OdooFault('value', `database "${String(db)}" does not exist`);
  }
}

/** execute_kw credentials: uid and password or API key must match, else 'Access Denied'. */
export function accountFor(b: Backend, db: unknown, uid: unknown, secret: unknown): EmulatorAccount {
  checkDb(b, db);
  const a = b.accounts.find((u) => u.uid === uid && (u.password === secret || u.apiKey === secret));
  if (!a) throw new OdooFault('access-denied', 'Access Denied');
  return a;
}

export function accountForKey(b: Backend, key: string): EmulatorAccount | undefined {
  return b.accounts.find((u) => u.apiKey === key);
}

function context(b: Backend, a: EmulatorAccount): CallContext {
  return { store: b.store, version: b.version, uid: a.uid, role: a.role, now: b.now };
}

/** One ORM call in its own transaction: rolled back on a fault, saved after a write. */
function transaction<T>(b: Backend, model: string, method: string, run: () => T): T {
  count(b.stats, method);
  if (!b.store.hasModel(model)) throw unknownModel(model);
  if (method === 'check_access_rights' && b.version >= 18) b.stats.warnings.push(CHECK_ACCESS_RIGHTS_DEPRECATION);
  const c = b.conflicts;
  if (c && c.method === method && c.times > 0) {
    c.times--;
    throw serializationFailure();
  }
  b.store.begin();
  try {
    const result = run();
    b.store.commit();
    if (isWriteMethod(method)) b.onWrite();
    return result;
  } catch (e) {
    b.store.rollbackTo(0);
    b.store.commit();
    throw e;
  }
}

export function executeKw(
  b: Backend,
  a: EmulatorAccount,
  model: string,
  method: string,
  args: readonly unknown[],
  kwargs?: Record<string, unknown>,
): unknown {
  return transaction(b, model, method, () => callPositional(context(b, a), model, method, args ?? [], kwargs ?? {}));
}

export function executeNamed(b: Backend, a: EmulatorAccount, model: string, method: string, body: Record<string, unknown>): unknown {
  return transaction(b, model, method, () => callNamed(context(b, a), model, method, body));
}

/** common.version as Odoo answers it. */
export function versionInfo(version: number): Record<string, unknown> {
  const serie = `${version}.0`;
  return {
    server_version: serie,
    server_version_info: [version, 0, 0, 'final', 0, ''],
    server_serie: serie,
    protocol_version: 1,
  };
}
