// The Graph adapter and the booking use case against the local Graph sandbox: exact URLs and
// bodies, the $batch split, item-level 429 retry, faults, the access-policy 403, option drift.
import { bookMeeting } from '../../bot/app/meetings/book-meeting.use-case';
import { meetingTransactionId } from '../../bot/app/meetings/booking-deps';
import type { Database } from '../../bot/adapters/store/database';
import { migrate } from '../../bot/adapters/store/migrate';
import { openDatabase } from '../../bot/adapters/store/open-database';
import type { Conference } from '../../bot/domain/conference/conference';
import { invitee, sampleConference } from '../invitations/booking-fakes';
import { type Harness, ORGANIZER, SENDER, startHarness } from './sandbox-harness';
import { alertCodes, auditActions, sqlBookingDeps } from './sql-booking-deps';

const ORG = encodeURIComponent(ORGANIZER);

function family(tag: string, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const id = `fam-${String(i + 1).padStart(2, '0')}`;
    return invitee(id, 'parent', { displayName: `Family Member ${i + 1}`, email: `${id}@${tag}.example.org` });
  });
}

async function inboxCounts(h: Harness, addresses: string[]): Promise<number[]> {
  const s = await h.state();
  return addresses.map((a) => s.mailboxes.find((b) => b.mailbox === a)?.messages.filter((m) => m.folder === 'inbox').length ?? 0);
}

const batchItems = (r: { body: unknown }) => (r.body as { requests: { id: string; url: string; body: { message: { toRecipients: { emailAddress: { address: string } }[] } } }[] }).requests;

/** The sample conference with this test's own ids and addresses (one sandbox serves every test). */
function conference(tag: string, overrides: Partial<Conference> = {}) {
  const c = sampleConference(overrides);
  return { ...c, id: `conf-${tag}`, invitees: c.invitees.map((i) => ({ ...i, email: `${i.id}@${tag}.example.org` })) };
}
const addr = (tag: string, id: string) => `${id}@${tag}.example.org`;

