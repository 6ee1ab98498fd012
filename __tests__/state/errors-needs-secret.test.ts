import { OdooError } from '../../src/odoo/errors.js';
import { UserError } from '../../src/core/user-error.js';
import { toStepError } from '../../src/state/errors.js';

test('a refused login marks the step error so that a retry asks for the secret; nothing else does', () => {
  const refused = new OdooError('auth', "Odoo refused the login 'admin'", { server: 'http://odoo', hint: 'Check ODOO_PASSWORD' });
  expect(toStepError(refused, false)).toMatchObject({ message: "Odoo refused the login 'admin'", needsSecret: true });
  expect(toStepError(new OdooError('access', 'denied', { server: 'http://odoo' }), false).needsSecret).toBeUndefined();
  expect(toStepError(new UserError('config', 'bad'), false).needsSecret).toBeUndefined();
});
