// The meeting area's refusals (issue 9, docs/meeting/stages-and-presence.md). Pure rules return
// these codes; use cases throw MeetingError; the edges' tables map each code to an answer.
import { CodedError } from '../shared/coded-error';

export const MEETING_ERROR_CODES = [
  /** Only the chair moves the stage, matches or removes people, acknowledges alerts. */
  'MEETING.NOT_THE_CHAIR',
  /** This command is not legal in the meeting's current stage (or for this kind of conference). */
  'MEETING.STAGE_NOT_ALLOWED',
  /** The meeting is already in that stage (a double press): callers answer it as a no-op. */
  'MEETING.ALREADY_IN_STAGE',
  /** The meeting has ended: nothing more changes its stage. */
  'MEETING.CLOSED',
  /** Dual process (001): the looked-after part comes before the meeting can close. */
  'MEETING.LOOKED_AFTER_PART_DUE',
  /** No live meeting for this conference (it has not started). */
  'MEETING.NOT_FOUND',
  /** The event or request names another Teams meeting than the conference's live one. */
  'MEETING.OTHER_MEETING',
  'MEETING.ALERT_NOT_FOUND',
  /** Proceeding while not quorate needs the chair's recorded reason. */
  'MEETING.NOT_QUORATE_REASON_REQUIRED',
  'MEETING.PARTICIPANT_NOT_FOUND',
  'MEETING.INVITEE_NOT_FOUND',
] as const;

export type MeetingErrorCode = (typeof MEETING_ERROR_CODES)[number];

export class MeetingError extends CodedError<MeetingErrorCode> {}
