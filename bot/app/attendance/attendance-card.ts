// The attendance card's view model for one professional's invitation: the question, or their
// latest answer with "Change my answer".
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { render } from '../../cards/attendance/attendance.view-model';
import type { AttendanceAnswer, Conference, Invitee } from '../../domain/conference/conference';
import type { AppDeps } from '../app-deps';
import { reportUploadLink } from '../reports/report-link';
import { endOfConferenceDay, kindLabel, longDate, timeRange } from './conference-when';

const ANSWER_TEXT: Record<AttendanceAnswer['answer'], string> = {
  attending: 'You are attending.',
  'not-attending': 'You are not attending.',
  'sending-colleague': 'You are sending a colleague.',
};

function detailOf(a: AttendanceAnswer): string {
  if (a.answer === 'not-attending') return a.reportDueBy ? `Your agency's written report is needed by ${longDate(a.reportDueBy)}.` : "Your agency's written report is needed before the conference.";
  if (a.answer === 'sending-colleague' && a.colleague) return `Colleague: ${a.colleague.displayName} (${a.colleague.role}).`;
  return 'The Teams meeting invitation is in your calendar.';
}

/** The signed link a professional who is not attending sends their report through (/tab/report). */
export function reportLinkFor(deps: Pick<AppDeps, 'links' | 'publicBaseUrl'>, c: Conference, invitee: Invitee): string {
  return reportUploadLink(deps, c.id, invitee.id, endOfConferenceDay(c).toISOString());
}

export function attendanceCard(c: Conference, invitee: Invitee, reportDue: string | null, actionId: string = randomUUID(), showQuestion = false, reportUrl?: string): AdaptiveCardJson {
  const latest = showQuestion ? undefined : invitee.attendance?.at(-1);
  const ids = { conferenceId: c.id, inviteeId: invitee.id, actionId };
  return render({
    title: 'Child protection conference: will you attend?',
    facts: [
      { title: 'Case reference', value: c.caseReference },
      { title: 'Meeting', value: kindLabel(c) },
      { title: 'Date', value: longDate(c.start) },
      { title: 'Time', value: timeRange(c) },
    ],
    answered: latest ? [{ ...ids, text: ANSWER_TEXT[latest.answer], detail: detailOf(latest), changeTitle: 'Change my answer', changeVerb: 'attendance.change' }] : [],
    ask: latest
      ? []
      : [
          {
            ...ids,
            question: 'Please tell the conference team whether you will attend.',
            reportHint: reportDue
              ? `If you cannot attend, your agency must send a written report by ${longDate(reportDue)}.`
              : 'If you cannot attend, your agency must send a written report before the conference.',
            colleagueHeading: 'Sending a colleague instead? Pick them, or give their name and role.',
            colleaguePickerLabel: 'Colleague (from the directory)',
            colleagueNameLabel: 'Or their name',
            colleagueRoleLabel: 'and their role',
            attendingTitle: 'Attending',
            notAttendingTitle: 'Not attending',
            sendColleagueTitle: 'Sending a colleague',
            attendingVerb: 'attendance.attending',
            notAttendingVerb: 'attendance.not-attending',
            sendColleagueVerb: 'attendance.send-colleague',
          },
        ],
    reports: latest?.answer === 'not-attending' && reportUrl && !invitee.report ? [{ title: 'Send the report', url: reportUrl }] : [],
    footer: 'Only the conference team sees your answer.',
  });
}
