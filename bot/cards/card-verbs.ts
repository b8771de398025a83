// The card verbs, declared once: every Action.Execute verb a card may carry, with the zod schema of
// its `data` (the card's own fields and any inputs, which Teams merges into `data`). The Teams
// adapter parses `data` with the verb's schema before any handler runs; handlers are typed from
// this table (CardActionHandlers in bot/app/ports/card-action.port.ts); view models take their
// verbs from it. `actionId` is not part of a verb's schema: the adapter reads it for every verb
// (it makes a double press recognisable), and every rendered card must carry one.
import { z } from 'zod';
import { AGENCIES, type Agency } from '../domain/conference/agency';
import { STAGE_COMMANDS } from '../domain/meeting/live-meeting';

export interface VerbSpec {
  /** Parses the card's `data`; what it outputs is what the handler receives. */
  readonly data: z.ZodType;
}

export type VerbTable = Readonly<Record<string, VerbSpec>>;

/** An input as Teams sends it: a string (numbers and dates too), absent when left empty. */
const input = (max: number) => z.string().max(max).optional();

// ---- Booking (bot/app/booking, bot/cards/booking) ----
/** The booking card's inputs: every field optional here, so that the handler can answer each
 *  missing or wrong one beside its field (the domain's rules), keeping the values typed. */
const bookingCardData = z.object({
  kind: input(20),
  caseReference: input(100),
  anchorKind: input(40),
  anchorDate: input(20),
  chairId: input(100),
  socialWorkerId: input(100),
  date: input(20),
  startTime: input(10),
  durationMinutes: input(10),
  confidentialMinutes: input(10),
  lateReason: input(1000),
  managerId: input(100),
  previousPlanEndedOn: input(20),
  serviceManagerId: input(100),
});
const approvalCardData = z.object({
  conferenceId: z.string().min(1).max(100),
  approvalId: z.string().min(1).max(100),
  note: input(1000),
});
const id = z.string().min(1).max(100);
/** An optional text input: Teams sends "" for an empty one. */
const optionalText = z
  .string()
  .max(200)
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const attendanceCard = z.object({ conferenceId: id, inviteeId: id });
/** A longer optional text input (a reason): "" is absent. */
const longText = z
  .string()
  .max(1000)
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

// ---- The decision card (bot/cards/decision, bot/app/decision): the chair's inputs, every one
// optional so that the handler answers each missing or wrong one beside its field; one view,
// scaling and dissent input per agency (view_<agency>, scaling_<agency>, dissent_<agency>).
const decisionCardData = z.object({
  conferenceId: id,
  chairView: input(20),
  chairConcerns: input(2000),
  outcomeWithoutPlan: input(40),
  category: input(40),
  leadSocialWorker: input(100),
  /** Multi-select: invitee ids separated by commas. */
  coreGroup: input(4000),
  firstCoreGroupDate: input(20),
  reviewDate: input(20),
  reviewOutcome: input(40),
  newCategory: input(40),
  allActionsComplete: input(10),
  endRationale: input(2000),
  ...Object.fromEntries(AGENCIES.flatMap((a) => [[`view_${a}`, input(20)], [`scaling_${a}`, input(10)], [`dissent_${a}`, input(2000)]])) as Record<`${'view' | 'scaling' | 'dissent'}_${Agency}`, ReturnType<typeof input>>,
});

