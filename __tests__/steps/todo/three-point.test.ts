/** The three-point arithmetic: PERT, damped drivers, the complexity ceiling and the task cap. */
import { DEFAULT_ESTIMATE } from '../../../src/steps/todo/index.js';
import { complexityFactor, damp, splitByCap, sumWork, threePoint } from '../../../src/steps/todo/three-point.js';

const model = DEFAULT_ESTIMATE;

test('PERT expected value from rounded optimistic, likely and pessimistic hours', () => {
  expect(threePoint(10, 0, model)).toEqual({ optimistic: 7, likely: 10, pessimistic: 18, expected: 10.8 });
  // Small work never goes below the minimum.
  expect(threePoint(0.1, 0, model)).toEqual({ optimistic: 0.5, likely: 0.5, pessimistic: 0.5, expected: 0.5 });
});

test('a driver has diminishing returns: the 100th field costs less than the 1st, and no count is multiplied linearly', () => {
  expect(damp(1, 0.8)).toBe(1);
  expect(damp(100, 0.8) / 100).toBeLessThan(0.45);
  const ten = sumWork(0, '', [{ count: 10, name: 'fields', rate: 1 }], model).likely;
  const hundred = sumWork(0, '', [{ count: 100, name: 'fields', rate: 1 }], model).likely;
  expect(hundred / ten).toBeCloseTo(10 ** 0.8, 5);
});

test('complexity multiplies by at most complexity_cap, however tangled the code', () => {
  expect(complexityFactor(10, 10, model).factor).toBe(1);
  expect(complexityFactor(1000, 1, model).factor).toBe(model.complexity_cap);
  expect(complexityFactor(30, 10, model).factor).toBeCloseTo(1 + 0.1 * Math.log2(3), 5);
});

test('no part exceeds the cap, however large the work', () => {
  for (const likely of [1, 15, 16, 40, 1234, 98765]) {
    const { parts, each } = splitByCap(likely, 0.3, model);
    expect(each.expected).toBeLessThanOrEqual(model.task_cap);
    if (parts > 1) expect(splitByCap(likely / (parts - 1), 0.3, { ...model, task_cap: 1000 }).each.expected).toBeGreaterThan(model.task_cap * 0.9);
  }
});
