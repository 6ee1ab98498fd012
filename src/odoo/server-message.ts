import type { OdooErrorKind } from './types.js';

/** What a server error message says, independent of the transport that carried it. */
export interface ServerFacts {
  kind: Extract<
    OdooErrorKind,
    'auth' | 'access' | 'not-found' | 'validation' | 'missing-required' | 'unknown-field' | 'unknown-model' | 'conflict' | 'server'
  >;
  /** The server's own message without the traceback. */
  message: string;
  model?: string;
  field?: string;
  /** Human label of the field, e.g. "Name". */
  fieldLabel?: string;
  /** Human label of the model, e.g. "Project". */
  modelLabel?: string;
  /** Set when an unknown method (not a record) is what is missing. */
  method?: string;
  /** Set when the database itself is unknown. */
  database?: string;
  /** Ids of the missing records, when the server named them. */
  recordIds?: number[];
}

/** The last "Exception: message" of a Python traceback, or the text itself when it is none. */
export function messageOfTraceback(text: string): { exception?: string; message: string } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('Traceback (most recent call last)')) return { message: trimmed };
  const lines = trimmed.split('\n');
  // The exception line is the first non-indented line after the frames; its message may span lines.
  for (let i = lines.length - 1; i > 0; i--) {
    const line = lines[i] ?? '';
    if (/^\s/.test(line) || line === '') continue;
    const m = /^([A-Za-z_][\w.]*(?:Error|Exception|Denied|Warning|NotFound|Unauthorized|Entity)?):\s?(.*)$/.exec(line);
    if (m && (lines[i - 1] === undefined || /^\s/.test(lines[i - 1] ?? '') || lines[i - 1] === '')) {
      return { exception: m[1], message: [m[2] ?? '', ...lines.slice(i + 1)].join('\n').trim() };
    }
  }
  return { message: lines[lines.length - 1] ?? trimmed };
}

const shortName = (exception: string | undefined): string => (exception ?? '').split('.').pop() ?? '';

/**
 * Tells the recorded Odoo 17/19 messages apart: unknown model, unknown field, missing required
 * field, missing record, access, bad credentials, validation, anything else.
 */
export function classifyServerMessage(input: { text: string; exception?: string; faultCode?: number; status?: number }): ServerFacts {
  const { exception: tbException, message } = messageOfTraceback(input.text);
  const exception = shortName(input.exception ?? tbException);
  let m: RegExpExecArray | null;

  if (exception === 'AccessDenied' || input.faultCode === 3 || input.status === 401) {
    return { kind: 'auth', message };
  }
  // psycopg2's SerializationFailure (and its lock/deadlock siblings Odoo retries itself), as the
  // XML-RPC traceback's last line or JSON-2's `name`: the transaction was rolled back.
  if (
    /^(SerializationFailure|LockNotAvailable|DeadlockDetected|TransactionRollbackError)$/.test(exception) ||
    /could not serialize access due to (concurrent update|read\/write dependencies)/.test(message)
  ) {
    return { kind: 'conflict', message };
  }
  if ((m = /database ["']([^"']+)["'] does not exist/.exec(message))) {
    return { kind: 'not-found', message, database: m[1] };
  }
  if ((m = /^Object (\S+) doesn't exist/.exec(message)) || (m = /^the model '([^']+)' does not exist/i.exec(message))) {
    return { kind: 'unknown-model', message, model: m[1] };
  }
  if ((m = /The method '([^']+)' does not exist on the model '([^']+)'/.exec(message))) {
    return { kind: 'not-found', message, method: m[1], model: m[2] };
  }
  if ((m = /The method '([^']+)' does not exist/.exec(message))) {
    const full = m[1] ?? '';
    const dot = full.lastIndexOf('.');
    return { kind: 'not-found', message, method: full.slice(dot + 1), model: dot > 0 ? full.slice(0, dot) : undefined };
  }
  if ((m = /Invalid field '([^']+)' (?:on model|in) '([^']+)'/.exec(message))) {
    return { kind: 'unknown-field', message, field: m[1], model: m[2] };
  }
  // 19: "Missing required value for the field 'Name' (name).\nModel: 'Project' (project.project)"
  if ((m = /Missing required value for the field '([^']*)' \(([^)]+)\)/.exec(message))) {
    const model = /Model: '([^']*)' \(([^)]+)\)/.exec(message);
    return { kind: 'missing-required', message, fieldLabel: m[1], field: m[2], modelLabel: model?.[1], model: model?.[2] };
  }
  // 17: "a mandatory field is not set ... Model: Project (project.project)\nField: Name (name)"
  if (/mandatory field is not set/i.test(message)) {
    const model = /Model: (.*?) \(([^)]+)\)/.exec(message);
    const field = /Field: (.*?) \(([^)]+)\)/.exec(message);
    return { kind: 'missing-required', message, modelLabel: model?.[1], model: model?.[2], fieldLabel: field?.[1], field: field?.[2] };
  }
  if (exception === 'MissingError' || /Record does not exist or has been deleted/.test(message)) {
    const rec = /\(Record: ([\w.]+)\(([\d,\s]*)\)/.exec(message);
    const ids = (rec?.[2] ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
    return { kind: 'not-found', message, model: rec?.[1], recordIds: ids.map(Number) };
  }
  if (exception === 'AccessError' || input.faultCode === 4 || input.status === 403) {
    const model = /\(([\w.]+)\) records/.exec(message);
    return { kind: 'access', message, model: model?.[1] };
  }
  if (input.status === 404 || exception === 'NotFound') return { kind: 'not-found', message };
  if (
    input.status === 422 ||
    input.faultCode === 2 ||
    ['ValidationError', 'UserError', 'UnprocessableEntity', 'IntegrityError', 'RedirectWarning'].includes(exception)
  ) {
    return { kind: 'validation', message };
  }
  return { kind: 'server', message };
}
