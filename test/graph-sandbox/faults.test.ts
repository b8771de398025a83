// Each fault kind, before/after the effect, at a rate (deterministic by seed) and on given calls.
import { FaultInjector } from '../../scripts/graph-sandbox/fault-injector';
import { snapshot } from '../../scripts/graph-sandbox/mailbox-report';
import { SandboxStore } from '../../scripts/graph-sandbox/sandbox-store';
import { eventBody, type Json, type Kit, mailBody, ORGANIZER, startKit } from './helpers/sandbox-test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterEach(() => kit.sandbox.setFaults(undefined));
afterAll(async () => kit.stop());

const eventsPath = `/users/${ORGANIZER}/events`;
const eventCount = async (tx: string) => (await snapshot(new SandboxStore(kit.db))).events.filter((e) => e.transactionId === tx).length;

test('throttle on the nth call: 429 with Retry-After and Graph error body; nothing is created; later calls pass', async () => {
  kit.sandbox.setFaults({ rules: [{ kind: 'throttle', method: 'POST', path: '/events$', nth: [1, 2], retryAfterSeconds: 7 }] });
  const first = await kit.call('POST', eventsPath, eventBody({ transactionId: 'f-429' }));
  expect(first.status).toBe(429);
  expect(first.headers.get('retry-after')).toBe('7');
  expect(first.json.error.code).toBe('TooManyRequests');
  expect(await eventCount('f-429')).toBe(0);
  expect((await kit.call('POST', eventsPath, eventBody({ transactionId: 'f-429' }))).status).toBe(429);
  expect((await kit.call('POST', eventsPath, eventBody({ transactionId: 'f-429' }))).status).toBe(201);
  expect(await eventCount('f-429')).toBe(1);
  expect(kit.sandbox.faultStats()).toEqual([{ kind: 'throttle', seen: 3, fired: 2 }]);
});

test('unavailable → 503 ServiceUnavailable; other paths are untouched', async () => {
  kit.sandbox.setFaults({ rules: [{ kind: 'unavailable', path: '/sendMail$' }] });
  const r = await kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('f503@example.net'));
  expect(r.status).toBe(503);
  expect(r.json.error.code).toBe('ServiceUnavailable');
  expect(r.headers.get('retry-after')).toBeNull();
  expect((await kit.call('POST', eventsPath, eventBody({ transactionId: 'f-503-other' }))).status).toBe(201);
});

test("throttle 'after': the event is made but the client sees 429; the retry with the same transactionId returns it", async () => {
  kit.sandbox.setFaults({ rules: [{ kind: 'throttle', method: 'POST', path: '/events$', nth: [1], when: 'after' }] });
  expect((await kit.call('POST', eventsPath, eventBody({ transactionId: 'f-after' }))).status).toBe(429);
  expect(await eventCount('f-after')).toBe(1);
  const retry = await kit.call('POST', eventsPath, eventBody({ transactionId: 'f-after' }));
  expect(retry.status).toBe(201);
  expect(await eventCount('f-after')).toBe(1);
});

test('reset destroys the connection (before: no effect; after: effect committed)', async () => {
  kit.sandbox.setFaults({ rules: [{ kind: 'reset', method: 'POST', path: '/events$', nth: [1] }, { kind: 'reset', method: 'POST', path: '/events$', nth: [2], when: 'after' }] });
  await expect(kit.call('POST', eventsPath, eventBody({ transactionId: 'f-reset-before' }))).rejects.toThrow();
  expect(await eventCount('f-reset-before')).toBe(0);
  await expect(kit.call('POST', eventsPath, eventBody({ transactionId: 'f-reset-after' }))).rejects.toThrow();
  expect(await eventCount('f-reset-after')).toBe(1);
});

test('slow responses and the global per-request latency', async () => {
  kit.sandbox.setFaults({ latencyMs: 100, rules: [{ kind: 'slow', path: '/sendMail$', latencyMs: 300 }] });
  let t = Date.now();
  expect((await kit.call('GET', `${eventsPath}/AAMkAGnone=`)).status).toBe(404);
  const plain = Date.now() - t;
  t = Date.now();
  expect((await kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('slow@example.net'))).status).toBe(202);
  const slow = Date.now() - t;
  expect(plain).toBeGreaterThanOrEqual(95);
  expect(slow).toBeGreaterThanOrEqual(395);
});

