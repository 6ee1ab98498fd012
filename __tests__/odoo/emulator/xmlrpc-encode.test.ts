import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { FloatValue } from '../../../src/odoo/emulator/values.js';
import { encodeMethodResponse } from '../../../src/odoo/emulator/xmlrpc-encode.js';

const require = createRequire(import.meta.url);
const serializer = require('xmlrpc/lib/serializer') as { serializeMethodResponse(v: unknown): string };
const Deserializer = require('xmlrpc/lib/deserializer') as new () => {
  deserializeMethodResponse(s: Readable, cb: (e: unknown, v: unknown) => void): void;
};

const parse = (xml: string) =>
  new Promise((resolve, reject) =>
    new Deserializer().deserializeMethodResponse(Readable.from([Buffer.from(xml)]), (e, v) => (e ? reject(e) : resolve(v))),
  );

test.each<[string, unknown]>([
  ['booleans and nil', [true, false, null]],
  ['numbers', [0, -3, 2147483647, 2.5, -0.125]],
  ['strings that need escaping', ['a & b < c > d', 'line\r\nbreak', '<p>html</p>', 'ünïcödé ✓', '']],
  ['nested records', [{ id: 1, name: 'T', project_id: [1, 'P'], tag_ids: [], child: { deep: [{ x: 'y' }] } }]],
  ['an empty struct', {}],
])('%s: same value as the xmlrpc package after a round trip', async (_name, value) => {
  const ours = await parse(encodeMethodResponse(value));
  const theirs = await parse(serializer.serializeMethodResponse(value));
  expect(ours).toEqual(theirs);
  expect(ours).toEqual(value);
});

test('an integer beyond 32 bits is refused like Python refuses it', () => {
  expect(() => encodeMethodResponse([2 ** 31])).toThrow('int exceeds XML-RPC limits');
  expect(encodeMethodResponse(2 ** 31 - 1)).toContain('<int>2147483647</int>');
});

test('float fields go out as <double> even when whole, like Python sends 15.0', () => {
  const xml = encodeMethodResponse([{ allocated_hours: new FloatValue(15), rate: new FloatValue(2.5), count: 3 }]);
  expect(xml).toContain('<double>15.0</double>');
  expect(xml).toContain('<double>2.5</double>');
  expect(xml).toContain('<int>3</int>');
  expect(JSON.stringify({ h: new FloatValue(15) })).toBe('{"h":15}');
});
