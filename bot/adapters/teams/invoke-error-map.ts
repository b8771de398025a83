// The one table that says what every use-case and card code means to the person who pressed the
// button: the adaptiveCard/action answer (statusCode and type, as Teams' Universal Actions define
// them: 400 and 500 `…error`, 412 `…error.preconditionFailed`) and a plain message. The same
// message is the chat reply for the Action.Submit fallback. Messages name no case, child or person.
import type { UseCaseErrorCode } from '../../app/errors/error-codes';
import { DECISION_RULE_CODES } from '../../app/decision/decision-errors';
import type { DecisionRuleCode } from '../../domain/decision/decision-rule-codes';

const ERROR = 'application/vnd.microsoft.error';
const PRECONDITION_FAILED = 'application/vnd.microsoft.error.preconditionFailed';

export interface InvokeErrorAnswer {
  statusCode: 400 | 412 | 500;
  type: typeof ERROR | typeof PRECONDITION_FAILED;
  message: string;
}

/** The request cannot succeed as sent (the person can correct it, or it is stale). */
const refused = (message: string): InvokeErrorAnswer => ({ statusCode: 400, type: ERROR, message });
/** The card is out of date: the person should refresh it and try again. */
const stale = (message: string): InvokeErrorAnswer => ({ statusCode: 412, type: PRECONDITION_FAILED, message });
/** Our side (or Microsoft 365) failed: nothing the person did wrong. */
const failed = (message: string): InvokeErrorAnswer => ({ statusCode: 500, type: ERROR, message });

