// GET …/reports: the reports this caller may read (never the content): the chair, clerk, social
// worker and organiser see every one; a professional their own and, by entitledReaders (Sheffield's
// rule included), the others'. With the T9 day and the social work report's T10 / T10b status.
import { relationTo, type Viewer } from '../../domain/access/access-decision';
import { createWorkingCalendar } from '../../domain/calendar/create-working-calendar';
import type { Conference } from '../../domain/conference/conference';
import { mayRead, reportDeadlines } from '../../domain/reports/report-rules';
import type { ReportList } from '../api/reports.schema';
import { authorise } from '../access/authorise';
import type { Clock } from '../ports/clock.port';
import { ReportError } from './report-errors';
import type { ReportDeps } from './report-deps';
import { londonDateOf } from './london-time';

const SEES_ALL = new Set(['chair', 'clerk', 'social-worker']);

/** met / missed once recorded; before that due until the day has passed, then missed. */
export function deadlineStatus(date: string | null, sharedAt: string | undefined, today: string): 'met' | 'missed' | 'due' | 'not-applicable' {
  if (date === null) return 'not-applicable';
  if (sharedAt !== undefined) return londonDateOf(sharedAt) <= date ? 'met' : 'missed';
  return today > date ? 'missed' : 'due';
}

export function socialWorkReportStatus(deps: Pick<ReportDeps, 'profileFor'> & { clock: Clock }, c: Conference): ReportList['socialWorkReport'] {
  const profile = deps.profileFor(c.profileId);
  const d = reportDeadlines(profile, createWorkingCalendar(profile.calendar, profile.extraClosures), c);
  const today = deps.clock.today();
  const shared = c.socialWorkReport ?? {};
  return {
    family: { date: d.T10, sharedAt: shared.sharedWithFamilyAt ?? null, status: deadlineStatus(d.T10, shared.sharedWithFamilyAt, today) },
    chairAndClerk: { date: d.T10b, sharedAt: shared.sharedWithChairAndClerkAt ?? null, status: deadlineStatus(d.T10b, shared.sharedWithChairAndClerkAt, today) },
  };
}

export async function listReports(deps: ReportDeps, conferenceId: string, viewer: Viewer): Promise<ReportList> {
  const c = await deps.store.get(conferenceId);
  if (!c) throw new ReportError('CONFERENCE.NOT_FOUND', `conference ${conferenceId} not found`);
  await authorise(deps, viewer, 'reports.read', c);
  const profile = deps.profileFor(c.profileId);
  const relation = relationTo(viewer, c);
  const entry = relation.kind === 'part' ? relation.invitee : undefined;
  const seesAll = (relation.kind === 'part' && relation.organiser) || (entry !== undefined && SEES_ALL.has(entry.role));
  const reports = c.invitees.flatMap((author) => {
    const r = author.report;
    if (!r) return [];
    if (!seesAll && !(entry && mayRead(c, profile, entry, author))) return [];
    return [{
      inviteeId: author.id, role: author.role, agency: author.agency ?? null, fileName: r.fileName, contentType: r.contentType,
      bytes: r.bytes, receivedAt: r.receivedAt, onTime: r.onTime, own: entry?.id === author.id,
    }];
  });
  const d = reportDeadlines(profile, createWorkingCalendar(profile.calendar, profile.extraClosures), c);
  return { conferenceId: c.id, caseReference: c.caseReference, reportsDue: d.T9, reports, socialWorkReport: socialWorkReportStatus(deps, c) };
}
