// One sample view model per card folder under bot/cards (the render test fails for a card with
// none). Samples are what the product would build, with invented values only.
import { helpViewModel } from '../../bot/app/help/help';
import type { AdaptiveCardJson } from '../../bot/cards/adaptive-card';
import type { ApprovalCardViewModel } from '../../bot/cards/approval/approval.view-model';
import type { StandDownCardViewModel } from '../../bot/cards/stand-down/stand-down.view-model';
import type { FollowUpsCardViewModel } from '../../bot/cards/follow-ups/follow-ups.view-model';
import { type CoreGroupMinutesCardViewModel, MINUTES_LABELS } from '../../bot/cards/core-group-minutes/core-group-minutes.view-model';
import type { BookingCardViewModel } from '../../bot/cards/booking/booking.view-model';
import type { BookingConfirmationViewModel } from '../../bot/cards/booking-confirmation/booking-confirmation.view-model';
import { reminderViewModel } from '../../bot/cards/reminder/reminder.view-model';
import { meetingAlertViewModel } from '../../bot/cards/meeting-alert/meeting-alert.view-model';
import type { AttendanceCardViewModel } from '../../bot/cards/attendance/attendance.view-model';
import type { BoardCardViewModel } from '../../bot/cards/board/board.view-model';
import type { RecordCardViewModel } from '../../bot/cards/record/record.view-model';
import type { RecordApprovalCardViewModel } from '../../bot/cards/record-approval/record-approval.view-model';
import type { InviteListCardViewModel } from '../../bot/cards/invite-list/invite-list.view-model';
import type { RunSheetCardViewModel } from '../../bot/cards/run-sheet/run-sheet.view-model';
import type { DecisionCardViewModel } from '../../bot/cards/decision/decision.view-model';
import type { DecisionBaseCardViewModel } from '../../bot/cards/decision-base/decision-base.view-model';

const ids = { conferenceId: 'conf-1', inviteeId: 'inv-gp', actionId: 'sample-action-0012' };
const attendance: AttendanceCardViewModel = {
  title: 'Child protection conference: will you attend?',
  facts: [{ title: 'Case reference', value: 'CP-2026-0042' }, { title: 'Date', value: 'Monday 1 June 2026' }],
  ask: [{
    ...ids, question: 'Please tell the conference team.', reportHint: 'A report is needed by Wednesday 27 May 2026.', colleagueHeading: 'Sending a colleague?',
    colleaguePickerLabel: 'Colleague', colleagueNameLabel: 'Name', colleagueRoleLabel: 'Role', attendingTitle: 'Attending', notAttendingTitle: 'Not attending',
    sendColleagueTitle: 'Sending a colleague', attendingVerb: 'attendance.attending', notAttendingVerb: 'attendance.not-attending', sendColleagueVerb: 'attendance.send-colleague',
  }],
  answered: [{ ...ids, text: 'You are not attending.', detail: 'A report is needed by Wednesday 27 May 2026.', changeTitle: 'Change my answer', changeVerb: 'attendance.change' }],
  reports: [{ title: 'Send the report', url: 'https://cpc.council.example/tab/report?t=sample' }],
  footer: 'Only the conference team sees your answer.',
};
const board: BoardCardViewModel = {
  title: 'Attendance and reports: CP-2026-0042', when: 'Monday 1 June 2026, 10:00 to 12:00', quoracyText: 'Not quorate yet', quoracyColor: 'Attention',
  missingText: 'Missing: 1 more agency.', agencyHeading: 'Agency', answerHeading: 'Answer', reportHeading: 'Report',
  rows: [{ agency: 'Police', invited: '1 invited, 1 answered', answer: 'Attending', report: 'Due 2026-05-27' }], warnings: [{ text: 'Health is always invited.' }],
  footer: 'Refreshes when opened.', refreshTitle: 'Refresh', refreshVerb: 'board.refresh', userIds: ['5eed0000-0000-4000-8000-000000000003'], conferenceId: 'conf-1', actionId: 'sample-action-0013',
};
const inviteFields = { role: 'r', audience: 'a', agency: 'g', displayName: 'n', email: 'e', phone: 'p', interpreterLanguage: 'l', ageBand: 'b', advocateOffered: 'o', policeCheckReason: 'c', slotFrom: '10:30', slotTo: '11:00', exclusionFrom: '', exclusionTo: '', exclusionGrounds: '', notInvitedReason: '' };
const inviteList: InviteListCardViewModel = {
  title: 'Invite list: CP-2026-0042', when: 'Monday 1 June 2026 · version 3', notice: 'Added.', warnings: [{ text: 'Police are always invited.' }],
  listHeading: 'On the list (1)', rows: [{ inviteeId: 'inv-gp', name: 'Frankie Dale', detail: 'Agency professional · Health · invited', removeTitle: 'Remove', removeVerb: 'invite-list.remove', actionId: 'sample-action-0005' }],
  formHeading: 'Add one person', formHint: 'One at a time.', labels: { ...inviteFields }, values: { ...inviteFields }, errors: { ...inviteFields },
  roleChoices: [{ title: 'Parent or carer', value: 'parent' }], audienceChoices: [{ title: 'Family', value: 'family' }], agencyChoices: [{ title: 'Police', value: 'police' }],
  ageBandChoices: [{ title: 'Over 12', value: 'over-12' }], advocateChoices: [{ title: 'Offered and accepted', value: 'accepted' }],
  addTitle: 'Add to the list', addVerb: 'invite-list.add', removeVerb: 'invite-list.remove', sendTitle: 'Send invitations', sendVerb: 'invitations.send', dialogTitle: 'Open the full form', dialogData: { msteams: { type: 'task/fetch' }, dialog: 'invite-list', conferenceId: 'conf-1' }, conferenceId: 'conf-1', version: 3, actionId: 'sample-action-0014',
};

