import { OdooFault, traceback } from './faults.js';
import { accountForKey, executeNamed, type Backend } from './session.js';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };

function errorBody(name: string, message: string, args: unknown[], debug: string): string {
  return JSON.stringify({ name, message, arguments: args, context: {}, debug: debug || `Traceback (most recent call last):\n${name}: ${message}\n` });
}

/** A werkzeug HTTP exception (401/404/422...) as the JSON-2 controller renders it. */
function httpError(status: number, name: string, message: string, extra: Record<string, string> = {}): HttpAnswer {
  return {
    status,
    headers: { ...extra, ...JSON_TYPE },
    body: errorBody(`werkzeug.exceptions.${name}`, message, [message, status], ''),
  };
}

/** Maps an ORM fault to the JSON-2 status and body recorded on Odoo 19. */
export function json2Fault(version: number, e: OdooFault): HttpAnswer {
  switch (e.kind) {
    case 'unknown-model':
      return httpError(404, 'NotFound', `the model '${e.model}' does not exist`);
    case 'unknown-method':
      return httpError(404, 'NotFound', e.message);
    case 'type':
      return httpError(422, 'UnprocessableEntity', e.message);
    case 'access-denied':
      return httpError(401, 'Unauthorized', 'Invalid apikey', { 'WWW-Authenticate': 'Bearer ' });
    default: {
      const status =
        e.kind === 'access' ? 403 : e.kind === 'missing' ? 404 : e.kind === 'user' || e.kind === 'validation' ? 422 : 500;
      return { status, headers: { ...JSON_TYPE }, body: errorBody(e.pyName, e.message, [e.message], traceback(version, e)) };
    }
  }
}

/** POST /json/2/<model>/<method> with `Authorization: bearer <key>` and named arguments. */
export function handleJson2(
  b: Backend,
  model: string,
  method: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
): HttpAnswer {
  const auth = String(headers.authorization ?? '');
  const m = /^bearer\s+(.+)$/i.exec(auth);
  if (!m) {
    return httpError(401, 'Unauthorized', 'User not authenticated, use an API Key with a Bearer Authorization header.', {
      'WWW-Authenticate': 'Bearer ',
    });
  }
  const account = accountForKey(b, m[1].trim());
  if (!account) return httpError(401, 'Unauthorized', 'Invalid apikey', { 'WWW-Authenticate': 'Bearer ' });
  const dbHeader = headers['x-odoo-database'];
  if (dbHeader !== undefined && dbHeader !== b.db) {
    return httpError(404, 'NotFound', `database "${String(dbHeader)}" does not exist`);
  }
  let body: unknown;
  try {
    body = rawBody.trim() === '' ? {} : JSON.parse(rawBody);
  } catch {
    return httpError(400, 'BadRequest', 'The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return httpError(400, 'BadRequest', 'The request body must be a JSON object of named arguments.');
  }
  try {
    const result = executeNamed(b, account, model, method, body as Record<string, unknown>);
    return { status: 200, headers: { ...JSON_TYPE }, body: JSON.stringify(result ?? null) };
  } catch (e) {
    if (e instanceof OdooFault) return json2Fault(b.version, e);
    throw e;
  }
}
