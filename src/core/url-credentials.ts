/**
 * "http://admin:S3cret@host" is how many people write a login into a URL. The password must never
 * reach the config file, the journal, a message or the screen, so every URL the user gives is
 * split here first: the address alone is kept, the login may become the user, and the password is
 * used in memory only (see README, "Secrets").
 */
export interface UrlCredentials {
  /** The address without "user:password@". */
  url: string;
  user?: string;
  password?: string;
}

// The authority ends at the first "/", "?" or "#"; the last "@" in it ends the credentials, so a
// raw "@" typed inside a password stays part of the password.
const WITH_SCHEME = /^(\s*[a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i;
const WITHOUT_SCHEME = /^(\s*)([^/?#\s:]+(?::[^/?#]*)?)@(?=[^/?#@\s]+)/;

/** Splits credentials off a URL as typed; a URL without any comes back unchanged. */
export function splitUrlCredentials(input: string): UrlCredentials {
  const m = WITH_SCHEME.exec(input) ?? (/:\/\//.test(input) ? null : WITHOUT_SCHEME.exec(input));
  if (!m) return { url: input };
  const info = m[2] ?? '';
  const colon = info.indexOf(':');
  const user = decode(colon < 0 ? info : info.slice(0, colon));
  const password = colon < 0 ? undefined : decode(info.slice(colon + 1));
  return {
    url: `${m[1] ?? ''}${input.slice(m[0].length)}`,
    ...(user ? { user } : {}),
    ...(password ? { password } : {}),
  };
}

/** Any "scheme://user:password@" in a text, with the credentials removed (for messages). */
export function stripUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/gi, '$1');
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
