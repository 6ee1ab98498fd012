/**
 * Pieces of TOML for files written as text (to carry comments for the reviewer): strings and keys
 * are formatted by smol-toml, never by concatenation, so a module folder named `x]\n[modules.y`
 * stays one quoted key. Bidi controls come out as \u escapes (see bidi.ts).
 */
import { stringify } from 'smol-toml';
import { escapeBidi } from './bidi.js';

const line = (key: string, value: string): string => stringify({ [key]: value }).replace(/\n$/, '');

/** Text smol-toml writes as itself between quotes: printable ASCII without `"` and a backslash. */
const PLAIN = /^[\x20!\x23-\x5b\x5d-\x7e]*$/;

/**
 * A TOML basic string for any text. Most text of a feature map is plain (ids, titles, evidence
 * paths) and comes out as itself between quotes, as smol-toml writes it (a test holds the two
 * equal); the rest goes through smol-toml.
 */
export const tomlString = (s: string): string => (PLAIN.test(s) ? `"${s}"` : escapeBidi(line('k', s).slice('k = '.length)));

/** A TOML key: bare when it can be (`helpdesk_lite`), quoted otherwise (`"x]\n[modules.y"`). */
export const tomlKey = (k: string): string => escapeBidi(line(k, '').slice(0, -' = ""'.length));

/** Text inside a `#` comment: one line, no control characters, bidi controls visible as \u escapes. */
export const tomlComment = (s: string): string =>
  escapeBidi(s.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' '));
