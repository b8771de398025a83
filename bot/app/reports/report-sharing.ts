// Who holds a read permission on each report, brought in line with who is entitled to one
// (entitledReaders): a permission granted (invite) or removed (delete) per person, each saved in
// its own step with its audit entry. Graph calls happen between steps; both are repeat-safe, so a
// crash between the call and the step is put right by the next reconcile.
import { addCalendarDays } from '../../domain/calendar/civil-date';
import type { Conference } from '../../domain/conference/conference';
import { entitledReaders } from '../../domain/reports/report-rules';
import type { Actor } from '../meetings/booking-deps';
import { type BookingRun, withBookingRun } from '../meetings/booking-run';
import type { ReportStore } from '../ports/report-store.port';
import { ReportStoreError } from '../ports/report-store.port';
import type { ReportDeps } from './report-deps';
import { endOfLondonDay } from './london-time';

/** Access ends at the end of the conference day plus the profile's days (003: 0 = that day). */
export function accessExpiry(conference: Pick<Conference, 'start'>, days: number): string {
  return endOfLondonDay(addCalendarDays(conference.start.slice(0, 10), days));
}

export interface SharingOutcome {
  granted: number;
  revoked: number;
  /** Storage failed part-way: the rest is done by the next reconcile (any upload, removal or stand-down). */
  incomplete: boolean;
}

/**
 * Grants and revokes inside a run that holds the conference's lease. Export for use cases that
 * already run on the conference (removing an invitee, standing down): call it after their change
 * is saved.
 */
export async function reconcileReportAccessInRun(run: BookingRun, reports: ReportStore): Promise<SharingOutcome> {
  const outcome: SharingOutcome = { granted: 0, revoked: 0, incomplete: false };
  const c = await run.load();
  const profile = run.deps.profileFor(c.profileId);
  const expiresAt = accessExpiry(c, profile.reports.reportAccessDaysAfterConference);
  for (const author of c.invitees) {
    const report = author.report;
    if (!report || report.fileDeletedAt) continue;
    const desired = new Map(entitledReaders(c, profile, author.id).filter((r) => r.email !== '').map((r) => [r.id, r]));
    const current = report.sharedWith ?? {};
    // A reschedule moved the expiry: invite the current readers again (same permission, new expiry).
    const stale = report.shareExpiresAt !== undefined && report.shareExpiresAt !== expiresAt;
    try {
      for (const [readerId, reader] of desired) {
        if (current[readerId] !== undefined && !stale) continue;
        const { permissionId } = await reports.share({ driveItemId: report.driveItemId, email: reader.email, expiresAt });
        await recordShare(run, author.id, report.driveItemId, readerId, permissionId, expiresAt);
        outcome.granted += 1;
      }
      for (const [readerId, permissionId] of Object.entries(current)) {
        if (desired.has(readerId)) continue;
        const result = await reports.revoke(report.driveItemId, permissionId);
        await recordRevoke(run, author.id, report.driveItemId, readerId, c.status === 'stood-down' ? 'stood-down' : 'not-entitled', result === 'already-gone');
        outcome.revoked += 1;
      }
      if (stale) await recordExpiry(run, author.id, report.driveItemId, expiresAt);
    } catch (err) {
      if (!(err instanceof ReportStoreError)) throw err;
      outcome.incomplete = true;
      await run.step((s) => s.audit('report.sharing-incomplete', { inviteeId: author.id, code: err.code }));
    }
  }
  return outcome;
}

/** The same, in a run of its own (the invite list's removal or the stand-down can call this after theirs). */
export function reconcileReportAccess(deps: ReportDeps, conferenceId: string, actor: Actor): Promise<SharingOutcome> {
  return withBookingRun(deps, conferenceId, actor, (run) => reconcileReportAccessInRun(run, deps.reports));
}

async function recordShare(run: BookingRun, authorId: string, driveItemId: string, readerId: string, permissionId: string, expiresAt: string): Promise<void> {
  await run.step(async (s) => {
    const c = await run.deps.store.get(run.conferenceId, s.tx);
    const author = c?.invitees.find((i) => i.id === authorId);
    if (!c || author?.report?.driveItemId !== driveItemId) return;
    author.report.sharedWith = { ...(author.report.sharedWith ?? {}), [readerId]: permissionId };
    author.report.shareExpiresAt = expiresAt;
    await s.save(c);
    await s.audit('report.shared', { inviteeId: authorId, readerId, expiresAt });
  });
}

async function recordExpiry(run: BookingRun, authorId: string, driveItemId: string, expiresAt: string): Promise<void> {
  await run.step(async (s) => {
    const c = await run.deps.store.get(run.conferenceId, s.tx);
    const author = c?.invitees.find((i) => i.id === authorId);
    if (!c || author?.report?.driveItemId !== driveItemId) return;
    author.report.shareExpiresAt = expiresAt;
    await s.save(c);
    await s.audit('report.access-expiry-moved', { inviteeId: authorId, expiresAt });
  });
}

async function recordRevoke(run: BookingRun, authorId: string, driveItemId: string, readerId: string, reason: string, alreadyGone: boolean): Promise<void> {
  await run.step(async (s) => {
    const c = await run.deps.store.get(run.conferenceId, s.tx);
    const author = c?.invitees.find((i) => i.id === authorId);
    if (!c || author?.report?.driveItemId !== driveItemId || !author.report.sharedWith) return;
    const { [readerId]: _gone, ...rest } = author.report.sharedWith;
    author.report.sharedWith = rest;
    await s.save(c);
    await s.audit('report.access-revoked', { inviteeId: authorId, readerId, reason, alreadyGone });
  });
}
