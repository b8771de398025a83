// Issues the decision and recommendations record (DOMAIN-RULES §2 T12; 001) once the decision is
// recorded: every invitee gets their own copy — professionals a 1:1 card with the outcome and a
// signed link to their PDF (or, without a chat, an e-mail with the PDF), family members an e-mail
// each with their PDF attached. A copy leaving out a part for the person's own exclusion or slot
// waits for the chair's approval (the chair gets a card to preview and approve each).
// Three steps under the conference's lease, like the family invitations: mark who is due
// 'sending' and commit; send (outside any transaction); commit each outcome with its audit entry.
// A 'sending' found on entry is a crash mid-send: 'unknown', resent only when named in `resend`.
import { randomUUID } from 'node:crypto';
import type { Conference, Invitee } from '../../domain/conference/conference';
import type { Decision } from '../../domain/decision/decision';
import type { LiveMeeting } from '../../domain/meeting/live-meeting';
import type { RecordDocument, RecordInput } from '../../domain/record/record-content';
import { applyOutcomes, markInterrupted, markSending, planRecord, type RecordRecipient, type RecordState, type SendOutcome } from '../../domain/record/record-state';
import type { AppDeps } from '../app-deps';
import { BookingError } from '../meetings/booking-errors';
import { ChatNotifierError } from '../ports/chat-notifier.port';
import type { DocumentRenderer } from '../ports/document-renderer.port';
import type { MailMessage } from '../ports/mailer.port';
import type { TransactionHandle } from '../ports/unit-of-work.port';
import { requireChairOrClerk } from './record-access';
import { sendApprovalRequest } from './record-approval-card';
import { recipientCard } from './record-recipient-card';
import { copyFor, recordFileName, recordInput, recordSubject, t12Deadline } from './record-copies';
import { RecordError } from './record-errors';
import { RECORD_EMAIL_INTRO, recordHtml } from './record-html';
import { type RecordStatus, recordStatusOf } from './record-status';

const LEASE_TTL_MS = 5 * 60_000;
/** Up to about 15 s of waiting for another run's lease (an issue takes a few seconds). */
const LEASE_WAIT_TRIES = 60;
const LEASE_WAIT_STEP_MS = 250;

export type Decided = LiveMeeting & { decision: Decision };

export interface IssueOptions {
  /** Invitee ids whose outcome is 'unknown' and who should get it again (checked they did not). */
  resend?: string[];
}

/** The chair or the clerk issues it (the API, or the chair's approval sending one more copy). */
export async function issueRecord(deps: AppDeps, actorId: string, conferenceId: string, options: IssueOptions = {}): Promise<RecordStatus> {
  const c = await loadConference(deps, conferenceId);
  await requireChairOrClerk(deps, c, actorId, 'record.issue');
  return withRecordLease(deps, conferenceId, (holder) => runIssue(deps, holder, actorId, c, options.resend ?? []));
}

export async function loadConference(deps: Pick<AppDeps, 'store'>, conferenceId: string): Promise<Conference> {
  const c = await deps.store.get(conferenceId);
  if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
  return c;
}

export function requireRenderer(deps: AppDeps): DocumentRenderer {
  if (!deps.documents) throw new RecordError('RECORD.NOT_CONFIGURED', 'no document renderer');
  return deps.documents;
}

export function requireDecided(live: LiveMeeting | null, conferenceId: string): Decided {
  if (!live?.decision) throw new RecordError('RECORD.NO_DECISION', `no decision recorded for ${conferenceId}`);
  return live as Decided;
}

/** One run per conference at a time (the same lease as the booking runs). */
export async function withRecordLease<T>(deps: AppDeps, conferenceId: string, fn: (holder: string) => Promise<T>): Promise<T> {
  const holder = randomUUID();
  // The automatic issue (record.issue job) may hold it for a moment: wait a little before refusing.
  let acquired = await deps.lease.acquire(conferenceId, holder, LEASE_TTL_MS);
  for (let tries = 0; !acquired && tries < LEASE_WAIT_TRIES; tries++) {
    await new Promise((resolve) => setTimeout(resolve, LEASE_WAIT_STEP_MS));
    acquired = await deps.lease.acquire(conferenceId, holder, LEASE_TTL_MS);
  }
  if (!acquired) throw new BookingError('BOOKING.IN_PROGRESS', `another run on ${conferenceId} is in progress`);
  try {
    return await fn(holder);
  } finally {
    await deps.lease.release(conferenceId, holder).catch(() => undefined);
  }
}

