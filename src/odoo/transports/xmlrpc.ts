import * as serializer from 'xmlrpc/lib/serializer.js';
import { errorFromHttp, errorFromNetwork } from '../error-from-transport.js';
import { errorFromServer } from '../error-from-server.js';
import type { HttpAgent } from './http.js';
import { isAbort, type Transport, type TransportCall } from './types.js';
import { decodeXmlRpcResponse } from './xmlrpc-decode.js';

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
  const body = serializer.serializeMethodCall(method, params);
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
  const decoded = res.status === 200 ? decodeXmlRpcResponse(res.body) : undefined;
  if (!decoded) throw errorFromHttp(res, call.ctx, endpoint);
  if (!decoded.ok) throw errorFromServer({ text: decoded.faultString, faultCode: decoded.faultCode }, call.ctx);
  return decoded.value;
}

export interface XmlRpcOptions {
  http: HttpAgent;
  url: string;
  db: string;
  login: string;
  /** Password or API key: both authenticate XML-RPC. Never logged. */
  secret: string;
}

/** XML-RPC through /xmlrpc/2/common and /xmlrpc/2/object: every Odoo to date (deprecated in 19). */
export function makeXmlRpcTransport(opts: XmlRpcOptions): Transport {
  let uid: number | undefined;
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
    async execute(model, method, args, kwargs, call) {
      if (uid === undefined) throw new Error('xmlrpc transport: execute() before authenticate()');
      return xmlRpcCall(opts.http, opts.url, 'object', 'execute_kw', [opts.db, uid, opts.secret, model, method, [...args], kwargs], call);
    },
  };
}
