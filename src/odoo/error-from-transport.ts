import { ONLINE_PLAN_HINT } from './error-from-server.js';
import { OdooError } from './errors.js';
import { isOdooOnline } from './url.js';
import { type ErrorContext, opOf, serverOf } from './error-context.js';
import type { HttpResponse } from './transports/http.js';

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
]);

/** A failure below HTTP: refused, unknown host, reset, TLS. */
export function errorFromNetwork(e: unknown, ctx: ErrorContext): OdooError {
  const err = e as { code?: string; message?: string; hostname?: string };
  const code = err.code ?? '';
  const raw = ctx.scrub(`${code ? `${code}: ` : ''}${err.message ?? String(e)}`);
  const host = safeHost(ctx.url);
  const base = { server: serverOf(ctx), detail: raw };
  if (TLS_CODES.has(code) || /certificate/i.test(err.message ?? '')) {
    const what =
      code === 'CERT_HAS_EXPIRED'
        ? 'its certificate has expired'
        : code === 'ERR_TLS_CERT_ALTNAME_INVALID'
          ? `its certificate is not for '${host}'`
          : /SELF_SIGNED/.test(code)
            ? 'its certificate is self-signed'
            : 'its certificate cannot be verified';
    return new OdooError('tls', `The HTTPS connection to ${ctx.url} is not trusted: ${what}.`, {
      ...base,
      hint: 'Fix the server certificate (e.g. Let\'s Encrypt), or pass --insecure if you trust this server on this network.',
    });
  }
  if (code === 'EPROTO' || /wrong version number|ssl3_get_record|packet length too long/i.test(err.message ?? '')) {
    return new OdooError('tls', `${ctx.url} does not speak HTTPS on this port.`, {
      ...base,
      hint: 'Use http:// for this address, or the HTTPS port of the server.',
    });
  }
  if (code === 'ECONNREFUSED') {
    return new OdooError('network', `Nothing answers at ${ctx.url} (connection refused).`, {
      ...base,
      hint: 'Check the URL and port, and that the Odoo server is running.',
      transient: true,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new OdooError('network', `The host '${host}' could not be found (DNS lookup failed).`, {
      ...base,
      hint: 'Check the spelling of the URL and your network connection.',
      transient: code === 'EAI_AGAIN',
    });
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(err.message ?? '')) {
    return new OdooError('network', `The connection to ${ctx.url} was closed before Odoo answered ${opOf(ctx)}.`, {
      ...base,
      hint: 'The server or a proxy dropped the request; try again, and check the server log if it keeps happening.',
      transient: true,
    });
  }
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return new OdooError('network', `${ctx.url} cannot be reached (${code}).`, {
      ...base,
      hint: 'Check your network, VPN or firewall, and the URL.',
      transient: true,
    });
  }
  return new OdooError('network', `Talking to ${ctx.url} failed: ${raw}`, {
    ...base,
    hint: 'Check the URL and your network, then try again.',
    transient: true,
  });
}

/**
 * A call that got no answer within timeout_ms (retries included): says how long was waited, how
 * many tries, and names the setting by its real key.
 */
export function timeoutError(ctx: ErrorContext, tries = 1): OdooError {
  const secs = ctx.timeoutMs === undefined ? '' : ` within ${formatSeconds(ctx.timeoutMs)}`;
  const how = tries > 1 ? ` (${tries} tries)` : '';
  const now = ctx.timeoutMs === undefined ? '' : ` (now ${ctx.timeoutMs})`;
  const first = ctx.method === 'version' && !ctx.model;
  const message = first
    ? `${ctx.url} accepted the connection but sent no answer${secs}${how}: the server is stuck, overloaded, or not an Odoo (nor any web server) on this port.`
    : `Odoo did not answer ${opOf(ctx)}${secs}${how}.`;
  return new OdooError('timeout', message, {
    server: serverOf(ctx),
    hint: first
      ? `Check the URL and port, and that Odoo answers in a browser; for a slow server raise timeout_ms in the [connection] table${now}.`
      : `The server may be busy: try again later, or raise timeout_ms in the [connection] table${now}.`,
    transient: true,
  });
}

/** A write conflict that outlasted the server's retries and ours. */
export function conflictError(ctx: ErrorContext, last: OdooError, tries: number): OdooError {
  return new OdooError('conflict', `Odoo could not apply ${opOf(ctx)} after ${tries} tries: another transaction kept writing the same records (could not serialize access due to concurrent update). Nothing was written by these tries.`, {
    server: serverOf(ctx),
    hint: 'A run that was stopped may still be committing on the server: wait a minute and run again (the sync picks up where it stopped and creates nothing twice).',
    detail: last.detail,
    model: last.model,
    serverName: last.serverName,
    faultCode: last.faultCode,
    status: last.status,
  });
}

export function cancelledError(ctx: ErrorContext): OdooError {
  return new OdooError('cancelled', `Cancelled ${opOf(ctx)}.`, { server: serverOf(ctx) });
}

/**
 * A response that is not the protocol's answer: a proxy's 502, an HTML error page, a web server
 * that is not Odoo, the endpoint missing.
 */
export function errorFromHttp(res: HttpResponse, ctx: ErrorContext, endpoint: string): OdooError {
  const html = /html/i.test(res.contentType) || /^\s*<(!doctype|html)/i.test(res.body);
  // A page may echo the request, password included: scrubbed whole before any cut (a cut could
  // split the secret), and withheld entirely when a secret is too short to mask.
  const withhold = ctx.scrub.withholdEchoes;
  const body = withhold ? '' : ctx.scrub(res.body);
  const title = html ? htmlTitle(body) : undefined;
  const snippet = title ?? body.replace(/\s+/g, ' ').trim().slice(0, 200);
  const page = !ctx.debug ? '' : withhold ? `\n${WITHHELD}` : `\n${body.slice(0, 4000)}`;
  const base = { server: serverOf(ctx), status: res.status, detail: `HTTP ${res.status} ${res.contentType}${page}` };
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    return new OdooError('server', `A proxy in front of Odoo answered ${res.status}${snippet ? ` (${snippet})` : ''}: Odoo is down, restarting or overloaded.`, {
      ...base,
      hint: 'Wait a minute and try again; if it persists, check that the Odoo service behind the proxy is running.',
      transient: true,
    });
  }
  if (res.status === 501 || res.status === 405) {
    // `python3 -m http.server` and other static servers answer a POST with 501 (or 405).
    return new OdooError('not-odoo', `${ctx.url} is not Odoo: it answered ${endpoint} with HTTP ${res.status}${snippet ? ` (${snippet})` : ''}, as a plain web server does; Odoo accepts these requests.`, {
      ...base,
      hint: 'Check the URL and port: use the address you open Odoo with in a browser (Odoo listens on port 8069 by default).',
    });
  }
  if (res.status === 404) {
    return new OdooError('not-odoo', `${ctx.url} answered 404 for ${endpoint}: this is not an Odoo server, or not its root URL.`, {
      ...base,
      hint: 'Use the address you open Odoo with in a browser, without /web or /odoo at the end.',
    });
  }
  if (res.status >= 500) {
    return new OdooError('server', `Odoo answered ${opOf(ctx)} with an error page (HTTP ${res.status}${snippet ? `: ${snippet}` : ''}).`, {
      ...base,
      hint: 'Run again with --debug to see the page, and check the Odoo server log.',
      transient: true,
    });
  }
  if (html && res.status < 300 && /odoo/i.test(res.body)) {
    const text = htmlText(body);
    return new OdooError('server', `Odoo answered ${opOf(ctx)} with a web page instead of data${text ? `: "${text}"` : ''}.`, {
      ...base,
      hint: 'The database may be under maintenance or the URL may point below the server root: try again later, and check the URL.',
      transient: true,
    });
  }
  if (res.status === 401 || res.status === 403) {
    return new OdooError('auth', `${ctx.url} refused the request (HTTP ${res.status}) before it reached Odoo.`, {
      ...base,
      hint: isOdooOnline(ctx.url)
        ? `${ONLINE_PLAN_HINT}`
        : 'A proxy or firewall asks for its own login: check the URL, or ask your administrator.',
    });
  }
  return new OdooError('not-odoo', `${ctx.url} answered ${endpoint} with ${html ? 'a web page' : `unexpected content (HTTP ${res.status})`}${snippet ? ` "${snippet}"` : ''}: it does not look like Odoo.`, {
    ...base,
    hint: 'Check the URL: it must be the address you open Odoo with in a browser.',
  });
}

const WITHHELD = '(page not shown: a password or API key shorter than 8 characters cannot be told apart from ordinary text, so nothing the server echoes is shown)';

function htmlTitle(body: string): string | undefined {
  const m = /<title[^>]*>([^<]*)<\/title>/i.exec(body) ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(body);
  const t = m?.[1]?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 120) : undefined;
}

/** The visible text of a small HTML page, for a one-line message (not a parser: a snippet). */
function htmlText(body: string): string {
  const text = body
    .replace(/<(script|style|title)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

const formatSeconds = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);
