import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { handleJson2 } from './json2.js';
import { handleJsonRpc, handleWebJson } from './jsonrpc.js';
import { count, RPC_DEPRECATION, versionInfo, type Backend } from './session.js';
import type { FaultPlan } from './types.js';
import { handleXmlRpc } from './xmlrpc.js';

const HTML_404 =
  '<!DOCTYPE html>\n<html lang="en">\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' +
  '<p>The requested URL was not found on the server.</p>\n</html>\n';
const HTML_500 =
  '<!DOCTYPE html>\n<html lang="en">\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n' +
  '<p>The server encountered an internal error and was unable to complete your request.</p>\n</html>\n';
const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Odoo</title></head><body><div class="o_database_list">' +
  '<p>This database is under maintenance. Please come back later.</p></div></body></html>\n';
const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n';

/** The HTTP side: routing, fault injection, latency, request counting. */
export class EmulatorHttp {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private faults: FaultPlan | undefined;
  private succeeded = 0;
  private closed = false;

  constructor(
    private readonly backend: Backend,
    private readonly baseLatencyMs: number,
    faults: FaultPlan | undefined,
  ) {
    this.faults = faults;
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        const addr = this.server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  setFaults(plan: FaultPlan | undefined): void {
    this.faults = plan;
    this.succeeded = 0;
  }

  close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private delay(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    this.backend.stats.requests++;
    const plan = this.faults;
    await this.delay((plan?.latencyMs ?? 0) + this.baseLatencyMs);
    if (plan?.failAfter !== undefined && this.succeeded >= plan.failAfter) {
      if (plan.once) this.faults = undefined;
      const mode = plan.mode ?? 'http500';
      if (mode !== 'slow') return this.fail(mode, res);
      await this.delay(plan.slowMs ?? 30_000);
    }
    if (this.closed) return;
    this.succeeded++;
    try {
      await this.route(req, body, res);
    } catch (e) {
      // A bug in the emulator: answer like a crashed Odoo worker and keep serving.
      res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`${HTML_500}<!-- ${String((e as Error).stack ?? e).replace(/--/g, '- -')} -->`);
    }
  }

  private fail(mode: 'http500' | 'html' | 'drop' | 'proxy502', res: ServerResponse): void {
    switch (mode) {
      case 'drop':
        res.socket?.destroy();
        return;
      case 'html':
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(HTML_PAGE);
        return;
      case 'proxy502':
        res.writeHead(502, { 'Content-Type': 'text/html', Server: 'nginx/1.24.0' });
        res.end(HTML_502);
        return;
      case 'http500':
        res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(HTML_500);
        return;
    }
  }

  private async route(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const b = this.backend;
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(value));
    };
    const xmlrpc = /^\/xmlrpc\/2\/(common|object|db)$/.exec(path);
    if (b.version >= 19 && req.method === 'POST' && (xmlrpc || path === '/jsonrpc')) b.stats.warnings.push(RPC_DEPRECATION);
    if (xmlrpc && req.method === 'POST') {
      const xml = await handleXmlRpc(b, xmlrpc[1], body);
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.end(xml);
      return;
    }
    // The route is 19's (addons/rpc/controllers/__init__.py); 17 has only the JSON-RPC
    // /web/webclient/version_info, so a GET there is a 404 like any unknown page.
    if ((path === '/web/version' || path === '/json/version') && b.version >= 19) {
      count(b.stats, path);
      const info = versionInfo(b.version);
      return json(200, { version_info: info.server_version_info, version: info.server_version });
    }
    if (req.method === 'POST' && (path === '/jsonrpc' || path === '/web/database/list' || path === '/web/webclient/version_info')) {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return json(400, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      }
      return json(200, path === '/jsonrpc' ? handleJsonRpc(b, parsed) : handleWebJson(b, path, parsed));
    }
    const json2 = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(path);
    if (json2 && b.version >= 19 && req.method === 'POST') {
      const a = handleJson2(b, decodeURIComponent(json2[1]), decodeURIComponent(json2[2]), req.headers, body.toString('utf8'));
      res.writeHead(a.status, a.headers);
      res.end(a.body);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(HTML_404);
  }
}
