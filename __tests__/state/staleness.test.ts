import { initialState, reduce } from '../../src/state/reducer.js';
import { findStale } from '../../src/state/staleness.js';
import { STEP_IDS, type StepId } from '../../src/steps/types.js';

const done = (step: StepId, inputs: Record<string, string>) => ({ type: 'step-finished' as const, step, at: 1, summary: '', inputs, outputs: {}, warnings: [] });

describe('stale propagation by hash', () => {
  const s = [
    done('extract', {}),
    done('map-review', { 'map.toml': 'm1' }),
    done('generate', { 'extract.json': 'e1', 'map.toml': 'm1' }),
    done('feature-map', { modules: 'd1' }),
  ].reduce(reduce, initialState());

  test('nothing is stale while every recorded hash matches', () => {
    expect(findStale(STEP_IDS, s.steps, { 'map.toml': 'm1', 'extract.json': 'e1', modules: 'd1' })).toEqual([]);
  });

  test('a changed input marks its consumers and every later finished step, not earlier ones', () => {
    const out = findStale(STEP_IDS, s.steps, { 'map.toml': 'm2', 'extract.json': 'e1', modules: 'd1' }, (id) => id === 'map-review');
    expect(out).toEqual([
      { step: 'map-review', reason: 'map.toml changed since it was approved' },
      { step: 'generate', reason: 'map.toml changed since this step ran' },
      { step: 'feature-map', reason: 'an earlier step (map-review) is out of date' },
    ]);
  });

  test('a deleted input counts as changed', () => {
    expect(findStale(STEP_IDS, s.steps, { 'map.toml': 'm1', 'extract.json': 'e1' }).map((f) => f.step)).toEqual(['feature-map']);
  });
});
