import { z } from 'zod';
import { eventAttendees } from '../../domain/conference/attendee-order';
import type { Conference, Invitee } from '../../domain/conference/conference';
import type { ConferenceCommand } from '../../domain/conference/conference-rules';
import { deliverFamilyMail, type DeliveryReport } from '../invitations/deliver-family-mail';
import type { AuditDetail } from '../ports/audit-log.port';
import { scheduleReminders } from '../reminders/schedule-reminders';
import { type Actor, type BookingDeps, meetingSubject, SYSTEM_ACTOR } from './booking-deps';
import { BookingError } from './booking-errors';
import { type BookingRun, flagLateEffects, withBookingRun } from './booking-run';

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:mm (Europe/London)');

export const rescheduleSchema = z
  .object({
    start: localDateTime,
    end: localDateTime,
    /** null or absent: no confidential section at the new time. */
    familySectionStart: localDateTime.nullable().optional(),
    /** Split attendance: invitee id → own join time at the new date. */
    joinTimes: z.record(z.string(), localDateTime).optional(),
  })
  .refine((r) => r.start < r.end, { message: 'start must be before end' });
export type RescheduleInput = z.infer<typeof rescheduleSchema>;

// Loose: the invite list's own fields (phone, directory id, age band, police check, windows…),
// validated by bot/domain/invite-list before they get here, are kept as they are.
export const newInviteeSchema = z.looseObject({
  id: z.string().min(1),
  role: z.enum(['chair', 'social-worker', 'clerk', 'team-manager', 'professional', 'parent', 'child', 'family-other', 'advocate', 'supporter', 'legal-representative', 'interpreter', 'observer', 'foster-carer']),
  agency: z.string().optional(),
  displayName: z.string().min(1),
  email: z.string().email(),
  joinAt: localDateTime.optional(),
  interpreter: z.object({ language: z.string().min(1), arrangement: z.string().min(1) }).optional(),
});
export type NewInvitee = z.infer<typeof newInviteeSchema>;

export type SyncReport = { conference: Conference; family: Omit<DeliveryReport, 'conference'> };

/**
 * How the invite list changes a booked conference: `inviteListVersion` is the version the caller
 * read (If-Match; stale → API.VERSION_STALE, checked under the run's lease), and `deferSync`
 * keeps an added invitee pending — no event PATCH, no family e-mail — until "send invitations"
 * (syncBooking). The list's version is bumped with the change either way.
 */
export interface InviteListChange {
  inviteListVersion?: number;
  deferSync?: boolean;
}

/** A stale If-Match on the invite list (the API answers 412). */
export class InviteListVersionStale extends Error {
  readonly code = 'API.VERSION_STALE';
  constructor(readonly current: number) {
    super(`the invite list is at version ${current}`);
  }
  get details(): { currentVersion: number } {
    return { currentVersion: this.current };
  }
}

export function checkInviteListVersion(c: Conference, expected: number | undefined): void {
  const current = c.inviteListVersion ?? 1;
  if (expected !== undefined && expected !== current) throw new InviteListVersionStale(current);
}

/** Input that fails its schema: a BookingError with the schema's messages (never the input). */
function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new BookingError('BOOKING.INVALID_INPUT', r.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  return r.data;
}

/** One change of the booking: the domain's transition, saved and audited in one step, then the sync. */
async function change(run: BookingRun, command: ConferenceCommand, action: string, detail: (saved: Conference) => AuditDetail, list?: InviteListChange): Promise<SyncReport> {
  const c = await run.load();
  if (list) checkInviteListVersion(c, list.inviteListVersion);
  const next = run.apply(c, command);
  const state = list ? { ...next.state, inviteListVersion: (c.inviteListVersion ?? 1) + 1 } : next.state;
  const saved = await run.step(async (s) => {
    const saved = await s.save(state);
    await s.audit(action, detail(saved));
    // A new booking version gets its reminders in the same step; the older version's become no-ops.
    if (run.deps.jobs) await scheduleReminders({ ...run.deps, jobs: run.deps.jobs }, saved, s.tx);
    return saved;
  });
  if (list?.deferSync) return { conference: saved, family: { sent: [], failed: [], unknown: [], late: [] } };
  return sync(run, saved);
}

/** Move the conference: event PATCH (booking version + 1) and a new .ics to each family member. */
export async function rescheduleMeeting(deps: BookingDeps, conferenceId: string, input: RescheduleInput, actor: Actor = SYSTEM_ACTOR): Promise<SyncReport> {
  const r = parseInput(rescheduleSchema, input);
  return withBookingRun(deps, conferenceId, actor, async (run) => {
    const from = (await run.load()).start.slice(0, 10);
    const command: ConferenceCommand = { type: 'reschedule', start: r.start, end: r.end, ...(r.familySectionStart ? { familySectionStart: r.familySectionStart } : {}), ...(r.joinTimes ? { joinTimes: r.joinTimes } : {}) };
    return change(run, command, 'meeting.rescheduled', (saved) => ({ bookingVersion: saved.bookingVersion, fromDate: from, toDate: r.start.slice(0, 10) }));
  });
}

/** Add someone: a professional joins the event's attendees; a family member gets their own e-mail. */
export async function addInvitee(deps: BookingDeps, conferenceId: string, input: NewInvitee, actor: Actor = SYSTEM_ACTOR, list?: InviteListChange): Promise<SyncReport> {
  const n = parseInput(newInviteeSchema, input);
  return withBookingRun(deps, conferenceId, actor, (run) =>
    change(
      run,
      { type: 'add-invitee', invitee: { ...(n as unknown as Invitee), status: 'pending' } },
      'invitation.invitee-added',
      (saved) => ({ inviteeId: n.id, role: n.role, bookingVersion: saved.bookingVersion, ...(list ? { inviteListVersion: saved.inviteListVersion ?? 1, deferred: list.deferSync === true } : {}) }),
      list,
    ),
  );
}

