import serializer from 'xmlrpc/lib/serializer.js';
import { decodeXmlRpcResponse } from '../../src/odoo/transports/xmlrpc-decode.js';

test('decodes what an XML-RPC encoder produces, nested structs and arrays included', () => {
  const value = [
    { id: 1, name: 'Tâche <urgent> & "quoted"', hours: 2.5, active: true, parent_id: false, tag_ids: [1, 2], partner: [7, 'Acme'] },
    { id: 2, name: '', nested: { a: { b: [] } } },
  ];
  expect(decodeXmlRpcResponse(serializer.serializeMethodResponse(value))).toEqual({ ok: true, value });
});

test('untyped values are strings, nil is null, empty arrays stay arrays', () => {
  const xml =
    "<?xml version='1.0'?><methodResponse><params><param><value><array><data>" +
    '<value>plain</value><value></value><value><nil/></value><value><array><data></data></array></value>' +
    '<value><i8>9007199254740</i8></value></data></array></value></param></params></methodResponse>';
  expect(decodeXmlRpcResponse(xml)).toEqual({ ok: true, value: ['plain', '', null, [], 9007199254740] });
});

test('a fault comes back as code and string', () => {
  expect(decodeXmlRpcResponse(serializer.serializeFault({ faultCode: 4, faultString: 'You are not allowed <here>' }))).toEqual({
    ok: false,
    faultCode: 4,
    faultString: 'You are not allowed <here>',
  });
});

test('an HTML page or truncated XML is not a response', () => {
  expect(decodeXmlRpcResponse('<!DOCTYPE html><html><body>Maintenance</body></html>')).toBeUndefined();
  expect(decodeXmlRpcResponse('<methodResponse><params><param><value><string>cut')).toBeUndefined();
  expect(decodeXmlRpcResponse('Bad Gateway')).toBeUndefined();
});
