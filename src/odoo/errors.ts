import { UserError } from '../core/user-error.js';
import type { OdooErrorKind } from './types.js';

/** Facts about an Odoo failure beyond its kind, for callers that react to them (e.g. sync). */
export interface OdooErrorFacts {
  /** The Odoo model involved, when the server named one. */
  model?: string;
  /** The Odoo field involved (technical name), when the server named one. */
  odooField?: string;
  /** HTTP status of the response, when there was one. */
  status?: number;
  /** XML-RPC fault code, when there was one. */
  faultCode?: number;
  /** Exception class the server reported, e.g. "odoo.exceptions.AccessError". */
  serverName?: string;
  /** The same request may succeed if sent again (network drop, proxy 502, timeout). */
  transient?: boolean;
}

export interface OdooErrorOptions extends OdooErrorFacts {
  /** URL and database, e.g. "https://x.odoo.com (database x)". */
  server: string;
  hint?: string;
  /** Server message and traceback, shown only with --debug. Already scrubbed of secrets. */
  detail?: string;
}

/** Every failure that comes from talking to Odoo: typed, readable, with a next step. */
export class OdooError extends UserError {
  readonly kind: OdooErrorKind;
  readonly server: string;
  readonly model?: string;
  readonly odooField?: string;
  readonly status?: number;
  readonly faultCode?: number;
  readonly serverName?: string;
  readonly transient: boolean;

  constructor(kind: OdooErrorKind, message: string, opts: OdooErrorOptions) {
    super('odoo', message, { where: { field: opts.server }, hint: opts.hint, detail: opts.detail });
    this.name = 'OdooError';
    this.kind = kind;
    this.server = opts.server;
    this.model = opts.model;
    this.odooField = opts.odooField;
    this.status = opts.status;
    this.faultCode = opts.faultCode;
    this.serverName = opts.serverName;
    this.transient = opts.transient ?? false;
  }
}

/** "url (database db)" as errors show it. */
export function describeServer(url: string, db: string | undefined): string {
  return db ? `${url} (database ${db})` : url;
}
