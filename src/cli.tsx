#!/usr/bin/env node
/**
 * The entry point: the only place that reads argv and the environment and exits. It parses the
 * command, builds the ports, and picks the TUI (a terminal) or a headless command.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import { splitUrlCredentials } from './core/url-credentials.js';
import { fsUserError } from './core/fs-error.js';
import { formatUserError, UserError } from './core/user-error.js';
import type { OdooSecret } from './odoo/types.js';
import type { CommandEnv } from './state/commands.js';
import { EXIT, exitCodeOf } from './state/exit-codes.js';
import { pidAlive } from './state/lock.js';
import { defaultRegistry } from './steps/registry.js';
import { STEP_IDS, type ConnectionProfile, type StepId } from './steps/types.js';

/** Set by scripts/build.mjs to the file name of the TUI bundle; undefined when run from source. */
declare const __OPS_TUI_BUNDLE__: string | undefined;

const HELP = `odoo-project-sync ${pkg.version}: from a customized Odoo (or custom modules) to modules,
a reviewed feature map, an estimated ToDo.md and a live Odoo project.

Usage:
  odoo-project-sync                      open the wizard (needs a terminal)
  odoo-project-sync init [--source database|source] [--url U --db D --user L]
                         [--addons PATH ...] [--transport auto|xmlrpc|json2]
  odoo-project-sync run <step> [--yes] [--dry-run]
  odoo-project-sync run sync [--dry-run] [--json] [--strict]
                                         --json prints the plan review; --strict exits 2 on
                                         any warning about the plan (for CI)
  odoo-project-sync status [--json]
  odoo-project-sync resume [--yes]       run the remaining steps in order
  odoo-project-sync demo                 walk through all seven steps against a built-in emulator

Steps: ${STEP_IDS.join(', ')}
Global: --workspace DIR  --no-color  --debug  --insecure  --help  --version
Environment: ODOO_URL ODOO_DB ODOO_USER (override the config), ODOO_PASSWORD or ODOO_API_KEY
(the secret: never stored). NO_COLOR disables colour.
Exit codes: 0 ok, 1 a step failed, 2 bad usage or input, 130 interrupted.`;

const OPTIONS = {
  workspace: { type: 'string' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  insecure: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  source: { type: 'string' },
  url: { type: 'string' },
  db: { type: 'string' },
  user: { type: 'string' },
  addons: { type: 'string', multiple: true },
  transport: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  strict: { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parse>['values'];
const parse = (argv: string[]) => parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
const usage = (message: string, hint = 'see `odoo-project-sync --help`') => new UserError('usage', message, { hint });

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw usage((e as Error).message.split('\n')[0]);
  }
  const { values: f, positionals } = parsed;
  if (f.help) return void process.stdout.write(`${HELP}\n`), EXIT.ok;
  if (f.version) return void process.stdout.write(`${pkg.version}\n`), EXIT.ok;
  const [command, ...rest] = positionals;
  const env = commandEnv(f);
  const noColor = !!f['no-color'] || (process.env.NO_COLOR ?? '') !== '';
  if (command === undefined) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      process.stderr.write(
        'odoo-project-sync: the wizard needs a terminal, and this is not one.\n' +
          '  -> use the headless commands: `odoo-project-sync status`, `init`, `run <step>`, `resume` (see --help)\n',
      );
      return EXIT.usage;
    }
    return launchTui(env, { noColor });
  }
  // Loaded after --help/--version and the TUI's start: those do not wait for it.
  const { cmdInit, cmdResume, cmdRun, cmdStatus } = await import('./state/commands.js');
  switch (command) {
    case 'init':
      noExtra(rest);
      return cmdInit(env, initAnswers(f));
    case 'run': {
      const step = rest[0];
      if (!step) throw usage('run needs a step', `one of: ${STEP_IDS.join(', ')}`);
      if (!(STEP_IDS as readonly string[]).includes(step)) throw usage(`unknown step "${step}"`, `one of: ${STEP_IDS.join(', ')}`);
      noExtra(rest.slice(1));
      return cmdRun(env, step as StepId, { yes: !!f.yes, dryRun: !!f['dry-run'], strict: !!f.strict, json: !!f.json });
    }
    case 'status':
      noExtra(rest);
      return cmdStatus(env, !!f.json);
    case 'resume':
      noExtra(rest);
      return cmdResume(env, { yes: !!f.yes });
    case 'demo': {
      noExtra(rest);
      const { runDemo } = await import('./demo.js');
      return runDemo({ env, cwd: process.cwd(), tty: !!(process.stdin.isTTY && process.stdout.isTTY), launchTui: (e) => launchTui(e, { noColor }) });
    }
    default:
      throw usage(`unknown command "${command}"`, 'commands: init, run, status, resume, demo (see --help)');
  }
}

