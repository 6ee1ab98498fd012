/** A big feature map's warnings are shown at once at their keys, then at their lines. */
import { act } from 'react';
import { render, cleanup } from 'ink-testing-library';
import { App } from '../../src/app.js';
import { featureReviewSpec } from '../../src/steps/feature-map/index.js';
import { baseState, fakeWizard } from './fake-wizard.js';
import { KEY, press, waitFor } from './wait.js';

afterEach(async () => {
  await act(async () => cleanup());
});

const feature = (i: number, story: string) => `
[features.f${i}]
title = "Feature ${i}"
module = "demo"
kind = "model"

[[features.f${i}.stories]]
text = "${story}"
acceptance = []
`;

test('on a map of more than 2,000 lines the messages come first, then their lines', async () => {
  const features = Array.from({ length: 300 }, (_, i) => feature(i, i === 250 ? 'Close a request.' : `As a User, I want item ${i}, so that it is done.`));
  const text = `version = 1\n\n[modules.demo]\ntitle = "Demo"\n${features.join('')}`;
  expect(text.split('\n').length).toBeGreaterThan(2000);
  const line = text.split('\n').indexOf('text = "Close a request."') + 1;
  const w = fakeWizard(baseState({ current: 'feature-review' }, { 'feature-review': { kind: 'awaiting-review' } }), {
    docs: {
      'feature-review': { stepId: 'feature-review', file: 'feature_user_story_map.toml', text, proposal: text, spec: featureReviewSpec, approved: false },
    },
  });
  let r!: ReturnType<typeof render>;
  await act(async () => {
    r = render(<App store={w.store} controller={w.controller} noColor />);
  });
  await press(r.stdin, KEY.enter);
  const frame = () => r.lastFrame() ?? '';
  await waitFor(() => frame().includes(`${line}:1 stories read best`), 'the warning at its line', frame);
  const atKey = r.frames.findIndex((f) => f.includes('features.f250.stories[0].text: stories read best'));
  const atLine = r.frames.findIndex((f) => f.includes(`${line}:1 stories read best`));
  expect(atKey).toBeGreaterThanOrEqual(0);
  expect(atKey).toBeLessThan(atLine);
  expect(r.frames[atKey]).toContain('(finding their lines…)');
  expect(frame()).not.toContain('finding their lines');
  // n jumps to it once it is placed.
  await press(r.stdin, 'n');
  await waitFor(() => frame().includes(`line ${line}/`), 'the jump to the warning', frame);
});
