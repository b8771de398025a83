// Each strictness rule: a valid Graph body passes; each kind of invalid body fails with Graph's status and code.
import { eventBody, type Json, type Kit, mailBody, ORGANIZER, startKit } from './helpers/sandbox-test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit({ organizers: [{ id: ORGANIZER, accessPolicy: true }, { id: 'no-policy@example.org', accessPolicy: false }] });
});
afterAll(async () => kit.stop());

const createEvent = (body: unknown, headers?: Record<string, string>) => kit.call('POST', `/users/${ORGANIZER}/events`, body, headers);

async function meetingOf(transactionId: string): Promise<string> {
  const created = await createEvent(eventBody({ transactionId }));
  const joinUrl = created.json.onlineMeeting.joinUrl as string;
  const list = await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`);
  expect(list.status).toBe(200);
  expect(list.json.value).toHaveLength(1);
  return list.json.value[0].id as string;
}

describe('event create', () => {
  test('@odata.type naming the declared type itself is accepted', async () => {
    const r = await createEvent(eventBody({ transactionId: 'odata-type-ok', '@odata.type': '#microsoft.graph.event' }));
    expect(r.status).toBe(201);
    expect(r.json['@odata.type']).toBeUndefined();
  });

  test('a valid Graph body is accepted with 201, Location, request-id and a Teams join URL', async () => {
    const r = await createEvent(eventBody({ transactionId: 'valid-1' }));
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe(`${kit.sandbox.graphUrl}/users('${ORGANIZER}')/events('${r.json.id}')`);
    expect(r.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json.subject).toBe('CP-2026-0042 initial child protection conference');
    expect(r.json.hideAttendees).toBe(true);
    expect(r.json.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_/);
    expect(r.json.start).toEqual({ dateTime: '2026-12-01T10:00:00.0000000', timeZone: 'UTC' });
  });

  test.each([
    ['unknown top-level property', { colour: 'red' }, 'RequestBodyRead', "The property 'colour' does not exist on type 'microsoft.graph.event'"],
    ['unknown nested property', { start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Europe/London', zone: 'x' } }, 'RequestBodyRead', "'zone' does not exist on type 'microsoft.graph.dateTimeTimeZone'"],
    ['unknown property in an attendee (base type recipient followed)', { attendees: [{ emailAddress: { address: 'a@example.org' }, role: 'x' }] }, 'RequestBodyRead', "'role' does not exist on type 'microsoft.graph.attendee'"],
    ['enum value not a member', { importance: 'urgent' }, 'RequestBodyRead', "Cannot convert the literal 'urgent' to the expected type 'microsoft.graph.importance'"],
    ['enum member inside a collection', { attendees: [{ emailAddress: { address: 'a@example.org' }, type: 'mandatory' }] }, 'RequestBodyRead', "'mandatory'"],
    ['wrong JSON type (string for boolean)', { hideAttendees: 'yes' }, 'RequestBodyRead', "'Edm.Boolean'"],
    ['wrong JSON type (object for string)', { subject: { text: 'x' } }, 'RequestBodyRead', "'Edm.String'"],
    ['wrong JSON type (object for collection)', { attendees: { emailAddress: { address: 'a@example.org' } } }, 'RequestBodyRead', 'collection'],
    ['missing subject', { subject: undefined }, 'ErrorInvalidRequest', "'subject' is required"],
    ['missing start', { start: undefined }, 'ErrorInvalidRequest', "'start' is required"],
    ['missing end', { end: undefined }, 'ErrorInvalidRequest', "'end' is required"],
    ['end before start', { end: { dateTime: '2026-12-01T09:00:00', timeZone: 'Europe/London' } }, 'ErrorInvalidRequest', 'end time'],
    ['@odata.type of another type', { '@odata.type': '#microsoft.graph.message' }, 'RequestBodyRead', "is not derived from 'microsoft.graph.event'"],
    ['unknown time zone', { start: { dateTime: '2026-12-01T10:00:00', timeZone: 'Mars/Olympus' } }, 'TimeZoneNotSupportedException', 'Mars/Olympus'],
    ['attendee without an address', { attendees: [{ emailAddress: { name: 'Alex Example' } }] }, 'ErrorInvalidRecipients', 'recipient'],
  ])('%s → 400', async (_name, overrides, code, message) => {
    const r = await createEvent(eventBody({ transactionId: undefined, ...overrides }));
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe(code);
    expect(r.json.error.message).toContain(message);
    expect(Object.keys(r.json.error.innerError).sort()).toEqual(['client-request-id', 'date', 'request-id']);
    expect(r.json.error.innerError['request-id']).toBe(r.headers.get('request-id'));
  });

  test('malformed JSON → 400 BadRequest', async () => {
    const token = await kit.token();
    const r = await fetch(`${kit.sandbox.graphUrl}/users/${ORGANIZER}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"subject": ',
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as Json).error.code).toBe('BadRequest');
  });
});

