// The board card's view model from the board use case's answer.
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { render } from '../../cards/board/board.view-model';
import { AGENCY_LABEL, type Agency } from '../../domain/conference/agency';
import type { AgencyRow } from '../../domain/invite-list/quoracy';
import type { BoardView } from './board.use-case';
import { longDate, timeRange } from './conference-when';

export const ANSWER: Record<AgencyRow['answer'], string> = { attending: 'Attending', 'sending-colleague': 'Sending a colleague', 'not-attending': 'Not attending', 'no-answer': 'No answer yet' };

function reportText(r: AgencyRow): string {
  if (r.reportReceived) return r.reportOnTime ? 'Received on time' : 'Received (late)';
  return r.reportDue ? `Due ${r.reportDue}` : 'Not received';
}

const list = (agencies: Agency[]) => agencies.map((a) => AGENCY_LABEL[a]).join(', ');

export function missingText(b: BoardView): string {
  const q = b.quoracy;
  if (q.quorate) return `Quorate: children's social care and ${q.otherAgenciesCounted.length} other agencies (${list(q.otherAgenciesCounted)}) are taking part.`;
  const parts: string[] = [];
  if (q.missing.socialCare) parts.push("children's social care (no social worker on the list)");
  if (q.missing.otherAgencies > 0) parts.push(`${q.missing.otherAgencies} more agency${q.missing.otherAgencies > 1 ? ' answers' : ' answer'} attending or a report`);
  const chase = q.missing.toChase.length > 0 ? ` Chase: ${list(q.missing.toChase)}.` : '';
  return `Missing to be quorate: ${parts.join('; ')}.${chase}`;
}

export function boardCard(b: BoardView, userIds: string[], actionId: string = randomUUID()): AdaptiveCardJson {
  const q = b.quoracy;
  return render({
    title: `Attendance and reports: ${b.caseReference}`,
    when: `${longDate(b.start)}, ${timeRange(b)}${b.status === 'stood-down' ? ' (stood down)' : ''}`,
    quoracyText: q.quorate ? 'Quorate on the answers so far' : `Not quorate yet: needs children's social care plus ${q.otherAgenciesRequired} other agencies`,
    quoracyColor: q.quorate ? 'Good' : 'Attention',
    missingText: missingText(b),
    agencyHeading: 'Agency',
    answerHeading: 'Answer',
    reportHeading: 'Report',
    rows: q.agencies.map((r) => ({ agency: AGENCY_LABEL[r.agency], invited: `${r.invited} invited, ${r.answered} answered`, answer: ANSWER[r.answer], report: reportText(r) })),
    warnings: b.warnings.map((w) => ({ text: w.message })),
    footer: 'This board refreshes when you open it. Case reference only: no names are shown.',
    refreshTitle: 'Refresh',
    refreshVerb: 'board.refresh',
    userIds: userIds.slice(0, 60),
    conferenceId: b.conferenceId,
    actionId,
  });
}