describe('Graph adapter against the sandbox, on the SQL store', () => {
  let h: Harness;
  let db: Database;
  const depsFor = (harness: Harness) => sqlBookingDeps(harness, db);
  beforeAll(async () => {
    db = await openDatabase({ dataDir: ':memory:' });
    await migrate(db);
    h = await startHarness({ db });
  });
  afterAll(async () => {
    await h.stop();
    await db.close();
  });
  beforeEach(() => {
    h.sandbox.setFaults(undefined);
    h.clearLog();
  });

  it('books with exactly five Graph requests, with the exact URLs and bodies', async () => {
    const deps = depsFor(h);
    await deps.store.create(conference('exact'));
    const result = await bookMeeting(deps, 'conf-exact');
    expect(result.optionsVerified).toBe(true);
    const meetingId = encodeURIComponent(result.conference.meeting!.onlineMeetingId!);
    // chatInfo.threadId of the sandbox's onlineMeeting: Teams' meeting events arrive in that chat.
    expect(result.conference.meeting!.chatThreadId).toMatch(/^19:meeting_.+@thread\.v2$/);
    const reqs = h.graphRequests();
    expect(reqs.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v1.0/users/${ORG}/events`,
      `GET /v1.0/users/${ORG}/onlineMeetings`,
      `PATCH /v1.0/users/${ORG}/onlineMeetings/${meetingId}`,
      `GET /v1.0/users/${ORG}/onlineMeetings/${meetingId}`,
      'POST /v1.0/$batch',
    ]);
    expect(reqs[0]!.body).toEqual({
      subject: 'CP-2026-0042 Initial child protection conference',
      body: { contentType: 'text', content: 'Child protection conference. Please join from the Teams link. Attendees are hidden from each other.' },
      start: { dateTime: '2026-12-10T10:00:00', timeZone: 'Europe/London' },
      end: { dateTime: '2026-12-10T12:00:00', timeZone: 'Europe/London' },
      attendees: ['chair', 'sw', 'p-police', 'p-school'].map((id) => ({ emailAddress: { address: addr('exact', id), name: `Person ${id}` }, type: 'required' })),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      hideAttendees: true,
      allowNewTimeProposals: false,
      responseRequested: true,
      transactionId: meetingTransactionId('conf-exact', 1),
    });
    expect(reqs[1]!.query).toEqual({ $filter: `JoinWebUrl eq '${result.conference.meeting!.joinUrl}'` });
    expect(reqs[2]!.body).toEqual({
      lobbyBypassSettings: { scope: 'organizer', isDialInBypassEnabled: false },
      allowedLobbyAdmitters: 'organizerAndCoOrganizers',
      allowMeetingChat: 'disabled',
      allowedPresenters: 'organizer',
      allowRecording: false,
      allowTranscription: false,
      recordAutomatically: false,
      isEntryExitAnnounced: true,
      allowParticipantsToChangeName: false,
    });
    const items = batchItems(reqs[4]!);
    expect(items.map((i) => [i.id, i.url])).toEqual([['1', `/users/${encodeURIComponent(SENDER)}/sendMail`], ['2', `/users/${encodeURIComponent(SENDER)}/sendMail`]]);
    const first = (reqs[4]!.body as { requests: { method: string; headers: unknown; body: { message: Record<string, unknown>; saveToSentItems: boolean } }[] }).requests[0]!;
    expect(first.method).toBe('POST');
    expect(first.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(first.body.saveToSentItems).toBe(true);
    expect(first.body.message.subject).toBe('Invitation: initial child protection conference CP-2026-0042');
    expect(first.body.message.toRecipients).toEqual([{ emailAddress: { address: addr('exact', 'mum'), name: 'Alex Example' } }]);
    const [attachment] = first.body.message.attachments as { '@odata.type': string; name: string; contentType: string; contentBytes: string }[];
    expect(attachment!['@odata.type']).toBe('#microsoft.graph.fileAttachment');
    expect(attachment!.name).toBe('invitation.ics');
    expect(Buffer.from(attachment!.contentBytes, 'base64').toString('utf8')).toContain('DTSTART;TZID=Europe/London:20261210T103000\r\n');
    // What Exchange and the mailboxes hold afterwards.
    expect(await eventsOf('conf-exact')).toBe(1);
    expect(await inboxCounts(h, ['mum', 'dad', 'chair', 'p-school'].map((id) => addr('exact', id)))).toEqual([1, 1, 1, 1]);
  });

  it('splits 25 family e-mails into $batch requests of 20 and 5, one e-mail each', async () => {
    const deps = depsFor(h);
    const fam = family('split', 25);
    await deps.store.create({ ...conference('split'), invitees: [invitee('chair', 'chair'), invitee('sw', 'social-worker'), ...fam] });
    const result = await bookMeeting(deps, 'conf-split');
    expect(result.family.sent).toHaveLength(25);
    const batches = h.graphRequests().filter((r) => r.path === '/v1.0/$batch');
    expect(batches.map((b) => batchItems(b).length)).toEqual([20, 5]);
    expect(batchItems(batches[1]!).map((i) => i.body.message.toRecipients[0]!.emailAddress.address)).toEqual(fam.slice(20).map((f) => f.email));
    expect(await inboxCounts(h, fam.map((f) => f.email))).toEqual(Array(25).fill(1));
  });

  it('retries only the items refused with 429 inside a batch, after their Retry-After', async () => {
    h.sandbox.setFaults({ rules: [{ kind: 'throttle', scope: 'batchItem', path: '/sendMail$', nth: [2, 3], retryAfterSeconds: 2 }] });
    const deps = depsFor(h);
    const fam = family('item429', 4);
    await deps.store.create({ ...conference('item429'), invitees: [invitee('chair', 'chair'), ...fam] });
    const result = await bookMeeting(deps, 'conf-item429');
    expect(result.family).toEqual({ sent: fam.map((f) => f.id), failed: [], unknown: [], late: [] });
    const batches = h.graphRequests().filter((r) => r.path === '/v1.0/$batch');
    expect(batches.map((b) => batchItems(b).map((i) => i.body.message.toRecipients[0]!.emailAddress.address))).toEqual([
      fam.map((f) => f.email),
      [fam[1]!.email, fam[2]!.email],
    ]);
    expect(h.waits).toEqual([2000]);
    expect(await inboxCounts(h, fam.map((f) => f.email))).toEqual([1, 1, 1, 1]);
  });

  it('a response lost after the create (connection reset) is retried with the same transactionId: one event', async () => {
    h.sandbox.setFaults({ rules: [{ kind: 'reset', method: 'POST', path: '/events$', nth: [1], when: 'after' }] });
    const deps = depsFor(h);
    await deps.store.create(conference('reset'));
    const result = await bookMeeting(deps, 'conf-reset');
    const creates = h.graphRequests().filter((r) => r.method === 'POST' && r.path.endsWith('/events'));
    expect(creates).toHaveLength(2);
    expect((creates[0]!.body as { transactionId: string }).transactionId).toBe((creates[1]!.body as { transactionId: string }).transactionId);
    expect(await eventsOf('conf-reset')).toBe(1);
    expect(result.optionsVerified).toBe(true);
    expect(await inboxCounts(h, ['mum', 'dad', 'chair'].map((id) => addr('reset', id)))).toEqual([1, 1, 1]);
  });

  it('a $batch whose answer is lost after sending is never resent: one e-mail each, the clerk alerted', async () => {
    h.sandbox.setFaults({ rules: [{ kind: 'reset', path: '\\$batch$', nth: [1], when: 'after' }] });
    const deps = depsFor(h);
    await deps.store.create(conference('lost'));
    const result = await bookMeeting(deps, 'conf-lost');
    expect(result.family).toEqual({ sent: [], failed: [], unknown: ['mum', 'dad'], late: [] });
    expect((await deps.alerts.open('conf-lost')).map((a) => [a.code, a.detail.unknown])).toEqual([['INVITATION.FAMILY_MAIL_NOT_CONFIRMED', ['mum', 'dad']]]);
    await bookMeeting(deps, 'conf-lost');
    expect(h.graphRequests().filter((r) => r.path === '/v1.0/$batch')).toHaveLength(1);
    expect(await inboxCounts(h, [addr('lost', 'mum'), addr('lost', 'dad')])).toEqual([1, 1]);
  });

  it('429 storms, 503s, a timeout and a reset still leave one event, verified options and one e-mail per family member', async () => {
    h.sandbox.setFaults({
      seed: 7,
      rules: [
        { kind: 'throttle', path: '^/v1\\.0/', rate: 0.35, retryAfterSeconds: 0 },
        { kind: 'unavailable', path: '^/v1\\.0/', nth: [1, 3, 6] },
        { kind: 'slow', method: 'GET', path: '/onlineMeetings', nth: [1], latencyMs: 4300 },
        { kind: 'reset', method: 'POST', path: '/events$', nth: [2], when: 'after' },
        { kind: 'throttle', scope: 'batchItem', rate: 0.4, retryAfterSeconds: 0 },
      ],
    });
    const deps = depsFor(h);
    const fam = family('storm', 6);
    await deps.store.create({ ...conference('storm'), invitees: [invitee('chair', 'chair'), invitee('sw', 'social-worker'), ...fam] });
    // A job runner retries a failed booking; the use case resumes from the saved state.
    let done = false;
    for (let attempt = 0; attempt < 4 && !done; attempt++) {
      try {
        const r = await bookMeeting(deps, 'conf-storm');
        done = r.optionsVerified && r.conference.invitees.every((i) => i.mail?.state !== 'failed');
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
    expect(h.sandbox.faultStats().map((s) => s.fired > 0)).toEqual([true, true, true, true, true]);
    const saved = (await deps.store.get('conf-storm')) as Conference;
    expect(saved.meeting!.optionsVerified).toBe(true);
    expect(await eventsOf('conf-storm')).toBe(1);
    expect(saved.invitees.filter((i) => i.role === 'parent').map((i) => i.mail?.state)).toEqual(Array(6).fill('sent'));
    expect(await inboxCounts(h, fam.map((f) => f.email))).toEqual(Array(6).fill(1));
  });

  it('a missing application access policy stops with a message naming the PowerShell commands', async () => {
    const denied = await startHarness({ organizers: [{ id: ORGANIZER, accessPolicy: false }] });
    try {
      const deps = depsFor(denied);
      await deps.store.create(conference('policy'));
      const err = await bookMeeting(deps, 'conf-policy').then(() => undefined, (e: unknown) => e as { code: string; message: string; status: number });
      expect(err).toMatchObject({ code: 'GRAPH.ACCESS_POLICY_MISSING', status: 403 });
      expect(err!.message).toContain(`New-CsApplicationAccessPolicy -Identity "cp-conference-bot" -AppIds "${denied.config.clientId}"`);
      expect(err!.message).toContain(`Grant-CsApplicationAccessPolicy -PolicyName "cp-conference-bot" -Identity "${ORGANIZER}"`);
      expect(denied.graphRequests().filter((r) => r.path === '/v1.0/$batch')).toHaveLength(0);
      expect(await alertCodes(deps, 'conf-policy')).toEqual(['GRAPH.ACCESS_POLICY_MISSING']);
    } finally {
      await denied.stop();
    }
  });

  it('an option changed behind our back (read back differs) is an alert and an audit entry, and no family mail', async () => {
    const deps = depsFor(h);
    const real = h.graph.meetings;
    // Someone changes the meeting in Teams between our PATCH and our read-back.
    const racing = Object.create(real) as typeof real;
    racing.setMeetingOptions = async (organizerId, id, options) => {
      await real.setMeetingOptions(organizerId, id, options);
      await real.setMeetingOptions(organizerId, id, { ...options, allowMeetingChat: 'enabled', allowRecording: true });
    };
    await deps.store.create(conference('drift'));
    const result = await bookMeeting({ ...deps, meetings: racing }, 'conf-drift');
    expect(result.optionsVerified).toBe(false);
    expect(result.optionMismatches).toEqual(['allowMeetingChat', 'allowRecording']);
    expect(await alertCodes(deps, 'conf-drift')).toEqual(['MEETING.OPTIONS_NOT_APPLIED']);
    expect(await auditActions(deps, 'conf-drift')).toContain('meeting.options-mismatch');
    expect(h.graphRequests().filter((r) => r.path === '/v1.0/$batch')).toHaveLength(0);
  });

  async function eventsOf(conferenceId: string): Promise<number> {
    return (await h.state()).events.filter((e) => e.transactionId === meetingTransactionId(conferenceId, 1)).length;
  }
});
