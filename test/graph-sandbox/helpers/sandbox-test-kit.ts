// Starts a sandbox on a throwaway database and calls it like a Graph client would (plain HTTP).
import { request as httpsRequest } from 'node:https';
import type { Database } from '../../../bot/adapters/store/database';
import { DEFAULT_CLIENT, type GraphSandbox, type GraphSandboxOptions, startGraphSandbox } from '../../../scripts/graph-sandbox/start-graph-sandbox';
import { emptyMemoryDatabase } from '../../support/template-databases';

// biome-ignore lint/suspicious/noExplicitAny: tests read Graph's JSON answers freely and assert exact values
export type Json = any;

export interface Kit {
  sandbox: GraphSandbox;
  db: Database;
  token(scope?: string, client?: { clientId: string; clientSecret: string }): Promise<string>;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  stop(): Promise<void>;
}

export interface Reply {
  status: number;
  headers: Headers;
  json: Json;
}

export async function tokenResponse(sandbox: GraphSandbox, form: Record<string, string>): Promise<{ status: number; json: Json }> {
  const r = await fetch(sandbox.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: r.status, json: await r.json() };
}

export async function startKit(options: GraphSandboxOptions = {}, db?: Database): Promise<Kit> {
  const database = db ?? (await emptyMemoryDatabase());
  const sandbox = await startGraphSandbox({ ...options, db: database });
  let cached: string | undefined;
  const token: Kit['token'] = async (scope = 'https://graph.microsoft.com/.default', client = DEFAULT_CLIENT as { clientId: string; clientSecret: string }) => {
    const r = await tokenResponse(sandbox, { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret, scope });
    if (r.status !== 200) throw new Error(`token: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json.access_token as string;
  };
  return {
    sandbox,
    db: database,
    token,
    async call(method, path, body, headers = {}) {
      if (!('authorization' in headers)) cached ??= await token();
      const r = await fetch(`${sandbox.graphUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${cached}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, headers: r.headers, json: text ? JSON.parse(text) : undefined };
    },
    async stop() {
      await sandbox.stop();
      if (!db) await database.close();
    },
  };
}

/** HTTPS GET/POST trusting only the given CA (the sandbox's self-signed certificate). */
export function httpsCall(url: string, ca: string, method = 'GET', body?: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method, ca, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const ORGANIZER = 'clerk@example.org';

export function eventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: 'CP-2026-0042 initial child protection conference',
    body: { contentType: 'html', content: '<p>Conference</p>' },
    start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/London' },
    end: { dateTime: '2026-12-01T12:00:00', timeZone: 'Europe/London' },
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    hideAttendees: true,
    allowNewTimeProposals: false,
    attendees: [
      { emailAddress: { address: 'chair@example.org', name: 'Alex Example' }, type: 'required' },
      { emailAddress: { address: 'social.worker@example.org', name: 'Sam Sample' }, type: 'required' },
    ],
    transactionId: 'cp-2026-0042-v1',
    ...overrides,
  };
}

export function icsBase64(dtstart: string, sequence: number, method = 'REQUEST'): string {
  return Buffer.from(
    `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:${method}\r\nBEGIN:VEVENT\r\nUID:cp-2026-0042\r\nSEQUENCE:${sequence}\r\nDTSTART;TZID=Europe/London:${dtstart}\r\nSUMMARY:Conference\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`,
  ).toString('base64');
}

export function mailBody(to: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    message: {
      subject: 'Your invitation to the conference',
      body: { contentType: 'text', content: 'Please join at 10:30.' },
      toRecipients: [{ emailAddress: { address: to } }],
      attachments: [
        { '@odata.type': '#microsoft.graph.fileAttachment', name: 'conference.ics', contentType: 'text/calendar', contentBytes: icsBase64('20261201T103000', 0) },
      ],
      ...overrides,
    },
    saveToSentItems: false,
  };
}
