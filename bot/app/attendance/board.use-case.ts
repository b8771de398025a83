// The clerk's board: per agency invited, answer, report due (T9) and received; the quoracy
// forecast (children's social care plus the profile's number of other agencies) and what is
// missing to make it quorate; the list's warnings. Staff and managers only ('board.read').
import type { Viewer } from '../../domain/access/access-decision';
import type { IsoDate, LocalDateTime } from '../../domain/calendar/iso-date';
import type { ConferenceStatus } from '../../domain/conference/conference';
import { reportDueDate } from '../../domain/invite-list/attendance-rules';
import { type InviteListWarning, inviteListWarnings } from '../../domain/invite-list/invite-list-warnings';
import { forecastQuoracy, type QuoracyForecast } from '../../domain/invite-list/quoracy';
import { authorise } from '../access/authorise';
import type { AppDeps } from '../app-deps';
import { loadConference } from '../invite-list/invite-list.use-case';

export interface BoardView {
  conferenceId: string;
  caseReference: string;
  status: ConferenceStatus;
  start: LocalDateTime;
  end: LocalDateTime;
  reportDue: IsoDate | null;
  quoracy: QuoracyForecast;
  warnings: InviteListWarning[];
}

export async function readBoard(deps: AppDeps, viewer: Viewer, conferenceId: string): Promise<BoardView> {
  const c = await loadConference(deps, conferenceId);
  await authorise(deps, viewer, 'board.read', c);
  const profile = deps.profileFor(c.profileId);
  const reportDue = reportDueDate(profile, c.start);
  return {
    conferenceId: c.id,
    caseReference: c.caseReference,
    status: c.status,
    start: c.start,
    end: c.end,
    reportDue,
    quoracy: forecastQuoracy(c, profile.quoracy, reportDue),
    warnings: inviteListWarnings(c),
  };
}
