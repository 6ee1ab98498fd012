/**
 * An error the user can cause and fix. It says what went wrong, where (a file:line:col, a field,
 * or a server), and what to do next. The CLI prints these without a stack trace.
 */
export interface Location {
  /** Workspace-relative or absolute file path. */
  file?: string;
  line?: number;
  column?: number;
  /** A field, a TOML key path, a server URL... anything that is not a file position. */
  field?: string;
}

export type UserErrorCode =
  | 'usage'
  | 'input'
  | 'config'
  | 'workspace-locked'
  | 'journal'
  | 'odoo'
  | 'cancelled';

/** Marks a UserError whichever copy of this module made it (see hasInstance below). */
const BRAND = Symbol.for('odoo-project-sync.UserError');

export class UserError extends Error {
  /**
   * The wizard holds two copies of this module in one process: the TUI bundle's and the one the
   * step engines load with their ES modules. An error made by one copy must still be a UserError
   * to the other (an engine that catches a UserError from the workspace, the runner that shows an
   * engine's error with its hint), so `instanceof UserError` checks a brand both copies share.
   * Subclasses (OdooError) keep the ordinary check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== UserError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  readonly code: UserErrorCode;
  readonly where?: Location;
  readonly hint?: string;
  /** Server message, traceback or cause, shown only with --debug. Never holds a secret. */
  readonly detail?: string;
  /** The password or API key is missing or was refused: a retry should ask for it first. */
  readonly needsSecret?: boolean;

  constructor(
    code: UserErrorCode,
    message: string,
    opts: { where?: Location; hint?: string; detail?: string; cause?: unknown; needsSecret?: boolean } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'UserError';
    this.code = code;
    this.where = opts.where;
    this.hint = opts.hint;
    this.detail = opts.detail;
    if (opts.needsSecret) this.needsSecret = true;
  }
}
Object.defineProperty(UserError.prototype, BRAND, { value: true });

/** "file:line:col" or "field" or "", for the start of an error line. */
export function formatLocation(where: Location | undefined): string {
  if (!where) return '';
  if (where.file) {
    let s = where.file;
    if (where.line !== undefined) s += `:${where.line}`;
    if (where.line !== undefined && where.column !== undefined) s += `:${where.column}`;
    return where.field ? `${s} (${where.field})` : s;
  }
  return where.field ?? '';
}

/** One or two lines for a terminal: "where: message" then "-> hint". */
export function formatUserError(e: UserError): string {
  const loc = formatLocation(e.where);
  const head = loc ? `${loc}: ${e.message}` : e.message;
  return e.hint ? `${head}\n  -> ${e.hint}` : head;
}
