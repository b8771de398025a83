// One sample view model per card folder under bot/cards (the render test fails for a card with
// none). Samples are what the product would build, with invented values only.
import { helpViewModel } from '../../bot/app/help/help';
import type { AdaptiveCardJson } from '../../bot/cards/adaptive-card';
import type { ApprovalCardViewModel } from '../../bot/cards/approval/approval.view-model';
import type { BookingCardViewModel } from '../../bot/cards/booking/booking.view-model';
import type { BookingConfirmationViewModel } from '../../bot/cards/booking-confirmation/booking-confirmation.view-model';
import { reminderViewModel } from '../../bot/cards/reminder/reminder.view-model';

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
  help: { viewModel: helpViewModel('sample-action-0001') },
  booking: { viewModel: booking },
  approval: { viewModel: approval },
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
};

export type RenderFn = (viewModel: never) => AdaptiveCardJson;