const decisionFields = { chairView: '', chairConcerns: '', outcomeWithoutPlan: '', category: 'neglect', leadSocialWorker: 'inv-sw', coreGroup: 'inv-sw,inv-gp', firstCoreGroupDate: '2027-03-15', reviewDate: '2027-06-01', reviewOutcome: '', newCategory: '', allActionsComplete: 'false', endRationale: '' };
const decision: DecisionCardViewModel = {
  title: 'Decision: CP-2026-0042', facts: [{ title: 'Conference', value: 'Initial child protection conference, Monday 1 March 2027' }], privacy: 'Only you see this card.',
  notice: 'Not recorded yet.', noticeColor: 'Attention', outcomeText: 'The agencies are equally split: your casting vote decides.', outcomeColor: 'Attention', countsText: 'Plan 1, no plan 1, abstaining 0.',
  ruleText: 'The majority decides.', recorded: false, isReview: true, summary: [{ title: 'Outcome', value: 'Child protection plan' }],
  agencies: [{ label: 'Police', note: 'In the meeting', viewId: 'view_police', scalingId: 'scaling_police', dissentId: 'dissent_police', view: 'no-plan', scaling: '4', dissent: '', viewError: '', scalingError: '', dissentError: 'Record its reason.' }],
  labels: { ...decisionFields, agenciesHeading: 'Agency views', agenciesHint: 'Present or reporting.', view: 'View', scaling: 'Scaling', dissent: 'Dissent', chairHeading: 'The chair', noPlanHeading: 'If no plan', planHeading: 'If a plan', reviewHeading: 'Review' },
  values: decisionFields, errors: { ...(({ allActionsComplete: _a, ...rest }) => rest)(decisionFields), chairView: 'Your casting vote decides.' },
  ranges: { firstCoreGroupMin: '2027-03-02', firstCoreGroupMax: '2027-03-15', reviewMin: '2027-03-02', reviewMax: '2027-06-01' },
  viewChoices: [{ title: 'Plan', value: 'plan' }], scalingChoices: [{ title: '4', value: '4' }], chairViewChoices: [{ title: 'Plan', value: 'plan' }], outcomeWithoutPlanChoices: [{ title: 'Child in need', value: 'child-in-need' }],
  categoryChoices: [{ title: 'Neglect', value: 'neglect' }], leadChoices: [{ title: 'Jordan Pike (Social worker)', value: 'inv-sw' }], coreGroupChoices: [{ title: 'Parent or carer', value: 'inv-mum' }],
  reviewOutcomeChoices: [{ title: 'Continue the plan', value: 'continue' }],
  saveTitle: 'Save', saveVerb: 'decision.save', recordTitle: 'Record decision', recordVerb: 'decision.record', refreshTitle: 'Show', refreshVerb: 'decision.open', dialogTitle: 'Open the full form', dialogData: { msteams: { type: 'task/fetch' }, dialog: 'decision', conferenceId: 'conf-1' }, userIds: ['5eed0000-0000-4000-8000-000000000001'], conferenceId: 'conf-1', actionId: 'sample-action-0031',
};
const decisionBase: DecisionBaseCardViewModel = {
  title: 'The decision', text: 'The chair is recording the decision.', openTitle: 'Open (chair only)', openVerb: 'decision.open', userIds: ['5eed0000-0000-4000-8000-000000000001'], conferenceId: 'conf-1', actionId: 'sample-action-0032',
};