/** Reads the live meeting under its row lock, applies `change`, saves: one transaction, the lease renewed in it. */
async function step<T>(deps: AppDeps, holder: string, conferenceId: string, change: (live: Decided, tx: TransactionHandle) => Promise<{ record: RecordState; out: T }>): Promise<{ live: Decided; out: T }> {
  return deps.uow.run(async (tx) => {
    if (!(await deps.lease.renew(conferenceId, holder, LEASE_TTL_MS, tx))) throw new BookingError('BOOKING.IN_PROGRESS', `lease on ${conferenceId} lost`);
    const live = requireDecided(await deps.live.get(conferenceId, tx), conferenceId);
    const { record, out } = await change(live, tx);
    const saved = (await deps.live.save({ ...live, record }, tx)) as Decided;
    return { live: saved, out };
  });
}

/** Marks, sends and records everyone due now; then asks the chair about copies awaiting approval. */
export async function runIssue(deps: AppDeps, holder: string, actorId: string, c: Conference, resend: readonly string[]): Promise<RecordStatus> {
  const renderer = requireRenderer(deps);
  requireDecided(await deps.live.get(c.id), c.id);
  const deadline = t12Deadline(deps.profileFor(c.profileId), c);
  const now = deps.clock.now().toISOString();

  const marked = await step(deps, holder, c.id, async (live, tx) => {
    const interrupted = live.record ? markInterrupted(live.record) : { state: undefined, inviteeIds: [] };
    if (interrupted.inviteeIds.length > 0) {
      await deps.audit.append({ actorId: 'system', actorRole: 'system', action: 'record.interrupted', conferenceId: c.id, detail: { inviteeIds: interrupted.inviteeIds } }, tx);
    }
    const input = recordInput(c, live, deadline);
    const planned = planRecord(c, input.windows, interrupted.state, { now, by: actorId, deadline });
    const { state, sending } = markSending(planned, now, resend);
    return { record: state, out: sending };
  });

  const sending = marked.out;
  if (sending.length > 0) {
    const input = recordInput(c, marked.live, deadline);
    const copies = new Copies(renderer, input);
    // Cards first, their outcomes committed before any e-mail goes: a crash during the e-mails
    // leaves only those unknown.
    const cards = await sendCards(deps, c, copies, sending);
    if (cards.outcomes.length > 0) await recordOutcomes(deps, holder, actorId, c, cards.outcomes);
    const mails = await sendMails(deps, c, copies, cards.byEmail);
    if (mails.length > 0) await recordOutcomes(deps, holder, actorId, c, mails);
  }

  const latest = requireDecided(await deps.live.get(c.id), c.id);
  const updated = await sendApprovalRequest(deps, holder, c, latest);
  return recordStatusOf(c, updated ?? latest, deps.clock.today());
}

/** Each version's copy and PDF, made once per run. */
class Copies {
  private readonly made = new Map<string, { doc: RecordDocument; pdf: Promise<Uint8Array> }>();
  constructor(private readonly renderer: DocumentRenderer, private readonly input: RecordInput) {}
  of(r: RecordRecipient): { doc: RecordDocument; pdf: Promise<Uint8Array> } {
    let d = this.made.get(r.versionKey);
    if (!d) {
      const doc = copyFor(this.input, r);
      d = { doc, pdf: this.renderer.recordPdf(doc) };
      this.made.set(r.versionKey, d);
    }
    return d;
  }
}

type Addressed = { r: RecordRecipient; invitee: Invitee };

