// The live meeting as the side panel receives it: the server-sent events of
// GET …/meeting/events read with fetch (EventSource cannot send the bearer token), and when the
// stream cannot be opened or breaks, GET …/meeting every 2 s until the stream is tried again.
// A refusal (not signed in, not part of it) stops everything: the page shows the family's guide.
import type { ApiClient } from '../shell/api-client';
import { ApiError } from '../shell/api-client';
import type { MeetingView } from '../shell/api-types';

export const POLL_MS = 2000;
/** How long polling goes on before the stream is tried again. */
const STREAM_RETRY_MS = 30_000;

export type FeedState =
  | { kind: 'loading' }
  | { kind: 'live'; view: MeetingView; via: 'stream' | 'polling' }
  /** The meeting has not started in Teams yet (MEETING.NOT_FOUND): polled until it has. */
  | { kind: 'not-started' }
  /** 401/403/404: not signed in, or not part of this conference. */
  | { kind: 'refused'; error: ApiError }
  | { kind: 'error'; error: ApiError };

const REFUSED = new Set([401, 403, 404]);

/** Not signed in or not part of it (an error event mid-stream has no status: its code says). */
function isRefusal(e: ApiError): boolean {
  if (e.code === 'MEETING.NOT_FOUND') return false;
  return REFUSED.has(e.status) || /^(AUTH|TENANT|ACCESS)\./.test(e.code) || e.code === 'CONFERENCE.NOT_FOUND';
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    return new ApiError(res.status, body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? `The server answered ${res.status}.`, body.error?.details);
  } catch {
    return new ApiError(res.status, `HTTP_${res.status}`, `The server answered ${res.status}.`);
  }
}

/** Splits an event stream into its frames; yields each `event:` with its parsed `data:`. */
export function sseFrames(text: string): { rest: string; frames: { event: string; data: unknown }[] } {
  const frames: { event: string; data: unknown }[] = [];
  let rest = text.replace(/\r\n/g, '\n');
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const raw = rest.slice(0, end);
    rest = rest.slice(end + 2);
    let event = 'message';
    const data: string[] = [];
    for (const line of raw.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0) frames.push({ event, data: JSON.parse(data.join('\n')) });
  }
  return { rest, frames };
}

export class MeetingFeed {
  private stopped = false;
  private abort: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly conferenceId: string,
    private readonly onState: (s: FeedState) => void,
  ) {}

  start(): void {
    void this.stream();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    if (this.timer) clearTimeout(this.timer);
  }

  /** Reads the meeting now (after the chair acts, so the answer shows without waiting for the stream). */
  async refresh(): Promise<void> {
    try {
      const view = await this.api.get<MeetingView>(`/conferences/${encodeURIComponent(this.conferenceId)}/meeting`);
      if (!this.stopped) this.onState({ kind: 'live', view, via: this.abort ? 'stream' : 'polling' });
    } catch (err) {
      if (err instanceof ApiError) this.failed(err);
    }
  }

  private failed(err: ApiError): boolean {
    if (isRefusal(err)) {
      this.onState({ kind: 'refused', error: err });
      this.stop();
      return true;
    }
    this.onState(err.code === 'MEETING.NOT_FOUND' ? { kind: 'not-started' } : { kind: 'error', error: err });
    return false;
  }

  private async stream(): Promise<void> {
    if (this.stopped) return;
    const abort = new AbortController();
    this.abort = abort;
    try {
      const res = await fetch(`/api/v1/conferences/${encodeURIComponent(this.conferenceId)}/meeting/events`, {
        headers: await this.api.headers({ accept: 'text/event-stream' }),
        signal: abort.signal,
      });
      if (!res.ok || !res.body) {
        if (this.failed(await errorOf(res))) return;
        throw new Error('no stream');
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        const { rest, frames } = sseFrames(buffer + decoder.decode(chunk.value, { stream: true }));
        buffer = rest;
        for (const f of frames) {
          if (f.event === 'meeting') this.onState({ kind: 'live', view: f.data as MeetingView, via: 'stream' });
          else if (f.event === 'error') {
            const e = (f.data as { error: { code: string; message: string } }).error;
            if (this.failed(new ApiError(0, e.code, e.message))) return;
          }
        }
      }
    } catch {
      // Any failure (network, proxy, aborted by a restart): fall back to polling.
    }
    if (this.abort === abort) this.abort = null;
    if (!this.stopped) this.poll(Date.now() + STREAM_RETRY_MS);
  }

  private poll(until: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      await this.refresh();
      if (this.stopped) return;
      if (Date.now() >= until) void this.stream();
      else this.poll(until);
    }, POLL_MS);
  }
}
