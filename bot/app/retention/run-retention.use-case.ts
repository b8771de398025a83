// The retention run (docs/operations.md#retention): deletes what the product no longer needs, each
// deletion committed with its audit entry (ids and counts, never a name). Idempotency rows past
// IDEMPOTENCY_RETENTION_HOURS always; report files and conference data only where the council has
// switched them on. The audit log is never deleted. Every step is repeat-safe: a second run (or a
// second instance) finds nothing more to delete and writes no entry.
import { addCalendarDays } from '../../domain/calendar/civil-date';
import type { Actor } from '../meetings/booking-deps';
import { BookingError } from '../meetings/booking-errors';
import { withBookingRun } from '../meetings/booking-run';
import type { ReportDeps } from '../reports/report-deps';
import { accessExpiry } from '../reports/report-sharing';
import { ReportStoreError } from '../ports/report-store.port';
import type { RetentionStore } from '../ports/retention-store.port';

export interface RetentionPolicy {
  idempotencyHours: number;
  /** null = report files are left to the library's own retention policy. */
  reportFileDays: number | null;
  /** null = conference data is kept (the default). */
  conferenceYears: number | null;
}

export interface RetentionDeps extends ReportDeps {
  retention: RetentionStore;
}

export interface RetentionSummary {
  idempotencyKeys: number;
  reportFiles: number;
  reportFilesFailed: number;
  conferences: number;
}

export const RETENTION_ACTOR: Actor = { id: 'retention-job', role: 'system' };
const DAY_MS = 86_400_000;
/** Conferences per transaction (an audit entry lists at most 100 ids). */
const CONFERENCE_BATCH = 100;
/** Bounds on one run, so that it ends well within its job lease; the rest waits for the next day. */
const MAX_CONFERENCE_BATCHES = 50;
const MAX_REPORT_CONFERENCES = 200;

export async function runRetention(deps: RetentionDeps, policy: RetentionPolicy): Promise<RetentionSummary> {
  const idempotencyKeys = await purgeIdempotency(deps, policy.idempotencyHours);
  const files = policy.reportFileDays === null ? { deleted: 0, failed: 0 } : await deleteReportFiles(deps, policy.reportFileDays);
  const conferences = policy.conferenceYears === null ? 0 : await deleteConferenceData(deps, policy.conferenceYears);
  return { idempotencyKeys, reportFiles: files.deleted, reportFilesFailed: files.failed, conferences };
}

async function purgeIdempotency(deps: RetentionDeps, hours: number): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - hours * 3_600_000);
  return deps.uow.run(async (tx) => {
    const deleted = await deps.retention.purgeIdempotency(before, tx);
    if (deleted > 0) await audit(deps, 'retention.idempotency-purged', null, { deleted, before: before.toISOString(), retentionHours: hours }, tx);
    return deleted;
  });
}

/** Each report file whose access ended `days` days ago: deleted in the library, then the record marked. */
async function deleteReportFiles(deps: RetentionDeps, days: number): Promise<{ deleted: number; failed: number }> {
  const now = deps.clock.now().getTime();
  // Coarse in SQL (ended on or before today − days), exact below with each conference's profile.
  const endBefore = `${addCalendarDays(deps.clock.today(), 1 - days)}T00:00`;
  const out = { deleted: 0, failed: 0 };
  for (const conferenceId of await deps.retention.conferencesWithReportFiles(endBefore, MAX_REPORT_CONFERENCES)) {
    try {
      await withBookingRun(deps, conferenceId, RETENTION_ACTOR, async (run) => {
        const c = await run.load();
        const expiry = Date.parse(accessExpiry(c, deps.profileFor(c.profileId).reports.reportAccessDaysAfterConference));
        if (expiry + days * DAY_MS > now) return;
        for (const invitee of c.invitees) {
          const report = invitee.report;
          if (!report || report.fileDeletedAt) continue;
          try {
            const result = await deps.reports.remove(report.driveItemId);
            await run.step(async (s) => {
              const fresh = await deps.store.get(conferenceId, s.tx);
              const target = fresh?.invitees.find((i) => i.id === invitee.id)?.report;
              if (!fresh || target?.driveItemId !== report.driveItemId) return;
              target.fileDeletedAt = run.now();
              target.sharedWith = {};
              await s.save(fresh);
              await s.audit('report.file-deleted', { inviteeId: invitee.id, alreadyGone: result === 'already-gone', retentionDays: days });
            });
            out.deleted += 1;
          } catch (err) {
            if (!(err instanceof ReportStoreError)) throw err;
            // The library refused or did not answer: tried again at the next run.
            out.failed += 1;
            await run.step((s) => s.audit('retention.report-file-failed', { inviteeId: invitee.id, code: err.code }));
          }
        }
      });
    } catch (err) {
      // Someone else's run holds the conference (an upload, a change): the next run takes it.
      if (err instanceof BookingError && err.code === 'BOOKING.IN_PROGRESS') continue;
      throw err;
    }
  }
  return out;
}

/** Whole cases whose last conference ended more than `years` years ago. */
async function deleteConferenceData(deps: RetentionDeps, years: number): Promise<number> {
  const today = deps.clock.today();
  const cutoff = `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
  let deleted = 0;
  for (let batch = 0; batch < MAX_CONFERENCE_BATCHES; batch++) {
    const due = await deps.retention.conferencesOfCasesEndedBefore(`${cutoff}T00:00`, CONFERENCE_BATCH);
    if (due.length === 0) break;
    const ids = due.map((d) => d.conferenceId);
    deleted += await deps.uow.run(async (tx) => {
      const n = await deps.retention.deleteConferences(ids, tx);
      const cases = new Set(due.map((d) => d.caseReference)).size;
      await audit(deps, 'retention.conferences-deleted', null, { deleted: n, cases, conferenceIds: ids, endedBefore: cutoff, retentionYears: years }, tx);
      return n;
    });
  }
  return deleted;
}

function audit(deps: RetentionDeps, action: string, conferenceId: string | null, detail: Record<string, string | number | string[]>, tx: Parameters<RetentionStore['deleteConferences']>[1]) {
  return deps.audit.append({ actorId: RETENTION_ACTOR.id, actorRole: RETENTION_ACTOR.role, action, conferenceId, detail }, tx);
}
