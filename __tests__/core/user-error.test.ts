import { jest } from '@jest/globals';
import { OdooError } from '../../src/odoo/errors.js';
import { UserError } from '../../src/core/user-error.js';

describe('UserError across copies of its module', () => {
  it('an error made by another copy of the module is a UserError to this one, and back', async () => {
    let Other: typeof UserError | undefined;
    await jest.isolateModulesAsync(async () => {
      Other = (await import('../../src/core/user-error.js')).UserError;
    });
    expect(Other).toBeDefined();
    expect(Other).not.toBe(UserError); // really a second copy, as in the TUI bundle + engines
    const foreign = new Other!('config', 'bad plan file', { hint: 'fix it' });
    expect(foreign instanceof UserError).toBe(true);
    expect(new UserError('input', 'x') instanceof Other!).toBe(true);
  });

  it('is not fooled by other errors, and subclasses keep the ordinary check', () => {
    expect(new Error('x') instanceof UserError).toBe(false);
    expect({ code: 'config', message: 'x' } instanceof UserError).toBe(false);
    expect((null as unknown as object) instanceof UserError).toBe(false);
    const plain = new UserError('odoo', 'x');
    expect(plain instanceof OdooError).toBe(false);
    const odoo = new OdooError('access', 'denied', { server: 'http://odoo' });
    expect(odoo instanceof OdooError).toBe(true);
    expect(odoo instanceof UserError).toBe(true);
  });
});
