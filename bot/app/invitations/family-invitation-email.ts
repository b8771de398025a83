import type { LocalDateTime } from '../../domain/calendar/iso-date';
import type { ConferenceKind } from '../../domain/conference/conference-kind';
import type { MailMessage } from '../ports/mailer.port';
import { buildIcs } from './ics-calendar';

/** Plain-language names for the kinds (subjects carry these and the case reference only). */
export const KIND_LABEL: Record<ConferenceKind, string> = {
  ICPC: 'initial child protection conference',
  RCPC: 'review child protection conference',
  CORE_GROUP: 'core group meeting',
  TRANSFER_IN: 'transfer-in child protection conference',
  PRE_BIRTH: 'pre-birth child protection conference',
};

export type FamilyMailKind = 'invitation' | 'update' | 'cancellation';

export interface FamilyMailInput {
  kind: FamilyMailKind;
  /** The invitee id: the message key. */
  inviteeId: string;
  to: { address: string; name: string };
  caseReference: string;
  conferenceKind: ConferenceKind;
  /** Their own join time and the end of the conference (Europe/London). */
  joinAt: LocalDateTime;
  end: LocalDateTime;
  /** True when professionals meet first (the invitee waits in the lobby until joinAt). */
  joinsAfterConfidentialSection: boolean;
  interpreter?: { language: string; arrangement: string };
  joinUrl: string;
  /** Their own link to the family's page (/tab/family?t=…), when the deployment signs links. */
  familyLink?: string;
  /** ics UID and SEQUENCE (stable per conference + invitee; SEQUENCE rises with each change). */
  uid: string;
  sequence: number;
  stamp: string;
  sender: { email: string; name: string };
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Thursday 3 December 2026 at 11:00" from a Europe/London wall-clock time. */
export function describeLocal(value: LocalDateTime): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (!m) throw new Error(`MAIL.BAD_LOCAL_TIME: ${value}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A calendar date's weekday does not depend on any time zone: compute it at UTC noon.
  const weekday = new Date(Date.UTC(y, mo - 1, d, 12)).getUTCDay();
  return `${DAYS[weekday]} ${d} ${MONTHS[mo - 1]} ${y} at ${m[4]}`;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function familyMailSubject(kind: FamilyMailKind, caseReference: string, conferenceKind: ConferenceKind): string {
  const label = KIND_LABEL[conferenceKind];
  const prefix = kind === 'invitation' ? 'Invitation' : kind === 'update' ? 'New time' : 'Cancelled';
  return `${prefix}: ${label} ${caseReference}`;
}

// The words below are read by the family: plain English, measured (Flesch reading ease ≥ 70,
// test/family/family-readability.test.ts). Each fact of the earlier wording is kept: who runs the
// meeting, who speaks, the right to speak, ask and bring someone, the decision in writing.
function whatHappens(conferenceKind: ConferenceKind): string[] {
  if (conferenceKind === 'CORE_GROUP') {
    return [
      'The social worker usually leads the meeting.',
      'Everyone talks about how the plan is going: what is working well and what still worries people.',
      'You can say what you think and what help you need. Nothing is taken out of the plan without a good reason.',
      'The group agrees what needs to happen next, and when it will meet again.',
    ];
  }
  return [
    'The chair is independent. They run the meeting and make sure everyone is heard.',
    'The social worker and the other professionals say what they know: what is going well and what worries them.',
    'You can say what you think and ask questions. You can bring a friend or someone to support you.',
    'At the end, the chair tells you the decision: whether the child needs a child protection plan. They say what happens next. You will get it in writing.',
  ];
}

function bodyHtml(input: FamilyMailInput): string {
  const when = escapeHtml(describeLocal(input.joinAt));
  const label = escapeHtml(KIND_LABEL[input.conferenceKind]);
  const paragraphs: string[] = [];
  paragraphs.push(`<p>Dear ${escapeHtml(input.to.name)},</p>`);
  if (input.kind === 'cancellation') {
    paragraphs.push('<p>We are sorry, but the meeting you were invited to will not take place at that time.</p>');
    paragraphs.push(`<p>It was the ${label} (reference ${escapeHtml(input.caseReference)}) on ${when}.</p>`);
    paragraphs.push('<p>Please take it out of your calendar. The conference team will get in touch with you about what happens next. If you have a question, please reply to this e-mail.</p>');
  } else {
    const lead = input.kind === 'update' ? 'The time has changed. ' : '';
    paragraphs.push(`<p>${lead}You are invited to a meeting: the ${label} (reference ${escapeHtml(input.caseReference)}). Please join on <strong>${when}</strong>.</p>`);
    if (input.joinsAfterConfidentialSection) {
      paragraphs.push('<p>The professionals meet on their own first. If you join early, you will wait in the lobby (a waiting area) until the chair lets you in.</p>');
    }
    paragraphs.push(`<p>You can join on a phone or in a web browser. You do not need to install Teams. <a href="${escapeHtml(input.joinUrl)}">Join the meeting</a>.</p>`);
    if (input.familyLink) {
      paragraphs.push(`<p>On the day, your own page shows what is going on in the meeting and when it is your turn: <a href="${escapeHtml(input.familyLink)}">see what happens now</a>. This link is just for you, so please do not share it.</p>`);
    }
    paragraphs.push(`<p>What will happen:</p><ul>${whatHappens(input.conferenceKind).map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`);
    if (input.interpreter) {
      paragraphs.push(`<p>An interpreter for ${escapeHtml(input.interpreter.language)} has been arranged: ${escapeHtml(input.interpreter.arrangement)}.</p>`);
    }
    paragraphs.push('<p>If you cannot come at this time, or you need help to take part, please reply to this e-mail as soon as you can.</p>');
    paragraphs.push('<p>The calendar file with this e-mail puts the meeting in your calendar at your time.</p>');
  }
  return `<html><body>${paragraphs.join('')}</body></html>`;
}

/** The calendar entry's text (family members read it in their calendar: plain words, measured). */
function calendarDescription(input: FamilyMailInput): string {
  if (input.kind === 'cancellation') return 'This meeting has been cancelled. It will not take place at this time.\nThe conference team will contact you about what happens next. If you have a question, reply to the e-mail this came with.';
  return `This is your own time to join.\nIf you cannot come, please reply to the e-mail this came with.\nJoin online: ${input.joinUrl}`;
}

/** One family member's individual e-mail with an .ics for their own time. */
export function buildFamilyMail(input: FamilyMailInput): MailMessage {
  const subject = familyMailSubject(input.kind, input.caseReference, input.conferenceKind);
  const ics = buildIcs({
    method: input.kind === 'cancellation' ? 'CANCEL' : 'REQUEST',
    uid: input.uid,
    sequence: input.sequence,
    stamp: input.stamp,
    start: input.joinAt,
    end: input.end,
    summary: `${KIND_LABEL[input.conferenceKind]} ${input.caseReference}`,
    description: calendarDescription(input),
    joinUrl: input.joinUrl,
    organizer: input.sender,
    attendeeEmail: input.to.address,
  });
  const method = input.kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  return {
    key: input.inviteeId,
    to: input.to,
    subject,
    html: bodyHtml(input),
    attachments: [
      { name: input.kind === 'cancellation' ? 'cancelled.ics' : 'invitation.ics', contentType: `text/calendar; method=${method}; charset=UTF-8`, content: ics },
    ],
  };
}
