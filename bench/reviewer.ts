/**
 * Reviewer keystroke-to-frame time on a 10,000-line TOML: from stdin.write of a key until Ink
 * writes the next frame (ink-testing-library, which renders every commit without the 30 fps
 * throttle of a real terminal). Also the cost of one validation of the whole file.
 */
import type { ReviewDocument } from '../src/state/types.js';
import { percentile } from './stats.js';

const TARGET_MS = 50;

export function bigMap(lines: number): string {
  const out: string[] = ['# generated module map'];
  for (let i = 0; out.length < lines; i++) {
    out.push(`[module.m${i}]`, `models = ["x_model_${i}", "x_other_${i}"] # from Studio`, 'status = "keep"', '');
  }
  return out.slice(0, lines).join('\n');
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
  const { testSpec } = await import('../__tests__/review/review-spec.fixture.js');
  const text = bigMap(10_000);
  const doc: ReviewDocument = { stepId: 'map-review', file: 'module_model_map.toml', text, proposal: text, spec: testSpec, approved: false };
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
    console.log(`bench reviewer: ${label} keystroke-to-frame median = ${median} ms (target < ${TARGET_MS}) [${mode}]`);
    console.log(`bench reviewer: ${label} keystroke-to-frame p95 = ${p95} ms (target < ${TARGET_MS}) [${mode}]`);
  };
  await sample('scroll (down/up/pgdn)', ['\u001B[B', '\u001B[B', '\u001B[A', '\u001B[6~'], 300);
  await sample('delete line (D)', ['D'], 100);

  const v: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    validateDocument(text, testSpec);
    v.push(performance.now() - t0);
  }
  console.log(`bench reviewer: validate 10,000 lines median = ${percentile(v, 50).toFixed(1)} ms (runs after a 150 ms pause in typing)`);
  r.unmount();
  r.cleanup();
}