/**
 * The TUI, loaded only here: --help, --version and the headless commands never pay for Ink and
 * React. The bundle ships it as one CommonJS file compiled through a V8 code cache (see
 * src/core/code-cache.ts and scripts/build.mjs); from source it is a plain import.
 */
async function launchTui(env: CommandEnv, o: { noColor: boolean }): Promise<number> {
  // Raw mode from the start: keys typed while the wizard loads wait in the terminal for the first
  // screen, instead of being echoed and held in a line the wizard never reads.
  const raw = process.stdin.isTTY === true;
  if (raw) process.stdin.setRawMode(true);
  try {
    const tui: typeof import('./tui.js') =
      typeof __OPS_TUI_BUNDLE__ === 'string'
        ? await (await import('./core/code-cache.js')).loadCachedBundle<typeof import('./tui.js')>(__OPS_TUI_BUNDLE__, import.meta.url)
        : await import('./tui.js');
    return await tui.launchTui(env, o);
  } finally {
    if (raw) process.stdin.setRawMode(false);
  }
}

function noExtra(rest: string[]): void {
  if (rest.length > 0) throw usage(`unexpected argument "${rest[0]}"`);
}

function initAnswers(f: Flags): import('./state/types.js').InitAnswers {
  const source = f.source ?? (f.addons?.length && !f.url ? 'source' : 'database');
  if (source !== 'database' && source !== 'source') throw usage(`--source must be "database" or "source", not "${source}"`);
  const transport = f.transport;
  if (transport !== undefined && !['auto', 'xmlrpc', 'json2'].includes(transport)) throw usage(`--transport must be auto, xmlrpc or json2, not "${transport}"`);
  // Credentials in the URL never reach the config: the login may serve as --user, the password
  // is dropped (cmdInit says so).
  const url = f.url === undefined ? undefined : splitUrlCredentials(f.url);
  const envUrl = splitUrlCredentials(process.env.ODOO_URL ?? '');
  return {
    source,
    url: url?.url ?? (envUrl.url || undefined),
    urlHadPassword: url ? url.password !== undefined : envUrl.password !== undefined,
    db: f.db ?? process.env.ODOO_DB,
    user: f.user ?? (process.env.ODOO_USER || url?.user || envUrl.user || undefined),
    addons: f.addons,
    transport: transport as 'auto' | 'xmlrpc' | 'json2' | undefined,
  };
}

/** Everything a command needs from the process: read here, passed down. */
function commandEnv(f: Flags): CommandEnv {
  const sigint = new AbortController();
  process.on('SIGINT', () => {
    if (sigint.signal.aborted) process.exit(EXIT.interrupted);
    sigint.abort();
  });
  // ODOO_URL=http://admin:pw@host: the address alone goes on; the password is used in memory
  // when no ODOO_PASSWORD/ODOO_API_KEY is set, and is never written anywhere.
  const envUrl = splitUrlCredentials(process.env.ODOO_URL ?? '');
  const secret: OdooSecret | undefined =
    process.env.ODOO_API_KEY || process.env.ODOO_PASSWORD
      ? {
          apiKey: process.env.ODOO_API_KEY || undefined,
          password: process.env.ODOO_PASSWORD || undefined,
          sources: { apiKey: 'ODOO_API_KEY', password: 'ODOO_PASSWORD' },
        }
      : envUrl.password
        ? { password: envUrl.password, sources: { password: 'the password in ODOO_URL' } }
        : undefined;
  const overrides: Partial<ConnectionProfile> = {
    url: envUrl.url || undefined,
    db: process.env.ODOO_DB || undefined,
    user: process.env.ODOO_USER || envUrl.user || undefined,
  };
  return {
    root: resolve(f.workspace ?? process.cwd()),
    registry: defaultRegistry(),
    debug: !!f.debug,
    insecure: !!f.insecure,
    secret,
    overrides,
    // The Odoo layer loads on first use, keeping it off the start-up path.
    connect: async (profile, secret, opts) => (await import('./odoo/index.js')).connect(profile, secret, opts),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    signal: sigint.signal,
    lock: { pid: process.pid, host: hostname(), isAlive: pidAlive },
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (thrown: unknown) => {
    const e = fsUserError(thrown) ?? thrown;
    if (e instanceof UserError) {
      process.stderr.write(`${formatUserError(e)}\n`);
      process.exit(exitCodeOf(e.code));
    }
    const debug = process.argv.includes('--debug');
    process.stderr.write(`internal error (a bug in odoo-project-sync): ${(e as Error)?.message ?? String(e)}\n`);
    process.stderr.write(debug ? `${(e as Error)?.stack ?? ''}\n` : '  -> run again with --debug for the details, and please report it\n');
    process.exit(EXIT.failed);
  },
);