/** Professionals with a chat get their card; the rest (and those the bot cannot reach) go by e-mail. */
async function sendCards(deps: AppDeps, c: Conference, copies: Copies, sending: RecordRecipient[]): Promise<{ outcomes: SendOutcome[]; byEmail: Addressed[] }> {
  const invitees = new Map(c.invitees.map((i) => [i.id, i]));
  const outcomes: SendOutcome[] = [];
  const byEmail: Addressed[] = [];
  for (const r of sending) {
    const invitee = invitees.get(r.inviteeId);
    if (!invitee) {
      outcomes.push({ inviteeId: r.inviteeId, channel: 'email', outcome: 'failed', code: 'RECORD.RECIPIENT_NOT_FOUND' });
      continue;
    }
    if (r.audience === 'professional' && invitee.directoryId) {
      try {
        await deps.notifier.sendCard(invitee.directoryId, recipientCard(deps, c, invitee, copies.of(r).doc));
        outcomes.push({ inviteeId: r.inviteeId, channel: 'card', outcome: 'sent' });
        continue;
      } catch (err) {
        if (!(err instanceof ChatNotifierError && err.code === 'NOTIFY.NO_CONVERSATION')) {
          outcomes.push({ inviteeId: r.inviteeId, channel: 'card', outcome: 'failed', code: err instanceof ChatNotifierError ? err.code : 'NOTIFY.UNAVAILABLE' });
          continue;
        }
      }
    }
    byEmail.push({ r, invitee });
  }
  return { outcomes, byEmail };
}

/** One e-mail each (batched on the wire): the copy as HTML and as the attached PDF. */
async function sendMails(deps: AppDeps, c: Conference, copies: Copies, byEmail: Addressed[]): Promise<SendOutcome[]> {
  if (byEmail.length === 0) return [];
  const messages: MailMessage[] = await Promise.all(
    byEmail.map(async ({ r, invitee }) => {
      const { doc, pdf } = copies.of(r);
      return {
        key: r.inviteeId,
        to: { address: invitee.email, name: invitee.displayName },
        subject: recordSubject(c),
        html: recordHtml(doc, RECORD_EMAIL_INTRO),
        attachments: [{ name: recordFileName(c), contentType: 'application/pdf', content: Buffer.from(await pdf).toString('base64'), encoding: 'base64' as const }],
      };
    }),
  );
  return (await deps.mailer.sendEach(messages)).map((o): SendOutcome => (o.outcome === 'sent' ? { inviteeId: o.key, channel: 'email', outcome: 'sent' } : { inviteeId: o.key, channel: 'email', outcome: o.outcome, code: o.code }));
}

/** Commits outcomes with their audit entry (ids, versions, channels, codes) and a clerk alert for any not confirmed. */
async function recordOutcomes(deps: AppDeps, holder: string, actorId: string, c: Conference, outcomes: SendOutcome[]): Promise<void> {
  const sentAt = deps.clock.now().toISOString();
  await step(deps, holder, c.id, async (live, tx) => {
    const record = applyOutcomes(live.record!, outcomes, sentAt);
    const ok = outcomes.filter((o) => o.outcome === 'sent');
    const recipient = (id: string) => record.recipients.find((r) => r.inviteeId === id)!;
    await deps.audit.append(
      {
        actorId,
        actorRole: 'system',
        action: 'record.issued',
        conferenceId: c.id,
        detail: {
          at: sentAt,
          deadline: record.deadline,
          late: deps.clock.today() > record.deadline,
          inviteeIds: ok.map((o) => o.inviteeId),
          versions: ok.map((o) => recipient(o.inviteeId).versionKey),
          channels: ok.map((o) => o.channel),
          redacted: ok.filter((o) => recipient(o.inviteeId).approval).map((o) => o.inviteeId),
          failed: outcomes.filter((o) => o.outcome === 'failed').map((o) => o.inviteeId),
          unknown: outcomes.filter((o) => o.outcome === 'unknown').map((o) => o.inviteeId),
          codes: [...new Set(outcomes.flatMap((o) => (o.code ? [o.code] : [])))],
        },
      },
      tx,
    );
    const notConfirmed = outcomes.filter((o) => o.outcome !== 'sent').map((o) => o.inviteeId);
    if (notConfirmed.length > 0) {
      await deps.alerts.alertClerk({ conferenceId: c.id, code: 'RECORD.NOT_CONFIRMED', severity: 'warning', detail: { inviteeIds: notConfirmed } }, tx);
    }
    return { record, out: undefined };
  });
}
