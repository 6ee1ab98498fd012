/**
 * Journal lines, versioned. v2 (current): {"v":2,"action":{...}} with epoch-ms times and input
 * hashes. v1 (the first release): {"ts":"<ISO>","event":"started|finished|failed|approved",
 * "step":"...", "hashes"?, "summary"?, "message"?} with no version field and no input hashes.
 * v1 lines are migrated on read; new lines are always written as v2.
 */
import * as z from './zod-mini.js';
import { STEP_IDS } from '../steps/types.js';
import type { JournaledAction } from './actions.js';

export const JOURNAL_VERSION = 2;

const step = z.enum(STEP_IDS);
const review = z.enum(['map-review', 'feature-review']);
const hashes = z.record(z.string(), z.string());
const error = z.object({
  message: z.string(),
  hint: z.optional(z.string()),
  where: z.optional(z.string()),
  detail: z.optional(z.string()),
  needsSecret: z.optional(z.boolean()),
  badInput: z.optional(z.boolean()),
});

const action = z.discriminatedUnion('type', [
  z.object({ type: z.literal('step-started'), step, at: z.number(), inputs: hashes }),
  z.object({
    type: z.literal('step-finished'),
    step,
    at: z.number(),
    summary: z.string(),
    inputs: hashes,
    outputs: hashes,
    kept: z.optional(z.boolean()),
    warnings: z.array(z.string()),
    chart: z.optional(
      z.object({
        title: z.string(),
        unit: z.string(),
        bars: z.array(z.object({ label: z.string(), low: z.number(), expected: z.number(), high: z.number() })),
      }),
    ),
    report: z.optional(z.object({ lines: z.array(z.string()), more: z.number(), file: z.string() })),
    memo: z.optional(z.object({ key: z.string(), files: hashes })),
    checked: z.optional(z.object({ build: z.string(), files: hashes })),
  }),
  z.object({ type: z.literal('step-failed'), step, at: z.number(), error }),
  z.object({ type: z.literal('step-cancelled'), step, at: z.number() }),
  z.object({ type: z.literal('review-approved'), step: review, at: z.number(), file: z.string(), hash: z.string() }),
  z.object({ type: z.literal('step-stale'), step, at: z.number(), reason: z.string() }),
]);

const v2 = z.object({ v: z.literal(2), action });

const v1 = z.object({
  ts: z.iso.datetime(),
  event: z.enum(['started', 'finished', 'failed', 'approved']),
  step,
  hashes: z.optional(hashes),
  summary: z.optional(z.string()),
  message: z.optional(z.string()),
});

export type DecodedLine =
  | { kind: 'ok'; action: JournaledAction }
  | { kind: 'newer'; version: number }
  | { kind: 'bad'; reason: string };

export const encodeLine = (a: JournaledAction): string =>
  `${JSON.stringify({ v: JOURNAL_VERSION, action: a })}\n`;

/** One journal line (without its newline) to an action, migrating v1. */
export function decodeLine(line: string): DecodedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { kind: 'bad', reason: 'not JSON' };
  }
  if (typeof raw !== 'object' || raw === null) return { kind: 'bad', reason: 'not an object' };
  const version = (raw as { v?: unknown }).v;
  if (typeof version === 'number' && version > JOURNAL_VERSION) return { kind: 'newer', version };
  if (version === undefined) {
    const old = v1.safeParse(raw);
    return old.success ? { kind: 'ok', action: migrateV1(old.data) } : { kind: 'bad', reason: old.error.message };
  }
  const cur = v2.safeParse(raw);
  return cur.success ? { kind: 'ok', action: cur.data.action as JournaledAction } : { kind: 'bad', reason: cur.error.message };
}

function migrateV1(o: z.infer<typeof v1>): JournaledAction {
  const at = Date.parse(o.ts);
  const hs = o.hashes ?? {};
  switch (o.event) {
    case 'started':
      return { type: 'step-started', step: o.step, at, inputs: {} };
    case 'finished':
      // v1 recorded no input hashes: such a step can only become stale through its upstream.
      return { type: 'step-finished', step: o.step, at, summary: o.summary ?? '', inputs: {}, outputs: hs, warnings: [] };
    case 'failed':
      return { type: 'step-failed', step: o.step, at, error: { message: o.message ?? 'failed' } };
    case 'approved': {
      const [file, hash] = Object.entries(hs)[0] ?? ['', ''];
      if (o.step !== 'map-review' && o.step !== 'feature-review') {
        return { type: 'step-finished', step: o.step, at, summary: o.summary ?? '', inputs: {}, outputs: hs, warnings: [] };
      }
      return { type: 'review-approved', step: o.step, at, file, hash };
    }
  }
}
