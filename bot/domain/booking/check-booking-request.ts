// A booking request checked field by field, and the answer the card and the API show: the
// statutory latest date, every deadline that follows from the proposed date, and which of them it
// misses. Pure: the caller passes today's Europe/London date and the profile's calendar.
import { CalendarError } from '../calendar/calendar-error';
import { addMonths, toDayNumber } from '../calendar/civil-date';
import type { IsoDate, LocalDateTime } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { CONFERENCE_KINDS, type ConferenceKind } from '../conference/conference-kind';
import type { PolicyProfile, RuleId } from '../policy/policy-profile';
import { type AnchorKind, type Anchors, isAnchorKind } from '../timescales/anchors';
import { ANCHORS_FOR_KIND, checkProposedDate } from '../timescales/check-proposed-date';
import { computeDeadlines, type Deadline } from '../timescales/compute-deadlines';
import { TimescaleError } from '../timescales/timescale-error';
import { type BookingReminderDates, bookingReminderDates } from './booking-reminders';
import type { BookingField, BookingRuleCode, FieldError, FieldErrors } from './booking-rule-codes';
import { checkCaseReference } from './case-reference';

/** What the card or the API sent: every field optional and loosely typed (a card sends strings). */
export interface BookingRequestInput {
  kind?: string;
  caseReference?: string;
  /** Which anchor `anchorDate` is (default: the kind's first, ANCHORS_FOR_KIND). */
  anchorKind?: string;
  anchorDate?: string;
  chairId?: string;
  socialWorkerId?: string;
  date?: string;
  startTime?: string;
  durationMinutes?: number | string;
  confidentialMinutes?: number | string;
  lateReason?: string;
  managerId?: string;
  /** When the child's previous child protection plan ended, if there was one. */
  previousPlanEndedOn?: string;
  serviceManagerId?: string;
}

export interface ValidBooking {
  kind: ConferenceKind;
  caseReference: string;
  anchorKind: AnchorKind;
  anchorDate: IsoDate;
  chairId: string;
  socialWorkerId: string;
  date: IsoDate;
  startTime: string;
  durationMinutes: number;
  confidentialMinutes: number;
  start: LocalDateTime;
  end: LocalDateTime;
  /** After the confidential section (absent when it is 0 minutes). */
  familySectionStart?: LocalDateTime;
  lateReason?: string;
  managerId?: string;
  previousPlanEndedOn?: IsoDate;
  serviceManagerId?: string;
}

/** The statutory rule each kind is held within, per anchor (DOMAIN-RULES §2). */
const STATUTORY_RULE: Record<AnchorKind, RuleId | undefined> = {
  'strategy-discussion': 'T1', icpc: undefined, rcpc: 'T3', 'transfer-decision': 'T19', 'due-date': 'T18',
  'core-group': 'T5', conference: undefined, 'significant-change': undefined,
};

function statutoryRuleFor(kind: ConferenceKind, anchor: AnchorKind): RuleId | undefined {
  if (anchor === 'icpc') return kind === 'RCPC' ? 'T2' : kind === 'CORE_GROUP' ? 'T4' : undefined;
  return STATUTORY_RULE[anchor];
}

/** The deadlines a booking shows besides its statutory latest date. */
export const BOOKING_DEADLINE_RULES: readonly RuleId[] = ['T7', 'T8', 'T9', 'T10', 'T10b', 'T11', 'T23', 'T24'];
/** Deadlines that are tasks before the conference: one already past today is missed. */
const TASK_RULES: readonly RuleId[] = ['T7', 'T8', 'T9', 'T10', 'T10b', 'T11', 'T23'];

export interface MissedByBooking {
  rule: RuleId;
  date: IsoDate;
  /** past-latest: after the statutory latest; before-window: the pre-birth window is not open yet;
   *  task-overdue: the task's own deadline is already before today. */
  why: 'past-latest' | 'before-window' | 'task-overdue';
}

