// The booking's rules as one pure transition: a command applied to the conference gives the
// next conference and what the use case must do next (effects), or a coded refusal. Use cases do
// the I/O (Graph, the store) and apply a command per step; nothing here reads a clock.
import { eventAttendees, isFamilySide } from './attendee-order';
import type { Conference, Invitee, MeetingRecord } from './conference';
import { nextStatus, type StatusCode } from './conference-status';
import { type MailPlan, type MailReport, type MailResult, markSending, planFamilyMail, recordMailOutcomes, resolveInterrupted } from './family-mail-plan';

export interface NoticeCheck {
  deadline: string;
  met: boolean;
}

export type ConferenceCommand =
  /** The calendar event exists (created, or returned again for the same transactionId). */
  | { type: 'book'; meeting: Pick<MeetingRecord, 'eventId' | 'transactionId' | 'joinUrl'>; at: string; notice: NoticeCheck | null }
  | { type: 'online-meeting-found'; onlineMeetingId: string; chatThreadId?: string }
  | { type: 'options-checked'; mismatches: string[] }
  | { type: 'reschedule'; start: string; end: string; familySectionStart?: string; joinTimes?: Record<string, string> }
  | { type: 'add-invitee'; invitee: Invitee }
  | { type: 'remove-invitee'; inviteeId: string }
  /** The event now reflects the booking version (PATCH answered). */
  | { type: 'event-synced'; at: string; notice: NoticeCheck | null }
  | { type: 'stand-down' }
  /** The cancel request is about to go out: a lost answer is then recognised as done. */
  | { type: 'cancel-requested' }
  /** The event is cancelled (202), or was already gone (`missing`). */
  | { type: 'event-cancelled'; missing: boolean }
  | { type: 'mail-interrupted' }
  | { type: 'mail-sending'; at: string }
  | { type: 'mail-outcomes'; results: MailResult[]; at: string; notice: NoticeCheck | null }
  /** The clerk checked that an e-mail whose outcome was unknown did not arrive. */
  | { type: 'allow-resend'; inviteeId: string }
  | { type: 'hold' }
  | { type: 'close' };

export type ConferenceEffect =
  | { kind: 'lock-down-due' }
  | { kind: 'event-sync-due' }
  | { kind: 'event-cancel-due' }
  | { kind: 'family-mail-due' }
  | { kind: 'send-family-mail'; plans: MailPlan[] }
  | { kind: 'invited-late'; inviteeIds: string[] }
  | { kind: 'mail-interrupted'; inviteeIds: string[] }
  | { kind: 'mail-reported'; report: MailReport };

export type ConferenceRuleCode =
  | StatusCode
  | 'MEETING.NOT_BOOKED'
  | 'MEETING.NOT_CREATED'
  | 'MEETING.ALREADY_CREATED'
  | 'MEETING.ALREADY_SYNCED'
  | 'CONFERENCE.INVALID_TIMES'
  | 'INVITEE.EXISTS'
  | 'INVITEE.NOT_FOUND'
  | 'INVITEE.RESEND_NOT_ALLOWED'
  | 'MAIL.IN_FLIGHT'
  | 'MAIL.NOTHING_IN_FLIGHT';

export type Transition = { ok: true; state: Conference; effects: ConferenceEffect[] } | { ok: false; code: ConferenceRuleCode; message: string };

const ok = (state: Conference, effects: ConferenceEffect[] = []): Transition => ({ ok: true, state, effects });
const refuse = (code: ConferenceRuleCode, message: string): Transition => ({ ok: false, code, message });

/** Booked with a meeting: the state every change of a booking needs. */
function booked(c: Conference): c is Conference & { meeting: MeetingRecord } {
  return c.status === 'booked' && c.meeting !== undefined;
}

/** Marks `ids` invited at `at` with the notice check; reports the late ones. */
function invite(c: Conference, ids: string[], at: string, notice: NoticeCheck | null): { state: Conference; effects: ConferenceEffect[] } {
  const set = new Set(ids);
  const invitees = c.invitees.map((i): Invitee => (set.has(i.id) ? { ...i, status: 'invited', invitedAt: at, ...(notice ? { notice } : {}) } : i));
  const late: ConferenceEffect[] = notice && !notice.met && ids.length > 0 ? [{ kind: 'invited-late', inviteeIds: ids }] : [];
  return { state: { ...c, invitees }, effects: late };
}

