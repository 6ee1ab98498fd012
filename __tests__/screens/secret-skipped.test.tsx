/** The secret prompt was skipped; the step fails for want of it; r asks for it (hidden) and runs the step. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { cleanup, render } from 'ink-testing-library';
import { App } from '../../src/app.js';
import type { OdooClient, OdooSecret } from '../../src/odoo/types.js';
import type { Runner } from '../../src/state/runner.js';
import { DB_CONFIG, fileEngine, openTestRunner, tempDir, registryWith } from '../state/helpers.js';
import { KEY, press, waitFor } from './wait.js';

let t: ReturnType<typeof tempDir>;
let r: Runner;
const used: OdooSecret[] = [];
afterEach(async () => {
  await act(async () => cleanup());
  await r.close();
  t.cleanup();
});

test('after esc at the secret prompt, r on the failed step asks again instead of failing the same way', async () => {
  t = tempDir();
  writeFileSync(join(t.dir, 'odoo-project-sync.toml'), DB_CONFIG);
  const extract = {
    ...fileEngine('extract', [], []),
    run: async (ctx: { connect: () => Promise<unknown> }) => (await ctx.connect(), { ok: true as const, value: { summary: 'connected', outputs: {}, warnings: [] } }),
  };
  r = await openTestRunner(t.dir, registryWith({ extract }), {
    interactive: true,
    connect: async (_p, secret) => (used.push(secret), {} as OdooClient),
  });
  let app!: ReturnType<typeof render>;
  await act(async () => {
    app = render(<App store={r.store} controller={r.controller} noColor askSecret={{ user: 'admin', url: 'http://127.0.0.1:8069' }} />);
  });
  expect(app.lastFrame()).toContain('Password for admin');
  await press(app.stdin, KEY.escape);
  await press(app.stdin, '1', KEY.enter);
  await waitFor(() => r.store.getState().steps.extract.kind === 'failed', 'extract fails without a secret', app.lastFrame);
  await waitFor(() => (app.lastFrame() ?? '').includes('r to re-enter the password'), 'the retry label', app.lastFrame);
  await press(app.stdin, 'r');
  expect(app.lastFrame()).toContain('Password for admin');
  await press(app.stdin, 'typed-now', KEY.enter);
  await waitFor(() => r.store.getState().steps.extract.kind === 'done', 'extract runs with the typed secret', app.lastFrame);
  expect(used).toHaveLength(1);
  expect(used[0]).toMatchObject({ password: 'typed-now' });
});
