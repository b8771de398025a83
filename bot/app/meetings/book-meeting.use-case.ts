import type { Conference, Invitee } from '../../domain/conference/conference';
import { deliverFamilyMail, type DeliveryReport, flagLate } from '../invitations/deliver-family-mail';
import { checkNotice } from '../invitations/invitation-notice';
import { MeetingsError } from '../ports/meetings.port';
import {
  type Actor, audit, type BookingDeps, BookingError, eventAttendees, loadConference, meetingSubject,
  meetingTransactionId, SYSTEM_ACTOR,
} from './booking-deps';
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
 * member. Every step's result is saved before the next, so running it again resumes where it
 * stopped without a second event or a second e-mail.
 */
export async function bookMeeting(deps: BookingDeps, conferenceId: string, actor: Actor = SYSTEM_ACTOR): Promise<BookingResult> {
  let c = await loadConference(deps, conferenceId);
  if (c.status === 'stood-down' || c.status === 'held' || c.status === 'closed') {
    throw new BookingError('MEETING.NOT_BOOKABLE', `conference ${c.id} is ${c.status}`);
  }
  if (!c.meeting) c = await createEvent(deps, c, actor);
  c = await lockDown(deps, c, actor);
  const meeting = c.meeting!;
  if (!meeting.optionsVerified) {
    // A meeting whose lobby is not proven locked must not receive the family.
    return { conference: c, optionsVerified: false, optionMismatches: meeting.optionMismatches, family: { sent: [], failed: [], unknown: [], late: [] }, familyHeld: true };
  }
  const { conference, ...family } = await deliverFamilyMail(deps, c, actor);
  return { conference, optionsVerified: true, optionMismatches: [], family, familyHeld: false };
}

async function createEvent(deps: BookingDeps, c: Conference, actor: Actor): Promise<Conference> {
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
  const now = deps.clock.now().toISOString();
  const notice = checkNotice(deps.profileFor(c.profileId), c.kind, c.start, deps.clock.today());
  const invitedIds = new Set(attendees.map((i) => i.id));
  const invitees = c.invitees.map((i): Invitee => {
    if (!invitedIds.has(i.id)) return i;
    const next: Invitee = { ...i, status: 'invited', invitedAt: now };
    if (notice) next.notice = notice;
    return next;
  });
  const saved = await deps.store.save({
    ...c,
    status: 'booked',
    invitees,
    meeting: {
      eventId: created.eventId, transactionId, joinUrl: created.joinUrl,
      optionsVerified: false, optionMismatches: [], syncedBookingVersion: c.bookingVersion,
    },
  });
  await audit(deps, actor, 'meeting.created', c.id, {
    eventId: created.eventId, transactionId, bookingVersion: c.bookingVersion, attendeeIds: attendees.map((i) => i.id),
  });
  if (notice && !notice.met && attendees.length > 0) await flagLate(deps, actor, saved, attendees.map((i) => i.id));
  return saved;
}

/** Find the onlineMeeting, PATCH the profile's options, GET them back and compare every one. */
async function lockDown(deps: BookingDeps, start: Conference, actor: Actor): Promise<Conference> {
  let c = start;
  const meeting = c.meeting!;
  if (meeting.optionsVerified) return c;
  const wanted = lockdownOptions(deps.profileFor(c.profileId).meeting);
  try {
    let onlineMeetingId = meeting.onlineMeetingId;
    if (!onlineMeetingId) {
      onlineMeetingId = await deps.meetings.findOnlineMeetingId(c.organizerId, meeting.joinUrl);
      c = await deps.store.save({ ...c, meeting: { ...meeting, onlineMeetingId } });
    }
    await deps.meetings.setMeetingOptions(c.organizerId, onlineMeetingId, wanted);
    const actual = await deps.meetings.getMeetingOptions(c.organizerId, onlineMeetingId);
    const mismatches = compareOptions(wanted, actual);
    c = await deps.store.save({ ...c, meeting: { ...c.meeting!, optionsVerified: mismatches.length === 0, optionMismatches: mismatches } });
    if (mismatches.length === 0) {
      await audit(deps, actor, 'meeting.options-verified', c.id, { onlineMeetingId, options: Object.keys(wanted) });
    } else {
      const detail = { onlineMeetingId, mismatches, familyInvitationsHeld: true };
      await audit(deps, actor, 'meeting.options-mismatch', c.id, detail);
      await deps.alerts.alertClerk({ conferenceId: c.id, code: 'MEETING.OPTIONS_NOT_APPLIED', severity: 'critical', detail });
    }
    return c;
  } catch (err) {
    if (!(err instanceof MeetingsError)) throw err;
    const detail = { code: err.code, status: err.status ?? null, familyInvitationsHeld: true };
    await audit(deps, actor, 'meeting.options-failed', c.id, detail);
    await deps.alerts.alertClerk({ conferenceId: c.id, code: err.code, severity: 'critical', detail });
    throw err;
  }
}
