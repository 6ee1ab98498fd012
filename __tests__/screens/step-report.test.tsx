/** A step's report is shown on its screen (the start of it) and kept whole in a file, across a restart. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { cleanup, render } from 'ink-testing-library';
import { App } from '../../src/app.js';
import { ok } from '../../src/core/result.js';
import type { Runner } from '../../src/state/runner.js';
import type { StepEngine } from '../../src/steps/types.js';
import { openTestRunner, SOURCE_CONFIG, tempDir, registryWith } from '../state/helpers.js';
import { press, waitFor } from './wait.js';

const reporting: StepEngine = {
  id: 'feature-map',
  inputs: [],
  run: async () =>
    ok({ summary: '20 features', outputs: {}, warnings: Array.from({ length: 8 }, (_, i) => `map.toml:${i + 1}:1: warning ${i + 1}`), report: Array.from({ length: 20 }, (_, i) => `- feature ${i + 1} [model]: 1 story`).join('\n') }),
};

let t: ReturnType<typeof tempDir>;
const runners: Runner[] = [];
beforeEach(() => {
  t = tempDir();
  mkdirSync(join(t.dir, 'addons'));
  writeFileSync(join(t.dir, 'odoo-project-sync.toml'), SOURCE_CONFIG);
});
afterEach(async () => {
  await act(async () => cleanup());
  await Promise.all(runners.splice(0).map((r) => r.close()));
  t.cleanup();
});

test('the feature-map screen shows the report after the run and after a restart; the whole report is in a file', async () => {
  const first = await openTestRunner(t.dir, registryWith({ featureMap: reporting }));
  runners.push(first);
  expect(await first.runStep('feature-map')).toMatchObject({ kind: 'done', report: { more: 8, file: '.odoo-project-sync/reports/feature-map.md' } });
  const file = readFileSync(join(t.dir, '.odoo-project-sync/reports/feature-map.md'), 'utf8');
  expect(file.split('\n').filter((l) => l.startsWith('- feature '))).toHaveLength(20);
  expect(file).toContain('## Warnings\n\n- map.toml:1:1: warning 1\n');
  expect(file).toContain('- map.toml:8:1: warning 8\n');
  await Promise.all(runners.splice(0).map((r) => r.close()));

  const again = await openTestRunner(t.dir, registryWith({ featureMap: reporting }));
  runners.push(again);
  let app!: ReturnType<typeof render>;
  await act(async () => {
    app = render(<App store={again.store} controller={again.controller} noColor />);
  });
  await press(app.stdin, '4');
  await waitFor(() => (app.lastFrame() ?? '').includes('4 · Feature map'), 'the feature-map screen', app.lastFrame);
  const frame = app.lastFrame() ?? '';
  expect(frame).toContain('- feature 1 [model]: 1 story');
  expect(frame).toContain('- feature 12 [model]: 1 story');
  expect(frame).not.toContain('- feature 13 [model]');
  expect(frame).toContain('… 8 more lines in .odoo-project-sync/reports/feature-map.md');
  // A few warnings, then where the rest are: the summary and the report stay on the screen.
  expect(frame).toContain('! map.toml:5:1: warning 5');
  expect(frame).not.toContain('warning 6');
  expect(frame).toContain('… 3 more warnings in .odoo-project-sync/reports/feature-map.md');
});
