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
