import { errorFromHttp, errorFromNetwork } from '../error-from-transport.js';
import { errorFromServer } from '../error-from-server.js';
import { OdooError } from '../errors.js';
import { READ_METHODS } from '../paging.js';
import type { HttpAgent } from './http.js';
import { jsonRpcCall } from './jsonrpc.js';
import { isAbort, type Transport, type TransportCall } from './types.js';

/**
 * The XML code (the `xmlrpc` package's encoder on xmlbuilder, and saxes): ~100 KB that load with
 * the first XML-RPC call only. A re-sync with nothing changed reads, and makes none.
 */
let xmlCode: Promise<{ encode: (method: string, params: unknown[]) => string; decode: typeof import('./xmlrpc-decode.js').decodeXmlRpcResponse }> | undefined;
const loadXml = () =>
  (xmlCode ??= Promise.all([import('xmlrpc/lib/serializer.js'), import('./xmlrpc-decode.js')]).then(([serializer, decoder]) => ({
    encode: (method: string, params: unknown[]) => serializer.default.serializeMethodCall(method, params),
    decode: decoder.decodeXmlRpcResponse,
  })));

/**
 * One XML-RPC round trip to /xmlrpc/2/<service>. Encoding is the `xmlrpc` package's, decoding
 * runs on saxes (xmlrpc-decode.ts); HTTP is ours so every call gets a signal, a timeout and TLS
 * settings (odoo-await, which wraps the same package, offers none of the three).
 */
export async function xmlRpcCall(
  http: HttpAgent,
  baseUrl: string,
  service: 'common' | 'object' | 'db',
  method: string,
  params: unknown[],
  call: TransportCall,
): Promise<unknown> {
  const endpoint = `/xmlrpc/2/${service}`;
  const xml = await loadXml();
  const body = xml.encode(method, params);
  let res;
  try {
    res = await http.send({
      url: baseUrl + endpoint,
      method: 'POST',
      headers: { 'Content-Type': 'text/xml', Accept: 'text/xml' },
      body,
      signal: call.signal,
    });
  } catch (e) {
    if (isAbort(e, call.signal)) throw e;
    throw errorFromNetwork(e, call.ctx);
  }
  const decoded = res.status === 200 ? xml.decode(res.body) : undefined;
  if (!decoded) throw errorFromHttp(res, call.ctx, endpoint);
  if (!decoded.ok) throw errorFromServer({ text: decoded.faultString, faultCode: decoded.faultCode }, call.ctx);
  return decoded.value;
}

/** One call of Odoo's RPC services through /jsonrpc: the same dispatch as /xmlrpc/2, in JSON. */
export function rpcAsJson(http: HttpAgent, baseUrl: string, service: 'common' | 'object', method: string, args: unknown[], call: TransportCall): Promise<unknown> {
  return jsonRpcCall(http, baseUrl, '/jsonrpc', { service, method, args }, call);
}

export interface XmlRpcOptions {
  http: HttpAgent;
  url: string;
  db: string;
  login: string;
  /** Password or API key: both authenticate XML-RPC. Never logged. */
  secret: string;
}

/**
 * Odoo's RPC services (`common`, `object`): every Odoo to date (deprecated in 19). Sign-in and
 * writes go through /xmlrpc/2. Reads go through /jsonrpc, the same services and arguments with
 * the same faults (recorded on 17 and 19, __tests__/fixtures/odoo-facts), because what a read
 * brings back decodes ~50x faster from JSON: 1,000 tasks' write_dates took 65 ms of CPU as XML,
 * 1 ms as JSON. A server that does not answer /jsonrpc as Odoo (a proxy that lets /xmlrpc through
 * only) gets its reads over XML-RPC from then on.
 */
export function makeXmlRpcTransport(opts: XmlRpcOptions): Transport {
  let uid: number | undefined;
  let readsAsJson = true;
  const authenticate = async (call: TransportCall): Promise<number> => {
    const result = await xmlRpcCall(opts.http, opts.url, 'common', 'authenticate', [opts.db, opts.login, opts.secret, {}], call);
    // A wrong password is `false`, not a fault (recorded on 17 and 19).
    if (typeof result !== 'number' || result <= 0) {
      throw errorFromServer({ text: 'Access Denied', exception: 'odoo.exceptions.AccessDenied' }, call.ctx);
    }
    uid = result;
    return uid;
  };
  return {
    name: 'xmlrpc',
    needsUid: true,
    authenticate,
    assume(known) {
      uid = known;
    },
    wireOf: (method) => (readsAsJson && READ_METHODS.has(method) ? 'jsonrpc' : undefined),
    async execute(model, method, args, kwargs, call) {
      if (uid === undefined) throw new Error('xmlrpc transport: execute() before authenticate()');
      const params = [opts.db, uid, opts.secret, model, method, [...args], kwargs];
      if (readsAsJson && READ_METHODS.has(method)) {
        try {
          return await rpcAsJson(opts.http, opts.url, 'object', 'execute_kw', params, call);
        } catch (e) {
          if (!(e instanceof OdooError) || e.kind !== 'not-odoo') throw e;
          readsAsJson = false;
        }
      }
      return xmlRpcCall(opts.http, opts.url, 'object', 'execute_kw', params, call);
    },
  };
}
