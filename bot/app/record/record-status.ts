// What the chair and the clerk see of the record's delivery: per invitee (by id and role, never a
// name) the version, whether it waits for the chair, the channel, the outcome and when.
import { instantToLondon } from '../../domain/calendar/london-time';
import type { Conference, InviteeRole } from '../../domain/conference/conference';
import type { LiveMeeting } from '../../domain/meeting/live-meeting';
import type { RecordPart } from '../../domain/record/record-parts';
import type { RecipientState, RecordChannel } from '../../domain/record/record-state';

export interface RecordRecipientView {
  inviteeId: string;
  role: InviteeRole | null;
  audience: 'professional' | 'family';
  versionKey: string;
  withheld: RecordPart[];
  approvalRequired: boolean;
  approvedAt: string | null;
  state: RecipientState;
  channel: RecordChannel | null;
  at: string | null;
  attempts: number;
  code: string | null;
}

export interface RecordStatus {
  conferenceId: string;
  decisionRecorded: boolean;
  issued: boolean;
  /** The T12 date (null until issued). */
  deadline: string | null;
  issuedAt: string | null;
  /** Every copy due is sent, and the last went on or before the T12 date. */
  complete: boolean;
  late: boolean;
  recipients: RecordRecipientView[];
}

export function recordStatusOf(c: Conference, live: LiveMeeting | null, today: string): RecordStatus {
  const record = live?.record;
  const roles = new Map(c.invitees.map((i) => [i.id, i.role]));
  const recipients = (record?.recipients ?? []).map((r): RecordRecipientView => ({
    inviteeId: r.inviteeId,
    role: roles.get(r.inviteeId) ?? null,
    audience: r.audience,
    versionKey: r.versionKey,
    withheld: r.withheld.map((w) => w.part),
    approvalRequired: r.approval !== undefined,
    approvedAt: r.approval?.approvedAt ?? null,
    state: r.state,
    channel: r.channel ?? null,
    at: r.at ?? null,
    attempts: r.attempts,
    code: r.code ?? null,
  }));
  const complete = recipients.length > 0 && recipients.every((r) => r.state === 'sent');
  const lastSent = recipients.map((r) => r.at ?? '').sort().at(-1) ?? '';
  const late = record ? (complete ? instantToLondon(Date.parse(lastSent)).slice(0, 10) > record.deadline : today > record.deadline) : false;
  return {
    conferenceId: c.id,
    decisionRecorded: live?.decision !== undefined,
    issued: record !== undefined,
    deadline: record?.deadline ?? null,
    issuedAt: record?.issuedAt ?? null,
    complete,
    late,
    recipients,
  };
}