export interface BookingAnswer {
  /** The last permissible day for this kind from this anchor (null when the profile has the rule off). */
  statutoryLatest: { rule: RuleId; date: IsoDate } | null;
  /** The pre-birth window's first day (PRE_BIRTH only). */
  earliest: IsoDate | null;
  deadlines: Deadline[];
  missed: MissedByBooking[];
  /** Past the statutory latest (or before the pre-birth window): a reason and a named manager's approval. */
  late: boolean;
  /** A previous plan ended within 12 months of this date (003): service manager oversight first. */
  repeatPlan: boolean;
  /** T23 (ICPC from a strategy discussion, where the profile has it). */
  bookingBy: BookingReminderDates | null;
}

export interface BookingAnswerOptions {
  /** When the child's previous plan ended (a repeat plan within 12 months). */
  previousPlanEndedOn?: IsoDate;
  /** A rebooking's last date from T17 (not quorate): past it is late like the statutory latest. */
  reconveneBy?: IsoDate;
}

export type BookingCheck =
  | { ok: true; value: ValidBooking; answer: BookingAnswer }
  | { ok: false; errors: FieldErrors; answer: BookingAnswer | null };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const EARLIEST_START = 8 * 60;
const LATEST_START = 18 * 60;
export const MIN_DURATION = 30;
export const MAX_DURATION = 240;

const err = (code: BookingRuleCode, message: string): FieldError => ({ code, message });

function dateError(value: string | undefined, what: string, required: BookingRuleCode): FieldError | null {
  if (value === undefined || value.trim() === '') return err(required, `Enter the ${what}.`);
  try {
    toDayNumber(value);
    return null;
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    return e.code === 'CALENDAR.OUT_OF_RANGE'
      ? err(required === 'BOOKING.DATE_REQUIRED' ? 'BOOKING.DATE_OUT_OF_RANGE' : 'BOOKING.ANCHOR_INVALID', `The ${what} is outside the years the working-day calendar knows.`)
      : err(required === 'BOOKING.DATE_REQUIRED' ? 'BOOKING.DATE_INVALID' : 'BOOKING.ANCHOR_INVALID', `The ${what} is not a real date (YYYY-MM-DD).`);
  }
}

function wholeMinutes(value: number | string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) ? n : null;
}

