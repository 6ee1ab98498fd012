/**
 * Step 4 says when the map is written; its check then runs on a worker thread while the step
 * finishes. What the check finds must be what the same check finds on the calling thread, and a
 * check of bytes that changed afterwards must not be taken.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { ok } from '../../src/core/result.js';
import type { Runner } from '../../src/state/runner.js';
import { ARTIFACTS, type StepEngine } from '../../src/steps/types.js';
import { approvedPath } from '../../src/state/paths.js';
import { countingFeatureSpec, FEATURE_MAP, openTestRunner, registryWith, SOURCE_CONFIG, tempDir } from './helpers.js';

const BAD = FEATURE_MAP.replace('priority = "high"', 'priority = "urgent"');

test('on a worker thread the check finds what it finds on the calling thread', async () => {
  const script = `
    const { errorsOffThread } = await import(${JSON.stringify(join(process.cwd(), 'src/state/early-check.ts'))});
    const r = await Promise.all([errorsOffThread('feature-review', ${JSON.stringify(FEATURE_MAP)}), errorsOffThread('feature-review', ${JSON.stringify(BAD)}), errorsOffThread('map-review', 'x = 1')]);
    process.stdout.write(JSON.stringify(r));`;
  const child = await execa('node', ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), timeout: 60_000 });
  // map-review's check needs more than the text: not run there (null in JSON), the caller checks.
  expect(JSON.parse(child.stdout)).toEqual([0, 1, null]);
}, 90_000);

describe('a map announced as written while step 4 goes on', () => {
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
  const countingSpec = countingFeatureSpec((text) => checks.push(text));
  /** Writes `first`, says so, then (a step that changed its mind) writes `last`. */
  const writes = (first: string, last = first): StepEngine => ({
    id: 'feature-map',
    inputs: [],
    async run(ctx) {
      await ctx.artifacts.write(ARTIFACTS.featureMap, first);
      ctx.wrote?.(ARTIFACTS.featureMap);
      return ok({ summary: 'a map', outputs: { [ARTIFACTS.featureMap]: await ctx.artifacts.write(ARTIFACTS.featureMap, last) }, warnings: [] });
    },
  });

  test('is recorded as checked and approving those bytes takes the check', async () => {
    runner = await openTestRunner(t.dir, registryWith({ featureMap: writes(FEATURE_MAP), featureReview: countingSpec }));
    expect((await runner.runStep('feature-map')).kind).toBe('done');
    const st = runner.store.getState().steps['feature-map'];
    expect(st.kind === 'done' && st.checked?.files).toEqual({ [ARTIFACTS.featureMap]: expect.any(String) });
    const before = checks.length;
    expect(await runner.review.approveCurrent('feature-review')).toEqual({ ok: true });
    expect(checks).toHaveLength(before);
    expect(readFileSync(join(t.dir, approvedPath(ARTIFACTS.featureMap)), 'utf8')).toBe(FEATURE_MAP);
  });

  /** Says what it is about to write (`announced`), then writes `last`. */
  const announces = (announced: string, last = announced): StepEngine => ({
    id: 'feature-map',
    inputs: [],
    async run(ctx) {
      ctx.wrote?.(ARTIFACTS.featureMap, announced);
      return ok({ summary: 'a map', outputs: { [ARTIFACTS.featureMap]: await ctx.artifacts.write(ARTIFACTS.featureMap, last) }, warnings: [] });
    },
  });

  test('announced with its text before the write, then written as announced: recorded as checked, approved without a second check', async () => {
    runner = await openTestRunner(t.dir, registryWith({ featureMap: announces(FEATURE_MAP), featureReview: countingSpec }));
    expect((await runner.runStep('feature-map')).kind).toBe('done');
    const st = runner.store.getState().steps['feature-map'];
    expect(st.kind === 'done' && st.checked?.files).toEqual({ [ARTIFACTS.featureMap]: expect.any(String) });
    const before = checks.length;
    expect(await runner.review.approveCurrent('feature-review')).toEqual({ ok: true });
    expect(checks).toHaveLength(before);
  });

  test('announced fine, then other bytes written (a merge with the user\'s edits): the announced check is not taken', async () => {
    runner = await openTestRunner(t.dir, registryWith({ featureMap: announces(FEATURE_MAP, BAD), featureReview: countingSpec }));
    await runner.runStep('feature-map');
    const st = runner.store.getState().steps['feature-map'];
    expect(st.kind === 'done' && st.checked).toBeFalsy();
    expect(await runner.review.approveCurrent('feature-review')).toMatchObject({ ok: false, errors: [{ line: 10 }] });
  });

  test('announced with an error, then the fixed text written: recorded as checked from the written bytes', async () => {
    runner = await openTestRunner(t.dir, registryWith({ featureMap: announces(BAD, FEATURE_MAP), featureReview: countingSpec }));
    await runner.runStep('feature-map');
    const st = runner.store.getState().steps['feature-map'];
    expect(st.kind === 'done' && st.checked?.files).toEqual({ [ARTIFACTS.featureMap]: expect.any(String) });
  });

  test('with an error, then rewritten: the final bytes are what is checked', async () => {
    runner = await openTestRunner(t.dir, registryWith({ featureMap: writes(BAD, FEATURE_MAP), featureReview: countingSpec }));
    await runner.runStep('feature-map');
    const st = runner.store.getState().steps['feature-map'];
    expect(st.kind === 'done' && st.checked?.files).toBeTruthy();
    expect(await runner.review.approveCurrent('feature-review')).toEqual({ ok: true });
    expect(checks.at(-1)).toBe(FEATURE_MAP);
  });

  test('fine, then rewritten with an error: not recorded as checked, and approving it is refused at its line', async () => {
    runner = await openTestRunner(t.dir, registryWith({ featureMap: writes(FEATURE_MAP, BAD), featureReview: countingSpec }));
    await runner.runStep('feature-map');
    const st = runner.store.getState().steps['feature-map'];
    expect(st.kind === 'done' && st.checked).toBeFalsy();
    expect(await runner.review.approveCurrent('feature-review')).toMatchObject({ ok: false, errors: [{ line: 10 }] });
  });
});
