import { errorFromHttp, errorFromNetwork } from '../error-from-transport.js';
import { errorFromServer } from '../error-from-server.js';
import type { HttpAgent, HttpResponse } from './http.js';
import { namedArguments } from './json2-args.js';
import { isAbort, type Transport, type TransportCall } from './types.js';

export interface Json2Options {
  http: HttpAgent;
  url: string;
  /** Sent as X-Odoo-Database; may be empty on a single-database server. */
  db: string;
  /** Bearer key. Never logged. */
  apiKey: string;
}

/** The caller's context as JSON-2 reports it (res.users/context_get). */
export interface Json2Context {
  uid: number;
  lang?: string;
  tz?: string | false;
}

/** JSON-2 (Odoo 19+): POST /json/2/<model>/<method>, bearer API key, named arguments. */
export function makeJson2Transport(opts: Json2Options): Transport & { context(): Json2Context | undefined } {
  let ctxInfo: Json2Context | undefined;

  const post = async (model: string, method: string, body: Record<string, unknown>, call: TransportCall): Promise<unknown> => {
    const endpoint = `/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Authorization: `bearer ${opts.apiKey}`,
    };
    if (opts.db) headers['X-Odoo-Database'] = opts.db;
    let res: HttpResponse;
    try {
      res = await opts.http.send({ url: opts.url + endpoint, method: 'POST', headers, body: JSON.stringify(body), signal: call.signal });
    } catch (e) {
      if (isAbort(e, call.signal)) throw e;
      throw errorFromNetwork(e, call.ctx);
    }
    const parsed = /json/i.test(res.contentType) ? tryJson(res.body) : undefined;
    if (res.status === 200 && parsed !== undefined) return parsed.value;
    const err = parsed?.value as { name?: unknown; message?: unknown; debug?: unknown } | undefined;
    if (res.status !== 200 && err && typeof err === 'object' && typeof err.message === 'string') {
      throw errorFromServer(
        {
          text: err.message,
          exception: typeof err.name === 'string' ? err.name : undefined,
          debug: typeof err.debug === 'string' ? err.debug : undefined,
          status: res.status,
        },
        call.ctx,
      );
    }
    throw errorFromHttp(res, call.ctx, endpoint);
  };

  return {
    name: 'json2',
    needsUid: false,
    context: () => ctxInfo,
    async authenticate(call) {
      const value = (await post('res.users', 'context_get', {}, call)) as Partial<Json2Context> | null;
      if (!value || typeof value.uid !== 'number') {
        throw errorFromServer({ text: 'Access Denied', exception: 'odoo.exceptions.AccessDenied', status: 401 }, call.ctx);
      }
      ctxInfo = { uid: value.uid, lang: value.lang, tz: value.tz };
      return value.uid;
    },
    assume(uid) {
      ctxInfo = { uid };
    },
    execute(model, method, args, kwargs, call) {
      return post(model, method, namedArguments(method, args, kwargs), call);
    },
  };
}

function tryJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}
