/** In the TUI, enter on ToDo before the feature map is approved is refused on the ToDo screen. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { cleanup, render } from 'ink-testing-library';
import { App } from '../../src/app.js';
import type { Runner } from '../../src/state/runner.js';
import { openTestRunner, SOURCE_CONFIG, tempDir, testRegistry } from '../state/helpers.js';
import { KEY, press, waitFor } from './wait.js';

let t: ReturnType<typeof tempDir>;
let r: Runner;
beforeEach(async () => {
  t = tempDir();
  mkdirSync(join(t.dir, 'addons'));
  writeFileSync(join(t.dir, 'odoo-project-sync.toml'), SOURCE_CONFIG);
  r = await openTestRunner(t.dir, testRegistry());
  await r.runStep('feature-map');
});
afterEach(async () => {
  await act(async () => cleanup());
  await r.close();
  t.cleanup();
});

test('enter on ToDo while the feature review waits: not run, and the screen says which step and how', async () => {
  let app!: ReturnType<typeof render>;
  await act(async () => {
    app = render(<App store={r.store} controller={r.controller} noColor />);
  });
  await press(app.stdin, '6', KEY.enter);
  await waitFor(() => (app.lastFrame() ?? '').includes('Not run'), 'the refusal on the ToDo screen', app.lastFrame);
  const frame = app.lastFrame() ?? '';
  expect(frame).toContain('6 · ToDo');
  // The rail (34 columns) sits beside the screen: read the screen's column as one text.
  const screen = frame.split('\n').map((l) => l.slice(34)).join(' ').replace(/\s+/g, ' ');
  expect(screen).toContain('✖ Not run: ToDo needs "Review feature map" first (it is waiting for your approval)');
  expect(screen).toContain('→ open step 5 ("Review feature map") and approve feature_user_story_map.toml, or run `odoo-project-sync run feature-review --yes`');
  expect(existsSync(join(t.dir, 'ToDo.md'))).toBe(false);
});