test('a rate is deterministic for a seed: the same request sequence gets the same faults', async () => {
  const run = async (seed: number) => {
    kit.sandbox.setFaults({ seed, rules: [{ kind: 'throttle', path: '/events/', rate: 0.5 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await kit.call('GET', `${eventsPath}/AAMkAGnone=`)).status);
    return statuses;
  };
  const a = await run(7);
  const b = await run(7);
  const c = await run(8);
  expect(a).toEqual(b);
  expect(a.filter((s) => s === 429).length).toBeGreaterThan(2);
  expect(a.filter((s) => s === 404).length).toBeGreaterThan(2);
  expect(c).not.toEqual(a);
});

test('item-level 429 inside a 200 $batch; the throttled item made nothing', async () => {
  kit.sandbox.setFaults({ rules: [{ kind: 'throttle', scope: 'batchItem', path: '/sendMail$', nth: [2], retryAfterSeconds: 3 }] });
  const item = (id: string, to: string) => ({ id, method: 'POST', url: `/users/${ORGANIZER}/sendMail`, headers: { 'Content-Type': 'application/json' }, body: mailBody(to) });
  const r = await kit.call('POST', '/$batch', { requests: [item('1', 'b1@example.net'), item('2', 'b2@example.net'), item('3', 'b3@example.net')] });
  expect(r.status).toBe(200);
  expect(r.json.responses.map((x: Json) => x.status)).toEqual([202, 429, 202]);
  expect(r.json.responses[1].headers['Retry-After']).toBe('3');
  expect(r.json.responses[1].body.error.code).toBe('ApplicationThrottled');
  const boxes = (await snapshot(new SandboxStore(kit.db))).mailboxes.map((m) => m.mailbox);
  expect(boxes).toEqual(expect.arrayContaining(['b1@example.net', 'b3@example.net']));
  expect(boxes).not.toContain('b2@example.net');
});

test('GRAPH_SANDBOX_FAULTS is parsed and validated', () => {
  expect(FaultInjector.fromEnv('{"latencyMs":100}')).toEqual({ seed: 42, latencyMs: 100, rules: [], mailboxRetryAfterSeconds: 1 });
  expect(() => FaultInjector.fromEnv('{"rules":[{"kind":"explode"}]}')).toThrow('GRAPH_SANDBOX.FAULTS_INVALID');
  expect(FaultInjector.fromEnv(undefined)).toBeUndefined();
});

test('a rule without a path spares the token endpoint; a path can target it', async () => {
  kit.sandbox.setFaults({ rules: [{ kind: 'unavailable' }] });
  await expect(kit.token()).resolves.toMatch(/^ey/);
  expect((await kit.call('GET', `${eventsPath}/AAMkAGnone=`)).status).toBe(503);
  kit.sandbox.setFaults({ rules: [{ kind: 'unavailable', path: '/oauth2/v2\\.0/token$' }] });
  await expect(kit.token()).rejects.toThrow('token: 503');
});

test('mailboxConcurrency: a parallel batch beyond the per-mailbox limit gets item-level 429s; dependsOn serialises', async () => {
  kit.sandbox.setFaults({ mailboxConcurrency: 4, mailboxRetryAfterSeconds: 2 });
  const item = (id: string, to: string, dependsOn?: string[]) => ({
    id,
    method: 'POST',
    url: `/users/${ORGANIZER}/sendMail`,
    headers: { 'Content-Type': 'application/json' },
    body: mailBody(to),
    ...(dependsOn ? { dependsOn } : {}),
  });
  const parallel = await kit.call('POST', '/$batch', { requests: [1, 2, 3, 4, 5, 6].map((i) => item(String(i), `mc.${i}@example.net`)) });
  expect(parallel.json.responses.map((x: Json) => x.status)).toEqual([202, 202, 202, 202, 429, 429]);
  expect(parallel.json.responses[4].headers['Retry-After']).toBe('2');
  const serial = await kit.call('POST', '/$batch', { requests: [1, 2, 3, 4, 5, 6].map((i) => item(`s${i}`, `ms.${i}@example.net`, i > 1 ? [`s${i - 1}`] : undefined)) });
  expect(serial.json.responses.map((x: Json) => x.status)).toEqual([202, 202, 202, 202, 202, 202]);
});

test('mailboxConcurrency: more concurrent requests on one mailbox than the limit → 429 ApplicationThrottled', async () => {
  kit.sandbox.setFaults({ mailboxConcurrency: 2, latencyMs: 500 }); // wide window: the four requests overlap even on a loaded machine
  const replies = await Promise.all([1, 2, 3, 4].map((i) => kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody(`conc.${i}@example.net`))));
  expect(replies.map((r) => r.status).sort()).toEqual([202, 202, 429, 429]);
  const throttled = replies.find((r) => r.status === 429)!;
  expect(throttled.json.error.code).toBe('ApplicationThrottled');
  expect(throttled.headers.get('retry-after')).toBe('1');
  // Another mailbox is not affected, and the limit frees up once requests finish.
  expect((await kit.call('POST', '/users/other.sender@example.org/sendMail', mailBody('conc.other@example.net'))).status).toBe(202);
  expect((await kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('conc.later@example.net'))).status).toBe(202);
});