export const CARD_VERBS = {
  /** The help card's "Show help again": answers with a fresh help card. No inputs. */
  'help.show': { data: z.object({}) },
  /** Booking card "Check": the card again with the latest date, deadlines, misses and field errors. */
  'booking.check': { data: bookingCardData },
  /** Booking card "Book": creates the conference; with no approval due, books the Teams meeting. */
  'booking.confirm': { data: bookingCardData },
  /** The confirmation card's "Book another": a fresh booking card. No inputs. */
  'booking.new': { data: z.object({}) },
  /** The named manager's approval card. */
  'approval.approve': { data: approvalCardData },
  'approval.refuse': { data: approvalCardData },
  /** "stand-down <case reference>": ask the named safeguarding manager to approve a stand-down. */
  'stand-down.request': {
    data: z.object({ conferenceId: z.string().min(1).max(100), reason: input(40), rationale: input(1000), managerId: input(100) }),
  },

  // ---- Attendance (bot/app/attendance, bot/cards/attendance): a professional's own 1:1 card.
  'attendance.attending': { data: attendanceCard },
  'attendance.not-attending': { data: attendanceCard },
  /** The colleague: picked (colleagueId, from the people picker) or named (name and role). */
  'attendance.send-colleague': { data: attendanceCard.extend({ colleagueId: optionalText, colleagueName: optionalText, colleagueRole: optionalText }) },
  /** "Change my answer": the question again (the next answer is a new, audited one). */
  'attendance.change': { data: attendanceCard },

  // ---- The clerk's board (bot/cards/board): refreshed on open (refresh.userIds) and by its button.
  'board.refresh': { data: z.object({ conferenceId: id }) },

  // ---- The invite list card (bot/cards/invite-list): one invitee at a time.
  /** Add one invitee: the form's inputs; `version` is the list version the card showed (If-Match). */
  'invite-list.add': {
    data: z.object({
      conferenceId: id,
      version: z.coerce.number().int().min(1),
      role: optionalText,
      agency: optionalText,
      displayName: optionalText,
      email: optionalText,
      phone: optionalText,
      audience: optionalText,
      interpreterLanguage: optionalText,
      ageBand: optionalText,
      advocateOffered: optionalText,
      policeCheckReason: optionalText,
      /** Split attendance: this person's own slot, HH:mm on the conference day. */
      slotFrom: optionalText,
      slotTo: optionalText,
      /** A part this person must not hear (the chair's exclusion decision), HH:mm, with its grounds. */
      exclusionFrom: optionalText,
      exclusionTo: optionalText,
      exclusionGrounds: optionalText,
      /** A child over 12 not invited: the reason the chair and social worker agreed. */
      notInvitedReason: optionalText,
    }),
  },
  'invite-list.remove': { data: z.object({ conferenceId: id, version: z.coerce.number().int().min(1), inviteeId: id }) },
  /** "Send invitations" on the list card: the same use case as POST …/invitations. */
  'invitations.send': { data: z.object({ conferenceId: id }) },

  // ---- The chair's meeting alert card (bot/cards/meeting-alert): stops the repeats (chair only).
  'meeting.alert-ack': { data: z.object({ conferenceId: id, alertId: id }) },
  // ---- The decision card (bot/cards/decision): the chair only (anyone else: an audited refusal).
  /** Opens (and refreshes) the chair's card; the neutral base card's refresh for userIds [chair]. */
  'decision.open': { data: z.object({ conferenceId: id }) },
  /** Saves the draft to the live meeting and answers with the card and the outcome so far. */
  'decision.save': { data: decisionCardData },
  /** Saves, validates and records the decision; a second press answers "already recorded". */
  'decision.record': { data: decisionCardData },
  // ---- The record (bot/app/record, bot/cards/record): the chair approves one redacted copy.
  'record.approve-redacted': { data: z.object({ conferenceId: id, inviteeId: id }) },

  // ---- The chair's run sheet (bot/cards/run-sheet): chair only, each the same use case as its API route.
  /** A stage button (legalCommands); `quorumReason`: the run sheet's "proceed anyway" field, when not quorate at the start. */
  'meeting.stage': { data: z.object({ conferenceId: id, command: z.enum(STAGE_COMMANDS), quorumReason: longText }) },
  /** Not quorate at the start: proceed with the recorded reason. */
  'meeting.proceed': { data: z.object({ conferenceId: id, quorumReason: longText }) },
  /** An unknown joiner matched by hand to an invitee (the card's two pickers). */
  'meeting.match': { data: z.object({ conferenceId: id, matchParticipantId: optionalText, matchInviteeId: optionalText }) },
  /** Remove from the meeting: a must-leave line's participant, or the unknown joiner picked. */
  'meeting.remove': { data: z.object({ conferenceId: id, participantId: optionalText, matchParticipantId: optionalText }) },
  'meeting.run-sheet-refresh': { data: z.object({ conferenceId: id }) },
  // ---- After the decision (bot/app/follow-ups, bot/app/core-group; docs/meeting/follow-ups.md, core-groups.md)
  /** Book the first core group and the review (a core group: its next one); again books nothing new. */
  'follow-ups.book': { data: z.object({ conferenceId: id }) },
  /** Mark a follow-up task (T13–T16) done. */
  'follow-ups.done': { data: z.object({ conferenceId: id, rule: z.enum(['T13', 'T14', 'T15', 'T16']) }) },
  /** Save the core group minutes; `version` is the minutes' version the card showed. The goals'
   *  progress inputs are named progress-<goal id> and next-<goal id>. */
  'core-group.minutes-save': {
    data: z
      .object({
        conferenceId: id,
        version: z.coerce.number().int().min(0),
        attended: input(4000), consulted: input(4000), chair: input(100),
        childsWords: input(4000), familysWords: input(4000), childSeen: input(5), advocateOffered: input(5),
        newGoal: input(1000), newAction: input(1000), newActionOwner: input(100),
        scalingNow: input(5), scalingInitial: input(5), scalingLast: input(5),
        workingWell: input(4000), worriedAbout: input(4000), needsToHappen: input(4000), recommendations: input(4000),
        disagreementBy: input(100), disagreement: input(2000), nextCoreGroupDate: input(20),
      })
      .catchall(z.string().max(2000)),
  },
  /** Circulate the complete minutes to the members (once). */
  'core-group.minutes-circulate': { data: z.object({ conferenceId: id }) },
} as const satisfies VerbTable;

export type Verb = keyof typeof CARD_VERBS;

/** What a verb's handler receives as `data`, for any verb table (tests declare their own). */
export type DataOf<T extends VerbTable, V extends keyof T> = z.output<T[V]['data']>;
export type Data<V extends Verb> = DataOf<typeof CARD_VERBS, V>;

/** The per-card id in every action's `data`: fresh per rendered card (randomUUID). */
export const actionIdSchema = z.string().min(1).max(200);

export function isVerb(value: string): value is Verb {
  return Object.hasOwn(CARD_VERBS, value);
}
