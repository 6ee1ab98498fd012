import { execa } from 'execa';

/**
 * The take-over proof (scripts/prove.mjs) against a real Odoo: install the generated modules of
 * PROVE_WORKSPACE into a copy of ODOO_PROVE_DB and into a fresh database, -u, uninstall, and
 * compare. Set ODOO_BIN (e.g. "python3 /opt/odoo/odoo-bin"), optionally ODOO_CONFIG, ODOO_ADDONS_PATH,
 * ODOO_PROVE_DB and PROVE_WORKSPACE (a workspace after the generate step); PostgreSQL clients read
 * PGHOST, PGUSER, PGPASSWORD. Skipped otherwise.
 */
const env = process.env;
const configured = Boolean(env['ODOO_BIN'] && env['ODOO_ADDONS_PATH'] && env['ODOO_PROVE_DB'] && env['PROVE_WORKSPACE']);

if (!configured) {
  test.skip('take-over proof (needs ODOO_BIN, ODOO_ADDONS_PATH, ODOO_PROVE_DB, PROVE_WORKSPACE)', () => undefined);
} else {
  test('the generated modules install into a copy and a fresh database, -u changes nothing, uninstall returns to Studio', async () => {
    const r = await execa('node', [
      'scripts/prove.mjs', '--odoo-bin', env['ODOO_BIN'] as string, '--addons-path', env['ODOO_ADDONS_PATH'] as string,
      '--db', env['ODOO_PROVE_DB'] as string, ...(env['ODOO_CONFIG'] ? ['--config', env['ODOO_CONFIG']] : []), '--workspace', env['PROVE_WORKSPACE'] as string,
    ], { reject: false });
    if (r.exitCode !== 0) console.log(r.stdout, r.stderr);
    expect(r.stdout).toMatch(/PASS {2}install into a copy/);
    expect(r.exitCode).toBe(0);
  }, 3_600_000);
}
