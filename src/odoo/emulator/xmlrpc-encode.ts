/**
 * XML-RPC response writer. The xmlrpc package's serializer (xmlbuilder) needs ~1.5 s for 2,000
 * task rows, which would make the emulator the bottleneck of every bench; this writer produces
 * the same documents (checked against the package in __tests__/odoo/emulator/xmlrpc-encode.test.ts)
 * in a few milliseconds. Requests are still parsed by the package's deserializer.
 */
import { OdooFault } from './faults.js';
import { FloatValue } from './values.js';

const INT_MAX = 2 ** 31 - 1;
const SPECIAL = /[&<>\r]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };

function escapeText(s: string): string {
  return SPECIAL.test(s) ? s.replace(/[&<>\r]/g, (c) => ESCAPES[c]) : s;
}

function encodeValue(v: unknown): string {
  switch (typeof v) {
    case 'boolean':
      return v ? '<value><boolean>1</boolean></value>' : '<value><boolean>0</boolean></value>';
    case 'string':
      return `<value><string>${escapeText(v)}</string></value>`;
    case 'number':
      if (!Number.isInteger(v)) return `<value><double>${v}</double></value>`;
      // Python's marshaller refuses these; Odoo answers with a fault (ODOO.md).
      if (v > INT_MAX || v < -INT_MAX - 1) throw new OdooFault('overflow', 'int exceeds XML-RPC limits');
      return `<value><int>${v}</int></value>`;
    case 'object': {
      if (v === null) return '<value><nil/></value>';
      if (v instanceof FloatValue) return `<value><double>${Number.isInteger(v.value) ? v.value.toFixed(1) : v.value}</double></value>`;
      let out: string;
      if (Array.isArray(v)) {
        out = '<value><array><data>';
        for (const x of v) out += encodeValue(x);
        return `${out}</data></array></value>`;
      }
      out = '<value><struct>';
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) out += `<member><name>${escapeText(k)}</name>${encodeValue(x)}</member>`;
      }
      return `${out}</struct></value>`;
    }
    default:
      // undefined never reaches Odoo's wire: send False
      return '<value><boolean>0</boolean></value>';
  }
}

/** A methodResponse document carrying `value`, laid out like Python's xmlrpc.client. */
export function encodeMethodResponse(value: unknown): string {
  return `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n${encodeValue(value)}\n</param>\n</params>\n</methodResponse>\n`;
}
