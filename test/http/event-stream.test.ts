// The event-stream writer (bot/adapters/http/event-stream.ts) on a plain node HTTP server, read with
// fetch: keep-alive comments on a quiet stream, only changes sent, a refused read ends the stream
// with the API's envelope, and a client that goes away stops the reads.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'restify';
import { OpenStreams, streamEvents } from '../../bot/adapters/http/event-stream';
import { MeetingError } from '../../bot/domain/meeting/meeting-errors';

let server: Server;
let url: string;
const streams = new OpenStreams();
let reads = 0;
let answer: () => unknown = () => ({ n: 0 });
let ended = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.once('close', () => {
      ended += 1;
    });
    streamEvents(req as unknown as Request, res as unknown as Response, {
      spec: { event: 'thing', checkMs: 20, keepAliveMs: 50 },
      first: { n: 0 },
      read: async () => {
        reads += 1;
        return answer();
      },
      streams,
      onFailure: () => undefined,
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  streams.endAll();
  await new Promise((r) => server.close(r));
});

/** Reads the stream until `until` says stop; returns the text read. */
async function readUntil(body: ReadableStream<Uint8Array>, until: (text: string) => boolean): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!until(text)) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

test('the first event at once, keep-alive comments while nothing changes, then the change alone', async () => {
  answer = () => ({ n: 0 });
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const quiet = await readUntil(res.body!, (t) => t.includes(': keep-alive'));
  expect(quiet.startsWith('event: thing\ndata: {"n":0}\n\n')).toBe(true);
  expect(quiet.match(/event: thing/g)).toHaveLength(1);
  answer = () => ({ n: 1 });
  const changed = await readUntil(res.body!, (t) => t.includes('"n":1'));
  expect(changed).toContain('event: thing\ndata: {"n":1}\n\n');
  abort.abort();
});

test('a refused read: `event: error` with the envelope, then the stream ends', async () => {
  answer = () => {
    throw new MeetingError('MEETING.NOT_FOUND', 'gone', {});
  };
  const res = await fetch(url);
  const text = await readUntil(res.body!, () => false);
  expect(text).toContain('event: error\ndata: {"error":{"code":"MEETING.NOT_FOUND","message":"gone","details":null}}\n\n');
});

test('a client that goes away: the server ends its side and reads no more', async () => {
  answer = () => ({ n: 2 });
  const before = ended;
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  await readUntil(res.body!, (t) => t.includes('"n":2'));
  abort.abort();
  while (ended === before) await new Promise((r) => setTimeout(r, 10));
  const after = reads;
  await new Promise((r) => setTimeout(r, 100));
  expect(reads).toBe(after);
});
