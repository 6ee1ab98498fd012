/**
 * An Odoo emulator for tests, benches and the demo. It serves, on 127.0.0.1 and a random port,
 * what a real Odoo 16-19 serves: XML-RPC (/xmlrpc/2/common, /object, /db), JSON-RPC (/jsonrpc,
 * /web/database/list, /web/webclient/version_info) and, from 19, GET /web/version and JSON-2
 * (/json/2/<model>/<method>, `Authorization: bearer <key>`, optional X-Odoo-Database). Answers
 * and error payloads follow the recordings in __tests__/fixtures/odoo-facts (see fidelity.test.ts).
 *
 * ```ts
 * const emu = await startEmulator({ version: 19 });          // demo seed, db 'demo', random port
 * const { uid, login, password, apiKey } = emu.users.admin;  // uid 2, 'admin', 'admin', 40 hex
 * emu.store.search('project.task', [['project_id', '=', 1]]); // direct in-process assertions
 * emu.setFaults({ failAfter: 0, mode: 'drop', once: true }); // the next request is dropped
 * await emu.close();
 * ```
 *
 * startEmulator(opts?: EmulatorOptions): Promise<Emulator>. Options, all optional:
 * - version: 16 | 17 | 18 | 19 (default 17). 16 is built from the 17 recordings, 18 from 19,
 *   with ODOO.md's differences (planned_hours/kanban_state/action_server_id on 16; two task
 *   priorities and groups_id on 18; JSON-2 only on 19).
 * - seed: 'demo' (default) | 'empty' | SeedData. Build one with demoSeed(v) or emptySeed(v) and
 *   add models, records and xmlids before starting (see SeedData in types.ts).
 * - db ('demo'), port (0 = random), latencyMs, now (clock for create/write dates).
 * - credentials: { login: { password?, apiKey? } } replacing the seed's (canary secrets).
 * - modules: installed module names; default: the recorded list without knowledge and without
 *   OCA document_page. Add 'knowledge' for knowledge.article, 'document_page' for document.page;
 *   leave out 'base_automation' to drop base.automation.
 * - faults: FaultPlan { failAfter (requests after N successful ones fail), mode 'http500' |
 *   'html' | 'drop' | 'slow' | 'proxy502' (default http500), slowMs (30 s), latencyMs, once }.
 *   Change it at any time with emu.setFaults(plan | undefined).
 * - statePath: load the store from this JSON file when it exists (same version and db), save
 *   it atomically after every call that writes. An unreadable file is renamed *.corrupt.
 *
 * Emulator: url ('http://127.0.0.1:PORT'), db, version, users { admin, noProject, demo } (uid,
 * login, password, apiKey; noProject is 'lab_noproject', an internal user without project rights
 * who gets Odoo's AccessError on project.*), store (EmulatorStore: search(model, domain),
 * read(model, ids), all(model), count(model), get(model, id), xmlid('module.name') ->
 * {model, res_id}, insertRaw/update/remove/addXmlid for seeding), stats { requests (HTTP
 * requests, faulted ones included), byMethod (ORM or service method name, or route path) },
 * setFaults(plan), close().
 *
 * Each ORM call is one transaction (a fault rolls it back). Semantics: domain.ts (operators),
 * orm-crud.ts (create/write/unlink/copy, required fields, unique tag names, missing records by
 * version, archived records), orm-load.ts (load with external ids), access.ts (rights).
 */
import { addEquipmentDataFields } from './seed/data-fields.js';
import type { UserRole } from './access.js';
import { loadState, saveState } from './persistence.js';
import { defaultModules, demoSeed, emptySeed } from './seed/demo.js';
import { EmulatorHttp } from './server.js';
import { apiKeyFor, type Backend, type EmulatorAccount } from './session.js';
import { EmulatorStore } from './store.js';
import type { ConflictPlan, EmulatorOptions, EmulatorStats, EmulatorUser, EmulatorVersion, FaultPlan, SeedData } from './types.js';

export type { ConflictPlan, EmulatorOptions, EmulatorStats, EmulatorUser, EmulatorVersion, FaultMode, FaultPlan, SeedData, SeedModel } from './types.js';
export { EmulatorStore, type Row } from './store.js';
export { demoSeed, emptySeed, defaultModules } from './seed/demo.js';

export interface Emulator {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly db: string;
  readonly version: EmulatorVersion;
  readonly users: { admin: EmulatorUser; noProject: EmulatorUser; demo: EmulatorUser };
  readonly store: EmulatorStore;
  readonly stats: EmulatorStats;
  setFaults(plan: FaultPlan | undefined): void;
  /** The next calls of a method fail as Odoo's serialization failure (see ConflictPlan). */
  setConflicts(plan: ConflictPlan | undefined): void;
  close(): Promise<void>;
}

function seedFor(opts: EmulatorOptions, version: EmulatorVersion): SeedData {
  const modules = opts.modules ?? defaultModules(version);
  if (opts.seed === undefined || opts.seed === 'demo') return demoSeed(version, modules);
  if (opts.seed === 'empty') return emptySeed(version, modules);
  if (opts.seed === 'studio-data') return addEquipmentDataFields(demoSeed(version, modules));
  return opts.seed;
}

function accounts(store: EmulatorStore, db: string, credentials: EmulatorOptions['credentials'] = {}): EmulatorAccount[] {
  const roles: Record<string, UserRole> = { admin: 'admin', lab_noproject: 'no-project' };
  return store.all('res.users').map((u) => {
    const login = String(u.login);
    const password = typeof u.password === 'string' ? u.password : login;
    const given = Object.hasOwn(credentials, login) ? credentials[login] : undefined;
    return { uid: u.id, login, password: given?.password ?? password, apiKey: given?.apiKey ?? apiKeyFor(db, login), role: roles[login] ?? 'user' };
  });
}

function pick(list: EmulatorAccount[], login: string): EmulatorUser {
  const a = list.find((u) => u.login === login);
  if (!a) throw new Error(`the emulator seed has no res.users row with login '${login}'`);
  return { uid: a.uid, login: a.login, password: a.password, apiKey: a.apiKey };
}

/** Starts an emulator; always close() it (tests: in afterAll). */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const version = opts.version ?? 17;
  const db = opts.db ?? 'demo';
  const store = new EmulatorStore(seedFor(opts, version));
  if (opts.statePath) loadState(store, opts.statePath, version, db);
  const list = accounts(store, db, opts.credentials);
  const stats: EmulatorStats = { requests: 0, byMethod: {}, warnings: [] };
  const statePath = opts.statePath;
  const backend: { -readonly [K in keyof Backend]: Backend[K] } = {
    store,
    version,
    db,
    accounts: list,
    stats,
    now: opts.now ?? (() => new Date()),
    onWrite: () => {
      if (statePath) saveState(store, statePath, version, db);
    },
  };
  const http = new EmulatorHttp(backend, opts.latencyMs ?? 0, opts.faults);
  const port = await http.listen(opts.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    version,
    users: { admin: pick(list, 'admin'), noProject: pick(list, 'lab_noproject'), demo: pick(list, 'demo') },
    store,
    stats,
    setFaults: (plan) => http.setFaults(plan),
    setConflicts: (plan) => {
      backend.conflicts = plan && { ...plan };
    },
    close: () => http.close(),
  };
}
