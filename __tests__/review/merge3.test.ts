import { merge3 } from '../../src/review/merge3.js';

describe('merge3', () => {
  const base = ['[a]', 'x = 1', '', '[b]', 'y = 2', '', '[c]', 'z = 3'].join('\n');

  test('keeps the user edit and takes the new proposal when they touch different lines', () => {
    const user = base.replace('x = 1', 'x = 10');
    const proposal = base.replace('z = 3', 'z = 30');
    const r = merge3(base, user, proposal);
    expect(r.conflicts).toBe(0);
    expect(r.text).toContain('x = 10');
    expect(r.text).toContain('z = 30');
  });

  test('leaves a conflict marked when both change the same line', () => {
    const r = merge3(base, base.replace('y = 2', 'y = 5'), base.replace('y = 2', 'y = 7'));
    expect(r.conflicts).toBe(1);
    expect(r.text).toMatch(/<<<<<<< your edits\ny = 5\n=======\ny = 7\n>>>>>>> new proposal/);
  });
});
