/** An addons path with no module: the answer says what was looked for and where modules really are. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureMapStep } from '../../../src/steps/feature-map/index.js';
import { cleanup, copyExamples, makeContext, tempDir } from './support.js';

let dir: string;
afterEach(() => cleanup(dir));

test('a checkout root: the error counts the folders looked at and points at the real addons folder', async () => {
  dir = tempDir();
  mkdirSync(join(dir, 'checkout/docs'), { recursive: true });
  writeFileSync(join(dir, 'checkout/docs/index.md'), '# docs\n');
  copyExamples(join(dir, 'checkout'));
  const r = await featureMapStep.run(makeContext(dir, { addons: ['checkout'] }));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.message).toBe('no readable Odoo module in checkout (looked for __manifest__.py in that folder and its 2 sub-folders)');
  expect(r.error.hint).toBe(`modules were found deeper, in ${join(dir, 'checkout/addons')}: point addons at those folders`);
});
