/**
 * Servers a corpus case can run against ("server": {"kind": ..., options}). Each kind starts a
 * server on 127.0.0.1 and gives the placeholders a case may use in its args, env and written
 * files: {{url}}, {{db}}, {{user}}, {{password}}, {{apiKey}}. Add a kind here for a new class of
 * server (one entry, one function).
 */
import { startEmulator, type EmulatorOptions } from '../../src/odoo/emulator/index.js';
import { deadPort } from '../odoo/servers.js';
import type { ServerSpec } from './case.js';

export interface CaseServer {
  vars: Record<string, string>;
  close(): Promise<void>;
}

type Starter = (options: Record<string, unknown>) => Promise<CaseServer>;

const KINDS: Record<string, Starter> = {
  /** The project's Odoo emulator; options go to startEmulator (version, faults, latencyMs...). */
  emulator: async (options) => {
    const emu = await startEmulator(options as EmulatorOptions);
    const admin = emu.users.admin;
    return {
      vars: { url: emu.url, db: emu.db, user: admin.login, password: admin.password, apiKey: admin.apiKey },
      close: () => emu.close(),
    };
  },
  /** A port nobody listens on: connection refused. */
  dead: async () => ({
    vars: { url: `http://127.0.0.1:${await deadPort()}`, db: 'demo', user: 'admin', password: 'admin', apiKey: '' },
    close: async () => {},
  }),
};

export async function startCaseServer(spec: ServerSpec): Promise<CaseServer> {
  const { kind, ...options } = spec;
  const start = KINDS[kind];
  if (!start) throw new Error(`corpus: unknown server kind "${kind}" (known: ${Object.keys(KINDS).join(', ')})`);
  return start(options);
}

/** Replaces {{name}} with the server's value; an unknown name is a mistake in the case. */
export function filler(vars: Record<string, string>): (s: string) => string {
  return (s) =>
    s.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in vars)) throw new Error(`corpus: {{${name}}} is not known here (known: ${Object.keys(vars).join(', ') || 'none without a server'})`);
      return vars[name];
    });
}
