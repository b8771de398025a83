// The calls the adapter makes: transactionId idempotency, event patch/cancel, $batch, mailboxes, participants.
import { renderText, snapshot } from '../../scripts/graph-sandbox/mailbox-report';
import { SandboxStore } from '../../scripts/graph-sandbox/sandbox-store';
import { eventBody, type Json, type Kit, mailBody, ORGANIZER, startKit } from './helpers/sandbox-test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit.stop());

const eventsPath = `/users/${ORGANIZER}/events`;
const mailboxes = async () => snapshot(new SandboxStore(kit.db));

describe('transactionId idempotency', () => {
  test('the same transactionId returns the event already made, not a duplicate', async () => {
    const first = await kit.call('POST', eventsPath, eventBody({ transactionId: 'idem-1' }));
    const again = await kit.call('POST', eventsPath, eventBody({ transactionId: 'idem-1', subject: 'CP-2026-0042 changed' }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(first.json.id);
    expect(again.json.subject).toBe('CP-2026-0042 initial child protection conference');
    expect(again.json.onlineMeeting.joinUrl).toBe(first.json.onlineMeeting.joinUrl);
    const s = await mailboxes();
    expect(s.events.filter((e) => e.transactionId === 'idem-1')).toHaveLength(1);
  });

  test('concurrent retries with one transactionId still make one event and one meeting', async () => {
    const replies = await Promise.all([1, 2, 3, 4].map(() => kit.call('POST', eventsPath, eventBody({ transactionId: 'idem-concurrent' }))));
    expect(new Set(replies.map((r) => r.json.id)).size).toBe(1);
    // Every answer, the losers' included, carries the join URL: creation is one transaction.
    expect(new Set(replies.map((r) => r.json.onlineMeeting?.joinUrl)).size).toBe(1);
    expect(replies[3]!.json.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const joinUrl = replies[0]!.json.onlineMeeting.joinUrl as string;
    const list = await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`);
    expect(list.json.value).toHaveLength(1);
  });

  test('different transactionIds make different events; a meeting-request lands in each attendee mailbox showing only them', async () => {
    const a = await kit.call('POST', eventsPath, eventBody({ transactionId: 'idem-a', attendees: [{ emailAddress: { address: 'pro.one@example.org' } }, { emailAddress: { address: 'pro.two@example.org' } }] }));
    const b = await kit.call('POST', eventsPath, eventBody({ transactionId: 'idem-b', attendees: [] }));
    expect(a.json.id).not.toBe(b.json.id);
    const s = await mailboxes();
    const box = s.mailboxes.find((m) => m.mailbox === 'pro.one@example.org');
    expect(box?.messages.map((m) => [m.kind, m.attachments[0]?.ics?.method, m.attachments[0]?.ics?.sequence])).toEqual([['meetingRequest', 'REQUEST', '0']]);
    const stored = await new SandboxStore(kit.db).listMessages();
    const request = stored.find((m) => m.mailbox === 'pro.one@example.org');
    expect(request?.body.attendeesVisible).toEqual([{ emailAddress: { address: 'pro.one@example.org' } }]);
  });
});

describe('event get, patch and cancel', () => {
  test('$select returns only the named properties; an unknown name → 400', async () => {
    const created = await kit.call('POST', eventsPath, eventBody({ transactionId: 'select-1' }));
    const id = encodeURIComponent(created.json.id);
    const r = await kit.call('GET', `${eventsPath}/${id}?$select=subject,isCancelled`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.json).filter((k) => !k.startsWith('@odata.')).sort()).toEqual(['id', 'isCancelled', 'subject']);
    const bad = await kit.call('GET', `${eventsPath}/${id}?$select=subject,colour`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe("Could not find a property named 'colour' on type 'microsoft.graph.event'.");
  });

  test('answers show UTC unless Prefer: outlook.timezone; PATCH reschedules and the meeting follows', async () => {
    const created = await kit.call('POST', eventsPath, eventBody({ transactionId: 'patch-1', start: { dateTime: '2026-07-01T10:00:00', timeZone: 'Europe/London' }, end: { dateTime: '2026-07-01T11:00:00', timeZone: 'Europe/London' } }));
    const id = encodeURIComponent(created.json.id);
    const utc = await kit.call('GET', `${eventsPath}/${id}`);
    expect(utc.json.start).toEqual({ dateTime: '2026-07-01T09:00:00.0000000', timeZone: 'UTC' });
    const london = await kit.call('GET', `${eventsPath}/${id}`, undefined, { prefer: 'outlook.timezone="Europe/London"' });
    expect(london.json.start).toEqual({ dateTime: '2026-07-01T10:00:00.0000000', timeZone: 'Europe/London' });

    const patched = await kit.call(
      'PATCH',
      `${eventsPath}/${id}`,
      { start: { dateTime: '2026-07-02T14:00:00', timeZone: 'Europe/London' }, end: { dateTime: '2026-07-02T15:00:00', timeZone: 'Europe/London' } },
      { prefer: 'outlook.timezone="Europe/London"' },
    );
    expect(patched.status).toBe(200);
    expect(patched.json.start).toEqual({ dateTime: '2026-07-02T14:00:00.0000000', timeZone: 'Europe/London' });
    expect(patched.json.end).toEqual({ dateTime: '2026-07-02T15:00:00.0000000', timeZone: 'Europe/London' });
    const joinUrl = created.json.onlineMeeting.joinUrl as string;
    const meeting = await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`);
    expect(meeting.json.value[0].startDateTime).toBe('2026-07-02T13:00:00Z');
    const updates = (await mailboxes()).mailboxes.find((m) => m.mailbox === 'chair@example.org')!.messages.filter((m) => m.kind === 'meetingUpdate');
    expect(updates.at(-1)?.attachments[0]?.ics?.sequence).toBe('1');
  });

  test('cancel → 202 with no body ("Comment" as in Graph\'s samples); the event moves to Deleted Items: its id answers 404 to GET, PATCH and a second cancel; attendees get one cancellation', async () => {
    const created = await kit.call('POST', eventsPath, eventBody({ transactionId: 'cancel-1', attendees: [{ emailAddress: { address: 'cancel.me@example.org' } }] }));
    const id = encodeURIComponent(created.json.id);
    const bad = await kit.call('POST', `${eventsPath}/${id}/cancel`, { comment: 'Stood down', reason: 'x' });
    expect(bad.status).toBe(400);
    const r = await kit.call('POST', `${eventsPath}/${id}/cancel`, { Comment: 'The conference is stood down.' });
    expect(r.status).toBe(202);
    expect(r.json).toBeUndefined();
    for (const [method, path, body] of [['GET', `${eventsPath}/${id}`], ['PATCH', `${eventsPath}/${id}`, { subject: 'CP-2026-0042 again' }], ['POST', `${eventsPath}/${id}/cancel`, { comment: 'again' }]] as const) {
      const after = await kit.call(method, path, body);
      expect([method, after.status, after.json.error.code]).toEqual([method, 404, 'ErrorItemNotFound']);
    }
    expect((await mailboxes()).events.find((e) => e.id === created.json.id)!.cancelled).toBe(true);
    const unknown = await kit.call('GET', `${eventsPath}/AAMkAGnothere=`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('ErrorItemNotFound');
    const box = (await mailboxes()).mailboxes.find((m) => m.mailbox === 'cancel.me@example.org')!;
    expect(box.messages.map((m) => [m.kind, m.attachments[0]?.ics?.method])).toEqual([
      ['meetingRequest', 'REQUEST'],
      ['meetingCancel', 'CANCEL'],
    ]);
  });
});

describe('$batch', () => {
  const item = (id: string, to: string) => ({ id, method: 'POST', url: `/users/${ORGANIZER}/sendMail`, headers: { 'Content-Type': 'application/json' }, body: mailBody(to) });

  test('20 requests are accepted; each item has its id and status; mail lands in each mailbox with the .ics summary', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => item(String(i + 1), `family.${i + 1}@example.net`));
    const r = await kit.call('POST', '/$batch', { requests });
    expect(r.status).toBe(200);
    expect(r.json.responses.map((x: Json) => [x.id, x.status])).toEqual(requests.map((q) => [q.id, 202]));
    const box = (await mailboxes()).mailboxes.find((m) => m.mailbox === 'family.7@example.net')!;
    expect(box.messages).toHaveLength(1);
    expect(box.messages[0]!.attachments).toEqual([
      { name: 'conference.ics', contentType: 'text/calendar', ics: { method: 'REQUEST', sequence: '0', dtstart: '20261201T103000 (Europe/London)', summary: 'Conference' } },
    ]);
  });

  test('21 requests → 400 and nothing is sent', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => item(String(i + 1), `over.${i + 1}@example.net`));
    const r = await kit.call('POST', '/$batch', { requests });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('BadRequest');
    expect((await mailboxes()).mailboxes.some((m) => m.mailbox.startsWith('over.'))).toBe(false);
  });

  test('item-level errors, dependsOn and failed dependencies', async () => {
    const r = await kit.call('POST', '/$batch', {
      requests: [
        item('a', 'dep.a@example.net'),
        { ...item('b', 'x'), body: mailBody('not-an-address'), dependsOn: ['a'] },
        { ...item('c', 'dep.c@example.net'), dependsOn: ['b'] },
        { id: 'd', method: 'GET', url: `/users/${ORGANIZER}/events/AAMkAGnothere=` },
      ],
    });
    expect(r.status).toBe(200);
    const byId = Object.fromEntries(r.json.responses.map((x: Json) => [x.id, x]));
    expect(byId.a.status).toBe(202);
    expect(byId.b.status).toBe(400);
    expect(byId.b.body.error.code).toBe('ErrorInvalidRecipients');
    expect(byId.c.status).toBe(424);
    expect(byId.d.status).toBe(404);
    expect(byId.d.body.error.code).toBe('ErrorItemNotFound');
  });

  test.each([
    ['duplicate ids', { requests: [item('1', 'd1@example.net'), item('1', 'd2@example.net')] }],
    ['body without Content-Type', { requests: [{ ...item('1', 'd3@example.net'), headers: {} }] }],
    ['dependsOn an unknown id', { requests: [{ ...item('1', 'd4@example.net'), dependsOn: ['9'] }] }],
    ['absolute url', { requests: [{ ...item('1', 'd5@example.net'), url: 'https://graph.microsoft.com/v1.0/users/x/sendMail' }] }],
    ['no requests', { requests: [] }],
  ])('%s → 400', async (_n, body) => {
    const r = await kit.call('POST', '/$batch', body);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('BadRequest');
  });
});

