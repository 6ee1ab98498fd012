import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock } from '../../src/state/lock.js';
import { tempDir } from './helpers.js';

let t: ReturnType<typeof tempDir>;
let path: string;
beforeEach(() => {
  t = tempDir();
  path = join(t.dir, 'lock');
});
afterEach(() => t.cleanup());

const since = Date.UTC(2026, 10, 22, 7, 0, 0);

describe('workspace lock', () => {
  test('records pid, host and start time, and is released', async () => {
    const l = await acquireLock(path, { pid: 100, host: 'h', startedAt: since, isAlive: () => true });
    expect(l.ok).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ pid: 100, host: 'h', startedAt: since });
    if (l.ok) await l.value.release();
    const again = await acquireLock(path, { pid: 101, host: 'h', startedAt: since, isAlive: () => true });
    expect(again.ok && again.value.notice).toBeUndefined();
  });

  test('a second wizard is refused while the holder lives, with who and since when', async () => {
    await acquireLock(path, { pid: 100, host: 'h', startedAt: since, isAlive: () => true });
    const second = await acquireLock(path, { pid: 200, host: 'h', startedAt: since + 5, isAlive: (pid) => pid === 100 });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('workspace-locked');
      expect(second.error.message).toBe('workspace in use by pid 100 since 2026-11-22T07:00:00.000Z');
      expect(second.error.hint).toMatch(/quit it or remove the lock if it is dead/);
    }
  });

  test('a stale lock of a dead process is recovered, with a notice', async () => {
    writeFileSync(path, JSON.stringify({ pid: 999_999, host: 'h', startedAt: since }));
    const l = await acquireLock(path, { pid: 300, host: 'h', startedAt: since + 9, isAlive: () => false });
    expect(l.ok).toBe(true);
    if (l.ok) expect(l.value.notice).toMatch(/stale lock left by process 999999/);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(300);
  });

  test("a lock from another host is never taken over (its pid cannot be checked from here)", async () => {
    writeFileSync(path, JSON.stringify({ pid: 5, host: 'other', startedAt: since }));
    const l = await acquireLock(path, { pid: 300, host: 'h', startedAt: since, isAlive: () => false });
    expect(l.ok).toBe(false);
    if (!l.ok) expect(l.error.message).toMatch(/pid 5 on other/);
  });

  test("release does not remove a lock someone else took over", async () => {
    const mine = await acquireLock(path, { pid: 1, host: 'h', startedAt: since, isAlive: () => false });
    // Taking the lock must work here, or the release below would test nothing.
    if (!mine.ok) throw mine.error;
    writeFileSync(path, JSON.stringify({ pid: 2, host: 'h', startedAt: since }));
    await mine.value.release();
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(2);
  });
});
