/** `odoo-project-sync init` and `run sync --yes` in this process, through the runner the CLI uses. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '../../../src/odoo/index.js';
import type { Emulator } from '../../../src/odoo/emulator/index.js';
import type { OdooSecret } from '../../../src/odoo/types.js';
import { cmdInit, cmdRun, type CommandEnv } from '../../../src/state/commands.js';
import { defaultRegistry } from '../../../src/steps/registry.js';
import { tempDir } from '../../state/helpers.js';

export interface HeadlessRun {
  code: number;
  out: string[];
  err: string[];
}

export function headlessEnv(root: string, secret: OdooSecret, lines: HeadlessRun): CommandEnv {
  return {
    root,
    registry: defaultRegistry(),
    debug: false,
    insecure: false,
    secret,
    out: (l) => lines.out.push(l),
    err: (l) => lines.err.push(l),
    signal: new AbortController().signal,
    lock: { pid: process.pid, host: 'test', isAlive: () => true },
    connect: (profile, s, opts) => connect(profile, s, { ...opts, retries: 0 }),
  };
}

export async function headlessSync(root: string, secret: OdooSecret, o: { dryRun?: boolean } = {}): Promise<HeadlessRun> {
  const r: HeadlessRun = { code: -1, out: [], err: [] };
  r.code = await cmdRun(headlessEnv(root, secret, r), 'sync', { yes: true, dryRun: o.dryRun ?? false });
  return r;
}

/** A database workspace on the emulator with `plan` as its ToDo.md. */
export async function headlessWorkspace(emu: Emulator, plan: string): Promise<{ root: string; cleanup: () => void }> {
  const t = tempDir('ops-headless-');
  copyFileSync(plan, join(t.dir, 'ToDo.md'));
  const r: HeadlessRun = { code: -1, out: [], err: [] };
  const code = await cmdInit(headlessEnv(t.dir, {}, r), { source: 'database', url: emu.url, db: emu.db, user: 'admin' });
  if (code !== 0) throw new Error(`init failed: ${r.err.join('\n')}`);
  return { root: t.dir, cleanup: t.cleanup };
}

/** The number in "(N Odoo calls)" of the summary line. */
export const callsOf = (r: HeadlessRun): number => Number(/\((\d+) Odoo calls\)/.exec(r.out.join('\n'))?.[1]);
