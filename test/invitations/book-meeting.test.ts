import { allowResend } from '../../bot/app/invitations/deliver-family-mail';
import { bookMeeting } from '../../bot/app/meetings/book-meeting.use-case';
import { meetingTransactionId } from '../../bot/app/meetings/booking-deps';
import { MeetingsError } from '../../bot/app/ports/meetings.port';
import { fixedClock, makeDeps, MemoryStore, sampleConference } from './booking-fakes';

async function setup(overrides = {}) {
  const deps = makeDeps();
  await deps.store.create(sampleConference(overrides));
  return deps;
}

describe('bookMeeting', () => {
  it('creates the event with chair and social worker first, hidden attendees, a derived transactionId and no names in the subject', async () => {
    const deps = await setup();
    const result = await bookMeeting(deps, 'conf-1');
    expect(deps.meetings.calls).toEqual(['createEvent', 'findOnlineMeetingId', 'setMeetingOptions', 'getMeetingOptions']);
    const create = deps.meetings.creates[0]!;
    expect(create.subject).toBe('CP-2026-0042 Initial child protection conference');
    expect(create.transactionId).toBe(meetingTransactionId('conf-1', 1));
    expect(create.transactionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(create.attendees.map((a) => a.email)).toEqual(['chair@example.org', 'sw@example.org', 'p-police@example.org', 'p-school@example.org']);
    expect(create.start).toBe('2026-12-10T10:00');
    expect(result.optionsVerified).toBe(true);
    expect(result.family.sent).toEqual(['mum', 'dad']);
    expect(result.conference.status).toBe('booked');
    expect(result.conference.meeting).toMatchObject({ onlineMeetingId: 'om-1', optionsVerified: true, optionMismatches: [], syncedBookingVersion: 1 });
    const mum = result.conference.invitees.find((i) => i.id === 'mum')!;
    expect(mum).toMatchObject({ status: 'invited', notice: { deadline: '2026-12-01', met: true }, mail: { state: 'sent', kind: 'invitation', joinAt: '2026-12-10T10:30', bookingVersion: 1 } });
    expect(result.conference.invitees.find((i) => i.id === 'chair')).toMatchObject({ status: 'invited', notice: { deadline: '2026-12-01', met: true } });
    expect(deps.audit.actions()).toEqual(['meeting.created', 'meeting.options-verified', 'invitation.family-mail']);
    expect(deps.alerts.alerts).toEqual([]);
  });

  it('sends each family member one individual e-mail with their own time and nothing of the others', async () => {
    const deps = await setup();
    await bookMeeting(deps, 'conf-1');
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
    await bookMeeting(deps, 'conf-1');
    const again = await bookMeeting(deps, 'conf-1');
    expect(deps.meetings.creates).toHaveLength(1);
    expect(deps.mailer.sent).toHaveLength(2);
    expect(again.family.sent).toEqual([]);
  });

  it('a crash after the create is saved resumes at the meeting options, with the same transactionId', async () => {
    const store = new MemoryStore();
    const deps = makeDeps(store);
    await store.create(sampleConference());
    store.crashOnSave = 2; // the save of the onlineMeeting id
    await expect(bookMeeting(deps, 'conf-1')).rejects.toThrow('CRASH');
    store.crashOnSave = undefined;
    const result = await bookMeeting(deps, 'conf-1');
    expect(deps.meetings.creates).toHaveLength(1);
    expect(result.optionsVerified).toBe(true);
    expect(deps.mailer.sent).toHaveLength(2);
  });

  it('a crash while the family e-mail is in flight never sends it twice: the clerk is told instead', async () => {
    const deps = await setup();
    deps.mailer.script = [() => 'crash'];
    await expect(bookMeeting(deps, 'conf-1')).rejects.toThrow('CRASH');
    const saved = (await deps.store.get('conf-1'))!;
    expect(saved.invitees.find((i) => i.id === 'mum')!.mail?.state).toBe('sending');
    const result = await bookMeeting(deps, 'conf-1');
    expect(deps.mailer.calls).toBe(1);
    expect(result.conference.invitees.find((i) => i.id === 'mum')!.mail).toMatchObject({ state: 'unknown', code: 'MAIL.INTERRUPTED' });
    expect(deps.alerts.alerts).toEqual([
      { conferenceId: 'conf-1', code: 'INVITATION.FAMILY_MAIL_NOT_CONFIRMED', severity: 'critical', detail: { unknown: ['mum', 'dad'], codes: ['MAIL.INTERRUPTED'] } },
    ]);
    // The clerk checked: mum did not get it. One more send for her only.
    const c = (await deps.store.get('conf-1'))!;
    await deps.store.save(allowResend(c, 'mum'));
    const third = await bookMeeting(deps, 'conf-1');
    expect(third.family.sent).toEqual(['mum']);
    expect(deps.mailer.sent.map((m) => m.key)).toEqual(['mum']);
  });

  it('a refused item is retried on the next run; an unknown one is not', async () => {
    const deps = await setup();
    deps.mailer.script = [(m) => (m.key === 'mum' ? { key: m.key, outcome: 'failed', code: 'MAIL.THROTTLED', status: 429 } : { key: m.key, outcome: 'unknown', code: 'GRAPH.CONNECTION_RESET' })];
    const first = await bookMeeting(deps, 'conf-1');
    expect(first.family).toEqual({ sent: [], failed: ['mum'], unknown: ['dad'], late: [] });
    expect(deps.alerts.alerts[0]).toEqual({
      conferenceId: 'conf-1', code: 'INVITATION.FAMILY_MAIL_NOT_CONFIRMED', severity: 'critical',
      detail: { failed: ['mum'], unknown: ['dad'], codes: ['MAIL.THROTTLED', 'GRAPH.CONNECTION_RESET'] },
    });
    const second = await bookMeeting(deps, 'conf-1');
    expect(second.family.sent).toEqual(['mum']);
    expect(deps.mailer.sent.map((m) => m.key)).toEqual(['dad', 'mum']);
  });

  it('an option that did not take is an alert and an audit entry, and the family is not invited to an unlocked meeting', async () => {
    const deps = await setup();
    deps.meetings.readBack = (p) => ({ ...p, allowMeetingChat: 'enabled', lobbyBypassSettings: { scope: 'everyone', isDialInBypassEnabled: false } });
    const result = await bookMeeting(deps, 'conf-1');
    expect(result.optionsVerified).toBe(false);
    expect(result.familyHeld).toBe(true);
    expect(result.optionMismatches).toEqual(['lobbyBypassSettings.scope', 'allowMeetingChat']);
    expect(result.conference.meeting).toMatchObject({ optionsVerified: false, optionMismatches: ['lobbyBypassSettings.scope', 'allowMeetingChat'] });
    expect(deps.mailer.calls).toBe(0);
    const detail = { onlineMeetingId: 'om-1', mismatches: ['lobbyBypassSettings.scope', 'allowMeetingChat'], familyInvitationsHeld: true };
    expect(deps.alerts.alerts).toEqual([{ conferenceId: 'conf-1', code: 'MEETING.OPTIONS_NOT_APPLIED', severity: 'critical', detail }]);
    expect(deps.audit.entries.find((e) => e.action === 'meeting.options-mismatch')!.detail).toEqual(detail);
  });

  it('a missing access policy is audited, alerted and rethrown with its code', async () => {
    const deps = await setup();
    deps.meetings.findError = new MeetingsError('GRAPH.ACCESS_POLICY_MISSING', 'run New-CsApplicationAccessPolicy', 403);
    await expect(bookMeeting(deps, 'conf-1')).rejects.toMatchObject({ code: 'GRAPH.ACCESS_POLICY_MISSING' });
    expect(deps.audit.entries.at(-1)).toMatchObject({ action: 'meeting.options-failed', detail: { code: 'GRAPH.ACCESS_POLICY_MISSING', status: 403, familyInvitationsHeld: true } });
    expect(deps.alerts.alerts.map((a) => a.code)).toEqual(['GRAPH.ACCESS_POLICY_MISSING']);
  });

  it('flags late invitations (T7) per invitee with an audit entry and an alert', async () => {
    const deps = await setup();
    deps.clock = fixedClock('2026-12-03T09:00:00.000Z', '2026-12-03');
    const result = await bookMeeting(deps, 'conf-1');
    expect(result.family.late).toEqual(['mum', 'dad']);
    expect(result.conference.invitees.find((i) => i.id === 'chair')!.notice).toEqual({ deadline: '2026-12-01', met: false });
    const late = deps.audit.entries.filter((e) => e.action === 'invitation.late').map((e) => e.detail);
    expect(late).toEqual([
      { inviteeIds: ['chair', 'sw', 'p-police', 'p-school'], deadline: '2026-12-01', conferenceDate: '2026-12-10', sentOn: '2026-12-03' },
      { inviteeIds: ['mum', 'dad'], deadline: '2026-12-01', conferenceDate: '2026-12-10', sentOn: '2026-12-03' },
    ]);
    expect(deps.alerts.alerts.map((a) => a.code)).toEqual(['INVITATION.LATE', 'INVITATION.LATE']);
  });

  it('a core group has no notice rule: nothing recorded, nothing flagged', async () => {
    const deps = await setup({ kind: 'CORE_GROUP' });
    deps.clock = fixedClock('2026-12-09T09:00:00.000Z', '2026-12-09');
    const result = await bookMeeting(deps, 'conf-1');
    expect(result.conference.invitees.every((i) => i.notice === undefined)).toBe(true);
    expect(deps.alerts.alerts).toEqual([]);
    expect(deps.meetings.creates[0]!.subject).toBe('CP-2026-0042 Core group meeting');
  });
});
