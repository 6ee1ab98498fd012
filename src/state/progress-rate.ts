/**
 * The rate and time left of counted work ("2,140 files/s, about 6 s left"), the same words in the
 * TUI and headless. Pure: the caller passes the clock.
 */
import type { StepProgress } from '../steps/types.js';

/** Below this the rate is noise (a first module of 200 files in 40 ms). */
const MIN_ELAPSED_MS = 250;

const grouped = (n: number): string => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function left(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `about ${s} s left`;
  const m = Math.floor(s / 60);
  return `about ${m} min ${String(s % 60).padStart(2, '0')} s left`;
}

/** undefined until the work has run long enough to say anything true. */
export function progressRate(p: StepProgress, now: number): string | undefined {
  if (p.since === undefined || p.unit === undefined || p.done === undefined) return undefined;
  const elapsed = now - p.since;
  if (elapsed < MIN_ELAPSED_MS || p.done <= 0) return undefined;
  const countsFiles = p.files !== undefined;
  const rate = ((countsFiles ? (p.files as number) : p.done) * 1000) / elapsed;
  const parts = [`${grouped(rate)} ${countsFiles ? 'files' : p.unit}/s`];
  if (p.total !== undefined && p.total > p.done) {
    const w = p.work && p.work.done > 0 && p.work.total >= p.work.done ? p.work : { done: p.done, total: p.total };
    parts.push(left((elapsed * (w.total - w.done)) / w.done));
  }
  return parts.join(', ');
}

/**
 * Stamps each progress report with when its counted work began (a new unit or total starts a new
 * count) and drops reports closer than `everyMs` to the last one, keeping the first and the last.
 */
export function progressStamper(now: () => number, everyMs = 100): (p: StepProgress) => StepProgress | undefined {
  let key = '';
  let since = 0;
  let shownAt = -Infinity;
  return (p) => {
    const k = `${p.unit ?? ''}|${p.total ?? ''}`;
    const t = now();
    if (k !== key) {
      key = k;
      since = t;
      shownAt = -Infinity;
    }
    const last = p.total !== undefined && p.done === p.total;
    if (p.unit !== undefined && !last && t - shownAt < everyMs) return undefined;
    shownAt = t;
    return p.unit === undefined ? p : { ...p, since };
  };
}
