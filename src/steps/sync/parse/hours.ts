/** Durations as people write them in plans -> hours (a day is 8 hours, a week 40). */

const UNIT = /^(h|hrs?|hours?|std|stunden?|heures?|horas?|ore|时|時間|시간|d|days?|tage?|jours?|d[ií]as?|giorni|天|日|일|w|wks?|weeks?|wochen?|semaines?|m|mins?|minutes?|minuten?|pts?|points?|sp)?$/;

function toHours(n: number, unit: string | undefined): number | undefined {
  const u = unit ?? 'h';
  if (/^(pts?|points?|sp)$/.test(u)) return undefined;
  if (/^(d|days?|tage?|jours?|d[ií]as?|giorni|天|日|일)$/.test(u)) return n * 8;
  if (/^(w|wks?|weeks?|wochen?|semaines?)$/.test(u)) return n * 40;
  if (/^(m|mins?|minutes?|minuten?)$/.test(u)) return Math.round((n / 60) * 100) / 100;
  return n;
}

/**
 * "6.5 h", "2h", "90 min", "0.25 day", "1 d", "4-6 hours" (the upper bound), "~3h", "3" -> hours.
 * undefined for nothing written ("", "-", "TBD", "?", story points); NaN when it cannot be read.
 */
export function parseHours(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/[*_`~≈]/g, '').replace(/^(ca\.?|approx\.?|about)\s*/, '').trim();
  if (t === '' || /^(-|—|–|n\/a|na|\?|tbd|tba|none|unknown)$/.test(t)) return undefined;
  const m = /^(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|—|to|bis)\s*(\d+(?:[.,]\d+)?))?\s*([\p{L}]+)?\.?$/u.exec(t);
  if (!m || !UNIT.test(m[3] ?? '')) return Number.NaN;
  const n = Number((m[2] ?? m[1]).replace(',', '.'));
  return toHours(n, m[3]);
}
