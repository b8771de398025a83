// One sample view model per card folder under bot/cards (the render test fails for a card with
// none). Samples are what the product would build, with invented values only.
import { helpViewModel } from '../../bot/app/help/help';
import type { AdaptiveCardJson } from '../../bot/cards/adaptive-card';
import type { AttendanceCardViewModel } from '../../bot/cards/attendance/attendance.view-model';
import type { BoardCardViewModel } from '../../bot/cards/board/board.view-model';
import type { InviteListCardViewModel } from '../../bot/cards/invite-list/invite-list.view-model';

const ids = { conferenceId: 'conf-1', inviteeId: 'inv-gp', actionId: 'sample-action-0002' };
const attendance: AttendanceCardViewModel = {
  title: 'Child protection conference: will you attend?',
  facts: [{ title: 'Case reference', value: 'CP-2026-0042' }, { title: 'Date', value: 'Monday 1 June 2026' }],
  ask: [{
    ...ids, question: 'Please tell the conference team.', reportHint: 'A report is needed by Wednesday 27 May 2026.', colleagueHeading: 'Sending a colleague?',
    colleaguePickerLabel: 'Colleague', colleagueNameLabel: 'Name', colleagueRoleLabel: 'Role', attendingTitle: 'Attending', notAttendingTitle: 'Not attending',
    sendColleagueTitle: 'Sending a colleague', attendingVerb: 'attendance.attending', notAttendingVerb: 'attendance.not-attending', sendColleagueVerb: 'attendance.send-colleague',
  }],
  answered: [{ ...ids, text: 'You are attending.', detail: 'The invitation is in your calendar.', changeTitle: 'Change my answer', changeVerb: 'attendance.change' }],
  footer: 'Only the conference team sees your answer.',
};
const board: BoardCardViewModel = {
  title: 'Attendance and reports: CP-2026-0042', when: 'Monday 1 June 2026, 10:00 to 12:00', quoracyText: 'Not quorate yet', quoracyColor: 'Attention',
  missingText: 'Missing: 1 more agency.', agencyHeading: 'Agency', answerHeading: 'Answer', reportHeading: 'Report',
  rows: [{ agency: 'Police', invited: '1 invited, 1 answered', answer: 'Attending', report: 'Due 2026-05-27' }], warnings: [{ text: 'Health is always invited.' }],
  footer: 'Refreshes when opened.', refreshTitle: 'Refresh', refreshVerb: 'board.refresh', userIds: ['5eed0000-0000-4000-8000-000000000003'], conferenceId: 'conf-1', actionId: 'sample-action-0003',
};
const fields = { role: 'r', audience: 'a', agency: 'g', displayName: 'n', email: 'e', phone: 'p', interpreterLanguage: 'l', ageBand: 'b', advocateOffered: 'o', policeCheckReason: 'c' };
const inviteList: InviteListCardViewModel = {
  title: 'Invite list: CP-2026-0042', when: 'Monday 1 June 2026 · version 3', notice: 'Added.', warnings: [{ text: 'Police are always invited.' }],
  listHeading: 'On the list (1)', rows: [{ inviteeId: 'inv-gp', name: 'Frankie Dale', detail: 'Agency professional · Health · invited', removeTitle: 'Remove', removeVerb: 'invite-list.remove', actionId: 'sample-action-0005' }],
  formHeading: 'Add one person', formHint: 'One at a time.', labels: { ...fields }, values: { ...fields }, errors: { ...fields },
  roleChoices: [{ title: 'Parent or carer', value: 'parent' }], audienceChoices: [{ title: 'Family', value: 'family' }], agencyChoices: [{ title: 'Police', value: 'police' }],
  ageBandChoices: [{ title: 'Over 12', value: 'over-12' }], advocateChoices: [{ title: 'Offered and accepted', value: 'accepted' }],
  addTitle: 'Add to the list', addVerb: 'invite-list.add', removeVerb: 'invite-list.remove', conferenceId: 'conf-1', version: 3, actionId: 'sample-action-0004',
};

export interface CardSample {
  viewModel: object;
}

export const CARD_SAMPLES: Record<string, CardSample> = {
  help: { viewModel: helpViewModel('sample-action-0001') },
  attendance: { viewModel: attendance },
  board: { viewModel: board },
  'invite-list': { viewModel: inviteList },
};

export type RenderFn = (viewModel: never) => AdaptiveCardJson;
