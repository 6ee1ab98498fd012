/**
 * `odoo-project-sync demo` (what `npm start` runs): a database workspace in ./demo-workspace,
 * served by the project's Odoo emulator in this process. The emulator's URL changes every run,
 * so it is laid over the config in memory (never written), with the emulator's admin password.
 */
import { cp, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './core/user-error.js';
import { EXIT, printError, type CommandEnv } from './state/commands.js';
import { STATE_DIR } from './state/paths.js';

export const DEMO_DIR = 'demo-workspace';

export interface DemoOptions {
  env: CommandEnv;
  /** Where ./demo-workspace goes. */
  cwd: string;
  tty: boolean;
  launchTui: (env: CommandEnv) => Promise<number>;
  /** Folder holding examples/demo (found next to the code when not given). */
  examplesDir?: string;
}

export async function runDemo(o: DemoOptions): Promise<number> {
  if (!o.tty) {
    o.env.err(
      'odoo-project-sync demo opens the wizard, which needs a terminal, and this is not one.\n' +
        '  -> run `npm start` in a terminal; for scripts, use a workspace with `odoo-project-sync init` and `resume`',
    );
    return EXIT.usage;
  }
  const examples = o.examplesDir ?? (await findExamples());
  if (!examples) return printError(o.env, new UserError('usage', 'the examples folder is missing from this installation', { hint: 'reinstall odoo-project-sync' }));
  const root = resolve(o.cwd, DEMO_DIR);
  if (!(await exists(root))) await cp(join(examples, 'demo'), root, { recursive: true });
  const { startEmulator } = await import('./odoo/emulator/index.js');
  const emu = await startEmulator({ version: 17, seed: 'demo', statePath: join(root, STATE_DIR, 'emulator-state.json') });
  try {
    o.env.err(`demo: workspace ${root}, Odoo emulator ${emu.version} at ${emu.url}`);
    return await o.launchTui({
      ...o.env,
      root,
      overrides: { url: emu.url, db: emu.db, user: emu.users.admin.login },
      secret: { password: emu.users.admin.password },
    });
  } finally {
    await emu.close();
  }
}

async function exists(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined)) !== undefined;
}

/** examples/ sits at the package root: above src/ (tsx), dist/ or dist/chunks/ (the bundle). */
async function findExamples(): Promise<string | undefined> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'examples');
    if (await exists(join(candidate, 'demo', 'odoo-project-sync.toml'))) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}
