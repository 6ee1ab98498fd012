import http from 'node:http';
import https from 'node:https';

/** One HTTP exchange as the transports see it. */
export interface HttpResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** Keep-alive agents per connection, TLS verification on unless the user passed --insecure. */
export interface HttpAgent {
  send(req: HttpRequest): Promise<HttpResponse>;
  close(): void;
}

export function makeHttpAgent(opts: { insecure?: boolean }): HttpAgent {
  // Six: the largest burst, a no-change re-sync's four reads beside a kept session's version
  // check, goes out at once (with four, the last waited for the first answer).
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 6, rejectUnauthorized: !opts.insecure });
  return {
    send: (req) => send(req, httpAgent, httpsAgent),
    close: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

function send(req: HttpRequest, httpAgent: http.Agent, httpsAgent: https.Agent): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    if (req.signal.aborted) {
      reject(abortError());
      return;
    }
    const url = new URL(req.url);
    const secure = url.protocol === 'https:';
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string> = { 'User-Agent': 'odoo-project-sync', ...req.headers };
    if (body) headers['Content-Length'] = String(body.length);
    const options: http.RequestOptions = { method: req.method, headers, signal: req.signal, agent: secure ? httpsAgent : httpAgent };
    const request = (secure ? https : http).request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      // A body cut short closes without a complete 'end' (reject is a no-op once settled).
      res.on('close', () => {
        if (!res.complete) reject(connectionClosed());
      });
      res.on('end', () => {
        if (!res.complete) {
          reject(connectionClosed());
          return;
        }
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

function abortError(): Error {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  return e;
}

function connectionClosed(): Error {
  const e = new Error('The server closed the connection before the response was complete') as Error & { code: string };
  e.code = 'ECONNRESET';
  return e;
}
