import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorContext } from '../../src/odoo/error-context.js';
import { makeScrubber } from '../../src/odoo/secrets.js';
import type { HttpAgent, HttpRequest, HttpResponse } from '../../src/odoo/transports/http.js';
import { jsonRpcCall } from '../../src/odoo/transports/jsonrpc.js';
import { makeJson2Transport } from '../../src/odoo/transports/json2.js';
import { makeXmlRpcTransport, xmlRpcCall } from '../../src/odoo/transports/xmlrpc.js';

/** Recorded Odoo answers, fed through the real decoding and error mapping. */
export const FACTS = fileURLToPath(new URL('../fixtures/odoo-facts/', import.meta.url));

export interface RecordedCase {
  request: { endpoint?: string; method?: string; params?: unknown[]; body?: Record<string, unknown>; path?: string };
  http_status: number;
  content_type?: string;
  response_headers?: Record<string, string>;
  raw_response?: string;
  body_raw?: string;
  body?: unknown;
}

export function loadCases(file: string): Record<string, RecordedCase> {
  return (JSON.parse(readFileSync(FACTS + file, 'utf8')) as { cases: Record<string, RecordedCase> }).cases;
}

/** An HttpAgent that answers every request with one canned response, and remembers requests. */
export function cannedAgent(res: HttpResponse): HttpAgent & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    send: (req) => {
      requests.push(req);
      return Promise.resolve(res);
    },
    close: () => undefined,
  };
}

export function ctxFor(over: Partial<ErrorContext> = {}): ErrorContext {
  return { url: 'http://odoo.test', db: 'o17', login: 'admin', transport: 'xmlrpc', usesApiKey: false, scrub: makeScrubber({}), ...over };
}

const call = (ctx: ErrorContext) => ({ signal: new AbortController().signal, ctx });

/** Replays one recorded case; resolves with the decoded result or rejects with the mapped error. */
export async function replay(kind: 'xmlrpc' | 'jsonrpc' | 'json2', c: RecordedCase, ctx: ErrorContext): Promise<unknown> {
  const contentType = c.content_type ?? c.response_headers?.['Content-Type'] ?? '';
  if (kind === 'xmlrpc') {
    // The recordings replaced the install path with "<odoo-NN-root>" after encoding, which left
    // raw '<' in the XML; a real server escapes it, so the replay does too.
    const body = (c.raw_response ?? '').replace(/<(odoo-\d+-root)>/g, '&lt;$1&gt;');
    const agent = cannedAgent({ status: c.http_status, contentType, body });
    const params = c.request.params ?? [];
    if (c.request.method === 'authenticate') {
      const t = makeXmlRpcTransport({ http: agent, url: ctx.url, db: String(params[0]), login: String(params[1]), secret: String(params[2]) });
      return t.authenticate(call(ctx));
    }
    const service = (c.request.endpoint ?? '').split('/').pop() as 'common' | 'object';
    return xmlRpcCall(agent, ctx.url, service, c.request.method ?? '', params, call({ ...ctx, model: String(params[3]), method: String(params[4]) }));
  }
  if (kind === 'jsonrpc') {
    const agent = cannedAgent({ status: c.http_status, contentType, body: JSON.stringify(c.body) });
    const args = ((c.request.body?.['params'] as { args?: unknown[] } | undefined)?.args ?? []) as unknown[];
    return jsonRpcCall(agent, ctx.url, '/jsonrpc', (c.request.body?.['params'] ?? {}) as Record<string, unknown>, call({ ...ctx, model: String(args[3]), method: String(args[4]) }));
  }
  const agent = cannedAgent({ status: c.http_status, contentType, body: c.body_raw ?? JSON.stringify(c.body) });
  const [, , , model = '', method = ''] = (c.request.path ?? '').split('/');
  const t = makeJson2Transport({ http: agent, url: ctx.url, db: 'o19', apiKey: 'k' });
  return t.execute(model, method, [], (c.request.body ?? {}) as Record<string, unknown>, call({ ...ctx, model, method }));
}
