/** The reviewer's save as its screen goes away: nobody awaits it, so a failure must not vanish. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DB_CONFIG, openTestRunner, tempDir, testRegistry } from './helpers.js';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
  writeFileSync(join(t.dir, 'odoo-project-sync.toml'), DB_CONFIG);
});
afterEach(() => t.cleanup());

test('a save on the way out that works writes the file and reports nothing', async () => {
  writeFileSync(join(t.dir, 'module_model_map.toml'), 'name = "old"\n');
  const r = await openTestRunner(t.dir, testRegistry());
  r.controller.saveOnLeave('map-review', 'name = "mine"\n');
  expect(await r.review.failedSaves()).toEqual([]);
  await r.close();
  expect(readFileSync(join(t.dir, 'module_model_map.toml'), 'utf8')).toBe('name = "mine"\n');
});

test('a save on the way out that fails is reported when the run ends, and the text is kept aside', async () => {
  // A folder where the file should be: the atomic rename over it fails, as a full disk would.
  mkdirSync(join(t.dir, 'module_model_map.toml', 'in-the-way'), { recursive: true });
  const r = await openTestRunner(t.dir, testRegistry());
  r.controller.saveOnLeave('map-review', 'name = "my last edit"\n');
  const lost = await r.review.failedSaves();
  expect(lost).toHaveLength(1);
  expect(lost[0]).toMatch(/^Could not save module_model_map\.toml: .+ → your edits are in \.odoo-project-sync\/unsaved\/module_model_map\.toml: copy them back into module_model_map\.toml$/);
  expect(r.store.getState().notices).toContain(lost[0]);
  expect(readFileSync(join(t.dir, '.odoo-project-sync/unsaved/module_model_map.toml'), 'utf8')).toBe('name = "my last edit"\n');
  await r.close();
});
