/**
 * Servers a corpus case can run against ("server": {"kind": ..., options}). Each kind starts a
 * server on 127.0.0.1 and gives the placeholders a case may use in its args, env and written
 * files: {{url}}, {{db}}, {{user}}, {{password}}, {{apiKey}}. Add a kind here for a new class of
 * server (one entry, one function).
 */
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/odoo/emulator/index.js';
import { deadPort, startServer, type TestServer } from '../odoo/servers.js';
import type { ServerSpec } from './case.js';

export interface CaseServer {
  vars: Record<string, string>;
  close(): Promise<void>;
}

type Starter = (options: Record<string, unknown>) => Promise<CaseServer>;

function ofEmulator(emu: Emulator): CaseServer {
  const admin = emu.users.admin;
  return {
    vars: { url: emu.url, db: emu.db, user: admin.login, password: admin.password, apiKey: admin.apiKey },
    close: () => emu.close(),
  };
}

const KINDS: Record<string, Starter> = {
  /** The project's Odoo emulator; options go to startEmulator (version, faults, latencyMs...). */
  emulator: async (options) => ofEmulator(await startEmulator(options as EmulatorOptions)),
  /** The emulator, busy: the first `times` loads meet a serialization failure (a concurrent transaction won). */
  conflict: async ({ times, ...options }) => {
    const emu = await startEmulator(options as EmulatorOptions);
    emu.setConflicts({ method: 'load', times: Number(times) });
    return ofEmulator(emu);
  },
  /** A port nobody listens on: connection refused. */
  dead: async () => ({
    vars: { url: `http://127.0.0.1:${await deadPort()}`, db: 'demo', user: 'admin', password: 'admin', apiKey: '' },
    close: async () => {},
  }),
};

/** A plain local web server standing where Odoo should be. */
async function plain(handler: Parameters<typeof startServer>[0]): Promise<CaseServer> {
  const s: TestServer = await startServer(handler);
  return { vars: { url: s.url, db: 'demo', user: 'admin', password: 'admin', apiKey: '' }, close: () => s.close() };
}

/** `python3 -m http.server`'s answers: 501 for a POST, 404 for an unknown GET. */
const PY_ERROR = (code: number, message: string) =>
  '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n' +
  `    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${code}</p>\n        <p>Message: ${message}.</p>\n    </body>\n</html>\n`;

Object.assign(KINDS, {
  /** Accepts the connection, reads the request, never answers. */
  silent: () => plain(() => undefined),
  /** python3 -m http.server in an empty folder. */
  http501: () =>
    plain((req, res) => {
      const post = req.method === 'POST';
      res.writeHead(post ? 501 : 404, { 'Content-Type': 'text/html;charset=utf-8', Server: 'SimpleHTTP/0.6 Python/3.12.3' });
      res.end(post ? PY_ERROR(501, "Unsupported method ('POST')") : PY_ERROR(404, 'File not found'));
    }),
  /** A web server whose every answer is its welcome page (200, HTML). */
  html: () =>
    plain((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', Server: 'nginx/1.24.0' });
      res.end('<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>\n');
    }),
} satisfies Record<string, Starter>);

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
