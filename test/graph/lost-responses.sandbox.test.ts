// Every Graph step run again after its answer was lost (the sandbox commits the effect, then
// drops the connection): the token request, the options PATCH, the event PATCH, the cancel.
// Real Graph adapter against the sandbox; the SQL store with its audit guard underneath.
import type { Database } from '../../bot/adapters/store/database';
import { bookMeeting } from '../../bot/app/meetings/book-meeting.use-case';
import { rescheduleMeeting, standDown, syncBooking } from '../../bot/app/meetings/change-booking.use-case';
import { sampleConference } from '../invitations/booking-fakes';
import { type Harness, startHarness } from './sandbox-harness';
import { alertCodes, auditActions, sqlBookingDeps } from './sql-booking-deps';
import { migratedMemoryDatabase } from '../support/template-databases';

function conference(tag: string) {
  const c = sampleConference();
  return { ...c, id: `conf-${tag}`, invitees: c.invitees.map((i) => ({ ...i, email: `${i.id}@${tag}.example.org` })) };
}

describe('lost Graph answers, rerun to completion (SQL store)', () => {
  let h: Harness;
  let db: Database;
  beforeAll(async () => {
    db = await migratedMemoryDatabase();
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

  const inbox = async (tag: string, id: string) =>
    (await h.state()).mailboxes.find((b) => b.mailbox === `${id}@${tag}.example.org`)?.messages.filter((m) => m.folder === 'inbox').map((m) => m.subject) ?? [];
  const lost = (method: string, path: string, nth: number[]) => ({ rules: [{ kind: 'reset' as const, method, path, nth, when: 'after' as const }] });

  async function booked(tag: string) {
    const deps = sqlBookingDeps(h, db);
    await deps.store.create(conference(tag));
    const r = await bookMeeting(deps, `conf-${tag}`);
    expect(r.family.sent).toEqual(['mum', 'dad']);
    h.clearLog();
    return deps;
  }

  it('the token answer lost once: asked again, the booking goes through', async () => {
    const fresh = await startHarness({ db }); // its own msal cache: the first Graph call needs a token
    try {
      fresh.sandbox.setFaults(lost('POST', '/oauth2/v2\\.0/token$', [1]));
      const deps = sqlBookingDeps(fresh, db);
      await deps.store.create(conference('token'));
      const r = await bookMeeting(deps, 'conf-token');
      expect(r.family.sent).toEqual(['mum', 'dad']);
      const tokens = fresh.requests().filter((q) => q.path.endsWith('/oauth2/v2.0/token'));
      expect(tokens.map((q) => q.fault ?? 'ok')).toEqual(['reset-after', 'ok']);
    } finally {
      await fresh.stop();
    }
  });

  it('the options PATCH answer lost: repeated with the same body, options verified, one e-mail each', async () => {
    h.sandbox.setFaults(lost('PATCH', '/onlineMeetings/', [1]));
    const deps = sqlBookingDeps(h, db);
    await deps.store.create(conference('optpatch'));
    const r = await bookMeeting(deps, 'conf-optpatch');
    expect(r.optionsVerified).toBe(true);
    const patches = h.graphRequests().filter((q) => q.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[1]!.body).toEqual(patches[0]!.body);
    expect(await inbox('optpatch', 'mum')).toHaveLength(1);
  });

  it('the event PATCH answer lost on every retry: the run stops GRAPH.UNAVAILABLE, the rerun finishes; one new-time e-mail each', async () => {
    const deps = await booked('evpatch');
    h.sandbox.setFaults(lost('PATCH', '/events/', [1, 2, 3, 4]));
    const move = { start: '2026-12-11T13:00', end: '2026-12-11T15:00', familySectionStart: '2026-12-11T13:30' };
    await expect(rescheduleMeeting(deps, 'conf-evpatch', move)).rejects.toMatchObject({ code: 'GRAPH.UNAVAILABLE' });
    const stopped = (await deps.store.get('conf-evpatch'))!;
    expect([stopped.bookingVersion, stopped.meeting!.syncedBookingVersion]).toEqual([2, 1]);
    h.sandbox.setFaults(undefined);
    const r = await syncBooking(deps, 'conf-evpatch');
    expect(r.family.sent).toEqual(['mum', 'dad']);
    expect(r.conference.meeting!.syncedBookingVersion).toBe(2);
    expect(await inbox('evpatch', 'mum')).toEqual(['Invitation: initial child protection conference CP-2026-0042', 'New time: initial child protection conference CP-2026-0042']);
    const event = (await h.state()).events.find((e) => e.id === r.conference.meeting!.eventId)!;
    expect(event.start).toMatchObject({ dateTime: '2026-12-11T13:00:00' });
    expect((await auditActions(deps, 'conf-evpatch')).slice(-3)).toEqual(['meeting.rescheduled', 'meeting.updated', 'invitation.family-mail']);
  });

  it('the cancel answer lost once: the retry meets 404 (event in Deleted Items) and counts it done', async () => {
    const deps = await booked('cancel1');
    h.sandbox.setFaults(lost('POST', '/cancel$', [1]));
    const r = await standDown(deps, 'conf-cancel1', 'NOT_QUORATE');
    expect(r.conference.meeting).toMatchObject({ cancelled: true });
    expect(r.family.sent).toEqual(['mum', 'dad']);
    const cancels = h.graphRequests().filter((q) => q.path.endsWith('/cancel'));
    expect(cancels.map((q) => q.status ?? q.fault)).toEqual(['reset-after', 404]);
    expect((await inbox('cancel1', 'chair')).filter((s) => s.startsWith('Canceled:'))).toHaveLength(1);
    expect(await alertCodes(deps, 'conf-cancel1')).toEqual([]);
  });

  it('the cancel answer lost on every retry: the rerun of the stand-down finishes (was GRAPH.REJECTED for ever), the family told once', async () => {
    const deps = await booked('cancelall');
    h.sandbox.setFaults(lost('POST', '/cancel$', [1, 2, 3, 4]));
    await expect(standDown(deps, 'conf-cancelall', 'NOT_QUORATE')).rejects.toMatchObject({ code: 'GRAPH.UNAVAILABLE' });
    expect((await deps.store.get('conf-cancelall'))!.meeting).toMatchObject({ cancelRequested: true });
    expect(await inbox('cancelall', 'mum')).toHaveLength(1); // the invitation only, so far
    h.sandbox.setFaults(undefined);
    const r = await standDown(deps, 'conf-cancelall', 'NOT_QUORATE');
    expect(r.conference.meeting).toMatchObject({ cancelled: true, eventMissing: true });
    expect(r.family.sent).toEqual(['mum', 'dad']);
    expect(await inbox('cancelall', 'mum')).toEqual(['Invitation: initial child protection conference CP-2026-0042', 'Cancelled: initial child protection conference CP-2026-0042']);
    expect((await inbox('cancelall', 'chair')).filter((s) => s.startsWith('Canceled:'))).toHaveLength(1);
    expect(await alertCodes(deps, 'conf-cancelall')).toEqual([]);
    expect((await standDown(deps, 'conf-cancelall', 'NOT_QUORATE')).family.sent).toEqual([]);
  });

  it('an event cancelled in Outlook before the stand-down: done, and the clerk is told the product did not cancel it', async () => {
    const deps = await booked('byhand');
    const c = (await deps.store.get('conf-byhand'))!;
    expect(await h.graph.meetings.cancelEvent(c.organizerId, c.meeting!.eventId, 'cancelled by hand')).toBe('cancelled');
    const r = await standDown(deps, 'conf-byhand', 'NOT_QUORATE');
    expect(r.family.sent).toEqual(['mum', 'dad']);
    expect(await alertCodes(deps, 'conf-byhand')).toEqual(['MEETING.EVENT_MISSING']);
  });
});
