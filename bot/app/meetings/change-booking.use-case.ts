import { z } from 'zod';
import type { Conference, Invitee } from '../../domain/conference/conference';
import { deliverFamilyMail, type DeliveryReport, flagLate } from '../invitations/deliver-family-mail';
import { checkNotice } from '../invitations/invitation-notice';
import {
  type Actor, audit, type BookingDeps, BookingError, eventAttendees, isFamilySide, loadConference, meetingSubject,
  SYSTEM_ACTOR,
} from './booking-deps';

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:mm (Europe/London)');

export const rescheduleSchema = z
  .object({
    start: localDateTime,
    end: localDateTime,
    /** null removes the confidential section; absent keeps none. */
    familySectionStart: localDateTime.nullable().optional(),
    /** Split attendance: invitee id → own join time at the new date. */
    joinTimes: z.record(z.string(), localDateTime).optional(),
  })
  .refine((r) => r.start < r.end, { message: 'start must be before end' });
export type RescheduleInput = z.infer<typeof rescheduleSchema>;

export type SyncReport = { conference: Conference; family: Omit<DeliveryReport, 'conference'> };

/** Move the conference: event PATCH (booking version + 1) and a new .ics to each family member. */
export async function rescheduleMeeting(deps: BookingDeps, conferenceId: string, input: RescheduleInput, actor: Actor = SYSTEM_ACTOR): Promise<SyncReport> {
  const r = rescheduleSchema.parse(input);
  const c = await bookedConference(deps, conferenceId);
  const familySectionStart = r.familySectionStart ?? undefined;
  const invitees = c.invitees.map((i): Invitee => {
    if (!isFamilySide(i.role)) return i;
    const { joinAt: _old, ...rest } = i;
    const joinAt = r.joinTimes?.[i.id];
    return joinAt ? { ...rest, joinAt } : rest;
  });
  const next: Conference = { ...c, start: r.start, end: r.end, familySectionStart, invitees, bookingVersion: c.bookingVersion + 1 };
  if (next.familySectionStart === undefined) delete next.familySectionStart;
  const saved = await deps.store.save(next);
  await audit(deps, actor, 'meeting.rescheduled', c.id, {
    bookingVersion: saved.bookingVersion, fromDate: c.start.slice(0, 10), toDate: r.start.slice(0, 10),
  });
  return syncBooking(deps, saved.id, actor);
}

export const newInviteeSchema = z.object({
  id: z.string().min(1),
  role: z.enum(['chair', 'social-worker', 'clerk', 'team-manager', 'professional', 'parent', 'child', 'family-other', 'advocate', 'supporter', 'legal-representative', 'interpreter', 'observer', 'foster-carer']),
  agency: z.string().optional(),
  displayName: z.string().min(1),
  email: z.string().email(),
  joinAt: localDateTime.optional(),
  interpreter: z.object({ language: z.string().min(1), arrangement: z.string().min(1) }).optional(),
});
export type NewInvitee = z.infer<typeof newInviteeSchema>;

/** Add someone: a professional joins the event's attendees; a family member gets their own e-mail. */
export async function addInvitee(deps: BookingDeps, conferenceId: string, input: NewInvitee, actor: Actor = SYSTEM_ACTOR): Promise<SyncReport> {
  const n = newInviteeSchema.parse(input);
  const c = await bookedConference(deps, conferenceId);
  const existing = c.invitees.find((i) => i.id === n.id);
  if (existing && existing.status !== 'removed') throw new BookingError('INVITEE.EXISTS', `invitee ${n.id} is already invited`);
  const invitee: Invitee = { ...n, status: 'pending', ...(existing?.mail ? { mail: existing.mail } : {}) };
  const invitees = existing ? c.invitees.map((i) => (i.id === n.id ? invitee : i)) : [...c.invitees, invitee];
  const saved = await deps.store.save(withBookingChange(c, invitees, isFamilySide(n.role)));
  await audit(deps, actor, 'invitation.invitee-added', c.id, { inviteeId: n.id, role: n.role, bookingVersion: saved.bookingVersion });
  return syncBooking(deps, saved.id, actor);
}

/** Remove someone: a professional leaves the event's attendees; a family member gets a cancellation .ics. */
export async function removeInvitee(deps: BookingDeps, conferenceId: string, inviteeId: string, actor: Actor = SYSTEM_ACTOR): Promise<SyncReport> {
  const c = await bookedConference(deps, conferenceId);
  const target = c.invitees.find((i) => i.id === inviteeId);
  if (!target || target.status === 'removed') throw new BookingError('INVITEE.NOT_FOUND', `invitee ${inviteeId} is not invited`);
  const invitees = c.invitees.map((i): Invitee => (i.id === inviteeId ? { ...i, status: 'removed' } : i));
  const saved = await deps.store.save(withBookingChange(c, invitees, isFamilySide(target.role)));
  await audit(deps, actor, 'invitation.invitee-removed', c.id, { inviteeId, role: target.role, bookingVersion: saved.bookingVersion });
  return syncBooking(deps, saved.id, actor);
}

