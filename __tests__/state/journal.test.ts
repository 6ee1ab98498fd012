import { appendFileSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JournaledAction } from '../../src/state/actions.js';
import { openJournal } from '../../src/state/journal.js';
import { encodeLine } from '../../src/state/journal-format.js';
import { tempDir } from './helpers.js';

const a1: JournaledAction = { type: 'step-started', step: 'extract', at: 1, inputs: {} };
const a2: JournaledAction = { type: 'step-finished', step: 'extract', at: 2, summary: 'ok', inputs: {}, outputs: { 'extract.json': 'h' }, warnings: [] };
const a3: JournaledAction = { type: 'step-started', step: 'generate', at: 3, inputs: {} };

let t: ReturnType<typeof tempDir>;
let path: string;
beforeEach(() => {
  t = tempDir();
  mkdirSync(join(t.dir, '.odoo-project-sync'));
  path = join(t.dir, '.odoo-project-sync', 'journal.jsonl');
});
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((j) => j.close()));
  t.cleanup();
});

const open = async (readOnly = false) => {
  const r = await openJournal(path, { now: () => Date.UTC(2026, 0, 2, 3, 4, 5), readOnly });
  if (!r.ok) throw r.error;
  if (r.value.journal) opened.push(r.value.journal);
  return r.value;
};

describe('journal', () => {
  test('appends one action per line and replays them in order', async () => {
    const j = (await open()).journal!;
    await j.append(a1);
    await j.append(a2);
    await j.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
    expect((await open()).read.actions).toEqual([a1, a2]);
  });

  test('a torn last line (crash mid-append) is skipped and cut before the next append', async () => {
    writeFileSync(path, encodeLine(a1) + encodeLine(a2) + encodeLine(a3).slice(0, 25));
    const { read, journal } = await open();
    expect(read.actions).toEqual([a1, a2]);
    expect(read.notices).toEqual([]);
    await journal!.append(a3);
    await journal!.close();
    expect((await open()).read.actions).toEqual([a1, a2, a3]);
  });

  test('a corrupt line in the middle keeps the file aside, tells the user, and starts afresh', async () => {
    writeFileSync(path, encodeLine(a1) + '{not json\n' + encodeLine(a2));
    const { read, journal } = await open();
    await journal!.close();
    expect(read.actions).toEqual([]);
    const aside = readdirSync(join(t.dir, '.odoo-project-sync')).filter((f) => f.startsWith('journal.jsonl.broken-'));
    expect(aside).toEqual(['journal.jsonl.broken-2026-01-02T03-04-05-000Z']);
    expect(readFileSync(join(t.dir, '.odoo-project-sync', aside[0]), 'utf8')).toContain('{not json');
    expect(read.notices[0]).toMatch(/could not be read \(line 2: not JSON\).*kept as .*journal\.jsonl\.broken-/);
  });

  test('an unreadable journal (not UTF-8) is kept aside too', async () => {
    writeFileSync(path, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a]));
    const { read } = await open();
    expect(read.notices[0]).toMatch(/not UTF-8/);
    expect(readdirSync(join(t.dir, '.odoo-project-sync')).some((f) => f.startsWith('journal.jsonl.broken-'))).toBe(true);
  });

  test('read-only opening (status) never moves or repairs the file', async () => {
    const bad = encodeLine(a1) + 'garbage\n' + encodeLine(a2);
    writeFileSync(path, bad);
    const { read, journal } = await open(true);
    expect(journal).toBeUndefined();
    expect(read.notices[0]).toMatch(/next run will keep it aside/);
    expect(readFileSync(path, 'utf8')).toBe(bad);
  });

  test('v1 lines (no version field, ISO times, hashes) are migrated on read; new lines are v2', async () => {
    const v1 = [
      { ts: '2025-05-01T10:00:00.000Z', event: 'started', step: 'feature-map' },
      { ts: '2025-05-01T10:00:05.000Z', event: 'finished', step: 'feature-map', summary: '12 features', hashes: { 'feature_user_story_map.toml': 'abc' } },
      { ts: '2025-05-01T10:01:00.000Z', event: 'approved', step: 'feature-review', hashes: { 'feature_user_story_map.toml': 'abc' } },
      { ts: '2025-05-01T10:02:00.000Z', event: 'failed', step: 'todo', message: 'boom' },
    ];
    writeFileSync(path, v1.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const { read, journal } = await open();
    expect(read.actions).toEqual([
      { type: 'step-started', step: 'feature-map', at: Date.parse('2025-05-01T10:00:00.000Z'), inputs: {} },
      { type: 'step-finished', step: 'feature-map', at: Date.parse('2025-05-01T10:00:05.000Z'), summary: '12 features', inputs: {}, outputs: { 'feature_user_story_map.toml': 'abc' }, warnings: [] },
      { type: 'review-approved', step: 'feature-review', at: Date.parse('2025-05-01T10:01:00.000Z'), file: 'feature_user_story_map.toml', hash: 'abc' },
      { type: 'step-failed', step: 'todo', at: Date.parse('2025-05-01T10:02:00.000Z'), error: { message: 'boom' } },
    ]);
    await journal!.append(a3);
    await journal!.close();
    const last = readFileSync(path, 'utf8').trim().split('\n').pop()!;
    expect(JSON.parse(last)).toEqual({ v: 2, action: a3 });
    expect((await open()).read.actions).toHaveLength(5);
  });

  test('a journal from a newer version is refused with a hint to upgrade, and left alone', async () => {
    writeFileSync(path, encodeLine(a1));
    appendFileSync(path, JSON.stringify({ v: 9, action: {} }) + '\n');
    const r = await openJournal(path, { now: () => 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/v9, newer/);
      expect(r.error.hint).toMatch(/upgrade/);
    }
    expect(readdirSync(join(t.dir, '.odoo-project-sync'))).toEqual(['journal.jsonl']);
  });
});