export const INVOKE_ERRORS: { readonly [C in UseCaseErrorCode]: InvokeErrorAnswer } = {
  'CONFERENCE.NOT_FOUND': refused('This conference could not be found. It may have been closed or removed.'),
  'MEETING.NOT_BOOKABLE': refused('This conference cannot be booked as it stands (it may already be booked, held or stood down).'),
  'MEETING.NOT_BOOKED': refused('This conference is not booked (it may not be booked yet, or it has been stood down).'),
  'MEETING.NOT_CREATED': refused('This conference has no Teams meeting yet. Book the meeting first.'),
  'MEETING.ALREADY_CREATED': refused('This conference already has its Teams meeting.'),
  'MEETING.ALREADY_SYNCED': refused('The Teams meeting already shows the latest booking.'),
  'CONFERENCE.TRANSITION_NOT_ALLOWED': refused('This cannot be done at this stage of the conference (it may already be stood down, held or closed).'),
  'CONFERENCE.INVALID_TIMES': refused('The start time must be before the end time.'),
  'INVITEE.RESEND_NOT_ALLOWED': refused('This invitation cannot be sent again: its earlier e-mail was not in doubt.'),
  'MAIL.IN_FLIGHT': stale('An earlier send of these invitations is still being checked. Wait a moment and refresh.'),
  'MAIL.NOTHING_IN_FLIGHT': stale('There is no send in progress for this conference. Refresh the card.'),
  'BOOKING.INVALID_INPUT': refused('Some of the values given are missing or not valid. Check them and try again.'),
  'BOOKING.IN_PROGRESS': stale('This conference is being updated by another request right now. Wait a moment, refresh, and try again.'),
  'BOOKING.LEASE_LOST': stale('This update took too long and was stopped before it changed anything. Refresh and try again.'),
  'AUDIT.PERSONAL_DATA_IN_DETAIL': failed('Something went wrong and nothing was changed. Tell the clerk; the team has been alerted.'),
  'INVITEE.EXISTS': refused('This person is already invited to the conference.'),
  'INVITEE.NOT_FOUND': refused('This person is no longer on the conference list.'),
  'GRAPH.ACCESS_POLICY_MISSING': failed('Teams does not yet allow this bot to manage meetings. Ask your Teams administrator to grant the application access policy.'),
  'GRAPH.MEETING_NOT_FOUND': refused('The Teams meeting for this conference could not be found. It may have been deleted in Outlook; tell the clerk.'),
  'GRAPH.THROTTLED': failed('Microsoft 365 is busy. Try again in a minute.'),
  'GRAPH.UNAVAILABLE': failed('Microsoft 365 could not be reached. Try again in a few minutes.'),
  'GRAPH.REJECTED': failed('Microsoft 365 refused the change. Tell the clerk.'),
  'GRAPH.AUTH_FAILED': failed('The bot could not sign in to Microsoft 365. Tell your administrator.'),
  'STORE.VERSION_CONFLICT': stale('Someone else changed this conference a moment ago. Refresh the card and try again.'),
  'IDEMPOTENCY.IN_PROGRESS_TIMEOUT': failed('Your earlier press of this button is still being handled. Wait a moment and check the chat before pressing again.'),
  'IDEMPOTENCY.CLAIM_LOST': failed('This action took too long and may not have finished. Check the conference before trying again.'),
  // Access (bot/app/access): "not part of it" reads exactly as a missing conference, so a refusal never reveals that it exists.
  'ACCESS.NOT_PART_OF_CONFERENCE': refused('This conference could not be found. It may have been closed or removed.'),
  'ACCESS.UNKNOWN_PERSON': refused('Your account is not in the council directory this app uses. Ask the clerk or your IT team to add you.'),
  'ACCESS.ROLE_NOT_ALLOWED': refused('Your role does not allow this for this conference. Ask the clerk if you think it should.'),
  'ACCESS.NOT_OWN_INVITATION': refused('You can only answer or send a report for your own invitation.'),
  'ACCESS.CONFERENCE_REQUIRED': failed('Something went wrong with this action. Try again in a moment; if it keeps failing, tell the clerk.'),
  'DIRECTORY.QUERY_INVALID': refused('Type at least 2 letters of the name or e-mail address to search the directory.'),
  'DIRECTORY.UNAVAILABLE': failed('The council directory could not be reached. Try again in a minute.'),
  // The invite list and attendance
  'INVITE_LIST.INVALID_INVITEE': refused('Some of the details are not valid. Check the fields marked on the card.'),
  'INVITE_LIST.NOT_EDITABLE': refused('This conference has been stood down, held or closed: its invite list no longer changes.'),
  'INVITE_LIST.CONTACT_CHANGE_NEEDS_REINVITE': refused('This person has been invited already: to change their e-mail or role, remove them and add them again.'),
  'ATTENDANCE.CONFERENCE_STOOD_DOWN': refused('This conference has been stood down, so no answer is needed. The conference team will contact you about what happens next.'),
  'ATTENDANCE.CONFERENCE_OVER': refused('This conference has already taken place: answers are closed.'),
  'ATTENDANCE.NOT_A_PROFESSIONAL': refused('Only professionals answer attendance on this card.'),
  'ATTENDANCE.COLLEAGUE_REQUIRED': refused('Pick the colleague you are sending, or give their name and role.'),
  'ATTENDANCE.COLLEAGUE_NOT_FOUND': refused('That colleague could not be found in the directory. Give their name and role instead.'),
  // The decision (bot/app/decision): the card answers field errors beside their fields; these reach a person only through another path.
  ...(Object.fromEntries(DECISION_RULE_CODES.map((c) => [c, refused('Some of the decision is missing or not valid. Check the fields marked on the decision card.')])) as Record<DecisionRuleCode, InvokeErrorAnswer>),
  'DECISION.NOT_THE_CHAIR': refused('Only the chair of this conference records its decision.'),
  'DECISION.ALREADY_RECORDED': refused('The decision is already recorded: nothing was changed.'),
  'DECISION.NOT_A_CONFERENCE': refused('A core group has no decision card: record its minutes instead.'),
  'DECISION.NOT_AT_DECISION_STAGE': refused('Open the decision stage first, then record the decision.'),
  'CARD.UNKNOWN_VERB': refused('This button is not recognised (the card may be from an older version). Say "help" to start again.'),
  // Booking requests (bot/app/booking)
  'BOOKING.KIND_UNKNOWN': refused('Choose the kind of conference.'),
  'BOOKING.CASE_REFERENCE_REQUIRED': refused('Enter the case reference.'),
  'BOOKING.CASE_REFERENCE_LOOKS_LIKE_NAME': refused('The case reference looks like a name. Enter the case reference only, never a name.'),
  'BOOKING.CASE_REFERENCE_LOOKS_LIKE_ADDRESS': refused('The case reference looks like an address. Enter the case reference only.'),
  'BOOKING.CASE_REFERENCE_PATTERN': refused('This is not a case reference in the council’s format.'),
  'BOOKING.ANCHOR_REQUIRED': refused('Enter the date this conference is measured from.'),
  'BOOKING.ANCHOR_NOT_APPLICABLE': refused('This kind of conference is not measured from that date. Choose another.'),
  'BOOKING.ANCHOR_INVALID': refused('The anchor date is not a real date.'),
  'BOOKING.ANCHOR_AFTER_DATE': refused('The anchor date must be on or before the conference date.'),
  'BOOKING.CHAIR_REQUIRED': refused('Choose the chair.'),
  'BOOKING.SOCIAL_WORKER_REQUIRED': refused('Choose the social worker.'),
  'BOOKING.CHAIR_IS_SOCIAL_WORKER': refused('The chair cannot also be the social worker.'),
  'BOOKING.DATE_REQUIRED': refused('Enter the conference date.'),
  'BOOKING.DATE_INVALID': refused('The conference date is not a real date.'),
  'BOOKING.DATE_OUT_OF_RANGE': refused('The date is outside the years the working-day calendar knows.'),
  'BOOKING.DATE_NOT_WORKING_DAY': refused('The date is not a working day. Choose another date.'),
  'BOOKING.DATE_IN_PAST': refused('The date has passed. Choose a date from today on.'),
  'BOOKING.START_TIME_INVALID': refused('Enter the start time as HH:mm.'),
  'BOOKING.START_TIME_OUTSIDE_HOURS': refused('Conferences start between 08:00 and 18:00.'),
  'BOOKING.DURATION_INVALID': refused('The length must be from 30 to 240 minutes.'),
  'BOOKING.CONFIDENTIAL_INVALID': refused('The confidential section is a whole number of minutes.'),
  'BOOKING.CONFIDENTIAL_NOT_SHORTER': refused('The confidential section must be shorter than the conference.'),
  'BOOKING.LATE_REASON_REQUIRED': refused('This date is past the statutory latest date: give the reason.'),
  'BOOKING.MANAGER_REQUIRED': refused('This date is past the statutory latest date: name the manager who approves it.'),
  'BOOKING.PREVIOUS_PLAN_DATE_INVALID': refused('The date the previous plan ended is not a real date.'),
  'BOOKING.SERVICE_MANAGER_REQUIRED': refused('A previous plan ended within 12 months: name the service manager.'),
  'BOOKING.PERSON_NOT_FOUND': refused('Someone named is not in the directory. Choose them from the list.'),
  'BOOKING.CHAIR_NOT_A_CHAIR': refused('The person chosen as chair is not a conference chair.'),
  'BOOKING.SOCIAL_WORKER_NOT_A_SOCIAL_WORKER': refused('The person chosen as social worker is not a social worker.'),
  'BOOKING.MANAGER_NOT_A_MANAGER': refused('Name a team manager, safeguarding manager or service manager.'),
  'BOOKING.SERVICE_MANAGER_NOT_A_SERVICE_MANAGER': refused('Name a service manager.'),
  'BOOKING.CONFERENCE_STOOD_DOWN': refused('This conference was stood down and cannot be changed. Rebook it instead.'),
  'BOOKING.APPROVAL_PENDING': refused('This is waiting for a manager’s approval. Nothing is booked until they decide.'),
  'BOOKING.APPROVAL_REFUSED': refused('A manager refused this. It cannot go ahead as it stands.'),
  'BOOKING.APPROVAL_NOT_FOUND': refused('This approval could not be found.'),
  'BOOKING.NOT_THE_APPROVER': refused('Only the manager named on this approval can decide it.'),
  'BOOKING.APPROVAL_ALREADY_DECIDED': stale('This approval has already been decided.'),
  'BOOKING.STAND_DOWN_PENDING': stale('A stand-down of this conference is already waiting for approval.'),
  'BOOKING.RATIONALE_REQUIRED': refused('Give the rationale for standing the conference down.'),
  'BOOKING.MANAGER_NOT_SAFEGUARDING': refused('A stand-down is approved by a safeguarding manager: name one.'),
  'BOOKING.NOT_STOOD_DOWN': refused('Only a conference that was stood down can be rebooked.'),
  'BOOKING.ALREADY_REBOOKED': stale('This conference has already been rebooked.'),
  'BOOKING.RESCHEDULE_PAST_LATEST': refused('The new date is past the statutory latest date. Ask a manager to approve a late date first.'),
  'BOOKING.NOT_CHANGEABLE': refused('This conference cannot be changed at this stage.'),
  'CARD.MALFORMED_ACTION': refused('This card action could not be read. Say "help" to start again.'),
  'CARD.INVALID_DATA': refused('Some of the values on this card are missing or not valid. Check them and try again.'),
  'CARD.UNKNOWN_DATASET': refused('This list cannot be searched (the card may be from an older version). Say "help" to start again.'),
  'CARD.UNKNOWN_DIALOG': refused('This form cannot be opened (the card may be from an older version). Say "help" to start again.'),
  'CARD.FAILED': failed('Something went wrong with this action. Try again in a moment; if it keeps failing, tell the clerk.'),
  // Reports (bot/app/reports)
  'REPORT.TYPE_NOT_ALLOWED': refused('Reports must be PDF, Word (.docx) or OpenDocument (.odt) files. Save the report in one of these formats and send it again.'),
  'REPORT.TOO_LARGE': refused('This report is larger than the council accepts. Reduce its size (for example, compress images) and send it again.'),
  'REPORT.EMPTY': refused('The file is empty. Choose the report file and send it again.'),
  'REPORT.FILE_NAME_INVALID': refused('The file name cannot be used. Rename the file (letters, numbers, spaces, dots and dashes) and send it again.'),
  'REPORT.CONFERENCE_STOOD_DOWN': refused('This conference has been stood down, so no reports are being collected for it.'),
  'REPORT.CONFERENCE_OVER': refused('This conference has already taken place, so no more reports are being collected for it.'),
  'REPORT.NOT_A_REPORTER': refused('Your place on this conference does not send a report.'),
  'REPORTS.NOT_CONFIGURED': failed('The council has not set up the document library for reports yet. Tell the clerk.'),
  'REPORTS.STORAGE_UNAVAILABLE': failed('The document library could not be reached. Try again in a few minutes.'),
  'REPORTS.STORAGE_REFUSED': failed('The document library refused the report. Tell the clerk.'),
  'REPORTS.STORAGE_ITEM_MISSING': failed('A report could not be found in the document library. Tell the clerk.'),
  // The live meeting (bot/domain/meeting, docs/meeting/stages-and-presence.md)
  'MEETING.NOT_THE_CHAIR': refused('Only the chair of this conference can do this.'),
  'MEETING.STAGE_NOT_ALLOWED': refused('This cannot be done at this stage of the meeting. Refresh the run sheet to see what can be done now.'),
  'MEETING.ALREADY_IN_STAGE': refused('The meeting is already at this stage.'),
  'MEETING.CLOSED': refused('This meeting has ended, so nothing more can be changed in it.'),
  'MEETING.LOOKED_AFTER_PART_DUE': refused('This is a dual-process meeting: open the looked-after part before closing the meeting.'),
  'MEETING.NOT_FOUND': refused('This conference\'s meeting has not started yet.'),
  'MEETING.OTHER_MEETING': stale('This is about a different Teams meeting from the one running for this conference. Refresh the run sheet.'),
  'MEETING.ALERT_NOT_FOUND': stale('This alert is no longer on the run sheet. Refresh it.'),
  'MEETING.NOT_QUORATE_REASON_REQUIRED': refused('The conference is not quorate: give the reason for going ahead, or stand it down.'),
  'MEETING.PARTICIPANT_NOT_FOUND': stale('This participant is no longer in the meeting roster. Refresh the run sheet.'),
  'MEETING.INVITEE_NOT_FOUND': refused('This person is not on the conference list.'),
  // The record (bot/app/record)
  'RECORD.NO_DECISION': refused('The decision has not been recorded yet, so there is no record to send.'),
  'RECORD.NOT_ALLOWED': refused('Only the chair and the clerk send the record.'),
  'RECORD.NOT_THE_CHAIR': refused('Only the chair approves a redacted copy of the record.'),
  'RECORD.RECIPIENT_NOT_FOUND': refused('This person has no copy of the record planned.'),
  'RECORD.NOT_A_REDACTED_COPY': refused("This person's copy leaves nothing out for them, so there is nothing to approve."),
  'RECORD.NOT_CONFIGURED': failed('The record cannot be made on this deployment. Tell the administrator.'),
  // After the decision: follow-ups and core groups (docs/meeting/follow-ups.md, core-groups.md)
  'FOLLOW_UP.NO_DECISION': refused('No decision has been recorded for this conference yet: record it first.'),
  'FOLLOW_UP.NO_PLAN': refused('The decision made no child protection plan, so there is no core group or review to book.'),
  'FOLLOW_UP.NOTHING_TO_BOOK': refused('There is no date to book: the decision (or the minutes) gave no core group or review date.'),
  'FOLLOW_UP.TASK_NOT_FOUND': refused('This conference has no such task to mark done.'),
  'CORE_GROUP.NOT_A_CORE_GROUP': refused('Minutes here are for core groups only.'),
  'CORE_GROUP.MINUTES_NOT_FOUND': refused('No minutes have been saved for this core group yet.'),
  'CORE_GROUP.MINUTES_CIRCULATED': refused('These minutes have been circulated and can no longer be changed here.'),
  'CORE_GROUP.MINUTES_INCOMPLETE': refused('Some of the minutes are missing or not valid. Check the fields marked on the card.'),
  'CORE_GROUP.PLAN_ITEM_REMOVED': refused('An agreed action or safety goal cannot be removed. Record a disagreement instead.'),
  'CORE_GROUP.PLAN_ITEM_CHANGED': refused('An agreed action or safety goal cannot be rewritten. Add a new one, or record a disagreement.'),
  'CORE_GROUP.NOT_QUORATE': refused('The core group is not quorate: two professional members must attend.'),
  'CORE_GROUP.NEXT_DATE_INVALID': refused('The next core group must be on a working day after this one.'),
  'CORE_GROUP.NEXT_DATE_PAST_T5': refused('The next core group is later than the timescale allows. Choose an earlier date.'),
  'CORE_GROUP.NEXT_DATE_BEFORE_T6': refused('The final core group before the review is too early. Choose a date nearer the review.'),
  'CORE_GROUP.RECOMMENDATIONS_REQUIRED': refused('This is the last core group before the review: record its recommendations for the review.'),
  'LINK.INVALID': refused('This link does not work. Use the link in the e-mail you were sent.'),
  'LINK.EXPIRED': refused('This link has expired. Links work until the end of the conference day.'),
  'LINK.WRONG_PURPOSE': refused('This link is for something else.'),
  'FAMILY_VIEW.NOT_INVITED': refused('This person is no longer on the invitation list.'),
  'STAGE_VIEW.LINK_NOT_VALID': refused('This stage view link is not valid. Share the stage again from the side panel.'),
  'STAGE_VIEW.LINK_EXPIRED': refused('This stage view link has expired. Share the stage again from the side panel.'),
};

export function isUseCaseErrorCode(code: unknown): code is UseCaseErrorCode {
  return typeof code === 'string' && Object.hasOwn(INVOKE_ERRORS, code);
}

/** The code a thrown value stands for: its own when it is a known code (a CodedError, a
 *  MeetingsError, a store error…), else CARD.FAILED. Its message is never used. */
export function codeOfThrown(err: unknown): UseCaseErrorCode {
  const code = (err as { code?: unknown } | null)?.code;
  return isUseCaseErrorCode(code) ? code : 'CARD.FAILED';
}

export function invokeErrorBody(code: UseCaseErrorCode): { statusCode: number; type: string; value: { code: string; message: string } } {
  const answer = INVOKE_ERRORS[code];
  return { statusCode: answer.statusCode, type: answer.type, value: { code, message: answer.message } };
}
