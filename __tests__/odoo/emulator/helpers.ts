import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import xmlrpc from 'xmlrpc';

export const FACTS = join(process.cwd(), '__tests__', 'fixtures', 'odoo-facts');

export function fact<T = any>(rel: string): T {
  return JSON.parse(readFileSync(join(FACTS, rel), 'utf8')) as T;
}

export type XmlAnswer = { result: unknown } | { fault: { faultCode: number; faultString: string } };

/** One XML-RPC call through the xmlrpc package's client, as odoo-await makes it. */
export function xmlCall(url: string, path: string, method: string, params: unknown[]): Promise<XmlAnswer> {
  const u = new URL(url);
  const client = xmlrpc.createClient({ host: u.hostname, port: Number(u.port), path });
  return new Promise((resolve, reject) => {
    client.methodCall(method, params, (err: any, value: unknown) => {
      if (err && typeof err.faultCode === 'number') resolve({ fault: { faultCode: err.faultCode, faultString: err.faultString } });
      else if (err) reject(err);
      else resolve({ result: value });
    });
  });
}

/** execute_kw as admin; throws on a fault. */
export async function kw(url: string, db: string, model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}, uid = 2, secret = 'admin'): Promise<any> {
  const a = await xmlCall(url, '/xmlrpc/2/object', 'execute_kw', [db, uid, secret, model, method, args, kwargs]);
  if ('fault' in a) throw Object.assign(new Error(a.fault.faultString), a.fault);
  return a.result;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** A coarse type of a value, as the fidelity test compares it. */
export function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    if (v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string') return 'm2o';
    return 'list';
  }
  return typeof v;
}

/**
 * Whether `ours` has the shape of `recorded`: same kind, where Odoo's "unset" (false) is
 * compatible with any kind, and objects/lists compared element-wise on the recorded keys.
 */
export function sameShape(recorded: unknown, ours: unknown, path = '$'): string[] {
  if (recorded === false || ours === false) return [];
  const a = kind(recorded);
  const b = kind(ours);
  if (a !== b) {
    // an id list of length 2 looks like a pair; accept a list where a list is recorded
    if (a === 'list' && b === 'm2o') return [];
    if (a === 'm2o' && b === 'list') return [`${path}: recorded m2o, got list`];
    if (a === 'list' && b === 'list') return [];
    return [`${path}: recorded ${a}, got ${b}`];
  }
  if (a === 'object') {
    const r = recorded as Record<string, unknown>;
    const o = ours as Record<string, unknown>;
    const out: string[] = [];
    for (const k of Object.keys(r)) {
      if (!(k in o)) out.push(`${path}.${k}: missing`);
      else out.push(...sameShape(r[k], o[k], `${path}.${k}`));
    }
    return out;
  }
  if (a === 'list') {
    const r = recorded as unknown[];
    const o = ours as unknown[];
    if (r.length && o.length) return sameShape(r[0], o[0], `${path}[0]`);
  }
  return [];
}
