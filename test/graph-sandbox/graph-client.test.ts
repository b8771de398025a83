// The real @microsoft/microsoft-graph-client against the sandbox over HTTPS: what the adapter will do.
// Proves the documented set-up (customHosts, a fetch trusting the CA, $filter encoding, $batch, Retry-After).
import {
  AuthenticationHandler,
  BatchRequestContent,
  BatchResponseContent,
  Client,
  type Context,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import { request as httpsRequest } from 'node:https';
import { eventBody, httpsCall, type Kit, mailBody, ORGANIZER, startKit } from './helpers/sandbox-test-kit';

/** Last middleware: sends with node:https trusting only the sandbox CA (in-process stand-in for NODE_EXTRA_CA_CERTS). */
class CaFetchHandler implements Middleware {
  constructor(private readonly ca: string) {}
  async execute(context: Context): Promise<void> {
    const req = context.request as Request;
    const url = typeof context.request === 'string' ? context.request : req.url;
    const headers = new Headers(context.options?.headers as ConstructorParameters<typeof Headers>[0]);
    const body = context.options?.body as string | undefined;
    context.response = await new Promise<Response>((resolve, reject) => {
      const r = httpsRequest(url, { method: context.options?.method ?? 'GET', ca: this.ca, headers: Object.fromEntries(headers) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
          const status = res.statusCode ?? 0;
          resolve(new Response(status === 202 || status === 204 ? null : Buffer.concat(chunks), { status, headers: h }));
        });
      });
      r.on('error', reject);
      r.end(body);
    });
  }
}

let kit: Kit;
let client: Client;
beforeAll(async () => {
  kit = await startKit({ tls: true });
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: kit.sandbox.clients[0]!.clientId, client_secret: kit.sandbox.clients[0]!.clientSecret!, scope: 'https://graph.microsoft.com/.default' });
  const token = JSON.parse((await httpsCall(kit.sandbox.tokenUrl, kit.sandbox.caCertPem!, 'POST', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' })).text).access_token as string;
  const auth = new AuthenticationHandler({ getAccessToken: async () => token });
  const retry = new RetryHandler(new RetryHandlerOptions(1, 3));
  const send = new CaFetchHandler(kit.sandbox.caCertPem!);
  auth.setNext(retry);
  retry.setNext(send);
  client = Client.initWithMiddleware({ middleware: auth, baseUrl: `${kit.sandbox.url}/`, defaultVersion: 'v1.0', customHosts: new Set(['127.0.0.1']) });
});
afterAll(async () => kit.stop());

test('create the event, find the meeting by JoinWebUrl through .filter(), patch and read back', async () => {
  const event = await client.api(`/users/${ORGANIZER}/events`).post(eventBody({ transactionId: 'sdk-1' }));
  const joinUrl = event.onlineMeeting.joinUrl as string;
  const found = await client.api(`/users/${ORGANIZER}/onlineMeetings`).filter(`JoinWebUrl eq '${joinUrl}'`).get();
  expect(found.value).toHaveLength(1);
  const id = found.value[0].id as string;
  const patched = await client.api(`/users/${ORGANIZER}/onlineMeetings/${id}`).patch({ allowMeetingChat: 'disabled', allowRecording: false });
  expect([patched.allowMeetingChat, patched.allowRecording]).toEqual(['disabled', false]);
});

test('sendMail in a BatchRequestContent; the response parses with BatchResponseContent', async () => {
  const steps = ['one', 'two', 'three'].map((n, i) => ({
    id: String(i + 1),
    request: new Request(`${kit.sandbox.graphUrl}/users/${ORGANIZER}/sendMail`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(mailBody(`sdk.${n}@example.net`)),
    }),
  }));
  const content = await new BatchRequestContent(steps).getContent();
  const raw = await client.api('/$batch').post(content);
  const responses = new BatchResponseContent(raw).getResponses();
  expect([...responses.entries()].map(([id, r]) => [id, r.status])).toEqual([
    ['1', 202],
    ['2', 202],
    ['3', 202],
  ]);
});

test("the SDK's RetryHandler honours the sandbox's 429 Retry-After and the create happens once", async () => {
  kit.sandbox.setFaults({ rules: [{ kind: 'throttle', method: 'POST', path: '/events$', nth: [1], retryAfterSeconds: 1 }] });
  const t = Date.now();
  const event = await client.api(`/users/${ORGANIZER}/events`).post(eventBody({ transactionId: 'sdk-retry' }));
  expect(Date.now() - t).toBeGreaterThanOrEqual(950);
  expect(event.transactionId).toBe('sdk-retry');
  expect(kit.sandbox.faultStats()).toEqual([{ kind: 'throttle', seen: 2, fired: 1 }]);
  kit.sandbox.setFaults(undefined);
});
