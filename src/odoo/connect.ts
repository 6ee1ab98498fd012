import { err, ok, type Result } from '../core/result.js';
import { UserError } from '../core/user-error.js';
import type { ConnectionProfile } from './types.js';
import { CallRunner } from './call-runner.js';
import { Client } from './client.js';
import { detectVersion, listDatabases } from './detect.js';
import type { ErrorContext } from './error-context.js';
import { profileFor } from './profiles.js';
import { makeScrubber } from './secrets.js';
import { makeHttpAgent } from './transports/http.js';
import { makeJson2Transport } from './transports/json2.js';
import { makeXmlRpcTransport } from './transports/xmlrpc.js';
import { OdooError } from './errors.js';
import type { ConnectOptions, OdooClient, OdooSecret, ServerVersion, TransportName } from './types.js';
import { normalizeUrl, odooOnlineDb } from './url.js';
import { stripUrlCredentials } from '../core/url-credentials.js';

/** Knobs for tests and benches; the defaults suit real servers. */
export interface ConnectTuning {
  /** First retry delay in ms (doubles per retry). Default 300. */
  retryDelayMs?: number;
  /** Records per search_read/read round trip. Default 2000. */
  pageSize?: number;
  /** Records per create call. Default 500. */
  createBatch?: number;
  /** Rows per load call. Default 500. */
  loadBatch?: number;
  /** How often onWait fires while an answer is awaited. Default 5 s. */
  waitTickMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** The oldest series the emulator profiles (and so the tests) cover; see README. */
const OLDEST_COVERED = 16;
const DEFAULT_RETRIES = 2;

/**
 * Connects to an Odoo server: detects its version, picks the transport (JSON-2 on 19+ with an API
 * key, else XML-RPC, unless the profile forces one), finds the database when the server has only
 * one, and authenticates. Throws OdooError for anything the server or network reports and
 * UserError (code 'config') for a profile that cannot work. With `opts.sessions` knowing this
 * server, database and login, it makes no call: the client checks the kept version and uid
 * beside its first calls (Client.assume).
 */
export async function connect(profile: ConnectionProfile, secret: OdooSecret, opts: ConnectOptions & ConnectTuning = {}): Promise<OdooClient> {
  const normalized = normalizeUrl(profile.url);
  if (!normalized) {
    throw new UserError('config', `'${stripUrlCredentials(profile.url)}' is not a server address.`, {
      where: { field: 'connection.url' },
      hint: 'Use the address you open Odoo with, e.g. https://mycompany.odoo.com or http://localhost:8069.',
    });
  }
  const url = normalized;
  if (!secret.password && !secret.apiKey) {
    throw new UserError('config', `No password or API key for '${profile.user}' on ${url}.`, {
      where: { field: 'connection.user' },
      hint: 'Set ODOO_API_KEY (Preferences > Account Security > New API Key) or ODOO_PASSWORD in the environment.',
    });
  }
  checkApiKeyChars(secret);
  const scrub = makeScrubber(secret);
  const http = makeHttpAgent({ insecure: profile.insecure });
  const runner = new CallRunner({
    timeoutMs: opts.timeoutMs ?? profile.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: opts.retries ?? DEFAULT_RETRIES,
    retryDelayMs: opts.retryDelayMs ?? 300,
    signal: opts.signal,
    trace: opts.trace,
    onWait: opts.onWait,
    onNotice: opts.onNotice,
    waitTickMs: opts.waitTickMs,
  });
  const ctx: ErrorContext = { url, db: profile.db, login: profile.user, transport: 'xmlrpc', usesApiKey: false, debug: opts.debug, scrub };
  // Where JSON-2 may be used, ask GET /web/version first: on 19 every XML-RPC call, `version`
  // included, logs a deprecation warning in the server log.
  const json2Possible = profile.transport === 'json2' || ((profile.transport ?? 'auto') === 'auto' && Boolean(secret.apiKey));
  const askVersion = () => detectVersion(http, runner, url, ctx, { webFirst: json2Possible });
  const memory = opts.sessions;
  const key = [url, profile.db ?? '', profile.user] as const;
  try {
    const recalled = await memory?.recall(...key);
    // No database named and none detected (JSON-2 lets the server pick): XML-RPC needs one.
    const known = recalled && (recalled.usedDb !== '' || transportFor(recalled.serverVersion) === 'json2') ? recalled : undefined;
    if (known) {
      const client = clientFor(known.serverVersion, known.usedDb);
      client.assume(known.uid, {
        // Asked beside the first reads over the wire they use: a no-change re-sync on 16-18 then
        // loads no XML code. A first connection asks XML-RPC first, as every Odoo answers it.
        check: () => detectVersion(http, runner, url, ctx, client.transport === 'json2' ? { webFirst: true } : { rpcAsJson: true }),
        changed: (now) => serverChanged(url, known.serverVersion, now),
        forget: () => memory?.forget(...key),
        confirmed: (now, uid) =>
          (uid ?? known.uid) === known.uid && JSON.stringify(now) === JSON.stringify(known.serverVersion)
            ? undefined
            : memory?.remember({ ...known, serverVersion: now, uid: uid ?? known.uid }),
      });
      return client;
    }
    const serverVersion = await askVersion();
    const db = profile.db ?? (await detectDb(http, runner, url, ctx, transportFor(serverVersion)));
    const client = clientFor(serverVersion, db);
    const uid = await client.authenticate({ signal: opts.signal });
    // JSON-2's uid is the key's user, whoever the login names: kept only when signed in by login.
    const byLogin = client.transport === 'xmlrpc' ? uid : undefined;
    await memory?.remember({ url, db: profile.db ?? '', login: profile.user, usedDb: db, serverVersion, uid: byLogin });
    return client;
  } catch (e) {
    http.close();
    throw e;
  }

  function transportFor(serverVersion: ServerVersion): TransportName {
    return chooseTransport(profile, secret, profileFor(serverVersion.major).hasJson2, url, serverVersion.serverVersion);
  }

  function clientFor(serverVersion: ServerVersion, db: string): Client {
    if (serverVersion.major < OLDEST_COVERED) {
      opts.onNotice?.(
        `${url} runs Odoo ${serverVersion.serverVersion}; this tool is tested against Odoo ${OLDEST_COVERED}-19 only (task owners, hours and states differ before ${OLDEST_COVERED}): check what it writes.`,
      );
    }
    const vprofile = profileFor(serverVersion.major);
    const transportName = transportFor(serverVersion);
    // XML-RPC takes either; the key goes first when both are set (it is the narrower credential).
    const usesApiKey = Boolean(secret.apiKey);
    const clientCtx: ErrorContext = {
      ...ctx,
      db: db || undefined,
      transport: transportName,
      usesApiKey,
      secretSource: usesApiKey ? (secret.sources?.apiKey ?? 'the API key') : (secret.sources?.password ?? 'the password'),
      unusedPassword: usesApiKey && secret.password ? (secret.sources?.password ?? 'the password') : undefined,
    };
    const transport =
      transportName === 'json2'
        ? makeJson2Transport({ http, url, db, apiKey: secret.apiKey ?? '' })
        : makeXmlRpcTransport({ http, url, db, login: profile.user, secret: secret.apiKey ?? secret.password ?? '' });
    return new Client({
      transport,
      runner,
      url,
      db,
      login: profile.user,
      profile: vprofile,
      serverVersion,
      ctx: clientCtx,
      http,
      pageSize: opts.pageSize,
      createBatch: opts.createBatch,
      loadBatch: opts.loadBatch,
    });
  }
}

/** The server answers another major version than when its session was kept: the profile is wrong. */
function serverChanged(url: string, was: ServerVersion, now: ServerVersion): OdooError {
  return new OdooError('server', `${url} now runs Odoo ${now.serverVersion}; it ran ${was.serverVersion} when this workspace last connected.`, {
    server: url,
    hint: 'Run the command again: it connects afresh and uses what this version expects. Nothing was written.',
  });
}

/**
 * Odoo API keys are printable ASCII (hex on 14-19). A key with another character was mistyped or
 * pasted with something around it; sent as an HTTP header it would fail as a network error.
 * The message gives the position and the kind of character, never the character itself.
 */
function checkApiKeyChars(secret: OdooSecret): void {
  const key = secret.apiKey;
  if (!key) return;
  const at = [...key].findIndex((ch) => !/^[\x21-\x7e]$/.test(ch));
  if (at < 0) return;
  const ch = [...key][at] ?? '';
  const kind = /^\s$/.test(ch) ? 'a space or line break' : /^[\x00-\x1f\x7f]$/.test(ch) ? 'a control character' : 'a non-ASCII character';
  const source = secret.sources?.apiKey ?? 'The API key';
  throw new UserError('config', `${source} has ${kind} at position ${at + 1}: Odoo API keys are letters and digits only, and an HTTP header cannot carry it.`, {
    where: { field: secret.sources?.apiKey ?? 'ODOO_API_KEY' },
    hint: 'Copy the key again from Odoo (Preferences > Account Security > New API Key), without quotes or spaces around it.',
  });
}

function chooseTransport(profile: ConnectionProfile, secret: OdooSecret, hasJson2: boolean, url: string, version: string): TransportName {
  const wanted = profile.transport ?? 'auto';
  if (wanted === 'xmlrpc') return 'xmlrpc';
  if (wanted === 'auto') return hasJson2 && secret.apiKey ? 'json2' : 'xmlrpc';
  if (!hasJson2) {
    throw new UserError('config', `JSON-2 needs Odoo 19 or later; ${url} runs ${version}.`, {
      where: { field: 'connection.transport' },
      hint: 'Set transport = "auto" or "xmlrpc" in the [connection] table.',
    });
  }
  if (!secret.apiKey) {
    throw new UserError('config', 'JSON-2 signs in with an API key only, and none is set.', {
      where: { field: 'connection.transport' },
      hint: 'Set ODOO_API_KEY (Preferences > Account Security > New API Key), or transport = "xmlrpc" to use the password.',
    });
  }
  return 'json2';
}

async function detectDb(http: ReturnType<typeof makeHttpAgent>, runner: CallRunner, url: string, ctx: ErrorContext, transport: TransportName): Promise<string> {
  const chosen = chooseDatabase(await listDatabases(http, runner, url, ctx), url, transport);
  if (!chosen.ok) throw chosen.error;
  return chosen.value;
}

/**
 * The database to use when the profile names none: the only one listed; on Odoo Online the one
 * named after the subdomain; on JSON-2 none at all (the server's dbfilter picks); else ask.
 */
export function chooseDatabase(list: readonly string[] | undefined, url: string, transport: TransportName): Result<string> {
  const online = odooOnlineDb(url);
  if (list && list.length === 1) return ok(list[0] as string);
  if (list && list.length > 1) {
    if (online && list.includes(online)) return ok(online);
    const names = `${list.slice(0, 8).join(', ')}${list.length > 8 ? ', ...' : ''}`;
    return err(
      new UserError('config', `${url} has ${list.length} databases (${names}); which one?`, {
        where: { field: 'connection.db' },
        hint: 'Set db = "<name>" in the [connection] table, or pass --db.',
      }),
    );
  }
  if (online) return ok(online);
  if (transport === 'json2') return ok('');
  return err(
    new UserError('config', `${url} does not list its databases, so the database cannot be detected.`, {
      where: { field: 'connection.db' },
      hint: 'Set db = "<name>" in the [connection] table, or pass --db.',
    }),
  );
}
