import { connect, OdooError } from '../../src/odoo/index.js';
import { deadPort, selfSignedCert, startServer, type TestServer, xmlVersion } from './servers.js';

const secret = { password: 'pw-network-test' };
const fast = { retries: 1, retryDelayMs: 1, timeoutMs: 5000 };

async function failure(p: Promise<unknown>): Promise<OdooError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(OdooError);
  return e as OdooError;
}

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const s = await startServer(...args);
  servers.push(s);
  return s;
}

test('a dead port says nothing answers and to check the URL and that Odoo runs', async () => {
  const port = await deadPort();
  const e = await failure(connect({ url: `http://127.0.0.1:${port}`, user: 'admin', db: 'x' }, secret, fast));
  expect(e.kind).toBe('network');
  expect(e.message).toBe(`Nothing answers at http://127.0.0.1:${port} (connection refused).`);
  expect(e.hint).toMatch(/Odoo server is running/);
});

test('an unknown host says the DNS lookup failed', async () => {
  const e = await failure(connect({ url: 'http://no-such-host.invalid', user: 'admin', db: 'x' }, secret, fast));
  expect(e.kind).toBe('network');
  expect(e.message).toMatch(/host 'no-such-host.invalid' could not be found/);
});

test('a web server that is not Odoo is named as such', async () => {
  const s = await serve((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body>hi</body></html>');
  });
  const e = await failure(connect({ url: s.url, user: 'admin', db: 'x' }, secret, fast));
  expect(e.kind).toBe('not-odoo');
  expect(e.message).toMatch(/Welcome to nginx!.*does not look like Odoo/);
  expect(e.hint).toMatch(/address you open Odoo with/);
});

test('a server answering 404 everywhere is not Odoo (or not its root URL)', async () => {
  const s = await serve((_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('nope');
  });
  const e = await failure(connect({ url: s.url, user: 'admin', db: 'x' }, secret, fast));
  expect(e.kind).toBe('not-odoo');
  expect(e.message).toMatch(/answered 404/);
});

test("a proxy's 502 says Odoo is down behind it, after bounded retries", async () => {
  const s = await serve((_req, res) => {
    res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>');
  });
  const e = await failure(connect({ url: s.url, user: 'admin', db: 'x' }, secret, fast));
  expect(e.kind).toBe('server');
  expect(e.message).toMatch(/^A proxy in front of Odoo answered 502 \(502 Bad Gateway\): Odoo is down/);
  expect(e.transient).toBe(true);
  // version over XML-RPC (1 + 1 retry), then GET /web/version (1 + 1 retry): bounded.
  expect(s.requests).toHaveLength(4);
});

test('an HTML error page from Odoo gives its own plain message', async () => {
  const s = await serve((req, res) => {
    if (req.url === '/xmlrpc/2/common' && s.requests.length === 1) {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(xmlVersion(17));
      return;
    }
    res.writeHead(500, { 'Content-Type': 'text/html' });
    res.end('<html><head><title>500: Internal Server Error</title></head><body>oops</body></html>');
  });
  const e = await failure(connect({ url: s.url, user: 'admin', db: 'x' }, secret, { ...fast, debug: true }));
  expect(e.kind).toBe('server');
  expect(e.message).toMatch(/answered authenticate with an error page \(HTTP 500: 500: Internal Server Error\)/);
  expect(e.detail).toMatch(/oops/);
});

test('an answer cut off halfway is a dropped connection, not garbage data', async () => {
  const s = await serve((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': '5000' });
    res.write("<?xml version='1.0'?><methodResponse><params><param><value><struct>");
    setImmediate(() => res.socket?.destroy());
  });
  const e = await failure(connect({ url: s.url, user: 'admin', db: 'x' }, secret, fast));
  expect(e.kind).toBe('network');
  expect(e.message).toBe(`The connection to ${s.url} was closed before Odoo answered version.`);
  expect(s.requests).toHaveLength(2);
});

