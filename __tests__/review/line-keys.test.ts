import { applyLineKeys } from '../../src/review/line-input.js';

describe('applyLineKeys: a line being edited inline', () => {
  test('a burst of backspaces then typing erases before the cursor and inserts at it', () => {
    let s = { value: '[modules.equipment]', cursor: 19 };
    s = applyLineKeys(s, '\u007f'.repeat(10), {});
    expect(s.value).toBe('[modules.');
    s = applyLineKeys(s, 'fleet]', {});
    expect(s).toMatchObject({ value: '[modules.fleet]', cursor: 15, submitted: false });
  });

  test('single backspace, arrows and insertion in the middle', () => {
    let s = applyLineKeys({ value: 'abc', cursor: 3 }, '', { leftArrow: true });
    s = applyLineKeys(s, '', { backspace: true });
    expect(s).toMatchObject({ value: 'ac', cursor: 1 });
    s = applyLineKeys(s, 'X', {});
    expect(s).toMatchObject({ value: 'aXc', cursor: 2 });
  });

  test('enter inside a burst submits what came before it', () => {
    const s = applyLineKeys({ value: 'x = ', cursor: 4 }, '1\r', {});
    expect(s).toMatchObject({ value: 'x = 1', submitted: true });
  });
});