/** Remove someone: a professional leaves the event's attendees; a family member gets a cancellation .ics. */
export async function removeInvitee(deps: BookingDeps, conferenceId: string, inviteeId: string, actor: Actor = SYSTEM_ACTOR, list?: Omit<InviteListChange, 'deferSync'>): Promise<SyncReport> {
  return withBookingRun(deps, conferenceId, actor, async (run) => {
    const role = (await run.load()).invitees.find((i) => i.id === inviteeId)?.role ?? null;
    return change(
      run,
      { type: 'remove-invitee', inviteeId },
      'invitation.invitee-removed',
      (saved) => ({ inviteeId, role, bookingVersion: saved.bookingVersion, ...(list ? { inviteListVersion: saved.inviteListVersion ?? 1 } : {}) }),
      list,
    );
  });
}

/** Stand the conference down: cancel the event with a message; each family member told individually. */
export async function standDown(deps: BookingDeps, conferenceId: string, reasonCode: string, actor: Actor = SYSTEM_ACTOR): Promise<SyncReport> {
  return withBookingRun(deps, conferenceId, actor, async (run) => {
    const c = await run.load();
    if (c.status === 'stood-down') return sync(run, c); // resume an interrupted stand-down
    if (c.status !== 'booked') throw new BookingError('MEETING.NOT_BOOKED', `conference ${c.id} is ${c.status}`);
    return change(run, { type: 'stand-down' }, 'meeting.stood-down', (saved) => ({ reasonCode, bookingVersion: saved.bookingVersion }));
  });
}

/** The clerk checked that an e-mail whose outcome was unknown did not arrive: send it once more. */
export async function allowFamilyResend(deps: BookingDeps, conferenceId: string, inviteeId: string, actor: Actor = SYSTEM_ACTOR): Promise<SyncReport> {
  return withBookingRun(deps, conferenceId, actor, (run) =>
    change(run, { type: 'allow-resend', inviteeId }, 'invitation.resend-allowed', (saved) => ({ inviteeId, bookingVersion: saved.bookingVersion })),
  );
}

/**
 * Brings Graph in line with the saved booking: PATCH (or cancel) the event when it is behind,
 * then whatever family e-mail is due. Safe to run again after any failure.
 */
export async function syncBooking(deps: BookingDeps, conferenceId: string, actor: Actor = SYSTEM_ACTOR): Promise<SyncReport> {
  return withBookingRun(deps, conferenceId, actor, async (run) => sync(run, await run.load()));
}

async function sync(run: BookingRun, start: Conference): Promise<SyncReport> {
  let c = start;
  if (!c.meeting) throw new BookingError('MEETING.NOT_CREATED', `conference ${c.id} has no meeting yet`);
  if (c.status === 'stood-down') {
    if (!c.meeting.cancelled) c = await cancelEvent(run, c);
  } else if (c.meeting.syncedBookingVersion !== c.bookingVersion) {
    c = await updateEvent(run, c);
  }
  const { conference, ...family } = await deliverFamilyMail(run, c);
  return { conference, family };
}

/** PATCH times and the full attendee list; repeating it after a lost answer sets the same values. */
async function updateEvent(run: BookingRun, c: Conference): Promise<Conference> {
  const { deps } = run;
  const meeting = c.meeting!;
  const attendees = eventAttendees(c);
  await deps.meetings.updateEvent(c.organizerId, meeting.eventId, {
    start: c.start, end: c.end, attendees: attendees.map((i) => ({ email: i.email, name: i.displayName })),
  });
  const notice = run.noticeToday(c);
  const newlyInvited = attendees.filter((i) => i.status === 'pending').map((i) => i.id);
  const next = run.apply(c, { type: 'event-synced', at: run.now(), notice });
  return run.step(async (s) => {
    const saved = await s.save(next.state);
    await s.audit('meeting.updated', { eventId: meeting.eventId, bookingVersion: saved.bookingVersion, attendeeCount: attendees.length, newlyInvited });
    await flagLateEffects(s, saved, next.effects, deps.clock.today());
    return saved;
  });
}

/**
 * Cancel the event. The request is recorded first, so that when its answer is lost the rerun's
 * "already gone" (Graph moves a cancelled event to Deleted Items, where its id no longer
 * resolves) counts as done. Gone without our request: removed in Outlook — the clerk is told.
 */
async function cancelEvent(run: BookingRun, start: Conference): Promise<Conference> {
  const { deps } = run;
  let c = start;
  const requestedBefore = c.meeting!.cancelRequested === true;
  if (!requestedBefore) {
    const marked = run.apply(c, { type: 'cancel-requested' });
    c = await run.step((s) => s.save(marked.state));
  }
  const { eventId } = c.meeting!;
  const comment = `${meetingSubject(c)} has been cancelled. The conference team will contact you about what happens next.`;
  const result = await deps.meetings.cancelEvent(c.organizerId, eventId, comment);
  const missing = result === 'already-gone';
  const next = run.apply(c, { type: 'event-cancelled', missing });
  return run.step(async (s) => {
    const saved = await s.save(next.state);
    await s.audit('meeting.cancelled', { eventId, bookingVersion: saved.bookingVersion, alreadyGone: missing });
    if (missing && !requestedBefore) {
      await s.alert({ code: 'MEETING.EVENT_MISSING', severity: 'warning', detail: { eventId, professionalsToldByProduct: false } });
    }
    return saved;
  });
}
