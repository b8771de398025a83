import { bookMeeting } from '../../bot/app/meetings/book-meeting.use-case';
import { addInvitee, removeInvitee, rescheduleMeeting, standDown } from '../../bot/app/meetings/change-booking.use-case';
import { makeDeps, sampleConference } from './booking-fakes';

async function booked() {
  const deps = makeDeps();
  await deps.store.create(sampleConference());
  await bookMeeting(deps, 'conf-1');
  deps.mailer.sent.length = 0;
  deps.audit.entries.length = 0;
  return deps;
}

describe('changing a booked conference', () => {
  it('reschedule: event PATCH, booking version + 1, a new .ics (higher SEQUENCE, same UID) to each family member', async () => {
    const deps = await booked();
    const firstIcs = (await deps.store.get('conf-1'))!;
    const r = await rescheduleMeeting(deps, 'conf-1', { start: '2026-12-15T14:00', end: '2026-12-15T16:00', familySectionStart: '2026-12-15T14:30', joinTimes: { dad: '2026-12-15T15:00' } });
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
    expect(deps.audit.actions()).toEqual(['meeting.rescheduled', 'meeting.updated', 'invitation.family-mail']);
    expect(deps.audit.entries[0]!.detail).toEqual({ bookingVersion: 2, fromDate: '2026-12-10', toDate: '2026-12-15' });
    // Running the sync again changes nothing.
    const again = await rescheduleMeeting(deps, 'conf-1', { start: '2026-12-15T14:00', end: '2026-12-15T16:00', familySectionStart: '2026-12-15T14:30', joinTimes: { dad: '2026-12-15T15:00' } });
    expect(again.family.sent).toEqual([]);
  });

  it('adding a professional PATCHes the attendees; adding a family member sends only their own e-mail', async () => {
    const deps = await booked();
    await addInvitee(deps, 'conf-1', { id: 'gp', role: 'professional', agency: 'gp', displayName: 'Dr Example', email: 'gp@example.org' });
    expect(deps.meetings.updates.at(-1)!.attendees!.map((a) => a.email)).toEqual(['chair@example.org', 'sw@example.org', 'p-police@example.org', 'p-school@example.org', 'gp@example.org']);
    expect(deps.mailer.sent).toEqual([]);
    const r = await addInvitee(deps, 'conf-1', { id: 'gran', role: 'family-other', displayName: 'Jo Example', email: 'gran@example.org' });
    expect(r.family.sent).toEqual(['gran']);
    expect(deps.mailer.sent.map((m) => m.to.address)).toEqual(['gran@example.org']);
    expect(deps.meetings.updates).toHaveLength(1); // only the professional's PATCH
    expect(r.conference.invitees.find((i) => i.id === 'gp')!.status).toBe('invited');
    await expect(addInvitee(deps, 'conf-1', { id: 'gran', role: 'family-other', displayName: 'Jo Example', email: 'gran@example.org' })).rejects.toMatchObject({ code: 'INVITEE.EXISTS' });
  });

  it('removing a family member sends them a cancellation .ics and no one else anything', async () => {
    const deps = await booked();
    const r = await removeInvitee(deps, 'conf-1', 'dad');
    expect(r.family.sent).toEqual(['dad']);
    const [mail] = deps.mailer.sent;
    expect(mail!.subject).toBe('Cancelled: initial child protection conference CP-2026-0042');
    expect(mail!.attachments[0]!.content).toContain('METHOD:CANCEL');
    expect(mail!.attachments[0]!.content).toContain('STATUS:CANCELLED');
    expect(mail!.attachments[0]!.content).toContain('\r\nSEQUENCE:2\r\n');
    expect(deps.meetings.updates).toEqual([]); // a family member is not an event attendee
    expect(deps.audit.entries[0]).toMatchObject({ action: 'invitation.invitee-removed', detail: { inviteeId: 'dad', role: 'parent', bookingVersion: 2 } });
  });

  it('removing a professional takes them off the event attendees', async () => {
    const deps = await booked();
    await removeInvitee(deps, 'conf-1', 'p-school');
    expect(deps.meetings.updates[0]!.attendees!.map((a) => a.email)).toEqual(['chair@example.org', 'sw@example.org', 'p-police@example.org']);
    expect(deps.mailer.sent).toEqual([]);
  });

  it('stand down: cancels the event with a message (no names) and tells each family member individually, once', async () => {
    const deps = await booked();
    const r = await standDown(deps, 'conf-1', 'NOT_QUORATE');
    expect(deps.meetings.cancels).toHaveLength(1);
    expect(deps.meetings.cancels[0]).toMatch(/^evt-[0-9a-f]{8}\|CP-2026-0042 Initial child protection conference has been cancelled\./);
    expect(deps.meetings.cancels[0]).not.toContain('Example');
    expect(r.conference.status).toBe('stood-down');
    expect(r.family.sent).toEqual(['mum', 'dad']);
    expect(deps.mailer.sent.map((m) => [m.to.address, m.attachments[0]!.content.includes('METHOD:CANCEL')])).toEqual([['mum@example.org', true], ['dad@example.org', true]]);
    expect(deps.audit.actions()).toEqual(['meeting.stood-down', 'meeting.cancelled', 'invitation.family-mail']);
    const again = await standDown(deps, 'conf-1', 'NOT_QUORATE');
    expect(again.family.sent).toEqual([]);
    expect(deps.meetings.cancels).toHaveLength(1);
  });

  it('rejects a reschedule whose end is before its start', async () => {
    const deps = await booked();
    await expect(rescheduleMeeting(deps, 'conf-1', { start: '2026-12-15T16:00', end: '2026-12-15T14:00' })).rejects.toThrow('start must be before end');
  });
});
