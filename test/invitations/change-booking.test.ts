import { bookMeeting } from '../../bot/app/meetings/book-meeting.use-case';
import { addInvitee, removeInvitee, rescheduleMeeting, standDown } from '../../bot/app/meetings/change-booking.use-case';
import { BACKENDS } from '../store/backends';
import { type SqlKit, startSqlKit } from '../app/meetings/sql-booking-kit';
import { sampleConference } from './booking-fakes';

describe.each(BACKENDS)('changing a booked conference on $name', (backend) => {
  // One database for the file (a fresh one per test costs seconds); each test its own conference.
  let kit: SqlKit;
  let seen = 0;
  let id = '';
  let n = 0;
  beforeAll(async () => {
    kit = await startSqlKit(backend);
  });
  afterAll(async () => kit.stop());
  async function booked() {
    kit.reset();
    id = `conf-${++n}`;
    const deps = kit.deps;
    await deps.store.create({ ...sampleConference(), id });
    await bookMeeting(deps, id);
    deps.mailer.sent.length = 0;
    seen = (await kit.actions(id)).length;
    return deps;
  }
  /** Audit entries since booked(). */
  const entries = async () => (await kit.deps.audit.forConference(id)).slice(seen);
  const actions = async () => (await entries()).map((e) => e.action);

  it('reschedule: event PATCH, booking version + 1, a new .ics (higher SEQUENCE, same UID) to each family member', async () => {
    const deps = await booked();
    const firstIcs = (await deps.store.get(id))!;
    const r = await rescheduleMeeting(deps, id, { start: '2026-12-15T14:00', end: '2026-12-15T16:00', familySectionStart: '2026-12-15T14:30', joinTimes: { dad: '2026-12-15T15:00' } });
    expect(firstIcs.bookingVersion).toBe(1);
    expect(r.conference.bookingVersion).toBe(2);
    expect(deps.meetings.updates).toEqual([{
      start: '2026-12-15T14:00', end: '2026-12-15T16:00',
      attendees: ['chair', 'sw', 'p-police', 'p-school'].map((id) => ({ email: `${id}@example.org`, name: `Person ${id}` })),
    }]);
    expect(r.family.sent).toEqual(['mum', 'dad']);
    expect(deps.mailer.sent.map((m) => m.subject)).toEqual(['New time: initial child protection conference CP-2026-0042', 'New time: initial child protection conference CP-2026-0042']);
    const dadIcs = deps.mailer.sent[1]!.attachments[0]!.content;
    expect(dadIcs).toContain('\r\nSEQUENCE:2\r\n');
    expect(dadIcs).toContain('DTSTART;TZID=Europe/London:20261215T150000');
    expect(dadIcs).toContain('METHOD:REQUEST');
    expect(await actions()).toEqual(['meeting.rescheduled', 'meeting.updated', 'invitation.family-mail']);
    expect((await entries())[0]!.detail).toEqual({ bookingVersion: 2, fromDate: '2026-12-10', toDate: '2026-12-15' });
    // Running the sync again changes nothing.
    const again = await rescheduleMeeting(deps, id, { start: '2026-12-15T14:00', end: '2026-12-15T16:00', familySectionStart: '2026-12-15T14:30', joinTimes: { dad: '2026-12-15T15:00' } });
    expect(again.family.sent).toEqual([]);
  });

  it('adding a professional PATCHes the attendees; adding a family member sends only their own e-mail', async () => {
    const deps = await booked();
    await addInvitee(deps, id, { id: 'gp', role: 'professional', agency: 'gp', displayName: 'Dr Example', email: 'gp@example.org' });
    expect(deps.meetings.updates.at(-1)!.attendees!.map((a) => a.email)).toEqual(['chair@example.org', 'sw@example.org', 'p-police@example.org', 'p-school@example.org', 'gp@example.org']);
    expect(deps.mailer.sent).toEqual([]);
    const r = await addInvitee(deps, id, { id: 'gran', role: 'family-other', displayName: 'Jo Example', email: 'gran@example.org' });
    expect(r.family.sent).toEqual(['gran']);
    expect(deps.mailer.sent.map((m) => m.to.address)).toEqual(['gran@example.org']);
    expect(deps.meetings.updates).toHaveLength(1); // only the professional's PATCH
    expect(r.conference.invitees.find((i) => i.id === 'gp')!.status).toBe('invited');
    await expect(addInvitee(deps, id, { id: 'gran', role: 'family-other', displayName: 'Jo Example', email: 'gran@example.org' })).rejects.toMatchObject({ code: 'INVITEE.EXISTS' });
  });

  it('removing a family member sends them a cancellation .ics and no one else anything', async () => {
    const deps = await booked();
    const r = await removeInvitee(deps, id, 'dad');
    expect(r.family.sent).toEqual(['dad']);
    const [mail] = deps.mailer.sent;
    expect(mail!.subject).toBe('Cancelled: initial child protection conference CP-2026-0042');
    expect(mail!.attachments[0]!.content).toContain('METHOD:CANCEL');
    expect(mail!.attachments[0]!.content).toContain('STATUS:CANCELLED');
    expect(mail!.attachments[0]!.content).toContain('\r\nSEQUENCE:2\r\n');
    expect(deps.meetings.updates).toEqual([]); // a family member is not an event attendee
    expect((await entries())[0]).toMatchObject({ action: 'invitation.invitee-removed', detail: { inviteeId: 'dad', role: 'parent', bookingVersion: 2 } });
  });

  it('removing a professional takes them off the event attendees', async () => {
    const deps = await booked();
    await removeInvitee(deps, id, 'p-school');
    expect(deps.meetings.updates[0]!.attendees!.map((a) => a.email)).toEqual(['chair@example.org', 'sw@example.org', 'p-police@example.org']);
    expect(deps.mailer.sent).toEqual([]);
  });

  it('stand down: cancels the event with a message (no names) and tells each family member individually, once', async () => {
    const deps = await booked();
    const r = await standDown(deps, id, 'NOT_QUORATE');
    expect(deps.meetings.cancels).toHaveLength(1);
    expect(deps.meetings.cancels[0]).toMatch(/^evt-[0-9a-f]{8}\|CP-2026-0042 Initial child protection conference has been cancelled\./);
    expect(deps.meetings.cancels[0]).not.toContain('Example');
    expect(r.conference.status).toBe('stood-down');
    expect(r.family.sent).toEqual(['mum', 'dad']);
    expect(deps.mailer.sent.map((m) => [m.to.address, m.attachments[0]!.content.includes('METHOD:CANCEL')])).toEqual([['mum@example.org', true], ['dad@example.org', true]]);
    expect(await actions()).toEqual(['meeting.stood-down', 'meeting.cancelled', 'invitation.family-mail']);
    const again = await standDown(deps, id, 'NOT_QUORATE');
    expect(again.family.sent).toEqual([]);
    expect(deps.meetings.cancels).toHaveLength(1);
  });

  it('rejects a reschedule whose end is before its start', async () => {
    const deps = await booked();
    await expect(rescheduleMeeting(deps, id, { start: '2026-12-15T16:00', end: '2026-12-15T14:00' })).rejects.toMatchObject({ code: 'BOOKING.INVALID_INPUT', message: 'input: start must be before end' });
  });
});
