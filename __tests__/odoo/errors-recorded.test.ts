import { OdooError } from '../../src/odoo/errors.js';
import type { OdooErrorKind } from '../../src/odoo/types.js';
import { ctxFor, loadCases, replay } from './replay.js';

type Expect = { ok: unknown } | { kind: OdooErrorKind; message: RegExp; odooField?: string; model?: string };

const common: Record<string, Expect> = {
  wrong_password_authenticate: { kind: 'auth', message: /^Odoo refused the login 'admin' on database 'o1\d' with the password: the login or the password is wrong\.$/ },
  wrong_password_execute_kw: { kind: 'auth', message: /refused the login 'admin'/ },
  unknown_model: { kind: 'unknown-model', message: /^Odoo has no model 'x_no_such_model'/, model: 'x_no_such_model' },
  unknown_method: { kind: 'not-found', message: /^Odoo has no public method 'no_such_method' on model 'res.partner'\.$/ },
  unknown_field_in_create: { kind: 'unknown-field', message: /^Odoo has no field 'x_no_such_field' on model 'project.task'\.$/, odooField: 'x_no_such_field' },
  missing_required_field_create: { kind: 'missing-required', message: /required field 'name' \(Name\) on Project \(project.project\)/, odooField: 'name', model: 'project.project' },
  missing_required_custom_field_create: { kind: 'missing-required', message: /required field 'x_name' \(Description\) on Equipment \(x_equipment\)/, odooField: 'x_name', model: 'x_equipment' },
  access_error_write_project: { kind: 'access', message: /^Odoo denied 'admin' access to project.project: You are not allowed to modify 'Project'/, model: 'project.project' },
  write_on_deleted_id: { ok: true },
  read_on_deleted_id: { ok: [] },
  unlink_on_deleted_id: { ok: true },
  copy_on_deleted_id: { kind: 'not-found', message: /^project.tags record (9|22|23) no longer exists in Odoo \(project.tags.copy\)\.$/, model: 'project.tags' },
};

const deletedTaskWriteFails: Expect = { kind: 'not-found', message: /^project.task record 74 no longer exists in Odoo \(project.task.write\)\.$/, model: 'project.task' };

const suites: { file: string; transport: 'xmlrpc' | 'jsonrpc' | 'json2'; expect: Record<string, Expect> }[] = [
  { file: '17.0/errors.xmlrpc.json', transport: 'xmlrpc', expect: { ...common, write_on_deleted_task_id: { ok: true } } },
  { file: '17.0/errors.jsonrpc.json', transport: 'jsonrpc', expect: common },
  { file: '19.0/errors.xmlrpc.json', transport: 'xmlrpc', expect: { ...common, write_on_deleted_task_id: deletedTaskWriteFails } },
  { file: '19.0/errors.jsonrpc.json', transport: 'jsonrpc', expect: common },
  {
    file: '19.0-json2/errors.json2.json',
    transport: 'json2',
    expect: {
      ...common,
      wrong_api_key: { kind: 'auth', message: /^Odoo refused the API key of 'admin' on database 'o19': the key is wrong, revoked or expired\.$/ },
      missing_authorization_header: { kind: 'auth', message: /refused the API key/ },
      bad_argument_name: { kind: 'validation', message: /^Odoo rejected res.partner.search: missing a required argument: 'domain'$/ },
      write_on_deleted_task_id: deletedTaskWriteFails,
    },
  },
];

describe.each(suites)('recorded $file', ({ file, transport, expect: expected }) => {
  const cases = Object.entries(loadCases(file));
  const ctx = ctxFor({ db: file.startsWith('17') ? 'o17' : 'o19', transport: transport === 'json2' ? 'json2' : 'xmlrpc', usesApiKey: transport === 'json2' });

  test.each(cases)('%s', async (name, c) => {
    const want = expected[name];
    if (!want) throw new Error(`no expectation for recorded case ${name}`);
    const outcome = await replay(transport, c, ctx).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if ('ok' in want) {
      expect(outcome).toEqual({ value: want.ok });
      return;
    }
    expect('error' in outcome).toBe(true);
    const e = (outcome as { error: unknown }).error;
    expect(e).toBeInstanceOf(OdooError);
    const oe = e as OdooError;
    expect(oe.kind).toBe(want.kind);
    expect(oe.message).toMatch(want.message);
    // Readable: one line, no traceback; the traceback is kept for --debug.
    expect(oe.message).not.toMatch(/Traceback|\n|File "/);
    expect(oe.hint).toBeTruthy();
    expect(oe.code).toBe('odoo');
    expect(oe.where?.field).toContain('http://odoo.test');
    if (want.odooField) expect(oe.odooField).toBe(want.odooField);
    if (want.model) expect(oe.model).toBe(want.model);
  });
});

test('the server traceback is kept in detail only with --debug', async () => {
  const c = loadCases('19.0/errors.xmlrpc.json')['unknown_field_in_create'];
  if (!c) throw new Error('recording missing');
  const plain = (await replay('xmlrpc', c, ctxFor()).catch((e: unknown) => e)) as OdooError;
  const debug = (await replay('xmlrpc', c, ctxFor({ debug: true })).catch((e: unknown) => e)) as OdooError;
  expect(plain.detail).toBe("ValueError: Invalid field 'x_no_such_field' in 'project.task'");
  expect(debug.detail).toMatch(/^Traceback \(most recent call last\):/m);
  expect(debug.detail).toMatch(/<odoo-19-root>/);
});
