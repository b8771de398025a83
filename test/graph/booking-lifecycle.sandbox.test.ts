// The whole booking lifecycle on the real adapters: SqlConferenceStore + SqlAuditLog on PGlite and
// the Graph adapter against the sandbox (sharing the one embedded database, as in local mode).
import { bookMeeting } from '../../bot/app/meetings/book-meeting.use-case';
import { removeInvitee, rescheduleMeeting, standDown } from '../../bot/app/meetings/change-booking.use-case';
import { sampleConference } from '../invitations/booking-fakes';
import { type Harness, startHarness } from './sandbox-harness';
import { sqlBookingDeps } from './sql-booking-deps';
import { migratedMemoryDatabase } from '../support/template-databases';

describe('booking lifecycle on the SQL store and the sandbox', () => {
  it('books, reschedules, removes a family member and stands down: audited, one message per change per person', async () => {
    const db = await migratedMemoryDatabase();
    let h: Harness | undefined;
    try {
      h = await startHarness({ db });
      const deps = sqlBookingDeps(h, db);
      const { store, audit } = deps;
      await store.create(sampleConference());
      const booked = await bookMeeting(deps, 'conf-1');
      expect(booked.family.sent).toEqual(['mum', 'dad']);
      // The mail state survives a reload from SQL (kept in the invitee's extra jsonb).
      const reloaded = (await store.get('conf-1'))!;
      expect(reloaded.invitees.find((i) => i.id === 'mum')!.mail).toEqual({
        bookingVersion: 1, kind: 'invitation', state: 'sent', at: '2026-11-23T10:00:00.000Z', joinAt: '2026-12-10T10:30', end: '2026-12-10T12:00',
      });
      expect(reloaded.meeting!.syncedBookingVersion).toBe(1);

      const moved = await rescheduleMeeting(deps, 'conf-1', { start: '2026-12-11T13:00', end: '2026-12-11T15:00', familySectionStart: '2026-12-11T13:30' });
      expect(moved.family.sent).toEqual(['mum', 'dad']);
      const removed = await removeInvitee(deps, 'conf-1', 'dad');
      expect(removed.family.sent).toEqual(['dad']);
      const stood = await standDown(deps, 'conf-1', 'FAMILY_CANNOT_ATTEND');
      expect(stood.family.sent).toEqual(['mum']);

      const s = await h.state();
      const inbox = (addr: string) => s.mailboxes.find((b) => b.mailbox === addr)!.messages.filter((m) => m.folder === 'inbox').map((m) => m.subject);
      expect(inbox('mum@example.org')).toEqual([
        'Invitation: initial child protection conference CP-2026-0042',
        'New time: initial child protection conference CP-2026-0042',
        'Cancelled: initial child protection conference CP-2026-0042',
      ]);
      expect(inbox('dad@example.org')).toEqual([
        'Invitation: initial child protection conference CP-2026-0042',
        'New time: initial child protection conference CP-2026-0042',
        'Cancelled: initial child protection conference CP-2026-0042',
      ]);
      expect(s.events).toHaveLength(1);
      expect(s.events[0]!.cancelled).toBe(true);
      const cancel = h.graphRequests().find((r) => r.path.endsWith('/cancel'))!;
      expect(cancel.body).toEqual({ comment: 'CP-2026-0042 Initial child protection conference has been cancelled. The conference team will contact you about what happens next.' });

      const actions = (await audit.forConference('conf-1')).map((e) => e.action);
      expect(actions).toEqual([
        'meeting.created', 'meeting.options-verified', 'invitation.family-mail',
        'meeting.rescheduled', 'meeting.updated', 'invitation.family-mail',
        'invitation.invitee-removed', 'invitation.family-mail',
        'meeting.stood-down', 'meeting.cancelled', 'invitation.family-mail',
      ]);
    } finally {
      await h?.stop();
      await db.close();
    }
  });
});
