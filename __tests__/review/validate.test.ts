import { jest } from '@jest/globals';
import { countConflicts, nextDiagnostic, validateDocument } from '../../src/review/validate.js';
import { merge3 } from '../../src/review/merge3.js';
import { testSpec, validMap } from './review-spec.fixture.js';

describe('validateDocument', () => {
  test('a valid file has no diagnostics', () => {
    expect(validateDocument(validMap, testSpec)).toEqual([]);
  });

  test('a TOML syntax error is reported at its line and column', () => {
    const text = validMap.replace('models = []', 'models = [');
    const ds = validateDocument(text, testSpec);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 8, severity: 'error' });
    expect(ds[0].column).toBeGreaterThan(0);
    expect(ds[0].message).not.toMatch(/Invalid TOML document/);
  });

  test('an unterminated string points at the string', () => {
    const ds = validateDocument('[a]\nx = 1\ny = "abc\n', testSpec);
    expect(ds[0]).toMatchObject({ line: 3, column: 9 });
  });

  test('schema errors come from the step spec with their positions, sorted', () => {
    const text = validMap.replace('status = "keep"', 'status = "maybe"').replace('models = []\n', '');
    const ds = validateDocument(text, testSpec);
    expect(ds.map((d) => [d.line, d.column])).toEqual([
      [4, 10],
      [6, 1],
    ]);
    expect(ds[0].message).toContain('"keep" or "drop"');
  });

  test('the schema is not consulted while the syntax is broken', () => {
    const spec = { validate: jest.fn(() => []) };
    validateDocument('x = ', spec);
    expect(spec.validate).not.toHaveBeenCalled();
  });

  test('conflict markers left by a merge are errors at the opening marker', () => {
    const base = validMap;
    const merged = merge3(base, base.replace('"keep"', '"drop"'), base.replace('status = "keep"', 'status = "keep" # new'));
    expect(merged.conflicts).toBe(1);
    const ds = validateDocument(merged.text, testSpec);
    expect(ds).toHaveLength(1);
    expect(ds[0].line).toBe(merged.text.split('\n').findIndex((l) => l.startsWith('<<<<<<<')) + 1);
    expect(ds[0].message).toMatch(/merge conflict/);
    expect(countConflicts(merged.text.split('\n'))).toBe(1);
  });
});

describe('nextDiagnostic', () => {
  const ds = [3, 10, 20].map((line) => ({ line, column: 1, message: 'm', severity: 'error' as const }));
  test('moves forward and wraps around', () => {
    expect(nextDiagnostic(ds, 0, 1)?.line).toBe(3);
    expect(nextDiagnostic(ds, 2, 1)?.line).toBe(10);
    expect(nextDiagnostic(ds, 19, 1)?.line).toBe(3);
  });
  test('moves backward and wraps around', () => {
    expect(nextDiagnostic(ds, 2, -1)?.line).toBe(20);
    expect(nextDiagnostic(ds, 10, -1)?.line).toBe(10);
  });
  test('none when there are no diagnostics', () => {
    expect(nextDiagnostic([], 0, 1)).toBeUndefined();
  });
});
