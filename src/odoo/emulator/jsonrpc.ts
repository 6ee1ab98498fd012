import { OdooFault, traceback } from './faults.js';
import { accountFor, authenticate, count, executeKw, versionInfo, type Backend } from './session.js';

interface JsonRpcRequest {
  jsonrpc?: string;
  method?: string;
  params?: { service?: string; method?: string; args?: unknown[] } & Record<string, unknown>;
  id?: unknown;
}

/** The `error` member Odoo puts in a JSON-RPC answer (code 200 up to 17, 0 from 18). */
export function jsonRpcError(version: number, e: OdooFault): Record<string, unknown> {
  const name = e.pyName;
  const debug = e.kind === 'access-denied' && version >= 18 ? `${name}: ${e.message}\n` : traceback(version, e);
  const data =
    version >= 18
      ? { name, message: e.message, arguments: [e.message], context: {}, debug }
      : { name, debug, message: e.message, arguments: [e.message], context: {} };
  return { code: version >= 18 ? 0 : 200, message: 'Odoo Server Error', data };
}

function dispatch(b: Backend, service: string, method: string, args: unknown[]): unknown {
  switch (service) {
    case 'common':
      count(b.stats, method);
      if (method === 'version') return versionInfo(b.version);
      if (method === 'authenticate' || method === 'login') return authenticate(b, args[0], args[1], args[2]);
      break;
    case 'db':
      count(b.stats, method);
      if (method === 'list') return [b.db];
      if (method === 'server_version') return `${b.version}.0`;
      break;
    case 'object': {
      const account = accountFor(b, args[0], args[1], args[2]);
      if (method === 'execute_kw') {
        return executeKw(b, account, String(args[3]), String(args[4]), (args[5] ?? []) as unknown[], (args[6] ?? {}) as Record<string, unknown>);
      }
      if (method === 'execute') return executeKw(b, account, String(args[3]), String(args[4]), args.slice(5));
      break;
    }
    default:
      break;
  }
  throw new OdooFault('value', `Method not available ${method}`);
}

function answer(id: unknown, body: { result: unknown } | { error: unknown }): Record<string, unknown> {
  return { jsonrpc: '2.0', id: id ?? null, ...body };
}

/** POST /jsonrpc: {service, method, args}. Errors are HTTP 200 with an `error` member. */
export function handleJsonRpc(b: Backend, req: JsonRpcRequest): Record<string, unknown> {
  try {
    const p = req.params ?? {};
    return answer(req.id, { result: dispatch(b, String(p.service), String(p.method), p.args ?? []) });
  } catch (e) {
    if (e instanceof OdooFault) return answer(req.id, { error: jsonRpcError(b.version, e) });
    throw e;
  }
}

/** Web JSON routes used for detection: /web/database/list and /web/webclient/version_info. */
export function handleWebJson(b: Backend, path: string, req: JsonRpcRequest): Record<string, unknown> {
  count(b.stats, path);
  if (path === '/web/database/list') return answer(req.id, { result: [b.db] });
  return answer(req.id, { result: versionInfo(b.version) });
}