describe('onlineMeeting PATCH', () => {
  const lockDown = {
    lobbyBypassSettings: { scope: 'organizer', isDialInBypassEnabled: false },
    allowedLobbyAdmitters: 'organizerAndCoOrganizers',
    allowMeetingChat: 'disabled',
    allowedPresenters: 'organizer',
    allowRecording: false,
    allowTranscription: false,
    recordAutomatically: false,
    isEntryExitAnnounced: true,
    allowParticipantsToChangeName: false,
    watermarkProtection: { isEnabledForContentSharing: true, isEnabledForVideo: false },
  };

  test('the lock-down options are stored exactly as given and read back', async () => {
    const id = await meetingOf('patch-ok');
    const patched = await kit.call('PATCH', `/users/${ORGANIZER}/onlineMeetings/${id}`, lockDown);
    expect(patched.status).toBe(200);
    const got = await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings/${id}`);
    expect(got.status).toBe(200);
    for (const [k, v] of Object.entries(lockDown)) expect(got.json[k]).toEqual(v);
  });

  test('an evolvable member needs Prefer: include-unknown-enum-members, and reads back masked without it', async () => {
    const id = await meetingOf('patch-evolvable');
    const body = { lobbyBypassSettings: { scope: 'invited', isDialInBypassEnabled: false } };
    const refused = await kit.call('PATCH', `/users/${ORGANIZER}/onlineMeetings/${id}`, body);
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('BadRequest');
    expect(refused.json.error.message).toContain("'invited'");
    const accepted = await kit.call('PATCH', `/users/${ORGANIZER}/onlineMeetings/${id}`, body, { prefer: 'include-unknown-enum-members' });
    expect(accepted.status).toBe(200);
    expect(accepted.json.lobbyBypassSettings.scope).toBe('invited');
    expect((await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings/${id}`)).json.lobbyBypassSettings.scope).toBe('unknownFutureValue');
    const withPrefer = await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings/${id}`, undefined, { prefer: 'include-unknown-enum-members' });
    expect(withPrefer.json.lobbyBypassSettings.scope).toBe('invited');
  });

  test.each([
    ['unknown property', { allowChat: false }, "'allowChat' does not exist on type 'microsoft.graph.onlineMeeting'"],
    ['enum not a member', { allowMeetingChat: 'off' }, "'off'"],
    ['wrong type', { allowRecording: 'false' }, 'Edm.Boolean'],
    ['read-only property', { joinWebUrl: 'https://example.org' }, 'read-only'],
    ['evolvable role (coorganizer) in participants without Prefer', { participants: { attendees: [{ upn: 'chair@example.org', role: 'coorganizer' }] } }, "'coorganizer'"],
  ])('%s → 400', async (_n, body, message) => {
    const id = await meetingOf(`patch-bad-${_n}`);
    const r = await kit.call('PATCH', `/users/${ORGANIZER}/onlineMeetings/${id}`, body);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('BadRequest');
    expect(r.json.error.message).toContain(message);
  });

  test('organizer without an application access policy → 403 "not authorized … on behalf of user"', async () => {
    const created = await kit.call('POST', '/users/no-policy@example.org/events', eventBody({ transactionId: 'no-policy' }));
    expect(created.status).toBe(201); // creating the event needs Calendars.ReadWrite only
    const joinUrl = created.json.onlineMeeting.joinUrl as string;
    const r = await kit.call('GET', `/users/no-policy@example.org/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`);
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('Forbidden');
    expect(r.json.error.message).toMatch(/^App c11e0000-0000-4000-8000-000000000001 is not authorized to Get meeting on behalf of user [0-9a-f-]{36}\.$/);
  });

  test('list without $filter → 400; unknown meeting id → 404', async () => {
    expect((await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings`)).status).toBe(400);
    const r = await kit.call('GET', `/users/${ORGANIZER}/onlineMeetings/MSpub3RoZXJl`);
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('NotFound');
  });
});

