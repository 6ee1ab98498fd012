/**
 * A server URL as the user typed it, made canonical: scheme added (https unless it is a local
 * address), trailing slashes and a pasted "/odoo" or "/web" UI path removed.
 * Returns undefined when the text is not a URL at all.
 */
export function normalizeUrl(input: string): string | undefined {
  let text = input.trim();
  if (text === '') return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    const local = /^(localhost|127\.|\[::1\]|0\.0\.0\.0)/i.test(text);
    text = `${local ? 'http' : 'https'}://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  let path = url.pathname.replace(/\/+$/, '');
  // People paste the address of the web client: https://x.odoo.com/odoo/action-123 or /web#...
  path = path.replace(/\/(odoo|web)(\/.*)?$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** True for Odoo Online hosting (*.odoo.com), where the database is named after the subdomain. */
export function isOdooOnline(url: string): boolean {
  try {
    return new URL(url).hostname.endsWith('.odoo.com');
  } catch {
    return false;
  }
}

/** The database Odoo Online uses for https://<name>.odoo.com. */
export function odooOnlineDb(url: string): string | undefined {
  if (!isOdooOnline(url)) return undefined;
  const host = new URL(url).hostname;
  const name = host.slice(0, -'.odoo.com'.length);
  return name.includes('.') || name === '' || name === 'www' ? undefined : name;
}