test('a server that accepts and never answers: waits are reported, one deadline ends it, the hint names timeout_ms', async () => {
  const s = await serve(() => undefined);
  const waits: string[] = [];
  // Retries allowed: a silent server must not get them (they were 3 x 60 s of silence).
  const e = await failure(
    connect({ url: s.url, user: 'admin', db: 'x' }, secret, { retries: 2, retryDelayMs: 1, timeoutMs: 1500, waitTickMs: 200, onWait: (w) => waits.push(`${w.what} ${w.timeoutMs}`) }),
  );
  expect(e.kind).toBe('timeout');
  expect(e.message).toBe(`${s.url} accepted the connection but sent no answer within 1.5 s: the server is stuck, overloaded, or not an Odoo (nor any web server) on this port.`);
  expect(e.hint).toMatch(/raise timeout_ms in the \[connection\] table \(now 1500\)/);
  expect(e.hint).not.toMatch(/timeoutMs/);
  // One try: the deadline is the whole wait, not a per-try limit.
  expect(s.requests.length).toBeLessThanOrEqual(1);
  expect(waits.length).toBeGreaterThanOrEqual(1);
  expect(waits[0]).toBe('version 1500');
});

test('python3 -m http.server (501 for a POST) is "not Odoo", not an Odoo error page', async () => {
  const page =
    '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n' +
    "    <body>\n        <h1>Error response</h1>\n        <p>Error code: 501</p>\n        <p>Message: Unsupported method ('POST').</p>\n" +
    '        <p>Error code explanation: 501 - Server does not support this operation.</p>\n    </body>\n</html>\n';
  const s = await serve((req, res) => {
    if (req.method === 'POST') {
      res.writeHead(501, { 'Content-Type': 'text/html;charset=utf-8', Server: 'SimpleHTTP/0.6 Python/3.12.3' });
      res.end(page);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/html;charset=utf-8' });
    res.end('<html><title>Error response</title><p>Error code: 404</p></html>');
  });
  const e = await failure(connect({ url: s.url, user: 'admin', db: 'x' }, { password: 'a-long-password' }, fast));
  expect(e.kind).toBe('not-odoo');
  expect(e.message).toBe(`${s.url} is not Odoo: it answered /xmlrpc/2/common with HTTP 501 (Error response), as a plain web server does; Odoo accepts these requests.`);
  expect(e.message).not.toMatch(/Odoo answered|error page/);
  expect(e.hint).toMatch(/port 8069/);
});

test('cancelling before connecting gives a cancelled error and sends nothing', async () => {
  const s = await serve((_req, res) => res.end());
  const ac = new AbortController();
  ac.abort();
  const e = await failure(connect({ url: s.url, user: 'admin', db: 'x' }, secret, { signal: ac.signal }));
  expect(e.kind).toBe('cancelled');
  expect(s.requests).toHaveLength(0);
});

describe('TLS', () => {
  let cert: { key: string; cert: string } | undefined;
  beforeAll(async () => {
    cert = await selfSignedCert();
    if (!cert) console.log('openssl is missing: TLS tests skipped');
  });

  test('a self-signed certificate is refused, saying to fix it or pass --insecure', async () => {
    if (!cert) return;
    const s = await serve((_req, res) => {
      res.writeHead(404);
      res.end();
    }, cert);
    const e = await failure(connect({ url: s.url, user: 'admin', db: 'x' }, secret, fast));
    expect(e.kind).toBe('tls');
    expect(e.message).toBe(`The HTTPS connection to ${s.url} is not trusted: its certificate is self-signed.`);
    expect(e.hint).toMatch(/--insecure/);
    expect(s.requests).toHaveLength(0);
  });

  test('with insecure the same server is reached (and found not to be Odoo)', async () => {
    if (!cert) return;
    const s = await serve((_req, res) => {
      res.writeHead(404);
      res.end();
    }, cert);
    const e = await failure(connect({ url: s.url, user: 'admin', db: 'x', insecure: true }, secret, fast));
    expect(e.kind).toBe('not-odoo');
    expect(s.requests.length).toBeGreaterThan(0);
  });

  test('https spoken to a plain http port says so', async () => {
    const s = await serve((_req, res) => res.end());
    const e = await failure(connect({ url: s.url.replace('http:', 'https:'), user: 'admin', db: 'x' }, secret, fast));
    expect(e.kind).toBe('tls');
    expect(e.message).toMatch(/does not speak HTTPS on this port/);
  });
});