/**
 * A new booking version with these invitees. A family member is not an event attendee, so a
 * change to the family alone leaves the event as it is (no PATCH due) — only their e-mail goes.
 */
function bookingChange(c: Conference & { meeting: MeetingRecord }, invitees: Invitee[], familyOnly: boolean): Transition {
  const bookingVersion = c.bookingVersion + 1;
  const inSync = c.meeting.syncedBookingVersion === c.bookingVersion;
  const meeting = familyOnly && inSync ? { ...c.meeting, syncedBookingVersion: bookingVersion } : c.meeting;
  const effects: ConferenceEffect[] = familyOnly && inSync ? [{ kind: 'family-mail-due' }] : [{ kind: 'event-sync-due' }, { kind: 'family-mail-due' }];
  return ok({ ...c, invitees, bookingVersion, meeting }, effects);
}

export function transition(c: Conference, command: ConferenceCommand): Transition {
  switch (command.type) {
    case 'book': {
      if (c.meeting) return refuse('MEETING.ALREADY_CREATED', `conference ${c.id} already has its meeting`);
      const status = nextStatus(c.status, 'book');
      if (!status.ok) return refuse(status.code, status.message);
      const meeting: MeetingRecord = { ...command.meeting, optionsVerified: false, optionMismatches: [], syncedBookingVersion: c.bookingVersion };
      const invited = invite({ ...c, status: status.value, meeting }, eventAttendees(c).map((i) => i.id), command.at, command.notice);
      return ok(invited.state, [{ kind: 'lock-down-due' }, ...invited.effects]);
    }
    case 'online-meeting-found':
      if (!c.meeting) return refuse('MEETING.NOT_CREATED', `conference ${c.id} has no meeting yet`);
      return ok({ ...c, meeting: { ...c.meeting, onlineMeetingId: command.onlineMeetingId, ...(command.chatThreadId ? { chatThreadId: command.chatThreadId } : {}) } });
    case 'options-checked': {
      if (!c.meeting) return refuse('MEETING.NOT_CREATED', `conference ${c.id} has no meeting yet`);
      const verified = command.mismatches.length === 0;
      const state = { ...c, meeting: { ...c.meeting, optionsVerified: verified, optionMismatches: [...command.mismatches] } };
      return ok(state, verified ? [{ kind: 'family-mail-due' }] : []);
    }
    case 'reschedule': {
      if (!booked(c)) return refuse('MEETING.NOT_BOOKED', `conference ${c.id} is ${c.status}`);
      if (!(command.start < command.end)) return refuse('CONFERENCE.INVALID_TIMES', 'start must be before end');
      const invitees = c.invitees.map((i): Invitee => {
        if (!isFamilySide(i.role)) return i;
        const { joinAt: _old, ...rest } = i;
        const joinAt = command.joinTimes?.[i.id];
        return joinAt ? { ...rest, joinAt } : rest;
      });
      const { familySectionStart: _fs, ...base } = c;
      const next: Conference = { ...base, start: command.start, end: command.end, invitees, bookingVersion: c.bookingVersion + 1 };
      if (command.familySectionStart !== undefined) next.familySectionStart = command.familySectionStart;
      return ok(next, [{ kind: 'event-sync-due' }, { kind: 'family-mail-due' }]);
    }
    case 'add-invitee': {
      if (!booked(c)) return refuse('MEETING.NOT_BOOKED', `conference ${c.id} is ${c.status}`);
      const n = command.invitee;
      const existing = c.invitees.find((i) => i.id === n.id);
      if (existing && existing.status !== 'removed') return refuse('INVITEE.EXISTS', `invitee ${n.id} is already invited`);
      // A returning family member keeps their mail history (what they were last told).
      const { mail: _m, ...fresh } = n;
      const invitee: Invitee = { ...fresh, status: 'pending', ...(existing?.mail ? { mail: existing.mail } : {}) };
      const invitees = existing ? c.invitees.map((i) => (i.id === n.id ? invitee : i)) : [...c.invitees, invitee];
      return bookingChange(c, invitees, isFamilySide(n.role));
    }
    case 'remove-invitee': {
      if (!booked(c)) return refuse('MEETING.NOT_BOOKED', `conference ${c.id} is ${c.status}`);
      const target = c.invitees.find((i) => i.id === command.inviteeId);
      if (!target || target.status === 'removed') return refuse('INVITEE.NOT_FOUND', `invitee ${command.inviteeId} is not invited`);
      const invitees = c.invitees.map((i): Invitee => (i.id === command.inviteeId ? { ...i, status: 'removed' } : i));
      return bookingChange(c, invitees, isFamilySide(target.role));
    }
    case 'event-synced': {
      if (!booked(c)) return refuse('MEETING.NOT_BOOKED', `conference ${c.id} is ${c.status}`);
      if (c.meeting.syncedBookingVersion === c.bookingVersion) return refuse('MEETING.ALREADY_SYNCED', `the event already reflects booking version ${c.bookingVersion}`);
      const newlyInvited = eventAttendees(c).filter((i) => i.status === 'pending').map((i) => i.id);
      const invited = invite({ ...c, meeting: { ...c.meeting, syncedBookingVersion: c.bookingVersion } }, newlyInvited, command.at, command.notice);
      return ok(invited.state, [{ kind: 'family-mail-due' }, ...invited.effects]);
    }
    case 'stand-down': {
      const status = nextStatus(c.status, 'stand-down');
      if (!status.ok) return refuse(status.code, status.message);
      const next = { ...c, status: status.value, bookingVersion: c.bookingVersion + 1 };
      return ok(next, c.meeting ? [{ kind: 'event-cancel-due' }, { kind: 'family-mail-due' }] : []);
    }
    case 'cancel-requested':
      if (c.status !== 'stood-down') return refuse('CONFERENCE.TRANSITION_NOT_ALLOWED', `a ${c.status} conference's event is not cancelled`);
      if (!c.meeting) return refuse('MEETING.NOT_CREATED', `conference ${c.id} has no meeting`);
      return ok({ ...c, meeting: { ...c.meeting, cancelRequested: true } }, [{ kind: 'event-cancel-due' }]);
    case 'event-cancelled':
      if (c.status !== 'stood-down') return refuse('CONFERENCE.TRANSITION_NOT_ALLOWED', `a ${c.status} conference's event is not cancelled`);
      if (!c.meeting) return refuse('MEETING.NOT_CREATED', `conference ${c.id} has no meeting`);
      return ok(
        { ...c, meeting: { ...c.meeting, cancelled: true, syncedBookingVersion: c.bookingVersion, ...(command.missing ? { eventMissing: true } : {}) } },
        [{ kind: 'family-mail-due' }],
      );
    case 'mail-interrupted': {
      const r = resolveInterrupted(c);
      return ok(r.conference, r.inviteeIds.length > 0 ? [{ kind: 'mail-interrupted', inviteeIds: r.inviteeIds }] : []);
    }
    case 'mail-sending': {
      if (c.invitees.some((i) => i.mail?.state === 'sending')) return refuse('MAIL.IN_FLIGHT', 'an earlier attempt is still marked sending');
      const plans = planFamilyMail(c);
      return plans.length === 0 ? ok(c) : ok(markSending(c, plans, command.at), [{ kind: 'send-family-mail', plans }]);
    }
    case 'mail-outcomes': {
      if (!c.invitees.some((i) => i.mail?.state === 'sending')) return refuse('MAIL.NOTHING_IN_FLIGHT', 'no attempt is marked sending');
      const r = recordMailOutcomes(c, command.results, command.at, command.notice);
      const late: ConferenceEffect[] = r.report.late.length > 0 ? [{ kind: 'invited-late', inviteeIds: r.report.late }] : [];
      return ok(r.conference, [{ kind: 'mail-reported', report: r.report }, ...late]);
    }
    case 'allow-resend': {
      const target = c.invitees.find((i) => i.id === command.inviteeId);
      if (!target) return refuse('INVITEE.NOT_FOUND', `invitee ${command.inviteeId} is not in the conference`);
      if (target.mail?.state !== 'unknown') return refuse('INVITEE.RESEND_NOT_ALLOWED', `invitee ${command.inviteeId} has no e-mail of unknown outcome`);
      const mail = { ...target.mail, state: 'failed' as const, code: 'MAIL.RESEND_REQUESTED' as const };
      return ok({ ...c, invitees: c.invitees.map((i) => (i.id === command.inviteeId ? { ...i, mail } : i)) }, [{ kind: 'family-mail-due' }]);
    }
    case 'hold':
    case 'close': {
      const status = nextStatus(c.status, command.type);
      if (!status.ok) return refuse(status.code, status.message);
      return ok({ ...c, status: status.value });
    }
  }
}
