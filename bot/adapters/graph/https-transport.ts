// One HTTP(S) client for Graph and the identity platform: keep-alive, a per-request timeout and,
// when configured, an extra CA to trust (the local sandbox's self-signed certificate) — in-process,
// without NODE_EXTRA_CA_CERTS, which Node reads only at start.
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A failure before any HTTP status was read; `maybeDelivered` when the request had been sent. */
export class TransportError extends Error {
  constructor(
    readonly code: 'GRAPH.TIMEOUT' | 'GRAPH.CONNECTION_FAILED' | 'GRAPH.CONNECTION_RESET',
    message: string,
    readonly maybeDelivered: boolean,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface TransportOptions {
  /** PEM of an extra CA to trust (added to Node's default roots, not replacing them). */
  caPem?: string;
  timeoutMs: number;
  /** Called once per request sent (benchmarks and tests count with it). */
  onRequest?: (method: string, url: string) => void;
}

export interface Transport {
  send(method: string, url: string, headers: Record<string, string>, body?: string | Buffer): Promise<RawResponse>;
  close(): void;
}

export function createTransport(options: TransportOptions): Transport {
  const ca = options.caPem ? [...rootCertificates, options.caPem] : undefined;
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8, ...(ca ? { ca } : {}) });
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });

  function send(method: string, url: string, headers: Record<string, string>, body?: string | Buffer): Promise<RawResponse> {
    const target = new URL(url);
    const lib = target.protocol === 'https:' ? https : http;
    const agent = target.protocol === 'https:' ? httpsAgent : httpAgent;
    options.onRequest?.(method, url);
    return new Promise<RawResponse>((resolve, reject) => {
      let written = false;
      const req = lib.request(target, { method, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) }, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', () => reject(new TransportError('GRAPH.CONNECTION_RESET', `${method} response interrupted`, true)));
      });
      req.setTimeout(options.timeoutMs, () => {
        req.destroy(new TransportError('GRAPH.TIMEOUT', `${method} timed out after ${options.timeoutMs} ms`, written));
      });
      req.on('finish', () => {
        written = true;
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err instanceof TransportError) return reject(err);
        const refused = err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN';
        reject(
          refused
            ? new TransportError('GRAPH.CONNECTION_FAILED', `${method} could not connect (${err.code})`, false)
            : new TransportError('GRAPH.CONNECTION_RESET', `${method} failed (${err.code ?? err.message})`, written),
        );
      });
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  return {
    send,
    close() {
      httpsAgent.destroy();
      httpAgent.destroy();
    },
  };
}
