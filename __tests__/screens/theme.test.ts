import { makeTheme } from '../../src/screens/theme.js';

test('--no-color maps every colour to none; otherwise colours are set', () => {
  const names = ['accent', 'ok', 'warn', 'error', 'muted', 'table', 'key', 'string', 'number', 'comment', 'added', 'removed'] as const;
  expect(names.map((n) => makeTheme(true).colour(n))).toEqual(names.map(() => undefined));
  expect(names.every((n) => typeof makeTheme(false).colour(n) === 'string')).toBe(true);
});
