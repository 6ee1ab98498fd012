import { chooseDatabase } from '../../src/odoo/connect.js';
import { makeScrubber } from '../../src/odoo/secrets.js';
import { namedArguments } from '../../src/odoo/transports/json2-args.js';
import { isOdooOnline, normalizeUrl, odooOnlineDb } from '../../src/odoo/url.js';

test.each([
  ['mycompany.odoo.com', 'https://mycompany.odoo.com'],
  ['https://mycompany.odoo.com/', 'https://mycompany.odoo.com'],
  ['https://mycompany.odoo.com/odoo/action-123', 'https://mycompany.odoo.com'],
  ['https://erp.example.com/web#action=12', 'https://erp.example.com'],
  ['localhost:8069', 'http://localhost:8069'],
  ['http://127.0.0.1:8069///', 'http://127.0.0.1:8069'],
  ['https://example.com/odoo-prefix/', 'https://example.com/odoo-prefix'],
])('normalizeUrl(%s) = %s', (input, out) => {
  expect(normalizeUrl(input)).toBe(out);
});

test('not a URL at all', () => {
  expect(normalizeUrl('')).toBeUndefined();
  expect(normalizeUrl('ftp://x.example')).toBeUndefined();
});

test('Odoo Online hosts name their database', () => {
  expect(isOdooOnline('https://acme.odoo.com')).toBe(true);
  expect(odooOnlineDb('https://acme.odoo.com')).toBe('acme');
  expect(odooOnlineDb('https://www.odoo.com')).toBeUndefined();
  expect(isOdooOnline('https://odoo.acme.com')).toBe(false);
});

test('the scrubber masks long passwords and API keys wherever they appear, whole tokens only', () => {
  const scrub = makeScrubber({ password: 'hunter2-long', apiKey: 'abcdef0123456789' });
  expect(scrub('auth hunter2-long and abcdef0123456789!')).toBe('auth [secret] and [secret]');
  expect(scrub('<string>hunter2-long</string> x')).toBe('[secret] x');
  expect(makeScrubber({})('unchanged')).toBe('unchanged');
});

test('JSON-2 names positional arguments: ids first for record methods', () => {
  expect(namedArguments('write', [[1, 2], { name: 'x' }], {})).toEqual({ ids: [1, 2], vals: { name: 'x' } });
  expect(namedArguments('search_read', [[['a', '=', 1]]], { fields: ['name'], limit: 5 })).toEqual({ domain: [['a', '=', 1]], fields: ['name'], limit: 5 });
  expect(namedArguments('create', [[{ name: 'a' }]], {})).toEqual({ vals_list: [{ name: 'a' }] });
  expect(namedArguments('action_done', [[7]], { context: { a: 1 } })).toEqual({ ids: [7], context: { a: 1 } });
  expect(() => namedArguments('mystery', ['x', 'y'], {})).toThrow(/keyword arguments/);
});

describe('chooseDatabase', () => {
  test('the only listed database is used', () => {
    expect(chooseDatabase(['o17'], 'http://localhost:8069', 'xmlrpc')).toEqual({ ok: true, value: 'o17' });
  });
  test('Odoo Online uses the database named after the subdomain, listed or not', () => {
    expect(chooseDatabase(['acme', 'acme-staging'], 'https://acme.odoo.com', 'xmlrpc')).toEqual({ ok: true, value: 'acme' });
    expect(chooseDatabase(undefined, 'https://acme.odoo.com', 'xmlrpc')).toEqual({ ok: true, value: 'acme' });
  });
  test('several databases or none listed: ask for --db, naming the choices', () => {
    const many = chooseDatabase(['a', 'b'], 'http://erp.local', 'xmlrpc');
    expect(many.ok).toBe(false);
    if (!many.ok) {
      expect(many.error.message).toBe('http://erp.local has 2 databases (a, b); which one?');
      expect(many.error.where?.field).toBe('connection.db');
    }
    const none = chooseDatabase(undefined, 'http://erp.local', 'xmlrpc');
    expect(none.ok || none.error.hint).toMatch(/--db/);
  });
  test('JSON-2 can go without a database name (the server picks by dbfilter)', () => {
    expect(chooseDatabase(undefined, 'http://erp.local', 'json2')).toEqual({ ok: true, value: '' });
  });
});
