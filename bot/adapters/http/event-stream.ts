// A GET resource as server-sent events (text/event-stream): the route's read is the first event,
// then it is read again every `checkMs` and sent only when its JSON differs. It re-reads the store
// rather than listening to an in-process bus, so a change made through another instance reaches
// every client too. A `: keep-alive` comment keeps proxies from closing a quiet stream. The
// stream ends when the client goes, when the server closes, or when a read is refused (then an
// `event: error` with the API's envelope, e.g. access withdrawn or the meeting gone).
import type { Request, Response } from 'restify';
import type { ErrorCode } from '../../app/errors/error-codes';
import { apiError, isErrorCode } from './http-error-map';

export interface EventStreamSpec {
  /** The `event:` name of every data event. */
  event: string;
  /** How often the resource is read again (the client sees a change within this). */
  checkMs?: number;
  /** How often a comment is sent on a quiet stream. */
  keepAliveMs?: number;
}

const CHECK_MS = 1000;
const KEEP_ALIVE_MS = 15_000;

/** The streams open now, so the server's close can end them instead of waiting on them. */
export class OpenStreams {
  private readonly ends = new Set<() => void>();
  add(end: () => void): () => void {
    this.ends.add(end);
    return () => this.ends.delete(end);
  }
  endAll(): void {
    for (const end of [...this.ends]) end();
  }
}

export interface StreamOptions {
  spec: EventStreamSpec;
  first: unknown;
  /** Reads the resource again; throws a coded error when the caller may no longer read it. */
  read(): Promise<unknown>;
  streams: OpenStreams;
  onFailure(err: unknown): void;
}

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export function streamEvents(req: Request, res: Response, options: StreamOptions): void {
  const { spec } = options;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // Reverse proxies (nginx, App Service's front end) must not buffer the stream.
    'x-accel-buffering': 'no',
  });
  let last = JSON.stringify(options.first);
  res.write(frame(spec.event, options.first));

  let ended = false;
  let reading = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(check);
    clearInterval(keepAlive);
    forget();
    res.end();
  };
  const check = setInterval(async () => {
    // A slow read is not overtaken by the next one.
    if (reading || ended) return;
    reading = true;
    try {
      const now = await options.read();
      const json = JSON.stringify(now);
      if (!ended && json !== last) {
        last = json;
        res.write(frame(spec.event, now));
      }
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const coded: ErrorCode = isErrorCode(code) ? code : 'HTTP.INTERNAL';
      if (coded === 'HTTP.INTERNAL') options.onFailure(err);
      if (!ended) res.write(frame('error', apiError(coded, coded === 'HTTP.INTERNAL' ? 'Internal error.' : err instanceof Error ? err.message : coded).body));
      end();
    } finally {
      reading = false;
    }
  }, spec.checkMs ?? CHECK_MS);
  const keepAlive = setInterval(() => {
    if (!ended) res.write(': keep-alive\n\n');
  }, spec.keepAliveMs ?? KEEP_ALIVE_MS);
  const forget = options.streams.add(end);
  req.once('close', end);
  res.once('close', end);
}
