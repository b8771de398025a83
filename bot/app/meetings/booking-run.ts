// One run of a meeting or invitation use case: it holds the conference's lease for its whole
// length (a second run stops with BOOKING.IN_PROGRESS) and commits each step — the conference,
// its audit entries, its clerk alerts — in one transaction, renewing the lease inside it. Graph
// requests happen between steps, never inside a transaction.
import { randomUUID } from 'node:crypto';
import type { Conference } from '../../domain/conference/conference';
import { type ConferenceCommand, type ConferenceEffect, transition } from '../../domain/conference/conference-rules';
import { checkNotice, type NoticeCheck } from '../invitations/invitation-notice';
import type { ClerkAlert } from '../ports/alerts.port';
import type { AuditDetail } from '../ports/audit-log.port';
import type { TransactionHandle } from '../ports/unit-of-work.port';
import type { Actor, BookingDeps } from './booking-deps';
import { BookingError } from './booking-errors';

const DEFAULT_LEASE_TTL_MS = 5 * 60_000;

/** What a step may do inside its transaction. */
export interface Step {
  readonly tx: TransactionHandle;
  save(c: Conference): Promise<Conference>;
  audit(action: string, detail: AuditDetail): Promise<void>;
  alert(alert: Omit<ClerkAlert, 'conferenceId'>): Promise<void>;
}

export class BookingRun {
  constructor(
    readonly deps: BookingDeps,
    readonly conferenceId: string,
    readonly actor: Actor,
    private readonly holder: string,
  ) {}

  async load(): Promise<Conference> {
    const c = await this.deps.store.get(this.conferenceId);
    if (!c) throw new BookingError('CONFERENCE.NOT_FOUND', `conference ${this.conferenceId} not found`);
    return c;
  }

  /** The domain's next state and effects for `command`, or its refusal thrown with its code. */
  apply(c: Conference, command: ConferenceCommand): { state: Conference; effects: ConferenceEffect[] } {
    const t = transition(c, command);
    if (!t.ok) throw new BookingError(t.code, t.message);
    return { state: t.state, effects: t.effects };
  }

  /** Runs `fn` in one transaction, with the lease renewed in it: all of it commits, or none. */
  step<T>(fn: (step: Step) => Promise<T>): Promise<T> {
    const { deps, conferenceId, actor } = this;
    return deps.uow.run(async (tx) => {
      if (!(await deps.lease.renew(conferenceId, this.holder, deps.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS, tx))) {
        throw new BookingError('BOOKING.LEASE_LOST', `the run on conference ${conferenceId} lost its lease`);
      }
      return fn({
        tx,
        save: (c) => deps.store.save(c, tx),
        audit: async (action, detail) => {
          await deps.audit.append({ actorId: actor.id, actorRole: actor.role, action, conferenceId, detail }, tx);
        },
        alert: (alert) => deps.alerts.alertClerk({ ...alert, conferenceId }, tx),
      });
    });
  }

  now(): string {
    return this.deps.clock.now().toISOString();
  }

  /** The T7 notice check for invitations sent today (null when the profile has no notice rule). */
  noticeToday(c: Conference): NoticeCheck | null {
    return checkNotice(this.deps.profileFor(c.profileId), c.kind, c.start, this.deps.clock.today());
  }
}

/** Runs `fn` holding the conference's lease; another run holding it stops this one at once. */
export async function withBookingRun<T>(deps: BookingDeps, conferenceId: string, actor: Actor, fn: (run: BookingRun) => Promise<T>): Promise<T> {
  const holder = randomUUID();
  if (!(await deps.lease.acquire(conferenceId, holder, deps.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS))) {
    throw new BookingError('BOOKING.IN_PROGRESS', `another run on conference ${conferenceId} is in progress`);
  }
  try {
    return await fn(new BookingRun(deps, conferenceId, actor, holder));
  } finally {
    // A release that fails leaves the lease to expire; it must not hide the run's own outcome.
    await deps.lease.release(conferenceId, holder).catch(() => undefined);
  }
}

/** Audit entry and clerk alert for invitations sent after the T7 notice deadline. */
export async function flagLate(step: Step, c: Conference, inviteeIds: string[], today: string): Promise<void> {
  const deadline = c.invitees.find((i) => i.id === inviteeIds[0])?.notice?.deadline ?? null;
  const detail = { inviteeIds, deadline, conferenceDate: c.start.slice(0, 10), sentOn: today };
  await step.audit('invitation.late', detail);
  await step.alert({ code: 'INVITATION.LATE', severity: 'warning', detail });
}

/** The late-invitation effects of a transition, flagged inside the step. */
export async function flagLateEffects(step: Step, c: Conference, effects: ConferenceEffect[], today: string): Promise<void> {
  for (const e of effects) if (e.kind === 'invited-late') await flagLate(step, c, e.inviteeIds, today);
}
