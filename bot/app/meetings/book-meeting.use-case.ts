import { eventAttendees } from '../../domain/conference/attendee-order';
import type { Conference } from '../../domain/conference/conference';
import { deliverFamilyMail, type DeliveryReport } from '../invitations/deliver-family-mail';
import { MeetingsError } from '../ports/meetings.port';
import { scheduleReminders } from '../reminders/schedule-reminders';
import { type Actor, type BookingDeps, meetingSubject, meetingTransactionId, SYSTEM_ACTOR } from './booking-deps';
import { BookingError } from './booking-errors';
import { type BookingRun, flagLateEffects, withBookingRun } from './booking-run';
import { compareOptions, lockdownOptions } from './lockdown-options';

export interface BookingResult {
  conference: Conference;
  optionsVerified: boolean;
  optionMismatches: string[];
  /** Family e-mail outcomes (empty lists when the family mail was held or nothing was due). */
  family: Omit<DeliveryReport, 'conference'>;
  /** True when family invitations were held back because the lock-down is not proven. */
  familyHeld: boolean;
}

const EVENT_BODY = 'Child protection conference. Please join from the Teams link. Attendees are hidden from each other.';

/**
 * Book the conference's Teams meeting and invite everyone: create the event (chair and social
 * worker first, then professionals), lock the meeting down and prove it, then e-mail each family
 * member. Every step's result commits (with its audit entry) before the next, so running it
 * again resumes where it stopped without a second event or a second e-mail.
 */
export async function bookMeeting(deps: BookingDeps, conferenceId: string, actor: Actor = SYSTEM_ACTOR): Promise<BookingResult> {
  return withBookingRun(deps, conferenceId, actor, async (run) => {
    let c = await run.load();
    if (c.status !== 'draft' && c.status !== 'booked') throw new BookingError('MEETING.NOT_BOOKABLE', `conference ${c.id} is ${c.status}`);
    if (!c.meeting) c = await createEvent(run, c);
    c = await lockDown(run, c);
    const meeting = c.meeting!;
    if (!meeting.optionsVerified) {
      // A meeting whose lobby is not proven locked must not receive the family.
      return { conference: c, optionsVerified: false, optionMismatches: meeting.optionMismatches, family: { sent: [], failed: [], unknown: [], late: [] }, familyHeld: true };
    }
    const { conference, ...family } = await deliverFamilyMail(run, c);
    return { conference, optionsVerified: true, optionMismatches: [], family, familyHeld: false };
  });
}

async function createEvent(run: BookingRun, c: Conference): Promise<Conference> {
  const { deps } = run;
  const transactionId = meetingTransactionId(c.id, c.bookingVersion);
  const attendees = eventAttendees(c);
  const created = await deps.meetings.createEvent({
    organizerId: c.organizerId,
    transactionId,
    subject: meetingSubject(c),
    start: c.start,
    end: c.end,
    attendees: attendees.map((i) => ({ email: i.email, name: i.displayName })),
    bodyText: EVENT_BODY,
  });
  const notice = run.noticeToday(c);
  const next = run.apply(c, { type: 'book', meeting: { eventId: created.eventId, transactionId, joinUrl: created.joinUrl }, at: run.now(), notice });
  return run.step(async (s) => {
    const saved = await s.save(next.state);
    await s.audit('meeting.created', { eventId: created.eventId, transactionId, bookingVersion: c.bookingVersion, attendeeIds: attendees.map((i) => i.id) });
    await flagLateEffects(s, saved, next.effects, deps.clock.today());
    // The reminders commit with the booking (bot/app/reminders).
    if (deps.jobs) await scheduleReminders({ ...deps, jobs: deps.jobs }, saved, s.tx);
    return saved;
  });
}

/** Find the onlineMeeting, PATCH the profile's options, GET them back and compare every one. */
async function lockDown(run: BookingRun, start: Conference): Promise<Conference> {
  const { deps } = run;
  let c = start;
  if (c.meeting!.optionsVerified) return c;
  const wanted = lockdownOptions(deps.profileFor(c.profileId).meeting);
  try {
    let onlineMeetingId = c.meeting!.onlineMeetingId;
    if (!onlineMeetingId) {
      const found = await deps.meetings.findOnlineMeetingId(c.organizerId, c.meeting!.joinUrl);
      onlineMeetingId = found.id;
      // The chat's thread id finds the conference when Teams' meeting events arrive (bot/app/meeting/live).
      const next = run.apply(c, { type: 'online-meeting-found', onlineMeetingId: found.id, ...(found.chatThreadId ? { chatThreadId: found.chatThreadId } : {}) });
      c = await run.step((s) => s.save(next.state));
    }
    // PATCH carries the whole lock-down: repeating it (a lost answer, a rerun) sets the same values.
    await deps.meetings.setMeetingOptions(c.organizerId, onlineMeetingId, wanted);
    const actual = await deps.meetings.getMeetingOptions(c.organizerId, onlineMeetingId);
    const mismatches = compareOptions(wanted, actual);
    const checked = run.apply(c, { type: 'options-checked', mismatches });
    return await run.step(async (s) => {
      const saved = await s.save(checked.state);
      if (mismatches.length === 0) {
        await s.audit('meeting.options-verified', { onlineMeetingId, options: Object.keys(wanted) });
      } else {
        const detail = { onlineMeetingId, mismatches, familyInvitationsHeld: true };
        await s.audit('meeting.options-mismatch', detail);
        await s.alert({ code: 'MEETING.OPTIONS_NOT_APPLIED', severity: 'critical', detail });
      }
      return saved;
    });
  } catch (err) {
    if (!(err instanceof MeetingsError)) throw err;
    const detail = { code: err.code, status: err.status ?? null, familyInvitationsHeld: true };
    await run.step(async (s) => {
      await s.audit('meeting.options-failed', detail);
      await s.alert({ code: err.code, severity: 'critical', detail });
    });
    throw err;
  }
}
