import type { OdooSecret } from './types.js';

/**
 * Removes the connection's secrets from text that came from the server (fault messages, web
 * pages) before it reaches a user or a log. Our own words and the user's own settings (URL, db,
 * login) are never passed through it: masking them would tell a reader that the password equals
 * one of them.
 */
export interface Scrubber {
  (text: string): string;
  /**
   * True when a secret is shorter than MIN_MASKED_LENGTH. Such a secret is never masked (masking
   * "o" or "demo" in ordinary words would spell it out), so texts that can echo a request back
   * (web pages, raw bodies) must be left out of messages entirely.
   */
  readonly withholdEchoes: boolean;
}

export const MASK = '[secret]';

/** Odoo's own password policy asks for 8 characters; API keys are 40. */
export const MIN_MASKED_LENGTH = 8;

/**
 * Long secrets: every whitespace-separated token that contains the secret, as typed or as XML,
 * JSON or URL encoding would carry it, is replaced whole by [secret], so no part of it shows.
 * Short secrets: nothing is masked and `withholdEchoes` is set. Either way the output for a text
 * that does not contain a long secret does not depend on the secret.
 */
export function makeScrubber(secret: OdooSecret): Scrubber {
  const all = [secret.password, secret.apiKey].filter((v): v is string => typeof v === 'string' && v.length > 0);
  const long = all.filter((v) => v.length >= MIN_MASKED_LENGTH);
  const needles = [...new Set(long.flatMap(encodings))].filter((v) => v.length > 0);
  const scrub = (text: string): string => (needles.length === 0 ? text : maskTokens(text, needles));
  return Object.assign(scrub, { withholdEchoes: all.some((v) => v.length < MIN_MASKED_LENGTH) });
}

function encodings(v: string): string[] {
  const xml = v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const xmlQuot = v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
  return [v, xml, xmlQuot, JSON.stringify(v).slice(1, -1), encodeURIComponent(v)];
}

/** Replaces each token holding a needle, from the whitespace before it to the whitespace after. */
function maskTokens(text: string, needles: readonly string[]): string {
  const spans: [number, number][] = [];
  for (const n of needles) {
    for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
      let start = at;
      let end = at + n.length;
      while (start > 0 && !/\s/.test(text[start - 1] ?? '')) start--;
      while (end < text.length && !/\s/.test(text[end] ?? '')) end++;
      spans.push([start, end]);
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of spans) {
    if (e <= pos) continue;
    out += `${text.slice(pos, Math.max(pos, s))}${s >= pos ? MASK : ''}`;
    pos = e;
  }
  return out + text.slice(pos);
}
