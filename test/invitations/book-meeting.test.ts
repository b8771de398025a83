import { bookMeeting } from '../../bot/app/meetings/book-meeting.use-case';
import { meetingTransactionId } from '../../bot/app/meetings/booking-deps';
import { allowFamilyResend } from '../../bot/app/meetings/change-booking.use-case';
import { MeetingsError } from '../../bot/app/ports/meetings.port';
import { BACKENDS } from '../store/backends';
import { type SqlKit, startSqlKit } from '../app/meetings/sql-booking-kit';
import { sampleConference } from './booking-fakes';

describe.each(BACKENDS)('bookMeeting on $name', (backend) => {
  // One database for the file (a fresh one per test costs seconds); each test its own conference.
  let kit: SqlKit;
  let id = '';
  let n = 0;
  beforeAll(async () => {
    kit = await startSqlKit(backend);
  });
  afterAll(async () => kit.stop());
  async function setup(overrides = {}) {
    kit.reset();
    id = `conf-${++n}`;
    await kit.deps.store.create({ ...sampleConference(overrides), id });
    return kit.deps;
  }

  it('creates the event with chair and social worker first, hidden attendees, a derived transactionId and no names in the subject', async () => {
    const deps = await setup();
    const result = await bookMeeting(deps, id);
    expect(deps.meetings.calls).toEqual(['createEvent', 'findOnlineMeetingId', 'setMeetingOptions', 'getMeetingOptions']);
    const create = deps.meetings.creates[0]!;
    expect(create.subject).toBe('CP-2026-0042 Initial child protection conference');
    expect(create.transactionId).toBe(meetingTransactionId(id, 1));
    expect(create.transactionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(create.attendees.map((a) => a.email)).toEqual(['chair@example.org', 'sw@example.org', 'p-police@example.org', 'p-school@example.org']);
    expect(create.start).toBe('2026-12-10T10:00');
    expect(result.optionsVerified).toBe(true);
    expect(result.family.sent).toEqual(['mum', 'dad']);
    expect(result.conference.status).toBe('booked');
    expect(result.conference.meeting).toMatchObject({ onlineMeetingId: 'om-1', optionsVerified: true, optionMismatches: [], syncedBookingVersion: 1 });
    // The meeting chat's thread id is recorded (stored, read back) and finds the conference for Teams' meeting events.
    expect((await kit.deps.store.get(id))!.meeting!.chatThreadId).toBe('19:meeting_om-1@thread.v2');
    const mum = result.conference.invitees.find((i) => i.id === 'mum')!;
    expect(mum).toMatchObject({ status: 'invited', notice: { deadline: '2026-12-01', met: true }, mail: { state: 'sent', kind: 'invitation', joinAt: '2026-12-10T10:30', bookingVersion: 1 } });
    expect(result.conference.invitees.find((i) => i.id === 'chair')).toMatchObject({ status: 'invited', notice: { deadline: '2026-12-01', met: true } });
    expect(await kit.actions(id)).toEqual(['meeting.created', 'meeting.options-verified', 'invitation.family-mail']);
    expect(await kit.openAlerts(id)).toEqual([]);
  });

  it('sends each family member one individual e-mail with their own time and nothing of the others', async () => {
    const deps = await setup();
    await bookMeeting(deps, id);
    expect(deps.mailer.sent.map((m) => [m.key, m.to.address, m.subject])).toEqual([
      ['mum', 'mum@example.org', 'Invitation: initial child protection conference CP-2026-0042'],
      ['dad', 'dad@example.org', 'Invitation: initial child protection conference CP-2026-0042'],
    ]);
    const [mum, dad] = deps.mailer.sent;
    expect(mum!.html).toContain('Thursday 10 December 2026 at 10:30');
    expect(mum!.html).toContain('An interpreter for Polish has been arranged: the interpreter joins by phone.');
    expect(dad!.html).toContain('Thursday 10 December 2026 at 11:00');
    expect(dad!.html).not.toContain('Alex Example');
    expect(mum!.html).not.toContain('Sam Example');
    expect(dad!.attachments[0]!.content).toContain('DTSTART;TZID=Europe/London:20261210T110000');
    expect(dad!.attachments[0]!.content).not.toContain('mum@example.org');
  });

  it('is resumable: running it again makes no second event and no second e-mail', async () => {
    const deps = await setup();
    await bookMeeting(deps, id);
    const again = await bookMeeting(deps, id);
    expect(deps.meetings.creates).toHaveLength(1);
    expect(deps.mailer.sent).toHaveLength(2);
    expect(again.family.sent).toEqual([]);
  });

  it('a crash after the create is saved resumes at the meeting options, with the same transactionId', async () => {
    const deps = await setup();
    const store = deps.store;
    store.crashOnSave = 2; // the save of the onlineMeeting id
    await expect(bookMeeting(deps, id)).rejects.toThrow('CRASH');
    store.crashOnSave = undefined;
    const result = await bookMeeting(deps, id);
    expect(deps.meetings.creates).toHaveLength(1);
    expect(result.optionsVerified).toBe(true);
    expect(deps.mailer.sent).toHaveLength(2);
  });

  it('a crash while the family e-mail is in flight never sends it twice: the clerk is told instead', async () => {
    const deps = await setup();
    deps.mailer.script = [() => 'crash'];
    await expect(bookMeeting(deps, id)).rejects.toThrow('CRASH');
    const saved = (await deps.store.get(id))!;
    expect(saved.invitees.find((i) => i.id === 'mum')!.mail?.state).toBe('sending');
    const result = await bookMeeting(deps, id);
    expect(deps.mailer.calls).toBe(1);
    expect(result.conference.invitees.find((i) => i.id === 'mum')!.mail).toMatchObject({ state: 'unknown', code: 'MAIL.INTERRUPTED' });
    expect(await kit.openAlerts(id)).toEqual([
      { conferenceId: id, code: 'INVITATION.FAMILY_MAIL_NOT_CONFIRMED', severity: 'critical', detail: { unknown: ['mum', 'dad'], codes: ['MAIL.INTERRUPTED'] } },
    ]);
    // The clerk checked: mum did not get it. One more send for her only, audited.
    await expect(allowFamilyResend(deps, id, 'chair')).rejects.toMatchObject({ code: 'INVITEE.RESEND_NOT_ALLOWED' });
    const third = await allowFamilyResend(deps, id, 'mum');
    expect(third.family.sent).toEqual(['mum']);
    expect(deps.mailer.sent.map((m) => m.key)).toEqual(['mum']);
    expect((await kit.actions(id)).slice(-2)).toEqual(['invitation.resend-allowed', 'invitation.family-mail']);
    expect((await bookMeeting(deps, id)).family.sent).toEqual([]);
  });

  it('a refused item is retried on the next run; an unknown one is not', async () => {
    const deps = await setup();
    deps.mailer.script = [(m) => (m.key === 'mum' ? { key: m.key, outcome: 'failed', code: 'MAIL.THROTTLED', status: 429 } : { key: m.key, outcome: 'unknown', code: 'GRAPH.CONNECTION_RESET' })];
    const first = await bookMeeting(deps, id);
    expect(first.family).toEqual({ sent: [], failed: ['mum'], unknown: ['dad'], late: [] });
    expect((await kit.openAlerts(id))[0]).toEqual({
      conferenceId: id, code: 'INVITATION.FAMILY_MAIL_NOT_CONFIRMED', severity: 'critical',
      detail: { failed: ['mum'], unknown: ['dad'], codes: ['MAIL.THROTTLED', 'GRAPH.CONNECTION_RESET'] },
    });
    const second = await bookMeeting(deps, id);
    expect(second.family.sent).toEqual(['mum']);
    expect(deps.mailer.sent.map((m) => m.key)).toEqual(['dad', 'mum']);
  });

  it('an option that did not take is an alert and an audit entry, and the family is not invited to an unlocked meeting', async () => {
    const deps = await setup();
    deps.meetings.readBack = (p) => ({ ...p, allowMeetingChat: 'enabled', lobbyBypassSettings: { scope: 'everyone', isDialInBypassEnabled: false } });
    const result = await bookMeeting(deps, id);
    expect(result.optionsVerified).toBe(false);
    expect(result.familyHeld).toBe(true);
    expect(result.optionMismatches).toEqual(['lobbyBypassSettings.scope', 'allowMeetingChat']);
    expect(result.conference.meeting).toMatchObject({ optionsVerified: false, optionMismatches: ['lobbyBypassSettings.scope', 'allowMeetingChat'] });
    expect(deps.mailer.calls).toBe(0);
    const detail = { onlineMeetingId: 'om-1', mismatches: ['lobbyBypassSettings.scope', 'allowMeetingChat'], familyInvitationsHeld: true };
    expect(await kit.openAlerts(id)).toEqual([{ conferenceId: id, code: 'MEETING.OPTIONS_NOT_APPLIED', severity: 'critical', detail }]);
    expect(await kit.auditDetails('meeting.options-mismatch', id)).toEqual([detail]);
  });

  it('a missing access policy is audited, alerted and rethrown with its code', async () => {
    const deps = await setup();
    deps.meetings.findError = new MeetingsError('GRAPH.ACCESS_POLICY_MISSING', 'run New-CsApplicationAccessPolicy', 403);
    await expect(bookMeeting(deps, id)).rejects.toMatchObject({ code: 'GRAPH.ACCESS_POLICY_MISSING' });
    expect((await kit.actions(id)).at(-2)).toBe('meeting.options-failed');
    expect(await kit.auditDetails('meeting.options-failed', id)).toEqual([{ code: 'GRAPH.ACCESS_POLICY_MISSING', status: 403, familyInvitationsHeld: true }]);
    expect((await kit.openAlerts(id)).map((a) => a.code)).toEqual(['GRAPH.ACCESS_POLICY_MISSING']);
  });

  it('flags late invitations (T7) per invitee with an audit entry and an alert', async () => {
    const deps = await setup();
    deps.clock.set('2026-12-03T09:00:00.000Z');
    const result = await bookMeeting(deps, id);
    expect(result.family.late).toEqual(['mum', 'dad']);
    expect(result.conference.invitees.find((i) => i.id === 'chair')!.notice).toEqual({ deadline: '2026-12-01', met: false });
    const late = await kit.auditDetails('invitation.late', id);
    expect(late).toEqual([
      { inviteeIds: ['chair', 'sw', 'p-police', 'p-school'], deadline: '2026-12-01', conferenceDate: '2026-12-10', sentOn: '2026-12-03' },
      { inviteeIds: ['mum', 'dad'], deadline: '2026-12-01', conferenceDate: '2026-12-10', sentOn: '2026-12-03' },
    ]);
    expect((await kit.openAlerts(id)).map((a) => a.code)).toEqual(['INVITATION.LATE', 'INVITATION.LATE']);
  });

  it('a core group has no notice rule: nothing recorded, nothing flagged', async () => {
    const deps = await setup({ kind: 'CORE_GROUP' });
    deps.clock.set('2026-12-09T09:00:00.000Z');
    const result = await bookMeeting(deps, id);
    expect(result.conference.invitees.every((i) => i.notice === undefined)).toBe(true);
    expect(await kit.openAlerts(id)).toEqual([]);
    expect(deps.meetings.creates[0]!.subject).toBe('CP-2026-0042 Core group meeting');
  });
});
