/**
 * Task, phase and tag names as a person reads them: status emoji and decoration dropped, the
 * document's own legend symbols too (they may be mangled emoji such as "âœ…"), spaces collapsed.
 */
import { HEADING_LEGEND } from './legend-read.js';

/** Emoji with their modifiers, joiners and keycaps. */
const EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}])(?:\uFE0F|\u20E3|\u200D(?:\p{Extended_Pictographic}|\uFE0F))*/gu;
const STRAY = /[\uFE0F\u20E3\u200D]/g;

/** Status glyphs that are not emoji but mean a status where they stand alone. */
const GLYPHS = /(^|\s)[✓✔✗✘○◯◐◑●■□☐☑☒⬜⬛](?=\s|$)/gu;

export function cleanName(name: string, legendSymbols: readonly string[] = []): string {
  // "Models (✓ = Done, ⏳ = Ready)": the legend in the heading is no part of its name.
  const text = name.replace(HEADING_LEGEND, ' ');
  // Plain ASCII holds no emoji; only the legend's ASCII symbols could need stripping, and those are markers like "[x]".
  if (/^[\x20-\x7e]*$/.test(text)) return text.replace(/\s+/g, ' ').replace(/^[\s:|—–-]+/, '').replace(/[\s:|—–-]+$/, '').trim();
  let t = text;
  for (const s of legendSymbols) {
    if (s !== '' && !/^[\p{L}\p{N}]+$/u.test(s) && !s.startsWith('[')) t = t.split(s).join(' ');
  }
  return t
    .replace(EMOJI, ' ')
    .replace(STRAY, '')
    .replace(GLYPHS, '$1')
    .replace(/\s+/g, ' ')
    // "(COMPLETED ✅)" without its emoji is "(COMPLETED)", not "(COMPLETED )". (Only there: a
    // name's slug is its task ids' scope, and "( ) Reports" must keep the ids it had.)
    .replace(/([^\s(])\s+\)/g, '$1)')
    .replace(/^[\s:|—–-]+/, '')
    .replace(/[\s:|—–-]+$/, '')
    .trim();
}

/**
 * Windows-1252 (and Windows-1254, which the seed plan went through) as bytes: a character's byte
 * in those code pages, for the characters text mangled that way is made of. Latin-1's range is the same.
 */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1254: Readonly<Record<string, number>> = { Ğ: 0xd0, İ: 0xdd, Ş: 0xde, ğ: 0xf0, ı: 0xfd, ş: 0xfe };

function byteOf(ch: string): number | undefined {
  const c = ch.charCodeAt(0);
  if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
  const i = CP1252.indexOf(ch);
  return i >= 0 ? 0x80 + i : CP1254[ch];
}

/** A UTF-8 lead byte read as one of those code pages, followed by what may be its continuation bytes. */
const MANGLED = /[ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐĞÑÒÓÔÕÖ×ØÙÚÛÜÝİÞŞßàáâãäåæçèéêëìíîïðğñòóôõ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text whose UTF-8 bytes were read as Windows-1252 or -1254 and saved again ("â€”" for "—",
 * "ðŸ”´" or "ğŸ”´" for 🔴, "âœ…" for ✅), read back: each such sequence that decodes as UTF-8
 * is replaced; anything else is left as it is. A space where the mangling lost a no-break space
 * (the last byte of ⚠, 0xA0) is read as one; a variation selector left half ("ï¸") is dropped.
 */
export function repairMojibake(s: string): string {
  if (!MANGLED.test(s)) return s;
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const lead = byteOf(chars[i]);
    const n = lead === undefined ? 0 : lead >= 0xf0 && lead <= 0xf4 ? 3 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xc2 && lead <= 0xdf ? 1 : 0;
    // "ï¸ " (EF B8, then the space that followed): U+FE0F with its last byte, 0x8F, lost on the way.
    if (lead === 0xef && chars[i + 1] === '¸' && (chars[i + 2] === undefined || chars[i + 2] === ' ')) {
      i += 1;
      continue;
    }
    if (n > 0) {
      const bytes = [lead as number];
      for (let k = 1; k <= n && i + k < chars.length; k++) {
        const ch = chars[i + k];
        const b = ch === ' ' ? 0xa0 : byteOf(ch);
        if (b === undefined || b < 0x80 || b > 0xbf) break;
        bytes.push(b);
      }
      if (bytes.length === n + 1) {
        try {
          out += utf8.decode(new Uint8Array(bytes));
          i += n;
          continue;
        } catch {
          // not a UTF-8 sequence: the characters are what they are
        }
      }
    }
    out += chars[i];
  }
  return out;
}

/** A name as a person reads it, mangled characters read back first (see repairMojibake). */
export function displayName(name: string): string {
  const fixed = repairMojibake(name);
  return fixed === name ? name : cleanName(fixed);
}
