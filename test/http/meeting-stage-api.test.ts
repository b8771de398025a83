// The chair's controls over real HTTP (/api/v1/conferences/:id/meeting…), on the SQL store, with
// the calling bot and the in-meeting notifier as recording fakes and PROFILE_OVERRIDES turning
// the live lobby bypass on: only the chair moves the stage (others refused, audited, nothing
// changes); quorum at the start needs a recorded reason; a double press is a no-op; the chair is
// told (1:1 card and a targeted notification opening the signed run sheet page); alerts follow the
// stage; an unknown joiner is matched by hand; someone is removed through the calling bot, or the
// chair gets Teams' steps for an anonymous joiner.
jest.setTimeout(120_000);

import { SqlConferenceStore } from '../../bot/adapters/store/sql-conference.store';
import { SqlLiveMeetingStore } from '../../bot/adapters/store/sql-live-meeting.store';
import { type CallControl, CallControlError, type CallParticipant } from '../../bot/app/ports/call-control.port';
import type { MeetingNotification, MeetingNotifier } from '../../bot/app/ports/meeting-notifier.port';
import type { Conference } from '../../bot/domain/conference/conference';
import type { LiveMeeting, RosterEntry } from '../../bot/domain/meeting/live-meeting';
import { FakeMailer, FakeMeetings } from '../invitations/booking-fakes';
import { bookedConference, CHAIR, CLERK, POLICE, RecordingNotifier, SAFEGUARDING, SCHOOL, SOCIAL_WORKER } from '../invite-list/support/invite-kit';
import { StaticDirectory } from '../support/static-directory';
import { startTestServer, type TestServer } from './support/test-server';

// biome-ignore lint/suspicious/noExplicitAny: answers are read loosely; the server checks them against their schemas
type Json = any;

class RecordingMeetingNotifier implements MeetingNotifier {
  readonly sent: { teamsMeetingId: string; n: MeetingNotification }[] = [];
  async notify(_chat: unknown, teamsMeetingId: string, n: MeetingNotification): Promise<void> {
    this.sent.push({ teamsMeetingId, n });
  }
}

class FakeCalls implements CallControl {
  readonly joins: { joinUrl: string; chatThreadId: string }[] = [];
  readonly removed: string[] = [];
  participants: CallParticipant[] = [];
  /** Calls that have ended (the bot dropped): Graph answers 404 for them. */
  readonly ended = new Set<string>();
  async joinMeeting(input: { joinUrl: string; chatThreadId: string }): Promise<string> {
    this.joins.push({ joinUrl: input.joinUrl, chatThreadId: input.chatThreadId });
    return `call-${this.joins.length}`;
  }
  async listParticipants(callId: string): Promise<CallParticipant[]> {
    if (this.ended.has(callId)) throw new CallControlError('CALL.NOT_JOINED', 'ended');
    return this.participants;
  }
  async removeParticipant(_callId: string, id: string): Promise<void> {
    if (!this.participants.some((p) => p.id === id)) throw new CallControlError('CALL.PARTICIPANT_NOT_FOUND', 'gone');
    this.removed.push(id);
    this.participants = this.participants.filter((p) => p.id !== id);
  }
}

const notifier = new RecordingNotifier();
const inMeeting = new RecordingMeetingNotifier();
const calls = new FakeCalls();
const meetings = new FakeMeetings();
let bot: TestServer;
let live: SqlLiveMeetingStore;
const tokens = new Map<string, string>();

