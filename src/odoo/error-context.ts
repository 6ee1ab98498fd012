import type { Scrubber } from './secrets.js';
import type { TransportName } from './types.js';
import { describeServer } from './errors.js';

/** What the client knows about a call when it turns a failure into an OdooError. */
export interface ErrorContext {
  url: string;
  db?: string;
  login?: string;
  transport: TransportName;
  /** The protocol of this one round trip when it is not the transport's (trace lines): 'http' for
   * GET /web/version, 'jsonrpc' for /web/database/list, 'xmlrpc' for common.version. */
  wire?: 'http' | 'jsonrpc' | 'xmlrpc';
  /** True when the secret is an API key (changes the auth hint). */
  usesApiKey: boolean;
  /** Where the secret sent comes from, e.g. "ODOO_API_KEY" (auth messages name it). */
  secretSource?: string;
  /** Set when a password was also given but the API key was used instead (and why). */
  unusedPassword?: string;
  model?: string;
  method?: string;
  /** Per-call timeout in ms, for the timeout message. */
  timeoutMs?: number;
  /** Keep server tracebacks and page bodies in error.detail (--debug). */
  debug?: boolean;
  scrub: Scrubber;
}

export const serverOf = (ctx: ErrorContext): string => describeServer(ctx.url, ctx.db);

/** "project.task.search_read" or "the server". */
export const opOf = (ctx: ErrorContext): string =>
  ctx.model && ctx.method ? `${ctx.model}.${ctx.method}` : ctx.method ? ctx.method : 'the request';

/** First paragraph of a server message, single-spaced, for a one-line user message. */
export function firstParagraph(text: string, max = 240): string {
  const para = text.trim().split(/\n\s*\n/)[0] ?? '';
  const flat = para.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
