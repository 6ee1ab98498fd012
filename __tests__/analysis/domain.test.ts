/** Record rule domains read with the Python parser: Odoo's prefix operators, terms, and code kept as text. */
import { readDomain } from '../../src/analysis/domain.js';
import { loadPython } from '../../src/analysis/py-parser.js';

beforeAll(() => loadPython());

test('operators and terms in order; a value that is no literal is kept as its code', () => {
  expect(readDomain(`[
      ('holiday_type', '=', 'employee'),  # a comment
      '|', ('employee_id.user_id', '!=', user.id),
           ('state', 'in', ['draft', 'confirm'])]`)).toEqual([
    { path: 'holiday_type', op: '=', value: 'employee' },
    '|',
    { path: 'employee_id.user_id', op: '!=', code: 'user.id' },
    { path: 'state', op: 'in', value: ['draft', 'confirm'] },
  ]);
});

test('(1, "=", 1) and (0, "=", 1) are always and never', () => {
  expect(readDomain("[(1, '=', 1)]")).toEqual([{ path: '', op: 'true', code: '' }]);
  expect(readDomain("[(0, '=', 1)]")).toEqual([{ path: '', op: 'false', code: '' }]);
});

test('what is no plain domain is not read: a name, a broken term, an unknown operator', () => {
  expect(readDomain('domain_from_elsewhere')).toBeUndefined();
  expect(readDomain("[('state', '=')]")).toBeUndefined();
  expect(readDomain("['^', ('a', '=', 1), ('b', '=', 2)]")).toBeUndefined();
  expect(readDomain("[('a', '=', 1)")).toBeUndefined();
  expect(readDomain('')).toBeUndefined();
});