describe('sendMail', () => {
  test('a valid message with a fileAttachment → 202 and no body', async () => {
    const r = await kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('parent.one@example.net'));
    expect(r.status).toBe(202);
    expect(r.json).toBeUndefined();
  });

  test.each([
    ['no toRecipients', mailBody('a@example.net', { toRecipients: [] }), 'ErrorInvalidRecipients'],
    ['recipient not an address', mailBody('not-an-address'), 'ErrorInvalidRecipients'],
    ['no body', mailBody('a@example.net', { body: undefined }), 'ErrorInvalidRequest'],
    ['unknown message property', mailBody('a@example.net', { priority: 'high' }), 'RequestBodyRead'],
    ['unknown parameter', { ...mailBody('a@example.net'), sendLater: true }, 'RequestBodyRead'],
    ['attachment without @odata.type (contentBytes not on attachment)', mailBody('a@example.net', { attachments: [{ name: 'a.ics', contentBytes: 'QQ==' }] }), 'RequestBodyRead'],
    ['attachment of an unknown @odata.type', mailBody('a@example.net', { attachments: [{ '@odata.type': '#microsoft.graph.itemAttachment', name: 'x' }] }), 'RequestBodyRead'],
    ['contentBytes not base64', mailBody('a@example.net', { attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.ics', contentBytes: 'no spaces allowed!' }] }), 'RequestBodyRead'],
    ['missing message', { saveToSentItems: false }, 'ErrorInvalidRequest'],
  ])('%s → 400', async (_n, body, code) => {
    const r = await kit.call('POST', `/users/${ORGANIZER}/sendMail`, body);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe(code);
  });
});

describe('authentication and authorization', () => {
  test('no token → 401 InvalidAuthenticationToken with WWW-Authenticate', async () => {
    const r = await fetch(`${kit.sandbox.graphUrl}/users/${ORGANIZER}/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(eventBody()) });
    expect(r.status).toBe(401);
    expect(((await r.json()) as Json).error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    expect(r.headers.get('www-authenticate')).toContain('Bearer');
  });

  test('a tampered token → 401', async () => {
    const token = await kit.token();
    const [h, p] = token.split('.');
    const r = await kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('a@example.net'), { authorization: `Bearer ${h}.${p}.c2lnbmF0dXJl` });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('InvalidAuthenticationToken');
  });

  test('a token for another audience → 401 Invalid audience', async () => {
    const other = await kit.token('api://some-other-api/.default');
    const r = await kit.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('a@example.net'), { authorization: `Bearer ${other}` });
    expect(r.status).toBe(401);
    expect(r.json.error.message).toBe('Access token validation failure. Invalid audience.');
  });

  test('a role missing for the call → 403 (Outlook ErrorAccessDenied, Teams Forbidden)', async () => {
    const limited = await startKit({ clients: [{ clientId: 'c11e0000-0000-4000-8000-000000000002', clientSecret: 's2', roles: ['Calendars.ReadWrite'] }] });
    try {
      const token = await limited.token(undefined, { clientId: 'c11e0000-0000-4000-8000-000000000002', clientSecret: 's2' });
      const auth = { authorization: `Bearer ${token}` };
      const mail = await limited.call('POST', `/users/${ORGANIZER}/sendMail`, mailBody('a@example.net'), auth);
      expect(mail.status).toBe(403);
      expect(mail.json.error.code).toBe('ErrorAccessDenied');
      const meeting = await limited.call('GET', `/users/${ORGANIZER}/onlineMeetings?$filter=JoinWebUrl eq 'x'`, undefined, auth);
      expect(meeting.status).toBe(403);
      expect(meeting.json.error.code).toBe('Forbidden');
      expect((await limited.call('POST', `/users/${ORGANIZER}/events`, eventBody(), auth)).status).toBe(201);
    } finally {
      await limited.stop();
    }
  });
});

describe('unknown routes', () => {
  test.each([
    ['GET', '/groups', 400, 'BadRequest'],
    ['GET', `/users/${ORGANIZER}/calendarView`, 400, 'BadRequest'],
    ['GET', '/me/events', 400, 'BadRequest'],
    ['DELETE', `/users/${ORGANIZER}/sendMail`, 405, 'BadRequest'],
  ])('%s %s → %d', async (method, path, status, code) => {
    const r = await kit.call(method, path);
    expect(r.status).toBe(status);
    expect(r.json.error.code).toBe(code);
  });
});
