// A Bot Framework connector on loopback: records what the bot sends (replies, updates) and the
// Authorization header it sent them with.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface ConnectorStub {
  url: string;
  calls: RecordedCall[];
  /** Resolves once `count` calls have been recorded. */
  waitFor(count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

export async function startConnectorStub(): Promise<ConnectorStub> {
  const calls: RecordedCall[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      calls.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
      n += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${n}` }));
      for (const w of waiters.filter((w) => calls.length >= w.count)) w.resolve();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    waitFor(count, timeoutMs = 5000) {
      if (calls.length >= count) return Promise.resolve(calls.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`connector stub: ${calls.length} of ${count} calls after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(calls.slice()); } });
      });
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
