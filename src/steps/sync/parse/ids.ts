/**
 * Task ids as people write them at the start of an item or heading: "T1.", "T01 —", "T-SIM-001",
 * "TODO-019", "OPS-001:", "[P1-T1]", "18.1.1", "A.1", "Task 6:", and in numbered checklists "3.".
 * Tasks without one get an id derived from their phase and title (stable when tasks are inserted).
 */
import { createHash } from 'node:crypto';
import { idPart } from './text.js';

const AFTER = String.raw`(?:[.:)]|\s*[—–-](?=\s))?\s+`;
const PATTERNS: readonly RegExp[] = [
  /^\[([A-Z][A-Z0-9]*(?:[-_.][A-Z0-9]+)*)\]\s*/,
  new RegExp(String.raw`^(?:task|todo|item|story|ticket)\s*#?\s*(\d+(?:\.\d+)*)${AFTER}`, 'i'),
  new RegExp(String.raw`^#?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]*\d+[a-z]?)${AFTER}`),
  new RegExp(String.raw`^(T\d+(?:\.\d+)*)${AFTER}`),
  new RegExp(String.raw`^([A-Z]{1,3}\d*\.\d+(?:\.\d+)*)${AFTER}`),
  new RegExp(String.raw`^(\d+(?:\.\d+)+)${AFTER}`),
];
const PLAIN_NUMBER = /^(\d+)[.)]\s+/;

/**
 * The id the text starts with and the text after it. `plainNumber` also takes "3. Title" (a
 * numbered checklist item); headings never do ("## 1. Introduction" is no task id).
 */
export function leadingId(text: string, plainNumber = false): { id: string; rest: string } | undefined {
  const t = text.trim();
  for (const re of plainNumber ? [...PATTERNS, PLAIN_NUMBER] : PATTERNS) {
    const m = re.exec(t);
    if (m && /\d/.test(m[1]) && t.length > m[0].length) return { id: m[1], rest: t.slice(m[0].length).trim() };
  }
  return undefined;
}

/** "<scope>.<slug of the title>"; titles without Latin letters get a short hash of the title instead. */
export function derivedId(scope: string, title: string): string {
  const s = idPart(title, 40);
  return `${scope}.${/[a-z]/.test(s) && s !== 'x' ? s : `h${createHash('sha256').update(title).digest('hex').slice(0, 8)}`}`;
}
