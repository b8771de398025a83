// Who gets which copy of the record, through which channel, and how it went: kept on the live
// meeting (LiveMeeting.record). Each recipient is marked 'sending' and saved BEFORE the card or
// e-mail goes, so a crash never sends twice: a 'sending' found later becomes 'unknown', which only
// an explicit resend sends again. Pure transitions; the use case saves them.
import type { IsoDate } from '../calendar/iso-date';
import type { Conference, Invitee } from '../conference/conference';
import { audienceOf, type RecordAudience, versionKeyOf } from './record-content';
import { needsChairApproval, type PartWindow, type RecordPart, type Withheld, withheldParts } from './record-parts';

export type RecordChannel = 'card' | 'email';
export type RecipientState = 'awaiting-approval' | 'due' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface RecordRecipient {
  inviteeId: string;
  audience: RecordAudience;
  /** The version it gets ('professional', 'family-without-confidential', …). */
  versionKey: string;
  withheld: Withheld[];
  /** Copies leaving out a part for the person's own exclusion or slot: the chair's approval. */
  approval?: { required: true; approvedBy?: string; approvedAt?: string };
  state: RecipientState;
  channel?: RecordChannel;
  /** ISO instant of the latest attempt (and of the 'sent' outcome). */
  at?: string;
  /** Attempts made (a resend adds one). */
  attempts: number;
  code?: string;
}

export interface RecordState {
  /** The T12 date. */
  deadline: IsoDate;
  /** First issue and who asked for it. */
  issuedAt: string;
  issuedBy: string;
  recipients: RecordRecipient[];
  /** When the chair was sent the card to approve the redacted copies (sent once). */
  approvalRequestedAt?: string;
}

/** Everyone on the invite list who gets the record: every invitee not removed (never a pending draft entry). */
export function recordRecipientsOf(c: Conference): Invitee[] {
  return c.invitees.filter((i) => i.status === 'invited');
}

function recipientFor(windows: readonly PartWindow[], i: Invitee): RecordRecipient {
  const withheld = withheldParts(windows, i);
  const audience = audienceOf(i);
  const parts: RecordPart[] = withheld.map((w) => w.part);
  const approval = needsChairApproval(withheld);
  return {
    inviteeId: i.id,
    audience,
    versionKey: versionKeyOf(audience, parts),
    withheld,
    ...(approval ? { approval: { required: true as const } } : {}),
    state: approval ? 'awaiting-approval' : 'due',
    attempts: 0,
  };
}

/**
 * The record's state with every current invitee planned: kept entries stay as they are (their
 * version and outcome), new invitees are added. Entries of people since removed stay, for the record.
 */
export function planRecord(c: Conference, windows: readonly PartWindow[], prior: RecordState | undefined, at: { now: string; by: string; deadline: IsoDate }): RecordState {
  const kept = new Map((prior?.recipients ?? []).map((r) => [r.inviteeId, r]));
  const recipients = [...(prior?.recipients ?? [])];
  for (const i of recordRecipientsOf(c)) if (!kept.has(i.id)) recipients.push(recipientFor(windows, i));
  return { ...prior, deadline: prior?.deadline ?? at.deadline, issuedAt: prior?.issuedAt ?? at.now, issuedBy: prior?.issuedBy ?? at.by, recipients };
}

/** 'sending' left by a run that stopped mid-request: the outcome is unknown (never resent on its own). */
export function markInterrupted(s: RecordState): { state: RecordState; inviteeIds: string[] } {
  const ids: string[] = [];
  const recipients = s.recipients.map((r) => {
    if (r.state !== 'sending') return r;
    ids.push(r.inviteeId);
    return { ...r, state: 'unknown' as const, code: 'RECORD.INTERRUPTED' };
  });
  return { state: { ...s, recipients }, inviteeIds: ids };
}

/**
 * Marks as 'sending' everyone due now: 'due', 'failed' (a definite failure sent nothing), and the
 * 'unknown' ones named in `resend` (the chair or clerk checked they did not get it).
 */
export function markSending(s: RecordState, now: string, resend: readonly string[] = []): { state: RecordState; sending: RecordRecipient[] } {
  const sending: RecordRecipient[] = [];
  const recipients = s.recipients.map((r) => {
    const due = r.state === 'due' || r.state === 'failed' || (r.state === 'unknown' && resend.includes(r.inviteeId));
    if (!due) return r;
    const { code: _code, ...rest } = r;
    const next: RecordRecipient = { ...rest, state: 'sending', at: now, attempts: r.attempts + 1 };
    sending.push(next);
    return next;
  });
  return { state: { ...s, recipients }, sending };
}

export type SendOutcome = { inviteeId: string; channel: RecordChannel; outcome: 'sent' | 'failed' | 'unknown'; code?: string };

export function applyOutcomes(s: RecordState, outcomes: readonly SendOutcome[], now: string): RecordState {
  const byId = new Map(outcomes.map((o) => [o.inviteeId, o]));
  return {
    ...s,
    recipients: s.recipients.map((r) => {
      const o = byId.get(r.inviteeId);
      if (!o || r.state !== 'sending') return r;
      return { ...r, state: o.outcome, channel: o.channel, at: now, ...(o.code ? { code: o.code } : {}) };
    }),
  };
}

export type ApproveResult =
  | { ok: true; state: RecordState; changed: boolean }
  | { ok: false; code: 'RECORD.RECIPIENT_NOT_FOUND' | 'RECORD.NOT_A_REDACTED_COPY' };

/** The chair approves one redacted copy: it becomes due (a second approval changes nothing). */
export function approveRedacted(s: RecordState, inviteeId: string, by: string, now: string): ApproveResult {
  const r = s.recipients.find((x) => x.inviteeId === inviteeId);
  if (!r) return { ok: false, code: 'RECORD.RECIPIENT_NOT_FOUND' };
  if (!r.approval) return { ok: false, code: 'RECORD.NOT_A_REDACTED_COPY' };
  if (r.approval.approvedAt) return { ok: true, state: s, changed: false };
  const approved: RecordRecipient = { ...r, approval: { required: true, approvedBy: by, approvedAt: now }, state: r.state === 'awaiting-approval' ? 'due' : r.state };
  return { ok: true, state: { ...s, recipients: s.recipients.map((x) => (x.inviteeId === inviteeId ? approved : x)) }, changed: true };
}
