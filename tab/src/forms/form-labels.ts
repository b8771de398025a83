// The words the forms show for the API's ids. The browser may not import the server's code, only its
// types, so they are kept here; test/tab/form-labels.test.ts holds them to the cards' words.
import type { BookingRequest } from '../shell/api-types';

export const KIND_LABEL: Record<BookingRequest['kind'], string> = {
  ICPC: 'Initial child protection conference (ICPC)',
  RCPC: 'Review conference (RCPC)',
  TRANSFER_IN: 'Transfer-in conference',
  PRE_BIRTH: 'Pre-birth conference',
  CORE_GROUP: 'Core group',
};

type AnchorKind = NonNullable<BookingRequest['anchorKind']>;

/** What each kind is measured from, first = the default (the server's ANCHORS_FOR_KIND). */
export const ANCHORS_FOR_KIND: Record<BookingRequest['kind'], AnchorKind[]> = {
  ICPC: ['strategy-discussion'],
  RCPC: ['icpc', 'rcpc'],
  CORE_GROUP: ['icpc', 'core-group'],
  TRANSFER_IN: ['transfer-decision'],
  PRE_BIRTH: ['due-date'],
};

export const ANCHOR_LABEL: Partial<Record<AnchorKind, string>> = {
  'strategy-discussion': 'Date of the strategy discussion',
  icpc: 'Date of the ICPC',
  rcpc: 'Date of the last review conference',
  'core-group': 'Date of the last core group',
  'transfer-decision': 'Date of the transfer decision',
  'due-date': 'Expected due date',
};

export const ROLE_LABEL: Record<string, string> = {
  chair: 'Chair',
  'social-worker': 'Social worker',
  clerk: 'Clerk / minute taker',
  'team-manager': 'Team manager',
  professional: 'Agency professional',
  parent: 'Parent or carer',
  child: 'The child',
  'family-other': 'Other family member',
  advocate: 'Advocate',
  supporter: 'Supporter (listens only)',
  'legal-representative': 'Legal representative',
  interpreter: 'Interpreter',
  observer: 'Observer',
  'foster-carer': 'Foster carer',
};

/** The family's side (invited individually by e-mail, never in the confidential section). */
export const FAMILY_ROLES = ['parent', 'child', 'family-other', 'advocate', 'supporter', 'legal-representative', 'foster-carer'];
export const PROFESSIONAL_ROLES = ['professional', 'social-worker', 'team-manager', 'chair', 'clerk', 'interpreter', 'observer'];

export const AGENCY_LABEL: Record<string, string> = {
  'childrens-social-care': "Children's social care",
  police: 'Police',
  health: 'Health (GP, health visitor, school nurse, midwife)',
  education: 'School or education setting',
  probation: 'Probation',
  housing: 'Housing',
  'early-years': 'Nursery or early years',
  'adult-services': 'Adult services (mental health, substance misuse)',
  cafcass: 'CAFCASS',
  other: 'Other agency',
};

export const AGE_BAND_LABEL: Record<string, string> = { 'under-5': 'Under 5', '5-to-12': '5 to 12', 'over-12': 'Over 12' };

export const ANSWER_LABEL: Record<string, string> = { attending: 'Attending', 'not-attending': 'Not attending', 'sending-colleague': 'Sending a colleague' };

export const MISSED_WHY: Record<string, string> = {
  'past-latest': 'the proposed date is after this latest date',
  'before-window': 'the proposed date is before the window opens',
  'task-overdue': 'this deadline has already passed today',
};
