/**
 * The wizard in a terminal: opens the workspace, builds the runner, renders the Ink app and
 * waits for the user to quit. Ink, React and the screens are imported only from here.
 */
import type { OdooSecret } from './odoo/types.js';
import type { CommandEnv } from './state/commands.js';
import { withoutFetch } from './core/without-fetch.js';
import { deferReadable } from './screens/deferred-stdin.js';
import { EXIT } from './state/exit-codes.js';
import type { WorkspaceConfig } from './steps/types.js';

export interface TuiOptions {
  noColor: boolean;
  /**
   * Awaited just before the first render: the bundle passes the loading of Ink's layout engine
   * here, so it compiles on a background thread while the workspace opens.
   */
  beforeRender?: () => Promise<unknown>;
}

export async function launchTui(env: CommandEnv, o: TuiOptions): Promise<number> {
  const uiModules = withoutFetch(() => Promise.all([import('ink'), import('react'), import('./app.js')]));
  const [{ printError }, { createRunner }, { openWorkspace }] = await Promise.all([
    import('./state/commands.js'),
    import('./state/runner.js'),
    import('./state/workspace.js'),
  ]);
  const ws = await openWorkspace({ root: env.root, now: Date.now, lock: env.lock });
  if (!ws.ok) return printError(env, ws.error);
  let quit = () => {};
  const quitted = new Promise<void>((res) => (quit = res));
  let runner: Awaited<ReturnType<typeof createRunner>> | undefined;
  try {
    runner = await createRunner({
      workspace: ws.value,
      registry: env.registry,
      connect: env.connect,
      secret: env.secret,
      connectionOverrides: env.overrides,
      debug: env.debug,
      insecure: env.insecure,
      interactive: true,
      // execa loads only when the user asks for their editor.
      editor: async (text, file) =>
        (await import('./state/external-editor.js')).makeExternalEditor(process.env.VISUAL || process.env.EDITOR, process.stdin)(text, file),
      onQuit: () => quit(),
    });
    const [{ render }, reactModule, { App }] = await uiModules;
    await o.beforeRender?.();
    // React is CommonJS: bundled, its exports sit on the namespace's default.
    const { createElement } = reactModule.default ?? reactModule;
    const app = render(
      createElement(App, {
        store: runner.store,
        controller: runner.controller,
        noColor: o.noColor,
        secretFromEnv: env.secret?.apiKey ? 'apiKey' : env.secret?.password ? 'password' : undefined,
        initDefaults: { url: env.overrides?.url, db: env.overrides?.db, user: env.overrides?.user },
        askSecret: secretToAsk(runner.config(), env.secret),
      }),
      // Keys typed as a screen appears reach that screen, not a handler on its way out.
      { stdin: deferReadable(process.stdin) },
    );
    env.signal.addEventListener('abort', () => quit());
    // Ink ends the app itself only on ctrl-c; the user's own quit (q) resolves `quitted` first.
    const how = await Promise.race([quitted.then(() => 'quit' as const), app.waitUntilExit().then(() => 'ctrl-c' as const)]);
    app.unmount();
    // The reviewer saves its last edits as it unmounts: a save that failed is said here, not lost.
    const lost = await runner.review.failedSaves();
    for (const m of lost) env.err(m);
    if (env.signal.aborted || how === 'ctrl-c') return EXIT.interrupted;
    return lost.length > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    // Always give the workspace lock back, even when something above failed.
    await (runner ? runner.close() : ws.value.close());
  }
}

/** A database workspace whose secret is in neither the environment nor memory gets a hidden prompt. */
function secretToAsk(config: WorkspaceConfig | undefined, secret: OdooSecret | undefined): { user: string; url: string } | undefined {
  if (secret?.password || secret?.apiKey) return undefined;
  if (config?.source !== 'database' || !config.connection) return undefined;
  return { user: config.connection.user, url: config.connection.url };
}
