import type { OdooSecret } from './types.js';

/** Removes every occurrence of the connection's secrets from text bound for a user or a log. */
export interface Scrubber {
  (text: string): string;
}

const MASK = '[secret]';

export function makeScrubber(secret: OdooSecret): Scrubber {
  // Very short secrets would mask ordinary words; they are still masked, longest first.
  const values = [secret.password, secret.apiKey]
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const v of values) out = out.split(v).join(MASK);
    return out;
  };
}
