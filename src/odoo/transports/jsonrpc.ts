import type { ErrorContext } from '../error-context.js';
import { errorFromHttp, errorFromNetwork } from '../error-from-transport.js';
import { errorFromServer } from '../error-from-server.js';
import type { OdooError } from '../errors.js';
import type { HttpAgent, HttpResponse } from './http.js';
import { isAbort, type TransportCall } from './types.js';

/** The `error` member of a JSON-RPC response from Odoo (/jsonrpc, /web/...). */
export interface JsonRpcError {
  code?: number;
  message?: string;
  data?: { name?: string; message?: string; debug?: string; arguments?: unknown[] };
}

export function errorFromJsonRpc(error: JsonRpcError, ctx: ErrorContext): OdooError {
  return errorFromServer(
    {
      text: error.data?.message ?? error.message ?? 'Odoo Server Error',
      exception: error.data?.name,
      debug: error.data?.debug,
    },
    ctx,
  );
}

async function send(http: HttpAgent, url: string, path: string, init: { method: 'GET' | 'POST'; body?: string }, call: TransportCall): Promise<HttpResponse> {
  try {
    return await http.send({
      url: url + path,
      method: init.method,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
      body: init.body,
      signal: call.signal,
    });
  } catch (e) {
    if (isAbort(e, call.signal)) throw e;
    throw errorFromNetwork(e, call.ctx);
  }
}

function parseJson(res: HttpResponse): { value: unknown } | undefined {
  if (!/json/i.test(res.contentType)) return undefined;
  try {
    return { value: JSON.parse(res.body) as unknown };
  } catch {
    return undefined;
  }
}

/** One JSON-RPC 2.0 "call" to an Odoo route (e.g. /web/database/list, or /jsonrpc with a service). */
export async function jsonRpcCall(http: HttpAgent, url: string, path: string, params: Record<string, unknown>, call: TransportCall): Promise<unknown> {
  const body = JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id: 1 });
  const res = await send(http, url, path, { method: 'POST', body }, call);
  const parsed = parseJson(res)?.value as { result?: unknown; error?: JsonRpcError } | undefined;
  if (res.status !== 200 || !parsed || typeof parsed !== 'object' || !('result' in parsed || 'error' in parsed)) {
    throw errorFromHttp(res, call.ctx, path);
  }
  if (parsed.error) throw errorFromJsonRpc(parsed.error, call.ctx);
  return parsed.result;
}

/** GET a JSON route that needs no login, e.g. /web/version. */
export async function getJson(http: HttpAgent, url: string, path: string, call: TransportCall): Promise<unknown> {
  const res = await send(http, url, path, { method: 'GET' }, call);
  const parsed = parseJson(res);
  if (res.status !== 200 || !parsed) throw errorFromHttp(res, call.ctx, path);
  return parsed.value;
}
