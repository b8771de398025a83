// One recipient's copy of the record, made the same way for the e-mail, the card and the download
// link: from the conference, the live meeting's stage history and the decision, leaving out the
// parts planned for that recipient when the record was first issued (their version never shifts).
import { createWorkingCalendar } from '../../domain/calendar/create-working-calendar';
import type { Conference } from '../../domain/conference/conference';
import type { Decision } from '../../domain/decision/decision';
import type { LiveMeeting } from '../../domain/meeting/live-meeting';
import { buildRecord, type RecordDocument, type RecordInput } from '../../domain/record/record-content';
import { recordDeadline } from '../../domain/record/record-deadline';
import { partWindows } from '../../domain/record/record-parts';
import type { RecordRecipient } from '../../domain/record/record-state';
import type { PolicyProfile } from '../../domain/policy/policy-profile';

export function t12Deadline(profile: PolicyProfile, c: Conference): string {
  return recordDeadline(profile, createWorkingCalendar(profile.calendar, profile.extraClosures), c.start);
}

export function recordInput(c: Conference, live: LiveMeeting & { decision: Decision }, deadline: string): RecordInput {
  return { conference: c, live, decision: live.decision, windows: partWindows(c, live), deadline };
}

export function copyFor(input: RecordInput, r: Pick<RecordRecipient, 'audience' | 'withheld'>): RecordDocument {
  return buildRecord(input, r.audience, r.withheld);
}

/** The attachment's and the download's file name: case reference only, never a name. */
export const recordFileName = (c: Conference) => `${c.caseReference.replace(/[^A-Za-z0-9_-]/g, '_')}-decision-and-recommendations.pdf`;

export const recordSubject = (c: Conference) => `${c.caseReference}: decision and recommendations`;
