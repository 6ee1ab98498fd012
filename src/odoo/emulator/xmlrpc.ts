import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { OdooFault, traceback } from './faults.js';
import { encodeMethodResponse } from './xmlrpc-encode.js';
import { accountFor, authenticate, count, executeKw, versionInfo, type Backend } from './session.js';

// The xmlrpc package parses requests and writes faults; see xmlrpc-encode.ts for responses.
const require = createRequire(import.meta.url);
const serializer = require('xmlrpc/lib/serializer') as {
  serializeFault(fault: { faultCode: number; faultString: string }): string;
};
const Deserializer = require('xmlrpc/lib/deserializer') as new () => {
  deserializeMethodCall(stream: Readable, cb: (err: Error | null, method: string, params: unknown[]) => void): void;
};

export function parseMethodCall(body: Buffer): Promise<{ method: string; params: unknown[] }> {
  return new Promise((resolve, reject) => {
    new Deserializer().deserializeMethodCall(Readable.from([body]), (err, method, params) => {
      if (err) reject(err);
      else resolve({ method, params: params ?? [] });
    });
  });
}

/** XML-RPC fault codes as Odoo uses them: 1 other (traceback), 2 user, 3 access denied, 4 access. */
export function faultFor(version: number, e: OdooFault): { faultCode: number; faultString: string } {
  switch (e.kind) {
    case 'access-denied':
      return { faultCode: 3, faultString: 'Access Denied' };
    case 'access':
      return { faultCode: 4, faultString: e.message };
    case 'user':
    case 'validation':
    case 'missing':
    case 'unknown-model':
      return { faultCode: 2, faultString: e.message };
    default:
      return { faultCode: 1, faultString: traceback(version, e) };
  }
}

function dispatch(b: Backend, service: string, method: string, p: unknown[]): unknown {
  if (service === 'common') {
    count(b.stats, method);
    if (method === 'version') return versionInfo(b.version);
    if (method === 'authenticate') return authenticate(b, p[0], p[1], p[2]);
    if (method === 'login') return authenticate(b, p[0], p[1], p[2]);
    if (method === 'about') return 'See http://openerp.com';
  }
  if (service === 'db') {
    count(b.stats, method);
    if (method === 'list') return [b.db];
    if (method === 'server_version') return `${b.version}.0`;
    if (method === 'db_exist') return p[0] === b.db;
  }
  if (service === 'object') {
    if (method === 'execute_kw') {
      const account = accountFor(b, p[0], p[1], p[2]);
      return executeKw(b, account, String(p[3]), String(p[4]), (p[5] ?? []) as unknown[], (p[6] ?? {}) as Record<string, unknown>);
    }
    if (method === 'execute') {
      const account = accountFor(b, p[0], p[1], p[2]);
      return executeKw(b, account, String(p[3]), String(p[4]), p.slice(5));
    }
  }
  throw new OdooFault('value', `Method not available ${method}`);
}

/** Answers one POST /xmlrpc/2/<service>: always HTTP 200, a fault or a response document. */
export async function handleXmlRpc(b: Backend, service: string, body: Buffer): Promise<string> {
  let call: { method: string; params: unknown[] };
  try {
    call = await parseMethodCall(body);
  } catch (e) {
    return serializer.serializeFault({ faultCode: 1, faultString: `Invalid XML-RPC request: ${(e as Error).message}` });
  }
  try {
    return encodeMethodResponse(dispatch(b, service, call.method, call.params));
  } catch (e) {
    if (e instanceof OdooFault) return serializer.serializeFault(faultFor(b.version, e));
    throw e;
  }
}
