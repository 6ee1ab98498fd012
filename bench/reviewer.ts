/**
 * Reviewer keystroke-to-frame time on the module map a real extract proposes (300 Studio models,
 * 10,000 fields in the emulator, through the extract step): from stdin.write of a key until Ink
 * writes the next frame (ink-testing-library, which renders every commit without the 30 fps
 * throttle of a real terminal). Also the cost of one validation of the whole file with the check
 * the wizard runs on module_model_map.toml (loadMapReviewSpec: extract.json loaded, every model,
 * name, depends and cycle checked), not a test fixture's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReviewDocument } from '../src/state/types.js';
import { seedStudio } from './extract.js';
import { percentile } from './stats.js';

const TARGET_MS = 50;

/** module_model_map.toml and its real review spec, from the extract step run on a seeded emulator. */
async function realMap(root: string) {
  const { startEmulator } = await import('../src/odoo/emulator/index.js');
  const { connect } = await import('../src/odoo/index.js');
  const { createArtifactStore } = await import('../src/state/artifact-store.js');
  const { extractStep } = await import('../src/steps/extract/index.js');
  const { loadMapReviewSpec } = await import('../src/steps/module-map/index.js');
  const emu = await startEmulator({ version: 17 });
  try {
    seedStudio(emu.store as unknown as Parameters<typeof seedStudio>[0]);
    const artifacts = createArtifactStore(root);
    const r = await extractStep.run({
      config: { source: 'database', addons: [], sections: {} },
      artifacts,
      signal: new AbortController().signal,
      progress: () => undefined,
      connect: () => connect({ url: emu.url, db: emu.db, user: 'admin', transport: 'xmlrpc' }, { password: emu.users.admin.password }),
      log: () => undefined,
      ask: async (q) => q.defaultValue,
      dryRun: false,
      assumeYes: false,
    });
    if (!r.ok) throw r.error;
    return { text: readFileSync(join(root, 'module_model_map.toml'), 'utf8'), spec: await loadMapReviewSpec(artifacts) };
  } finally {
    await emu.close();
  }
}

export async function run(): Promise<void> {
  // What users run: React's production build. Its development build records performance
  // tracks on every commit and is 3-8x slower here; the CLI bundle must define NODE_ENV.
  process.env.NODE_ENV ??= 'production';
  const mode = process.env.NODE_ENV === 'production' ? 'react production build' : 'react development build';
  // React is CommonJS: its default export is module.exports in Node and in the esbuild bundle alike.
  const { createElement } = (await import('react')).default;
  const { render } = await import('ink-testing-library');
  const { ReviewerView } = await import('../src/screens/reviewer/ReviewerView.js');
  const { validateDocument } = await import('../src/review/validate.js');
  const { baseState, fakeWizard } = await import('../__tests__/screens/fake-wizard.js');
  const root = mkdtempSync(join(tmpdir(), 'bench-reviewer-'));
  let map: Awaited<ReturnType<typeof realMap>>;
  try {
    map = await realMap(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const { text, spec } = map;
  const lines = text.split('\n').length.toLocaleString('en');
  const diagnostics = validateDocument(text, spec);
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error(`the proposed map does not pass its own check: ${diagnostics[0].line}: ${diagnostics[0].message}`);
  const doc: ReviewDocument = { stepId: 'map-review', file: 'module_model_map.toml', text, proposal: text, spec, approved: false };
  const w = fakeWizard(baseState(), { docs: { 'map-review': doc } });
  const r = render(createElement(ReviewerView, { doc, controller: w.controller, height: 30, onBack: () => undefined }));
  let waiting: (() => void) | undefined;
  const write = r.stdout.write;
  r.stdout.write = (frame: string) => {
    write(frame);
    waiting?.();
  };
  const frameAfter = (key: string) =>
    new Promise<number>((resolve) => {
      const t0 = performance.now();
      waiting = () => {
        waiting = undefined;
        resolve(performance.now() - t0);
      };
      r.stdin.write(key);
    });
  // Let the first validation land so it does not fall inside a sample.
  await new Promise((res) => setTimeout(res, 400));

  const sample = async (label: string, keys: string[], n: number) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await frameAfter(keys[i % keys.length]));
    const median = percentile(times, 50).toFixed(1);
    const p95 = percentile(times, 95).toFixed(1);
    console.log(`bench reviewer: ${label} keystroke-to-frame median = ${median} ms on a ${lines}-line module_model_map.toml (target < ${TARGET_MS}) [${mode}]`);
    console.log(`bench reviewer: ${label} keystroke-to-frame p95 = ${p95} ms (target < ${TARGET_MS}) [${mode}]`);
  };
  await sample('scroll (down/up/pgdn)', ['\u001B[B', '\u001B[B', '\u001B[A', '\u001B[6~'], 300);
  await sample('delete line (D)', ['D'], 100);

  const v: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    validateDocument(text, spec);
    v.push(performance.now() - t0);
  }
  console.log(`bench reviewer: module_model_map.toml check (extract.json loaded) on ${lines} lines median = ${percentile(v, 50).toFixed(1)} ms (runs after a 150 ms pause in typing)`);
  r.unmount();
  r.cleanup();
}