test('the injected latency applies to $batch items: a parallel batch waits once more, a dependsOn chain once per item', async () => {
  kit.sandbox.setFaults({ latencyMs: 250 });
  const item = (id: string, to: string, dependsOn?: string[]) => ({ id, method: 'POST', url: `/users/${ORGANIZER}/sendMail`, headers: { 'Content-Type': 'application/json' }, body: mailBody(to), ...(dependsOn ? { dependsOn } : {}) });
  let t = Date.now();
  const parallel = await kit.call('POST', '/$batch', { requests: [item('1', 'lat.1@example.net'), item('2', 'lat.2@example.net'), item('3', 'lat.3@example.net')] });
  const parallelMs = Date.now() - t;
  t = Date.now();
  const chain = await kit.call('POST', '/$batch', { requests: [item('a', 'lat.a@example.net'), item('b', 'lat.b@example.net', ['a']), item('c', 'lat.c@example.net', ['b'])] });
  const chainMs = Date.now() - t;
  expect(parallel.json.responses.map((x: Json) => x.status)).toEqual([202, 202, 202]);
  expect(chain.json.responses.map((x: Json) => x.status)).toEqual([202, 202, 202]);
  // Lower bounds only (the injected waits), never a speed claim: outer request + items.
  expect(parallelMs).toBeGreaterThanOrEqual(2 * 250 - 10);
  expect(chainMs).toBeGreaterThanOrEqual(4 * 250 - 10);
});

test("an answer lost after the effect ('reset' when 'after') for PATCH, cancel and the token endpoint: each took effect", async () => {
  const created = await kit.call('POST', eventsPath, eventBody({ transactionId: 'lost-after', attendees: [{ emailAddress: { address: 'lost.after@example.org' } }] }));
  const id = encodeURIComponent(created.json.id);
  const joinUrl = created.json.onlineMeeting.joinUrl as string;
  const meetingId = encodeURIComponent((await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`)).json.value[0].id);
  kit.sandbox.setFaults({ rules: [{ kind: 'reset', method: 'PATCH', path: '/onlineMeetings/', nth: [1], when: 'after' }, { kind: 'reset', method: 'PATCH', path: '/events/', nth: [1], when: 'after' }, { kind: 'reset', method: 'POST', path: '/cancel$', nth: [1], when: 'after' }, { kind: 'reset', path: '/oauth2/v2\\.0/token$', nth: [1], when: 'after' }] });
  await expect(kit.call('PATCH', `/users/${ORGANIZER}/onlineMeetings/${meetingId}`, { allowMeetingChat: 'disabled' })).rejects.toThrow();
  expect((await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings/${meetingId}`)).json.allowMeetingChat).toBe('disabled');
  await expect(kit.call('PATCH', `${eventsPath}/${id}`, { subject: 'CP-2026-0042 moved' })).rejects.toThrow();
  expect((await kit.call('GET', `${eventsPath}/${id}`)).json.subject).toBe('CP-2026-0042 moved');
  await expect(kit.call('POST', `${eventsPath}/${id}/cancel`, { comment: 'stood down' })).rejects.toThrow();
  const again = await kit.call('POST', `${eventsPath}/${id}/cancel`, { comment: 'stood down' });
  expect([again.status, again.json.error.code]).toEqual([404, 'ErrorItemNotFound']);
  await expect(kit.token()).rejects.toThrow();
  await expect(kit.token()).resolves.toMatch(/^ey/);
  expect(kit.sandbox.faultStats().map((s) => s.fired)).toEqual([1, 1, 1, 1]);
});