/** Stand the conference down: cancel the event with a message; each family member told individually. */
export async function standDown(deps: BookingDeps, conferenceId: string, reasonCode: string, actor: Actor = SYSTEM_ACTOR): Promise<SyncReport> {
  const c = await loadConference(deps, conferenceId);
  if (c.status === 'stood-down') return syncBooking(deps, c.id, actor); // resume an interrupted stand-down
  if (c.status !== 'booked') throw new BookingError('MEETING.NOT_BOOKED', `conference ${c.id} is ${c.status}`);
  const saved = await deps.store.save({ ...c, status: 'stood-down', bookingVersion: c.bookingVersion + 1 });
  await audit(deps, actor, 'meeting.stood-down', c.id, { reasonCode, bookingVersion: saved.bookingVersion });
  return syncBooking(deps, saved.id, actor);
}

/**
 * Brings Graph in line with the saved booking: PATCH (or cancel) the event when it is behind,
 * then whatever family e-mail is due. Safe to run again after any failure.
 */
export async function syncBooking(deps: BookingDeps, conferenceId: string, actor: Actor = SYSTEM_ACTOR): Promise<SyncReport> {
  let c = await loadConference(deps, conferenceId);
  const meeting = c.meeting;
  if (!meeting) throw new BookingError('MEETING.NOT_CREATED', `conference ${c.id} has no meeting yet`);
  if (c.status === 'stood-down') {
    if (!meeting.cancelled) {
      const comment = `${meetingSubject(c)} has been cancelled. The conference team will contact you about what happens next.`;
      await deps.meetings.cancelEvent(c.organizerId, meeting.eventId, comment);
      c = await deps.store.save({ ...c, meeting: { ...meeting, cancelled: true, syncedBookingVersion: c.bookingVersion } });
      await audit(deps, actor, 'meeting.cancelled', c.id, { eventId: meeting.eventId, bookingVersion: c.bookingVersion });
    }
  } else if (meeting.syncedBookingVersion !== c.bookingVersion) {
    const attendees = eventAttendees(c);
    await deps.meetings.updateEvent(c.organizerId, meeting.eventId, {
      start: c.start, end: c.end, attendees: attendees.map((i) => ({ email: i.email, name: i.displayName })),
    });
    const now = deps.clock.now().toISOString();
    const notice = checkNotice(deps.profileFor(c.profileId), c.kind, c.start, deps.clock.today());
    const newlyInvited = attendees.filter((i) => i.status === 'pending').map((i) => i.id);
    const invitees = c.invitees.map((i): Invitee => {
      if (!newlyInvited.includes(i.id)) return i;
      const next: Invitee = { ...i, status: 'invited', invitedAt: now };
      if (notice) next.notice = notice;
      return next;
    });
    c = await deps.store.save({ ...c, invitees, meeting: { ...meeting, syncedBookingVersion: c.bookingVersion } });
    await audit(deps, actor, 'meeting.updated', c.id, {
      eventId: meeting.eventId, bookingVersion: c.bookingVersion, attendeeCount: attendees.length, newlyInvited,
    });
    if (notice && !notice.met && newlyInvited.length > 0) await flagLate(deps, actor, c, newlyInvited);
  }
  if (c.status !== 'stood-down' && !c.meeting?.optionsVerified) {
    return { conference: c, family: { sent: [], failed: [], unknown: [], late: [] } };
  }
  const { conference, ...family } = await deliverFamilyMail(deps, c, actor);
  return { conference, family };
}

/**
 * A new booking version with these invitees. A family member is not an event attendee, so their
 * change leaves the event as it is (no PATCH due) — only their own e-mail goes out.
 */
function withBookingChange(c: Conference, invitees: Invitee[], familyOnly: boolean): Conference {
  const bookingVersion = c.bookingVersion + 1;
  const meeting = c.meeting && familyOnly && c.meeting.syncedBookingVersion === c.bookingVersion ? { ...c.meeting, syncedBookingVersion: bookingVersion } : c.meeting;
  return { ...c, invitees, bookingVersion, ...(meeting ? { meeting } : {}) };
}

async function bookedConference(deps: BookingDeps, conferenceId: string): Promise<Conference> {
  const c = await loadConference(deps, conferenceId);
  if (c.status !== 'booked' || !c.meeting) throw new BookingError('MEETING.NOT_BOOKED', `conference ${c.id} is ${c.status}`);
  return c;
}