export interface CardSample {
  viewModel: object;
  /** A card with no buttons: it only informs (the reminder card). */
  informational?: true;
}

const fields = ['kind', 'caseReference', 'anchorKind', 'anchorDate', 'chairId', 'socialWorkerId', 'date', 'startTime', 'durationMinutes', 'confidentialMinutes', 'previousPlanEndedOn', 'lateReason', 'managerId', 'serviceManagerId'] as const;
const blank = Object.fromEntries(fields.map((f) => [f, ''])) as Record<(typeof fields)[number], string>;

const booking: BookingCardViewModel = {
  title: 'Book a conference',
  intro: 'Cases are named by case reference only.',
  caseReferenceHint: 'a Mosaic or LCS id',
  anchorLabel: 'Date of the strategy discussion',
  values: { ...blank, kind: 'ICPC', caseReference: 'MOS1234567', anchorDate: '2026-12-14', chairId: '5eed0000-0000-4000-8000-000000000001', date: '2027-01-08', startTime: '10:00', durationMinutes: '90', confidentialMinutes: '30', lateReason: 'Chair on leave' },
  errors: { ...blank, managerId: 'Name the manager who approves it.' },
  choices: { chairId: [{ title: 'Avery Quill', value: '5eed0000-0000-4000-8000-000000000001' }], socialWorkerId: [], managerId: [], serviceManagerId: [] },
  showLate: true,
  showRepeat: true,
  hasAnswer: true,
  latestLine: 'Statutory latest date: 2027-01-07 (T1).',
  bookingByLine: 'Book by 2026-12-21 (T23).',
  deadlines: [{ date: '2027-01-07', label: 'ICPC held (T1)' }, { date: '2026-12-22', label: 'invitations sent (ICPC) (T7)' }],
  missed: [{ line: 'T1 2027-01-07: the proposed date is after this latest date' }],
  notice: 'Nothing was booked.',
  checkVerb: 'booking.check',
  confirmVerb: 'booking.confirm',
  actionId: 'sample-action-0002',
};

const approval: ApprovalCardViewModel = {
  title: 'Approve a conference past its statutory latest date',
  facts: [{ title: 'Case reference', value: 'MOS1234567' }, { title: 'Date', value: '2027-01-08 at 10:00' }],
  reasonLabel: 'Reason given',
  reason: 'Chair on leave',
  decided: false,
  decision: '',
  approveVerb: 'approval.approve',
  refuseVerb: 'approval.refuse',
  conferenceId: 'conf-sample-1',
  approvalId: 'approval-sample-1',
  actionId: 'sample-action-0003',
};

