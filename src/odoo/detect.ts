import type { CallRunner } from './call-runner.js';
import type { ErrorContext } from './error-context.js';
import { OdooError } from './errors.js';
import { majorOf } from './profiles.js';
import type { HttpAgent } from './transports/http.js';
import { getJson, jsonRpcCall } from './transports/jsonrpc.js';
import { rpcAsJson, xmlRpcCall } from './transports/xmlrpc.js';
import type { ServerVersion } from './types.js';

interface RawVersion {
  server_version?: string;
  server_version_info?: (number | string)[];
  server_serie?: string;
  protocol_version?: number;
  version?: string;
  version_info?: (number | string)[];
}

export function parseVersion(raw: unknown): ServerVersion | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as RawVersion;
  const serverVersion = r.server_version ?? r.version;
  const info = r.server_version_info ?? r.version_info ?? [];
  if (typeof serverVersion !== 'string') return undefined;
  const major = majorOf(serverVersion, info);
  if (major === undefined) return undefined;
  return {
    serverVersion,
    serverVersionInfo: info,
    serverSerie: r.server_serie ?? `${major}.0`,
    protocolVersion: r.protocol_version,
    major,
  };
}

/**
 * The server's version: XML-RPC common.version (every version to date), else GET /web/version
 * (19+, where XML-RPC is deprecated, and later where it is gone). `webFirst` asks /web/version
 * first, for connections that will use JSON-2 and must not touch XML-RPC on 19. `rpcAsJson` asks
 * common.version through /jsonrpc first, as the reads it goes beside (transports/xmlrpc.ts).
 */
export async function detectVersion(
  http: HttpAgent,
  runner: CallRunner,
  url: string,
  ctx: ErrorContext,
  o: { webFirst?: boolean; rpcAsJson?: boolean } = {},
): Promise<ServerVersion> {
  const vctx = { ...ctx, method: 'version' };
  const viaXmlRpc = () => runner.run({ ...vctx, wire: 'xmlrpc' }, { retry: true }, (call) => xmlRpcCall(http, url, 'common', 'version', [], call));
  const viaJsonRpc = () => runner.run({ ...vctx, wire: 'jsonrpc' }, { retry: true }, (call) => rpcAsJson(http, url, 'common', 'version', [], call));
  const viaWeb = () => runner.run({ ...vctx, wire: 'http' }, { retry: true }, (call) => getJson(http, url, '/web/version', call));
  let first: OdooError | undefined;
  for (const ask of o.webFirst ? [viaWeb, viaXmlRpc] : o.rpcAsJson ? [viaJsonRpc, viaXmlRpc, viaWeb] : [viaXmlRpc, viaWeb]) {
    try {
      const v = parseVersion(await ask());
      if (v) return v;
    } catch (e) {
      if (!(e instanceof OdooError) || (e.kind !== 'not-odoo' && e.kind !== 'server')) throw e;
      // The XML-RPC answer says more about a server that is not Odoo than a 404 from /web/version.
      if (ask === viaXmlRpc) first = e;
      else first ??= e;
    }
  }
  throw (
    first ??
    new OdooError('not-odoo', `${url} answered, but not with an Odoo version: it does not look like Odoo.`, {
      server: url,
      hint: 'Check the URL: it must be the address you open Odoo with in a browser.',
    })
  );
}

/** The databases the server lists, or undefined when listing is disabled or unavailable. */
export async function listDatabases(http: HttpAgent, runner: CallRunner, url: string, ctx: ErrorContext): Promise<string[] | undefined> {
  const lctx = { ...ctx, method: 'database list' };
  const asList = (v: unknown): string[] | undefined =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  try {
    const list = asList(await runner.run({ ...lctx, wire: 'jsonrpc' }, { retry: true }, (call) => jsonRpcCall(http, url, '/web/database/list', {}, call)));
    if (list) return list;
  } catch (e) {
    if (!(e instanceof OdooError) || e.kind === 'cancelled') throw e;
  }
  try {
    return asList(await runner.run({ ...lctx, wire: 'xmlrpc' }, { retry: true }, (call) => xmlRpcCall(http, url, 'db', 'list', [], call)));
  } catch (e) {
    if (!(e instanceof OdooError) || e.kind === 'cancelled') throw e;
    return undefined;
  }
}
