/** Files per second and time left, shown from the first second of counted work. */
import { progressRate, progressStamper } from '../../src/state/progress-rate.js';
import { progressPrinter } from '../../src/state/step-context.js';

test('the rate is in files per second and the time left follows the share done', () => {
  const p = { activity: 'reading account', done: 100, total: 500, unit: 'modules', files: 1500, since: 0 };
  expect(progressRate(p, 1000)).toBe('1,500 files/s, about 4 s left');
  expect(progressRate({ ...p, done: 10, total: 1000 }, 1000)).toBe('1,500 files/s, about 1 min 39 s left');
  expect(progressRate({ activity: 'checking', done: 3000, total: 3000, unit: 'files', since: 0 }, 500)).toBe('6,000 files/s');
});

test('with the heaviest modules handed out first, the time left follows the weighed share of the work, not the module count', () => {
  // 5 of 568 modules done, but they were a quarter of the work: about 3 s left, not 14 min.
  const p = { activity: 'reading account', done: 5, total: 568, unit: 'modules', files: 900, since: 0, work: { done: 250, total: 1000 } };
  expect(progressRate(p, 1000)).toBe('900 files/s, about 3 s left');
  expect(progressRate({ ...p, work: undefined }, 1000)).toBe('900 files/s, about 1 min 53 s left');
});

test('nothing is claimed in the first quarter second or without a unit', () => {
  expect(progressRate({ activity: 'x', done: 5, total: 10, unit: 'files', since: 0 }, 100)).toBeUndefined();
  expect(progressRate({ activity: 'x', done: 5, total: 10 }, 5000)).toBeUndefined();
});

test('the stamper starts a new count when the unit changes and keeps the last report', () => {
  let now = 0;
  const stamp = progressStamper(() => now);
  expect(stamp({ activity: 'checking', done: 1, total: 3, unit: 'files' })?.since).toBe(0);
  now = 50;
  expect(stamp({ activity: 'checking', done: 2, total: 3, unit: 'files' })).toBeUndefined();
  expect(stamp({ activity: 'checking', done: 3, total: 3, unit: 'files' })).toMatchObject({ done: 3 });
  now = 60;
  expect(stamp({ activity: 'reading a', done: 1, total: 9, unit: 'modules' })?.since).toBe(60);
});

test('headless lines carry the rate, at most one a second per count', () => {
  const lines: string[] = [];
  let now = 0;
  const print = progressPrinter((l) => lines.push(l), () => now);
  print('feature-map', { activity: 'reading a', done: 1, total: 4, unit: 'modules', files: 10, since: 0 });
  now = 600;
  print('feature-map', { activity: 'reading b', done: 2, total: 4, unit: 'modules', files: 30, since: 0 });
  now = 1200;
  print('feature-map', { activity: 'reading c', done: 3, total: 4, unit: 'modules', files: 60, since: 0 });
  expect(lines).toEqual(['[feature-map] reading a 1/4 modules', '[feature-map] reading c 3/4 modules (50 files/s, about 1 s left)']);
});