const confirmation: BookingConfirmationViewModel = {
  title: 'Conference booked',
  facts: [{ title: 'Case reference', value: 'MOS1234567' }, { title: 'Date', value: '2027-01-06' }],
  invited: [{ line: 'Chair: Avery Quill' }, { line: 'Social worker: Jordan Pike' }],
  next: 'Next: build the invite list.',
  newTitle: 'Book another',
  newVerb: 'booking.new',
  actionId: 'sample-action-0004',
};

export const CARD_SAMPLES: Record<string, CardSample> = {
  record: {
    informational: true,
    viewModel: {
      title: 'Decision and recommendations',
      facts: [{ title: 'Case reference', value: 'CP-2027-0420' }, { title: 'Outcome', value: 'Child protection plan' }],
      notes: [{ text: 'This copy leaves out the parts of the meeting for professionals only.' }],
      footer: 'The full record is in the PDF.',
      downloadTitle: 'Download the record (PDF)',
      downloadUrl: 'https://cpc.council.example/tab/record?t=sample',
    } satisfies RecordCardViewModel,
  },
  'record-approval': {
    viewModel: {
      title: 'Redacted copies of the record: CP-2027-0420',
      intro: 'Their copy goes only once you approve it.',
      lines: [
        { who: 'Parent (inv-father)', leavesOut: 'Leaves out: decision', status: 'Status: awaiting your approval', previewTitle: 'Preview', previewUrl: 'https://cpc.council.example/tab/record?t=a', approve: [{ title: 'Approve and send', approveVerb: 'record.approve-redacted', conferenceId: 'conf-1', inviteeId: 'inv-father', actionId: 'sample-action-0031' }] },
        { who: 'Parent (inv-father2)', leavesOut: 'Leaves out: family section', status: 'Status: sent', previewTitle: 'Preview', previewUrl: 'https://cpc.council.example/tab/record?t=b', approve: [] },
      ],
      footer: 'Only you can approve these copies.',
    } satisfies RecordApprovalCardViewModel,
  },
  help: { viewModel: helpViewModel('sample-action-0001') },
  booking: { viewModel: booking },
  approval: { viewModel: approval },
  'stand-down': {
    viewModel: {
      title: 'Stand down MOS1234567',
      facts: [{ title: 'Case reference', value: 'MOS1234567' }, { title: 'Date', value: '2027-01-08 at 10:00' }],
      intro: 'A stand-down needs a safeguarding manager\'s approval with a rationale.',
      notice: '',
      reasons: [{ title: 'Not quorate (not enough information)', value: 'not-quorate' }],
      managers: [{ title: 'Quinn Marsh', value: '5eed0000-0000-4000-8000-000000000008' }],
      values: { reason: '', rationale: '', managerId: '' },
      askTitle: 'Ask for approval',
      askVerb: 'stand-down.request',
      conferenceId: 'conf-sample-1',
      actionId: 'sample-action-0021',
    } satisfies StandDownCardViewModel,
  },
  'booking-confirmation': { viewModel: confirmation },
  reminder: {
    informational: true,
    viewModel: reminderViewModel({
      headline: 'Your agency report is due',
      caseReference: 'CP-2026-0042',
      kindLabel: 'initial child protection conference',
      start: '2026-12-10T10:00',
      deadline: { date: '2026-12-07', time: null },
      recipientRole: 'professional',
      ruleText: 'agency reports reach the convening team at least 3 working days before',
    }),
  },
  attendance: { viewModel: attendance },
  board: { viewModel: board },
  'invite-list': { viewModel: inviteList },
  'run-sheet': {
    viewModel: {
      title: 'Run sheet MOS1234567', notice: 'Now: Confidential section (professionals only).', noticeColor: 'Good',
      facts: [{ title: 'Stage', value: 'Confidential section (professionals only)' }, { title: 'Recording', value: 'not known to the product' }],
      mustLeave: [{ text: 'Robin Example (parent)', instructions: 'In the meeting, open People, find the parent, select More options (…) › Remove from meeting.', participantId: '29:parent', removeVerb: 'meeting.remove' }],
      alerts: [{ id: 'alert-1', text: '10:05 A family member is in the meeting during the professionals-only part', acknowledged: false, ackVerb: 'meeting.alert-ack' }],
      admitNow: [{ text: 'Avery Quill (Police professional)' }], mustWait: [{ text: 'Sam Example (child)' }],
      unknownJoiners: [{ title: 'Guest 1 (since 10:02)', value: '29:guest' }], matchChoices: [{ title: 'Robin Example (parent)', value: 'inv-parent' }],
      quorumPending: true, quorumText: '1 more agency needed.', reconveneDays: '10 working days', managers: [{ title: 'Quinn Marsh', value: '5eed0000-0000-4000-8000-000000000008' }],
      nextChange: 'Next: family section due to start at 10:45.',
      commands: [{ command: 'open-family', label: 'Open the family section', stageVerb: 'meeting.stage' }],
      refreshVerb: 'meeting.run-sheet-refresh', matchVerb: 'meeting.match', removeVerb: 'meeting.remove', proceedVerb: 'meeting.proceed', standDownVerb: 'stand-down.request',
      userIds: ['5eed0000-0000-4000-8000-000000000001'], conferenceId: 'conf-1', actionId: 'sample-action-0031',
    } satisfies RunSheetCardViewModel,
  },
  decision: { viewModel: decision },
  'decision-base': { viewModel: decisionBase },
  'meeting-alert': {
    viewModel: meetingAlertViewModel({
      conferenceId: 'conf-1', alertId: 'alert-1', actionId: 'sample-action-0020', caseReference: 'CP-2026-0042', kind: 'unknown-joiner', stage: 'confidential',
      teamsDisplayName: 'Visitor (Guest)', raisedAt: '10:05', delivery: 2,
    }),
  },
  'follow-ups': {
    viewModel: {
      title: 'After the conference: MOS1234567',
      intro: 'Book the first core group and the review conference from the decision.',
      notice: '',
      booked: [{ title: 'First core group', value: '2027-01-18, booked, invitations sent' }],
      tasks: [{ text: 'T14: conference record / minutes circulated by 2027-01-27', rule: 'T14', open: true, doneTitle: 'Done', doneVerb: 'follow-ups.done', conferenceId: 'conf-sample-1', actionId: 'sample-action-0031' }],
      bookTitle: 'Book the follow-ups',
      bookVerb: 'follow-ups.book',
      conferenceId: 'conf-sample-1',
      actionId: 'sample-action-0031',
    } satisfies FollowUpsCardViewModel,
  },
  'core-group-minutes': {
    viewModel: {
      ...MINUTES_LABELS,
      title: 'Core group minutes: MOS1234567',
      facts: [{ title: 'Held on', value: '2027-01-18' }],
      notice: '',
      members: [{ title: 'Quinn Marsh (social-worker)', value: 'social-worker' }],
      yesNo: [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }],
      actions: [{ text: 'Action: Health visitor visits weekly (health)' }],
      goals: [{ text: 'Safety goal: The home is warm', progressId: 'progress-g1', nextStepsId: 'next-g1', progress: '', nextSteps: '', progressLabel: 'Progress', nextStepsLabel: 'Next steps' }],
      values: {
        attended: '', consulted: '', chair: '', childsWords: '', familysWords: '', childSeen: '', advocateOffered: '', newGoal: '', newAction: '', newActionOwner: '',
        scalingNow: '', scalingInitial: '', scalingLast: '', workingWell: '', worriedAbout: '', needsToHappen: '', recommendations: '', nextCoreGroupDate: '',
      },
      saveVerb: 'core-group.minutes-save',
      circulateVerb: 'core-group.minutes-circulate',
      bookNextVerb: 'follow-ups.book',
      conferenceId: 'conf-sample-1',
      version: '1',
      actionId: 'sample-action-0032',
    } satisfies CoreGroupMinutesCardViewModel,
  },
};

export type RenderFn = (viewModel: never) => AdaptiveCardJson;