async function api(method: string, path: string, personId: string, body?: unknown): Promise<{ status: number; json: Json }> {
  if (!tokens.has(personId)) tokens.set(personId, ((await bot.post('/api/v1/dev/sign-in', { userId: personId })).json as Json).accessToken);
  const res = await fetch(`${bot.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens.get(personId)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

function withPeople(id: string): Omit<Conference, 'version'> {
  const base = bookedConference(id, { caseReference: `MOS${id.replace(/\D/g, '').padStart(7, '0')}` });
  return {
    ...base,
    booking: { chairId: CHAIR.id, socialWorkerId: SOCIAL_WORKER.id, requestedBy: CLERK.id, durationMinutes: 120, confidentialMinutes: 45 },
    meeting: { ...base.meeting!, joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0', chatThreadId: '19:meeting_x@thread.v2' },
    invitees: [
      ...base.invitees,
      { id: 'inv-police', role: 'professional', agency: 'police', displayName: POLICE.displayName, email: POLICE.mail, directoryId: POLICE.id, status: 'invited' },
      { id: 'inv-parent', role: 'parent', displayName: 'Invented Parent', email: 'parent.invented@example.net', status: 'invited' },
    ],
  };
}

const entry = (participantId: string, extra: Partial<RosterEntry> = {}): RosterEntry => ({
  participantId, inMeeting: true, firstJoinedAt: '2026-12-02T09:55:00.000Z', lastEventAt: '2026-12-02T09:55:00.000Z', ...extra,
});

async function startLive(conferenceId: string, roster: RosterEntry[]): Promise<void> {
  await live.create({
    conferenceId, teamsMeetingId: `mtg-${conferenceId}`, chat: { conversationId: '19:meeting_x@thread.v2', serviceUrl: 'https://smba.example/uk/' },
    startedAt: '2026-12-02T09:55:00.000Z', stage: 'pre-meeting', history: [], roster, alerts: [],
  });
}

const CHAIR_IN = entry('29:chair', { aadObjectId: CHAIR.id, inviteeId: 'inv-chair', matchedBy: 'entra-id' });
const SW_IN = entry('29:sw', { aadObjectId: SOCIAL_WORKER.id, inviteeId: 'inv-sw', matchedBy: 'entra-id' });

const STRANGER = 'bbbb0000-0000-4000-8000-00000000b002';

const audit = async (conferenceId: string, action: string): Promise<Json[]> =>
  (await bot.db.query<{ detail: Json }>('SELECT detail FROM audit_log WHERE conference_id = $1 AND action = $2 ORDER BY seq', [conferenceId, action])).rows.map((r) => r.detail);

beforeAll(async () => {
  bot = await startTestServer({
    env: { PROFILE_OVERRIDES: JSON.stringify({ meeting: { liveLobbyBypass: true } }) },
    deps: { directory: new StaticDirectory(), graph: { meetings, mailer: new FakeMailer() }, notifier, meetingNotifier: inMeeting, calls },
  });
  live = new SqlLiveMeetingStore(bot.db);
  const store = new SqlConferenceStore(bot.db);
  for (const id of ['ms-1', 'ms-2', 'ms-3']) await store.create(withPeople(id));
});
afterAll(async () => bot.close());

describe('reading the meeting', () => {
  test('before Teams has started it: 404 MEETING.NOT_FOUND, even for the chair', async () => {
    const r = await api('GET', '/conferences/ms-3/meeting', CHAIR.id);
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('MEETING.NOT_FOUND');
  });

  test('the chair gets the run sheet with names; the social worker the stage alone; someone not part of it a 404', async () => {
    await startLive('ms-1', [CHAIR_IN, SW_IN]);
    const chair = await api('GET', '/conferences/ms-1/meeting', CHAIR.id);
    expect(chair.status).toBe(200);
    expect(chair.json.view).toBe('run-sheet');
    expect(chair.json.runSheet.admitNow.map((l: Json) => [l.inviteeId, l.name])).toEqual([['inv-police', POLICE.displayName]]);
    expect(chair.json.runSheet.mustWait.map((l: Json) => l.inviteeId)).toEqual(['inv-parent']);
    expect(chair.json.runSheet.commands.map((c: Json) => c.command)).toEqual(['open-confidential']);
    expect(chair.json.runSheet.quorum).toMatchObject({ quorate: false, socialCare: true, missing: 2, decided: false });
    expect(chair.json.runSheet.recording).toEqual({ recording: 'not known to the product', transcription: 'not known to the product' });

    const sw = await api('GET', '/conferences/ms-1/meeting', SOCIAL_WORKER.id);
    expect(sw.status).toBe(200);
    expect(sw.json).toEqual({ conferenceId: 'ms-1', stage: 'pre-meeting', stageLabel: 'Pre-meeting (chair and social worker)', stageSince: '2026-12-02T09:55:00.000Z', view: 'neutral' });
    expect(JSON.stringify(sw.json)).not.toContain('Invented Parent');

    // A manager who oversees every conference reads it, but only the stage; a professional not invited gets a 404.
    expect((await api('GET', '/conferences/ms-1/meeting', SAFEGUARDING.id)).json.view).toBe('neutral');
    expect((await api('GET', '/conferences/ms-1/meeting', SCHOOL.id)).status).toBe(404);
  });
});

describe('moving the stage', () => {
  test('anyone but the chair is refused MEETING.NOT_THE_CHAIR, audited, and nothing changes', async () => {
    const before = await live.get('ms-1');
    const r = await api('POST', '/conferences/ms-1/meeting/stage', SOCIAL_WORKER.id, { command: 'open-confidential' });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('MEETING.NOT_THE_CHAIR');
    expect(await audit('ms-1', 'meeting.refused')).toEqual([{ attempted: 'meeting.stage', code: 'MEETING.NOT_THE_CHAIR' }]);
    expect(await live.get('ms-1')).toEqual(before);
  });

  test('not quorate at the start: refused without a reason; an empty reason is refused too; with one, recorded and the stage opens', async () => {
    const first = await api('POST', '/conferences/ms-1/meeting/stage', CHAIR.id, { command: 'open-confidential' });
    expect(first.status).toBe(400);
    expect(first.json.error.code).toBe('MEETING.NOT_QUORATE_REASON_REQUIRED');
    expect((await live.get('ms-1'))!.stage).toBe('pre-meeting');

    const empty = await api('POST', '/conferences/ms-1/meeting/quorum', CHAIR.id, { reason: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.json.error.code).toBe('MEETING.NOT_QUORATE_REASON_REQUIRED');

    const proceed = await api('POST', '/conferences/ms-1/meeting/quorum', CHAIR.id, { reason: 'Police and health reports were read out by the social worker' });
    expect(proceed.status).toBe(200);
    expect(proceed.json).toMatchObject({ outcome: 'proceeding', quorum: { quorate: false, decided: true } });
    const stored = (await live.get('ms-1'))!;
    expect(stored.quorum?.proceeded).toEqual({ by: CHAIR.id, at: expect.any(String), reason: 'Police and health reports were read out by the social worker' });
    // The reason is free text: the audit has ids and counts only.
    expect(await audit('ms-1', 'meeting.quorum-proceeded')).toEqual([{ quorate: false, missing: 2, socialCare: true }]);

    const opened = await api('POST', '/conferences/ms-1/meeting/stage', CHAIR.id, { command: 'open-confidential' });
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ outcome: 'changed', stage: 'confidential', notified: { chat: 'sent', meeting: 'sent' } });
    expect(await audit('ms-1', 'meeting.stage-changed')).toEqual([{ from: 'pre-meeting', to: 'confidential', command: 'open-confidential' }]);
  });

  test('the chair is told: the run sheet card in the 1:1 chat, and a targeted notification opening the signed run sheet page', async () => {
    const card = notifier.sent.at(-1)!;
    expect(card.personId).toBe(CHAIR.id);
    expect(JSON.stringify(card.card)).toContain('Now: Confidential section (professionals only).');
    const n = inMeeting.sent.at(-1)!;
    expect(n.teamsMeetingId).toBe('mtg-ms-1');
    expect(n.n.recipients).toEqual(['29:chair']);
    expect(n.n.title).toBe('Now: Confidential section (professionals only)');
    expect(n.n.url).toMatch(/\/tab\/run-sheet\?conference=ms-1&token=[^&]+$/);

    const page = await fetch(n.n.url.replace(/^https?:\/\/[^/]+/, bot.url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Run sheet MOS0000001');
    expect(html).toContain('Confidential section (professionals only)');
    const forged = await fetch(`${bot.url}/tab/run-sheet?conference=ms-2&${new URL(n.n.url).searchParams.toString().replace(/^conference=ms-1&/, '')}`);
    expect(forged.status).toBe(403);
    expect(await forged.text()).not.toContain('Confidential section');
    expect((await fetch(`${bot.url}/tab/run-sheet?conference=ms-1&token=x.y`)).status).toBe(403);
  });

  test('the live lobby bypass: the council\'s own staff bypass during the confidential section, read back and audited', async () => {
    expect(meetings.patched?.lobbyBypassSettings).toEqual({ scope: 'organizationExcludingGuests', isDialInBypassEnabled: false });
    expect(await audit('ms-1', 'meeting.lobby-bypass-set')).toEqual([{ stage: 'confidential', scope: 'organizationExcludingGuests', verified: true, mismatches: [] }]);
  });

  test('a double press is answered "unchanged" and nobody is told again', async () => {
    const sent = notifier.sent.length;
    const again = await api('POST', '/conferences/ms-1/meeting/stage', CHAIR.id, { command: 'open-confidential' });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ outcome: 'unchanged', stage: 'confidential' });
    expect(notifier.sent.length).toBe(sent);
    expect(await audit('ms-1', 'meeting.stage-changed')).toHaveLength(1);
  });

  test('an illegal command is refused MEETING.STAGE_NOT_ALLOWED and audited', async () => {
    const r = await api('POST', '/conferences/ms-1/meeting/stage', CHAIR.id, { command: 'open-looked-after' });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('MEETING.STAGE_NOT_ALLOWED');
    expect((await audit('ms-1', 'meeting.refused')).at(-1)).toEqual({ attempted: 'meeting.stage', code: 'MEETING.STAGE_NOT_ALLOWED', command: 'open-looked-after', stage: 'confidential' });
  });

  test('the family section locks the lobby again; alerts follow the stage', async () => {
    await startLive('ms-2', [CHAIR_IN, SW_IN, entry('29:parent', { inviteeId: 'inv-parent', matchedBy: 'email', email: 'parent.invented@example.net' })]);
    await api('POST', '/conferences/ms-2/meeting/quorum', CHAIR.id, { reason: 'Reports received' });
    const opened = await api('POST', '/conferences/ms-2/meeting/stage', CHAIR.id, { command: 'open-confidential' });
    expect(opened.status).toBe(200);
    let sheet = (await api('GET', '/conferences/ms-2/meeting', CHAIR.id)).json.runSheet;
    expect(sheet.mustLeave.map((l: Json) => [l.inviteeId, l.participantIds])).toEqual([['inv-parent', ['29:parent']]]);
    expect(sheet.alerts.map((a: Json) => a.kind)).toEqual(['family-in-confidential']);

    const family = await api('POST', '/conferences/ms-2/meeting/stage', CHAIR.id, { command: 'open-family' });
    expect(family.json).toMatchObject({ outcome: 'changed', stage: 'family', lobby: { scope: 'organizer', verified: true } });
    expect(meetings.patched?.lobbyBypassSettings.scope).toBe('organizer');
    sheet = (await api('GET', '/conferences/ms-2/meeting', CHAIR.id)).json.runSheet;
    expect(sheet.alerts).toEqual([]);
    const stored = (await live.get('ms-2'))!;
    expect(stored.alerts.map((a) => [a.kind, a.clearedBecause])).toEqual([['family-in-confidential', 'stage-changed']]);
    expect((await audit('ms-2', 'meeting.alert-cleared')).map((d) => d.reason)).toEqual(['stage-changed']);
  });
});

describe('matching and removing', () => {
  let liveMs3: LiveMeeting;
  beforeAll(async () => {
    // Quorate: social care and police present, one report would make two.
    await startLive('ms-3', [
      CHAIR_IN, SW_IN,
      entry('29:police', { aadObjectId: POLICE.id, inviteeId: 'inv-police', matchedBy: 'entra-id' }),
      entry('29:guest', { displayName: 'Someone Unmatched' }),
      entry('29:anon', { displayName: 'Anonymous caller' }),
      // A tenant user the product could not match (not on the invite list).
      entry('29:stranger', { aadObjectId: STRANGER }),
    ]);
    const opened = await api('POST', '/conferences/ms-3/meeting/stage', CHAIR.id, { command: 'open-confidential', quorumReason: 'Health sent apologies and a report' });
    expect(opened.status).toBe(200);
    liveMs3 = (await live.get('ms-3'))!;
  });

  test('unknown joiners are alerted; the chair matches one by hand: audited, its alert cleared "matched", a presence alert raised', async () => {
    expect(liveMs3.alerts.filter((a) => !a.clearedAt).map((a) => [a.kind, a.participantId])).toEqual([['unknown-joiner', '29:guest'], ['unknown-joiner', '29:anon'], ['unknown-joiner', '29:stranger']]);
    const refused = await api('POST', `/conferences/ms-3/meeting/roster/${encodeURIComponent('29:guest')}/match`, SOCIAL_WORKER.id, { inviteeId: 'inv-parent' });
    expect(refused.status).toBe(403);
    const unknownInvitee = await api('POST', `/conferences/ms-3/meeting/roster/${encodeURIComponent('29:guest')}/match`, CHAIR.id, { inviteeId: 'inv-nobody' });
    expect(unknownInvitee.json.error.code).toBe('MEETING.INVITEE_NOT_FOUND');
    const r = await api('POST', `/conferences/ms-3/meeting/roster/${encodeURIComponent('29:guest')}/match`, CHAIR.id, { inviteeId: 'inv-parent' });
    expect(r.status).toBe(200);
    const after = (await live.get('ms-3'))!;
    expect(after.roster.find((e) => e.participantId === '29:guest')).toMatchObject({ inviteeId: 'inv-parent', matchedBy: 'chair' });
    expect(after.alerts.find((a) => a.participantId === '29:guest' && a.kind === 'unknown-joiner')?.clearedBecause).toBe('matched');
    // Now known as the parent, in the professionals-only part: that is the alert now.
    expect(after.alerts.filter((a) => !a.clearedAt && a.participantId === '29:guest').map((a) => a.kind)).toEqual(['family-in-confidential']);
    expect(await audit('ms-3', 'meeting.participant-matched')).toEqual([{ participantId: '29:guest', inviteeId: 'inv-parent', previousInviteeId: null, matchedBy: 'chair' }]);
  });

  test('removal through the calling bot: joined once, the person found by Entra id and removed; audited; alerts cleared "removed"', async () => {
    // The matched parent has no Entra id: the bot cannot find them in the call — Teams' steps instead.
    const parent = await api('POST', `/conferences/ms-3/meeting/roster/${encodeURIComponent('29:guest')}/remove`, CHAIR.id);
    expect(parent.json).toEqual({ outcome: 'instructions', reason: 'CALL.NO_ENTRA_ID', instructions: 'In the meeting, open People, find the parent, select More options (…) › Remove from meeting.' });

    // A tenant user the product did not match: the calling bot removes them.
    calls.participants = [{ id: 'call-p-stranger', aadObjectId: STRANGER }, { id: 'call-p-police', aadObjectId: POLICE.id }];
    const removed = await api('POST', `/conferences/ms-3/meeting/roster/${encodeURIComponent('29:stranger')}/remove`, CHAIR.id);
    expect(removed.json).toEqual({ outcome: 'removed' });
    expect(calls.joins).toEqual([{ joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0', chatThreadId: '19:meeting_x@thread.v2' }]);
    expect(calls.removed).toEqual(['call-p-stranger']);
    const after = (await live.get('ms-3'))!;
    expect(after.call?.callId).toBe('call-1');
    expect(after.roster.find((e) => e.participantId === '29:stranger')?.inMeeting).toBe(false);
    expect(after.alerts.find((a) => a.participantId === '29:stranger')).toMatchObject({ kind: 'unknown-joiner', clearedBecause: 'removed' });
    expect(await audit('ms-3', 'meeting.participant-removed')).toEqual([{ participantId: '29:stranger', inviteeId: null, callId: 'call-1', callParticipantId: 'call-p-stranger' }]);

    // Gone already: nothing is sent to Graph again.
    const again = await api('POST', `/conferences/ms-3/meeting/roster/${encodeURIComponent('29:stranger')}/remove`, CHAIR.id);
    expect(again.json).toEqual({ outcome: 'already-gone' });
    expect(calls.removed).toEqual(['call-p-stranger']);
    expect((await api('POST', '/conferences/ms-3/meeting/roster/29%3Anobody/remove', CHAIR.id)).json.error.code).toBe('MEETING.PARTICIPANT_NOT_FOUND');
  });

  test('the bot\'s call has ended: it joins again once, keeps the new call id, and removes', async () => {
    calls.ended.add('call-1');
    const r = await api('POST', `/conferences/ms-3/meeting/roster/${encodeURIComponent('29:police')}/remove`, CHAIR.id);
    expect(r.json).toEqual({ outcome: 'removed' });
    expect(calls.joins).toHaveLength(2);
    expect(calls.removed).toEqual(['call-p-stranger', 'call-p-police']);
    expect((await live.get('ms-3'))!.call?.callId).toBe('call-2');
    // Graph's call notifications to the callback are taken (202) and acted on not at all.
    const callback = await fetch(`${bot.url}/api/calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value: [{ changeType: 'updated' }] }) });
    expect(callback.status).toBe(202);
    expect((await audit('ms-3', 'meeting.call-joined')).map((d) => d.callId)).toEqual(['call-1', 'call-2']);
  });
});