describe('call participants', () => {
  test('DELETE removes a seeded participant (204); an unknown one → 404', async () => {
    await kit.sandbox.addCallParticipant('call-1', 'participant-1');
    const r = await kit.call('DELETE', '/communications/calls/call-1/participants/participant-1');
    expect(r.status).toBe(204);
    const again = await kit.call('DELETE', '/communications/calls/call-1/participants/participant-1');
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('NotFound');
  });
});

describe('developer page', () => {
  test('GET /_sandbox lists mailboxes with escaped output', async () => {
    await kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('escape@example.net', { subject: '<script>alert(1)</script>' }));
    const html = await (await fetch(`${kit.sandbox.url}/_sandbox`)).text();
    expect(html).toContain('escape@example.net');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
  });
});

describe('sandbox:mail text', () => {
  test('prints each mailbox with subject, received time, attachment names and .ics METHOD/SEQUENCE/DTSTART', async () => {
    await kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('text.view@example.net', { subject: 'Your conference time' }));
    const text = renderText(await mailboxes());
    const lines = text.split('\n');
    const at = lines.indexOf('text.view@example.net (1)');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(/^ {2}\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z {2}inbox\/mail {2}"Your conference time" {2}from clerk@example\.org$/);
    expect(lines[at + 2]).toBe('      conference.ics [METHOD REQUEST SEQUENCE 0 DTSTART 20261201T103000 (Europe/London)]');
    expect(text).toContain('Calendars:');
    const meetingsAt = lines.indexOf('Teams meetings:');
    expect(lines[meetingsAt + 1]).toMatch(/^ {2}clerk@example\.org {2}"CP-2026-0042 initial child protection conference" {2}\{"lobbyBypassSettings":\{"scope":"organization","isDialInBypassEnabled":false\},"allowedLobbyAdmitters":"organizerAndCoOrganizersAndPresenters",/);
  });
});
