/**
 * The workspace keeps the server's version and the user's id between runs (never a secret), so a
 * re-sync makes no `version`-then-`authenticate` round trips before its reads: on Odoo 17 the
 * sign-in alone hashes the password for most of a second. A kept uid the server refuses, or a
 * server that changed version, must never cost a wrong result.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/odoo/emulator/index.js';
import { SESSION_FILE } from '../../src/state/paths.js';
import { callsOf, headlessSync, headlessWorkspace } from '../steps/sync/headless.js';

const PASSWORD = 'Cnry-Sess-Pw-4Tq8';
const API_KEY = 'c4n4rys3ss10nk3yc4n4rys3ss10nk3y0a1b2c3d';
const PLAN = join(process.cwd(), '__tests__/fixtures/plans/status-table.md');

const sync = headlessSync;
const setUp = (emu: Emulator) => headlessWorkspace(emu, PLAN);

const kept = (root: string) => JSON.parse(readFileSync(join(root, SESSION_FILE), 'utf8')) as { sessions: { uid?: number; serverVersion: { major: number; serverVersion: string } }[] };
const count = (emu: Emulator, m: string) => emu.stats.byMethod[m] ?? 0;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

describe('a re-sync starts on the session the workspace kept', () => {
  test('Odoo 17, XML-RPC: the second run signs in no more, reads in 3 calls, and nothing in the workspace holds the password', async () => {
    const emu = await startEmulator({ version: 17, credentials: { admin: { password: PASSWORD } } });
    const ws = await setUp(emu);
    try {
      const first = await sync(ws.root, { password: PASSWORD });
      expect(first.code).toBe(0);
      expect(count(emu, 'authenticate')).toBe(1);
      expect(kept(ws.root).sessions).toEqual([expect.objectContaining({ uid: emu.users.admin.uid, serverVersion: expect.objectContaining({ major: 17 }) })]);

      const versions = count(emu, 'version');
      const again = await sync(ws.root, { password: PASSWORD });
      expect(again.code).toBe(0);
      expect(again.out.join('\n')).toMatch(/0 created, 0 updated, 5 unchanged/);
      expect(count(emu, 'authenticate')).toBe(1);
      // The version is still asked, beside the reads (not before them): a changed server is seen.
      expect(count(emu, 'version')).toBe(versions + 1);
      expect(callsOf(again)).toBe(3);

      for (const f of filesUnder(ws.root)) expect([f, readFileSync(f, 'utf8').includes(PASSWORD)]).toEqual([f, false]);
    } finally {
      await emu.close();
      ws.cleanup();
    }
  });

  test('Odoo 19, JSON-2: no version-then-sign-in before the reads; a wrong key is still told as a refused key', async () => {
    const emu = await startEmulator({ version: 19, credentials: { admin: { apiKey: API_KEY } } });
    const ws = await setUp(emu);
    try {
      expect((await sync(ws.root, { apiKey: API_KEY })).code).toBe(0);
      const signIns = count(emu, 'context_get');
      const again = await sync(ws.root, { apiKey: API_KEY });
      expect(again.out.join('\n')).toMatch(/0 created, 0 updated, 5 unchanged/);
      expect(count(emu, 'context_get')).toBe(signIns);
      expect(readFileSync(join(ws.root, SESSION_FILE), 'utf8')).not.toContain(API_KEY);

      const wrong = await sync(ws.root, { apiKey: 'f'.repeat(40) });
      expect(wrong.code).toBe(1);
      const fresh = await emptyWorkspaceError(emu);
      // Word for word what a workspace without a kept session says.
      expect(wrong.err.join('\n')).toContain(fresh);
    } finally {
      await emu.close();
      ws.cleanup();
    }
  });

  test('a kept uid the server refuses is forgotten: the user signs in again and the sync goes on', async () => {
    const emu = await startEmulator({ version: 17, credentials: { admin: { password: PASSWORD } } });
    const ws = await setUp(emu);
    try {
      expect((await sync(ws.root, { password: PASSWORD })).code).toBe(0);
      const file = join(ws.root, SESSION_FILE);
      writeFileSync(file, readFileSync(file, 'utf8').replace(`"uid": ${emu.users.admin.uid}`, '"uid": 4242'));
      writeFileSync(join(ws.root, 'ToDo.md'), readFileSync(join(ws.root, 'ToDo.md'), 'utf8').replace('Add service interval fields', 'Add service interval and mileage fields'));
      const signIns = count(emu, 'authenticate');

      const r = await sync(ws.root, { password: PASSWORD });
      expect([r.code, r.err.filter((l) => !l.includes('warning'))]).toEqual([0, expect.any(Array)]);
      expect(r.out.join('\n')).toMatch(/1 updated/);
      expect(count(emu, 'authenticate')).toBe(signIns + 1);
      expect(kept(ws.root).sessions[0]?.uid).toBe(emu.users.admin.uid);
    } finally {
      await emu.close();
      ws.cleanup();
    }
  });

  test('a server that now runs another version: nothing is written, the run says so, and the next run works', async () => {
    const emu = await startEmulator({ version: 17, credentials: { admin: { password: PASSWORD } } });
    const ws = await setUp(emu);
    try {
      expect((await sync(ws.root, { password: PASSWORD })).code).toBe(0);
      const file = join(ws.root, SESSION_FILE);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('"major": 17', '"major": 16').replaceAll('"17.0"', '"16.0"').replace(/\[\s*17,/, '[16,'));
      writeFileSync(join(ws.root, 'ToDo.md'), readFileSync(join(ws.root, 'ToDo.md'), 'utf8').replace('Add service interval fields', 'Add service interval and mileage fields'));
      const writes = () => ['load', 'create', 'write', 'unlink'].reduce((a, m) => a + count(emu, m), 0);
      const before = writes();

      const r = await sync(ws.root, { password: PASSWORD });
      expect(r.code).toBe(1);
      expect(r.err.join('\n')).toMatch(/now runs Odoo 17\.0; it ran 16\.0 when this workspace last connected/);
      expect(r.err.join('\n')).toMatch(/Run the command again/);
      expect(writes()).toBe(before);

      const next = await sync(ws.root, { password: PASSWORD });
      expect(next.code).toBe(0);
      expect(next.out.join('\n')).toMatch(/1 updated/);
      expect(kept(ws.root).sessions[0]?.serverVersion.major).toBe(17);
    } finally {
      await emu.close();
      ws.cleanup();
    }
  });
});

/** What a run with a wrong key prints in a workspace that never connected. */
async function emptyWorkspaceError(emu: Emulator): Promise<string> {
  const ws = await setUp(emu);
  try {
    const r = await sync(ws.root, { apiKey: 'f'.repeat(40) });
    expect(r.code).toBe(1);
    const line = r.err.find((l) => /refused|denied|API key/i.test(l));
    expect(line).toBeDefined();
    return line as string;
  } finally {
    ws.cleanup();
  }
}
