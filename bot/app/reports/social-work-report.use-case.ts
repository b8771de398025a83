// The social worker records sharing their report with the family (T10) or with the chair and
// clerk (T10b): the first record stands (a repeat changes nothing), audited with met / missed.
import type { Viewer } from '../../domain/access/access-decision';
import type { SocialWorkSharing } from '../api/reports.schema';
import { authorise } from '../access/authorise';
import { withBookingRun } from '../meetings/booking-run';
import { ReportError } from './report-errors';
import type { ReportDeps } from './report-deps';
import { socialWorkReportStatus } from './list-reports.use-case';
import { requireCollecting } from './upload-report.use-case';

export async function recordSocialWorkReportShared(deps: ReportDeps, conferenceId: string, viewer: Viewer, withWhom: 'family' | 'chair-and-clerk'): Promise<SocialWorkSharing> {
  const found = await deps.store.get(conferenceId);
  if (!found) throw new ReportError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
  await authorise(deps, viewer, 'social-work-report.record-sharing', found);
  requireCollecting(found);
  const key = withWhom === 'family' ? 'sharedWithFamilyAt' : 'sharedWithChairAndClerkAt';
  return withBookingRun(deps, conferenceId, { id: viewer.id, role: viewer.role }, (run) =>
    run.step(async (s) => {
      const c = await deps.store.get(conferenceId, s.tx);
      if (!c) throw new ReportError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
      requireCollecting(c);
      const already = c.socialWorkReport?.[key];
      let saved = c;
      if (already === undefined) {
        c.socialWorkReport = { ...(c.socialWorkReport ?? {}), [key]: run.now() };
        saved = await s.save(c);
      }
      const status = socialWorkReportStatus(deps, saved)[withWhom === 'family' ? 'family' : 'chairAndClerk'];
      if (already === undefined) {
        await s.audit('report.social-work-shared', { with: withWhom, rule: withWhom === 'family' ? 'T10' : 'T10b', deadline: status.date, status: status.status });
      }
      return { conferenceId, with: withWhom, sharedAt: status.sharedAt ?? run.now(), deadline: status.date, status: status.status, alreadyRecorded: already !== undefined };
    }),
  );
}
