// The booking card's view model from what was typed and what the rules answered, and the
// confirmation card's from the conference that was made. Values always go back as typed.
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import { BOOKING_CARD_FIELDS, type BookingCardField, type BookingCardViewModel, PEOPLE_FIELDS, type PeopleField, render } from '../../cards/booking/booking.view-model';
import { render as renderConfirmation } from '../../cards/booking-confirmation/booking-confirmation.view-model';
import type { FieldErrors } from '../../domain/booking/booking-rule-codes';
import type { BookingAnswer } from '../../domain/booking/check-booking-request';
import { isFamilySide } from '../../domain/conference/attendee-order';
import type { Conference, InviteeRole } from '../../domain/conference/conference';
import type { ConferenceKind } from '../../domain/conference/conference-kind';
import type { PolicyProfile } from '../../domain/policy/policy-profile';
import type { AnchorKind } from '../../domain/timescales/anchors';
import { KIND_LABEL } from '../invitations/family-invitation-email';
import type { Directory } from '../ports/directory.port';
import type { StaffRole, StaffRoles } from '../ports/staff-roles.port';

export type BookingCardValues = Partial<Record<BookingCardField, string>>;

/** Exported for the drift test of the tab's copy (test/tab/form-labels.test.ts). */
export const ANCHOR_LABEL: Record<string, string> = {
  'strategy-discussion': 'Date of the strategy discussion',
  icpc: 'Date of the ICPC',
  rcpc: 'Date of the last review conference',
  'core-group': 'Date of the last core group',
  'transfer-decision': 'Date of the transfer decision',
  'due-date': 'Expected due date',
};
const KIND_ANCHOR: Record<ConferenceKind, AnchorKind> = {
  ICPC: 'strategy-discussion', RCPC: 'icpc', CORE_GROUP: 'icpc', TRANSFER_IN: 'transfer-decision', PRE_BIRTH: 'due-date',
};

export const WHY: Record<BookingAnswer['missed'][number]['why'], string> = {
  'past-latest': 'the proposed date is after this latest date',
  'before-window': 'the proposed date is before the window opens',
  'task-overdue': 'this deadline has already passed today',
};

export interface BookingCardState {
  values: BookingCardValues;
  errors?: FieldErrors;
  answer?: BookingAnswer | null;
  notice?: string;
}

/** Whom each picker offers without typing (Teams types ahead through the directory; the Agents
 *  Playground and older clients do not, so the roster's people of the right roles are listed). */
const PICKER_ROLES: Record<PeopleField, readonly StaffRole[]> = {
  chairId: ['chair'],
  socialWorkerId: ['social-worker'],
  managerId: ['team-manager', 'safeguarding-manager', 'service-manager'],
  serviceManagerId: ['service-manager'],
};
const MAX_LISTED = 50;

async function pickerChoices(directory: Directory, roster: StaffRoles | undefined, field: PeopleField, selected: string): Promise<{ title: string; value: string }[]> {
  const ids = new Set<string>(selected ? [selected] : []);
  if (roster) for (const e of await roster.list().catch(() => [])) if (PICKER_ROLES[field].includes(e.role) && ids.size < MAX_LISTED) ids.add(e.objectId);
  const people = await Promise.all([...ids].map((id) => directory.get(id).catch(() => null)));
  return people.filter((p) => p !== null).map((p) => ({ title: p.displayName, value: p.id }));
}

export async function bookingCard(profile: PolicyProfile, directory: Directory, state: BookingCardState, roster?: StaffRoles): Promise<AdaptiveCardJson> {
  const values = Object.fromEntries(BOOKING_CARD_FIELDS.map((f) => [f, state.values[f]?.trim() ?? ''])) as Record<BookingCardField, string>;
  if (values.durationMinutes === '' && state.answer === undefined) values.durationMinutes = '90';
  const errors = Object.fromEntries(BOOKING_CARD_FIELDS.map((f) => [f, state.errors?.[f]?.message ?? ''])) as Record<BookingCardField, string>;
  const choices = {} as Record<PeopleField, { title: string; value: string }[]>;
  for (const f of PEOPLE_FIELDS) choices[f] = await pickerChoices(directory, roster, f, values[f]);
  const answer = state.answer ?? null;
  const kind = values.kind as ConferenceKind;
  const anchor = values.anchorKind || KIND_ANCHOR[kind] || 'strategy-discussion';
  const latest = answer?.statutoryLatest;
  const viewModel: BookingCardViewModel = {
    title: 'Book a conference',
    intro: 'Cases are named by case reference only: never a name or an address. "Check dates" shows the statutory latest date and every deadline without booking anything.',
    caseReferenceHint: profile.caseReference.description,
    anchorLabel: ANCHOR_LABEL[anchor] ?? 'Date this conference is measured from',
    values,
    errors,
    choices,
    showLate: answer?.late === true || values.lateReason !== '' || values.managerId !== '',
    showRepeat: answer?.repeatPlan === true || values.serviceManagerId !== '',
    hasAnswer: answer !== null,
    latestLine: !answer
      ? ''
      : latest
        ? `Statutory latest date: ${latest.date} (${latest.rule})${answer.earliest ? `; not before ${answer.earliest}` : ''}${answer.late ? '. This date is past it: give a reason and name the manager who approves it.' : '.'}`
        : 'No statutory latest date applies to this kind under the council\'s rules.',
    bookingByLine: answer?.bookingBy ? `Book by ${answer.bookingBy.overdueOn} (T23): the manager is alerted on ${answer.bookingBy.managerAlertOn} if it is not booked.` : '',
    deadlines: (answer?.deadlines ?? []).map((d) => ({ date: d.date, label: `${d.name} (${d.rule})` })),
    missed: (answer?.missed ?? []).map((m) => ({ line: `${m.rule} ${m.date}: ${WHY[m.why]}` })),
    notice: state.notice ?? '',
    checkVerb: 'booking.check',
    confirmVerb: 'booking.confirm',
    actionId: randomUUID(),
  };
  return render(viewModel);
}

const ROLE_LABEL: Partial<Record<InviteeRole, string>> = { chair: 'Chair', 'social-worker': 'Social worker', clerk: 'Clerk', 'team-manager': 'Team manager', professional: 'Professional' };
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function confirmationCard(c: Conference, title: string, next: string): AdaptiveCardJson {
  return renderConfirmation({
    title,
    facts: [
      { title: 'Case reference', value: c.caseReference },
      { title: 'Meeting', value: upper(KIND_LABEL[c.kind]) },
      { title: 'Date', value: c.start.slice(0, 10) },
      { title: 'Time', value: `${c.start.slice(11)} to ${c.end.slice(11)}` },
    ],
    // Never a family member: they are invited individually and named nowhere on a shared card.
    invited: c.invitees.filter((i) => !isFamilySide(i.role) && i.status !== 'removed').map((i) => ({ line: `${ROLE_LABEL[i.role] ?? upper(i.role)}: ${i.displayName}` })),
    next,
    newTitle: 'Book another',
    newVerb: 'booking.new',
    actionId: randomUUID(),
  });
}
