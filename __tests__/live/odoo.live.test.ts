import { describeClientCases } from '../odoo/cases.js';

/**
 * The emulator cases against a real Odoo. Set ODOO_URL, ODOO_DB, ODOO_USER and ODOO_PASSWORD or
 * ODOO_API_KEY (optional: ODOO_TRANSPORT, ODOO_INSECURE=1, and ODOO_RESTRICTED_USER +
 * ODOO_RESTRICTED_PASSWORD for a user without project rights). Records made here are unlinked.
 */
const env = process.env;
const configured = Boolean(env['ODOO_URL'] && env['ODOO_DB'] && env['ODOO_USER'] && (env['ODOO_PASSWORD'] || env['ODOO_API_KEY']));

if (!configured) {
  console.log('live Odoo suite skipped: set ODOO_URL, ODOO_DB, ODOO_USER and ODOO_PASSWORD or ODOO_API_KEY to run it');
  test.skip('live Odoo suite (needs ODOO_URL, ODOO_DB, ODOO_USER, ODOO_PASSWORD or ODOO_API_KEY)', () => undefined);
} else {
  const transport = env['ODOO_TRANSPORT'];
  describeClientCases(`live ${env['ODOO_URL']}`, () =>
    Promise.resolve({
      profile: {
        url: env['ODOO_URL'] as string,
        db: env['ODOO_DB'],
        user: env['ODOO_USER'] as string,
        transport: transport === 'xmlrpc' || transport === 'json2' ? transport : 'auto',
        insecure: env['ODOO_INSECURE'] === '1',
      },
      secret: { password: env['ODOO_PASSWORD'] || undefined, apiKey: env['ODOO_API_KEY'] || undefined },
      restricted:
        env['ODOO_RESTRICTED_USER'] && env['ODOO_RESTRICTED_PASSWORD']
          ? { login: env['ODOO_RESTRICTED_USER'], secret: { password: env['ODOO_RESTRICTED_PASSWORD'] } }
          : undefined,
    }),
  );
}
