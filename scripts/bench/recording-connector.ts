// A Bot Framework connector stand-in that records what the bot sends, with the arrival time, for
// the meeting demo and `npm run bench:alerts`: a card to the chair's 1:1 chat
// (`POST {serviceUrl}/v3/conversations/{id}/activities`), a card replaced (`PUT …/{activityId}`),
// a new 1:1 conversation (`POST /v3/conversations`) and a targeted in-meeting notification
// (`POST /v1/meetings/{meetingId}/notification`). Every send is answered as the real connector
// answers it (200 with a resource id; 202 for a notification). `GET /_received?since=N` lists the
// sends from the N-th on (JSON), so another process can read them.
//
// In-process: startRecordingConnector(). As a child process (the benchmark's, so that its work is
// not counted in the bot's CPU): `tsx scripts/bench/recording-connector.ts` prints `READY <url>`.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSend {
  /** Epoch ms when the request's body had fully arrived. */
  at: number;
  method: string;
  path: string;
  /** The conversation the send is for (…/conversations/{id}/…), or the meeting for a notification. */
  conversationId?: string;
  meetingId?: string;
  kind: 'activity' | 'update' | 'conversation' | 'meeting-notification' | 'other';
  body: unknown;
}

export interface RecordingConnector {
  /** The service URL to put in activities (no trailing slash). */
  url: string;
  received(): ReceivedSend[];
  stop(): Promise<void>;
}

const CONVERSATION = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const NOTIFICATION = /^\/v1\/meetings\/([^/]+)\/notification$/;

function classify(method: string, path: string): Pick<ReceivedSend, 'kind' | 'conversationId' | 'meetingId'> {
  const conversation = CONVERSATION.exec(path);
  if (conversation) {
    const conversationId = decodeURIComponent(conversation[1]!);
    return { kind: method === 'PUT' ? 'update' : 'activity', conversationId };
  }
  if (method === 'POST' && path === '/v3/conversations') return { kind: 'conversation' };
  const notification = NOTIFICATION.exec(path);
  if (notification) return { kind: 'meeting-notification', meetingId: decodeURIComponent(notification[1]!) };
  return { kind: 'other' };
}

export async function startRecordingConnector(port = 0): Promise<RecordingConnector> {
  const sends: ReceivedSend[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/_received') {
      const since = Number(url.searchParams.get('since') ?? 0);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(sends.slice(Number.isInteger(since) && since > 0 ? since : 0)));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // kept as text
      }
      const method = req.method ?? 'GET';
      const path = url.pathname;
      const c = classify(method, path);
      if (method !== 'GET') sends.push({ at, method, path, body, ...c });
      if (c.kind === 'meeting-notification') {
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end('{}');
        return;
      }
      if (c.kind === 'conversation') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `a:stub-${randomUUID()}`, activityId: randomUUID() }));
        return;
      }
      if (method === 'GET') {
        // Member and participant reads: the stub knows nobody.
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'NotFound', message: 'the recording connector knows no members' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `stub-${sends.length}` }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received: () => [...sends],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads another process's recording connector. */
export async function fetchReceived(url: string, since = 0): Promise<ReceivedSend[]> {
  const response = await fetch(`${url}/_received?since=${since}`);
  if (!response.ok) throw new Error(`CONNECTOR.READ: HTTP ${response.status}`);
  return (await response.json()) as ReceivedSend[];
}

if (require.main === module) {
  void startRecordingConnector().then((c) => {
    process.stdout.write(`READY ${c.url}\n`);
    const stop = () => void c.stop().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