function addMinutes(date: IsoDate, hhmm: string, minutes: number): LocalDateTime {
  const m = TIME.exec(hhmm)!;
  const total = Number(m[1]) * 60 + Number(m[2]) + minutes;
  const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  return `${date}T${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

const trimmed = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t === undefined || t === '' ? undefined : t;
};

export function checkBookingRequest(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  input: BookingRequestInput,
  today: IsoDate,
  options: BookingAnswerOptions = {},
): BookingCheck {
  const errors: FieldErrors = {};
  const set = (field: BookingField, e: FieldError | null) => {
    if (e && !errors[field]) errors[field] = e;
  };

  const kind = CONFERENCE_KINDS.find((k) => k === input.kind);
  if (!kind) set('kind', err('BOOKING.KIND_UNKNOWN', 'Choose the kind of conference.'));
  const caseReference = (input.caseReference ?? '').trim();
  set('caseReference', checkCaseReference(profile.caseReference, input.caseReference));

  // The anchor: its kind must be one the conference kind is measured from.
  let anchorKind: AnchorKind | undefined;
  if (kind) {
    const allowed = ANCHORS_FOR_KIND[kind];
    const asked = trimmed(input.anchorKind);
    if (asked === undefined) anchorKind = allowed[0];
    else if (isAnchorKind(asked) && allowed.includes(asked)) anchorKind = asked;
    else set('anchorKind', err('BOOKING.ANCHOR_NOT_APPLICABLE', `A ${kind} is measured from: ${allowed.join(' or ')}.`));
  }
  const anchorDate = trimmed(input.anchorDate);
  set('anchorDate', dateError(anchorDate, 'anchor date', 'BOOKING.ANCHOR_REQUIRED'));
  if (errors.anchorDate?.code === 'BOOKING.ANCHOR_REQUIRED') errors.anchorDate = err('BOOKING.ANCHOR_REQUIRED', 'Enter the date this conference is measured from.');

  const chairId = trimmed(input.chairId);
  const socialWorkerId = trimmed(input.socialWorkerId);
  if (!chairId) set('chairId', err('BOOKING.CHAIR_REQUIRED', 'Choose the chair.'));
  if (!socialWorkerId) set('socialWorkerId', err('BOOKING.SOCIAL_WORKER_REQUIRED', 'Choose the social worker.'));
  if (chairId && socialWorkerId && chairId.toLowerCase() === socialWorkerId.toLowerCase()) {
    set('socialWorkerId', err('BOOKING.CHAIR_IS_SOCIAL_WORKER', 'The chair cannot also be the social worker: choose someone else.'));
  }

  const date = trimmed(input.date);
  set('date', dateError(date, 'conference date', 'BOOKING.DATE_REQUIRED'));
  if (date && !errors.date) {
    if (!calendar.isWorkingDay(date)) set('date', err('BOOKING.DATE_NOT_WORKING_DAY', 'This is not a working day (a weekend, bank holiday or council closure). Choose another date.'));
    else if (date < today) set('date', err('BOOKING.DATE_IN_PAST', 'This date has passed. Choose a date from today on.'));
  }
  if (date && anchorDate && kind !== 'PRE_BIRTH' && !errors.date && !errors.anchorDate && anchorDate > date) {
    set('anchorDate', err('BOOKING.ANCHOR_AFTER_DATE', 'The anchor date must be on or before the conference date.'));
  }

  const startTime = trimmed(input.startTime);
  let startMinutes: number | null = null;
  if (!startTime || !TIME.test(startTime)) set('startTime', err('BOOKING.START_TIME_INVALID', 'Enter the start time as HH:mm (24-hour).'));
  else {
    const m = TIME.exec(startTime)!;
    startMinutes = Number(m[1]) * 60 + Number(m[2]);
    if (startMinutes < EARLIEST_START || startMinutes > LATEST_START) set('startTime', err('BOOKING.START_TIME_OUTSIDE_HOURS', 'Conferences start between 08:00 and 18:00.'));
  }
  const given = wholeMinutes(input.durationMinutes);
  const duration = given !== null && given >= MIN_DURATION && given <= MAX_DURATION ? given : null;
  if (duration === null) {
    set('durationMinutes', err('BOOKING.DURATION_INVALID', `The length is a whole number of minutes from ${MIN_DURATION} to ${MAX_DURATION}.`));
  }
  const confidential = wholeMinutes(input.confidentialMinutes ?? 0);
  if (confidential === null || confidential < 0) set('confidentialMinutes', err('BOOKING.CONFIDENTIAL_INVALID', 'The confidential section is a whole number of minutes (0 for none).'));
  else if (duration !== null && confidential >= duration) set('confidentialMinutes', err('BOOKING.CONFIDENTIAL_NOT_SHORTER', 'The confidential section must be shorter than the conference.'));

  const previousPlanEndedOn = trimmed(input.previousPlanEndedOn);
  if (previousPlanEndedOn !== undefined) {
    const e = dateError(previousPlanEndedOn, 'date the previous plan ended', 'BOOKING.PREVIOUS_PLAN_DATE_INVALID');
    if (e) set('previousPlanEndedOn', err('BOOKING.PREVIOUS_PLAN_DATE_INVALID', 'The date the previous plan ended is not a real date (YYYY-MM-DD).'));
  }

  // The answer needs only the kind, the anchor and the date: shown even while other fields are wrong.
  let answer: BookingAnswer | null = null;
  if (kind && anchorKind && anchorDate && !errors.anchorDate && !errors.anchorKind && date && !errors.date) {
    try {
      answer = bookingAnswer(profile, calendar, kind, { [anchorKind]: anchorDate }, date, today, { ...options, ...(!errors.previousPlanEndedOn && previousPlanEndedOn !== undefined && { previousPlanEndedOn }) });
    } catch (e) {
      if (!(e instanceof CalendarError) && !(e instanceof TimescaleError)) throw e;
      // A deadline falls outside the calendar's years: the date (or anchor) is too near the edge.
      set('date', err('BOOKING.DATE_OUT_OF_RANGE', 'The deadlines for this date fall outside the years the working-day calendar knows.'));
    }
  }

  const lateReason = trimmed(input.lateReason);
  const managerId = trimmed(input.managerId);
  const serviceManagerId = trimmed(input.serviceManagerId);
  if (answer?.late) {
    if (!lateReason) set('lateReason', err('BOOKING.LATE_REASON_REQUIRED', 'This date is past the statutory latest date: give the reason.'));
    if (!managerId) set('managerId', err('BOOKING.MANAGER_REQUIRED', 'This date is past the statutory latest date: name the manager who approves it.'));
  }
  if (answer?.repeatPlan && !serviceManagerId) {
    set('serviceManagerId', err('BOOKING.SERVICE_MANAGER_REQUIRED', 'A previous plan ended within 12 months: name the service manager whose oversight is recorded.'));
  }

  if (Object.keys(errors).length > 0 || !answer || !kind || !anchorKind || !anchorDate || !chairId || !socialWorkerId || !date || !startTime || startMinutes === null || duration === null || confidential === null) {
    return { ok: false, errors, answer };
  }
  const start = addMinutes(date, startTime, 0);
  return {
    ok: true,
    answer,
    value: {
      kind,
      caseReference,
      anchorKind,
      anchorDate,
      chairId,
      socialWorkerId,
      date,
      startTime,
      durationMinutes: duration,
      confidentialMinutes: confidential,
      start,
      end: addMinutes(date, startTime, duration),
      ...(confidential > 0 && { familySectionStart: addMinutes(date, startTime, confidential) }),
      ...(answer.late && lateReason !== undefined && { lateReason }),
      ...(answer.late && managerId !== undefined && { managerId }),
      ...(previousPlanEndedOn !== undefined && { previousPlanEndedOn }),
      ...(answer.repeatPlan && serviceManagerId !== undefined && { serviceManagerId }),
    },
  };
}

/**
 * The deadlines for a conference of `kind` on `date` measured from `anchors`: its statutory
 * latest date, the tasks before it, and which are missed. Throws CalendarError / TimescaleError.
 */
export function bookingAnswer(
  profile: PolicyProfile,
  calendar: WorkingCalendar,
  kind: ConferenceKind,
  anchors: Anchors,
  date: IsoDate,
  today: IsoDate,
  options: BookingAnswerOptions = {},
): BookingAnswer {
  const { previousPlanEndedOn, reconveneBy } = options;
  const all = computeDeadlines(profile, calendar, { ...anchors, conference: date }, { kind, today });
  const anchorKind = (Object.keys(anchors) as AnchorKind[]).find((k) => anchors[k] !== undefined)!;
  const rule = statutoryRuleFor(kind, anchorKind);
  const statutory = rule ? all.filter((d) => d.rule === rule) : [];
  // T18 lists the window's opening then its latest day; every other rule one date.
  const latest = statutory.at(-1);
  const earliest = rule === 'T18' && statutory.length === 2 ? statutory[0]!.date : null;
  const deadlines = [...statutory, ...all.filter((d) => BOOKING_DEADLINE_RULES.includes(d.rule))];

  const missed: MissedByBooking[] = checkProposedDate(profile, calendar, kind, anchors, date).missed.map((m) => ({
    rule: m.rule,
    date: m.date,
    why: m.rule === 'T18' && earliest !== null && date < earliest ? 'before-window' : 'past-latest',
  }));
  for (const d of deadlines) {
    if (TASK_RULES.includes(d.rule) && d.date < today && !missed.some((m) => m.rule === d.rule && m.date === d.date)) {
      missed.push({ rule: d.rule, date: d.date, why: 'task-overdue' });
    }
  }
  // A rebooking after a not-quorate stand-down: reconvened within T17 of the original date.
  if (reconveneBy !== undefined && date > reconveneBy) missed.push({ rule: 'T17', date: reconveneBy, why: 'past-latest' });
  const newPlan = kind === 'ICPC' || kind === 'TRANSFER_IN' || kind === 'PRE_BIRTH';
  const strategy = anchors['strategy-discussion'];
  return {
    statutoryLatest: latest ? { rule: latest.rule, date: latest.date } : null,
    earliest,
    deadlines,
    missed,
    late: missed.some((m) => m.why === 'past-latest'),
    repeatPlan: newPlan && previousPlanEndedOn !== undefined && previousPlanEndedOn <= date && addMonths(previousPlanEndedOn, 12) >= date,
    bookingBy: kind === 'ICPC' && strategy !== undefined ? bookingReminderDates(profile, calendar, strategy) : null,
  };
}
