/**
 * Approving a map validates it once: the feature-map step checks the map it wrote, and approving
 * those exact bytes takes that check; any edit (or another build's record) is checked in full.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok } from '../../src/core/result.js';
import { encodeLine } from '../../src/state/journal-format.js';
import { approvedPath } from '../../src/state/paths.js';
import type { Runner } from '../../src/state/runner.js';
import { ARTIFACTS, type StepEngine } from '../../src/steps/types.js';
import { DB_CONFIG, countingFeatureSpec, FEATURE_MAP, openTestRunner, registryWith, SOURCE_CONFIG, tempDir, testSpec } from './helpers.js';


let t: ReturnType<typeof tempDir>;
let runner: Runner | undefined;
let checks: string[];
beforeEach(() => {
  t = tempDir();
  writeFileSync(join(t.dir, 'odoo-project-sync.toml'), SOURCE_CONFIG);
  checks = [];
});
afterEach(async () => {
  await runner?.close();
  runner = undefined;
  t.cleanup();
});

/** The real feature map check, counting the texts it is asked to check. */
const countingSpec = countingFeatureSpec((text) => checks.push(text));

const writes = (text: string): StepEngine => ({
  id: 'feature-map',
  inputs: [],
  async run(ctx) {
    return ok({ summary: 'a map', outputs: { [ARTIFACTS.featureMap]: await ctx.artifacts.write(ARTIFACTS.featureMap, text) }, warnings: [] });
  },
});

const open = async (mapText = FEATURE_MAP) => {
  runner = await openTestRunner(t.dir, registryWith({ featureMap: writes(mapText), featureReview: countingSpec }));
  return runner;
};
const mapFile = () => join(t.dir, ARTIFACTS.featureMap);

test('the map step 4 wrote is checked once, by step 4: approving those bytes takes that check', async () => {
  const r = await open();
  expect((await r.runStep('feature-map')).kind).toBe('done');
  expect(checks).toEqual([FEATURE_MAP]);
  expect(await r.review.approveCurrent('feature-review')).toEqual({ ok: true });
  expect(checks).toHaveLength(1);
  expect(readFileSync(join(t.dir, approvedPath(ARTIFACTS.featureMap)), 'utf8')).toBe(FEATURE_MAP);
  expect(r.store.getState().steps['feature-review'].kind).toBe('done');
});

test('an edit after step 4 is checked in full when approved: a bad one is refused at its line, the fix is approved', async () => {
  const r = await open();
  await r.runStep('feature-map');
  const bad = FEATURE_MAP.replace('priority = "high"', 'priority = "urgent"');
  writeFileSync(mapFile(), bad);
  const res = await r.review.approveCurrent('feature-review');
  expect(res).toEqual({ ok: false, errors: [expect.objectContaining({ line: 10, message: expect.stringMatching(/^priority must be one of/) })] });
  expect(r.store.getState().steps['feature-review'].kind).not.toBe('done');

  const fixed = FEATURE_MAP.replace('title = "Request"', 'title = "Repair request"');
  writeFileSync(mapFile(), fixed);
  expect(await r.review.approveCurrent('feature-review')).toEqual({ ok: true });
  expect(checks).toEqual([FEATURE_MAP, bad, fixed]);
  expect(readFileSync(join(t.dir, approvedPath(ARTIFACTS.featureMap)), 'utf8')).toBe(fixed);
});

test('a map step 4 wrote with an error (an unresolved conflict) is not recorded as checked, and approving it is refused', async () => {
  const conflicted = `${FEATURE_MAP}<<<<<<< yours\nowner = "me"\n=======\nowner = "them"\n>>>>>>> proposal\n`;
  const r = await open(conflicted);
  await r.runStep('feature-map');
  const st = r.store.getState().steps['feature-map'];
  expect(st.kind === 'done' && st.checked).toBeFalsy();
  const res = await r.review.approveCurrent('feature-review');
  expect(res).toMatchObject({ ok: false, errors: [{ line: 14, message: expect.stringMatching(/unresolved merge conflict/) }] });
});

test("another build's check is not taken: the map is checked again", async () => {
  const bad = FEATURE_MAP.replace('priority = "high"', 'priority = "urgent"');
  writeFileSync(mapFile(), bad);
  const hash = createHash('sha256').update(bad).digest('hex');
  const journal = join(t.dir, '.odoo-project-sync', 'journal.jsonl');
  mkdirSync(join(t.dir, '.odoo-project-sync'), { recursive: true });
  writeFileSync(
    journal,
    [
      encodeLine({ type: 'step-started', step: 'feature-map', at: 1, inputs: {} }),
      encodeLine({ type: 'step-finished', step: 'feature-map', at: 2, summary: 'a map', inputs: {}, outputs: { [ARTIFACTS.featureMap]: hash }, warnings: [], checked: { build: 'an-older-build', files: { [ARTIFACTS.featureMap]: hash } } }),
    ].join(''),
  );
  const r = await open();
  expect(r.store.getState().steps['feature-map'].kind).toBe('done');
  const res = await r.review.approveCurrent('feature-review');
  expect(res).toMatchObject({ ok: false, errors: [{ line: 10 }] });
  expect(checks).toEqual([bad]);
});

test('a check that reads other files (the module map reads extract.json) is not run after its producer: extract does not load it', async () => {
  writeFileSync(join(t.dir, 'odoo-project-sync.toml'), DB_CONFIG);
  let loads = 0;
  runner = await openTestRunner(
    t.dir,
    registryWith({
      mapReview: async () => {
        loads++;
        return testSpec('map-review', 'module_model_map.toml');
      },
    }),
  );
  expect((await runner.runStep('extract')).kind).toBe('done');
  const st = runner.store.getState().steps.extract;
  expect(st.kind === 'done' && st.checked).toBeFalsy();
  expect(loads).toBe(0);
});
