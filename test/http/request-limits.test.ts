// An oversized body is cut at MAX_BODY_BYTES, not read to the end: the server answers 413 and
// drops the connection while the client is still sending. Measured by the bytes the server's
// socket read (not by time): a client that never finishes its body offers far more than that.
import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { createHttpServer, type RunningHttpServer } from '../../bot/adapters/http/http-server';
import { createLogger } from '../../bot/adapters/logging/logger';

const MAX = 4096;
/** One socket read is at most 64 KiB, and the request stream buffers up to 16 KiB before pausing. */
const READ_SLACK = 128 * 1024;
/** What the client is ready to send: far beyond the limit and the slack. */
const OFFERED = 64 * 1024 * 1024;

let running: RunningHttpServer;
let handled = 0;
const logs: string[] = [];
const serverSockets: Promise<number>[] = [];

beforeAll(async () => {
  const logger = createLogger('info', new Writable({ write(c: Buffer, _e, cb) { logs.push(c.toString()); cb(); } }));
  const http = createHttpServer({
    logger,
    bot: {
      handle: async () => {
        handled += 1;
        return { status: 200, body: { ok: true } };
      },
    },
    readiness: { check: async () => [] },
    maxBodyBytes: MAX,
  });
  // Bytes each server-side socket read over its whole life, known when it closes.
  http.server.server.on('connection', (socket: Socket) => {
    serverSockets.push(new Promise((resolve) => socket.once('close', () => resolve(socket.bytesRead))));
  });
  running = await http.listen(0, '127.0.0.1');
});
afterAll(() => running.close(100));

/** Sends `head`, then body bytes as fast as the socket takes them until the server hangs up. */
function endlessUpload(head: string, chunk: (n: number) => Buffer): Promise<{ response: string; offered: number }> {
  const url = new URL(running.url);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let response = '';
    let offered = 0;
    let closed = false;
    socket.on('data', (d: Buffer) => (response += d.toString('latin1')));
    socket.on('error', () => undefined); // EPIPE / ECONNRESET once the server drops us: expected
    socket.once('close', () => {
      closed = true;
      resolve({ response, offered });
    });
    const pump = () => {
      while (!closed && offered < OFFERED) {
        const buf = chunk(offered);
        offered += buf.length;
        if (!socket.write(buf)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.write(head);
    pump();
  });
}

const HEAD = (headers: string) => `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n`;
const PIECE = Buffer.from(`{"padding":"${'x'.repeat(1000)}",`);

it('a chunked body (no Content-Length) that never ends: 413 at the limit, connection dropped, the rest never read', async () => {
  const chunked = (_n: number) => Buffer.concat([Buffer.from(`${PIECE.length.toString(16)}\r\n`), PIECE, Buffer.from('\r\n')]);
  const before = serverSockets.length;
  const { response, offered } = await endlessUpload(HEAD('Transfer-Encoding: chunked\r\n'), chunked);
  expect(response).toMatch(/^HTTP\/1\.1 413 /);
  expect(response.toLowerCase()).toContain('connection: close');
  expect(response).toContain('"code":"HTTP.BODY_TOO_LARGE"');
  const read = await serverSockets[before]!;
  expect(read).toBeGreaterThan(MAX);
  expect(read).toBeLessThan(MAX + READ_SLACK);
  expect(offered).toBeLessThan(OFFERED); // the client stopped because the server hung up
  expect(handled).toBe(0);
}, 60_000);

it('a declared Content-Length over the limit: 413 at once, the body is not read at all', async () => {
  const before = serverSockets.length;
  const { response } = await endlessUpload(HEAD(`Content-Length: ${OFFERED}\r\n`), () => PIECE);
  expect(response).toMatch(/^HTTP\/1\.1 413 /);
  const read = await serverSockets[before]!;
  expect(read).toBeLessThan(READ_SLACK);
  expect(handled).toBe(0);
}, 60_000);

it('logs the refusal with the route template and its outcome', () => {
  const lines = logs.flatMap((l) => l.split('\n')).filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
  expect(lines.slice(0, 2).map((l) => [l.route, l.status, l.outcome])).toEqual([
    ['/api/messages', 413, 'HTTP.BODY_TOO_LARGE'],
    ['/api/messages', 413, 'HTTP.BODY_TOO_LARGE'],
  ]);
});
