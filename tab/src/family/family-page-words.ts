// The family's page's own words (the guide's are in family-guide-words.ts): its states and, for a
// refused link, why, in plain words (measured like every family text, Flesch reading ease ≥ 70).
import type { FamilyView } from '../shell/api-types';

export type FamilyPageState =
  | { kind: 'loading' }
  | { kind: 'ready'; view: FamilyView }
  /** The API refused the link (its code) or could not be reached ('NETWORK'). */
  | { kind: 'refused'; code: string }
  | { kind: 'no-link' };

/** Why a link does not work, for each refusal code the page can get (anything else: the last one). */
export const REFUSALS: Record<string, { title: string; text: string }> = {
  'LINK.INVALID': { title: 'This link does not work', text: 'Please use the link in the e-mail you were sent. If it still does not work, reply to that e-mail.' },
  'LINK.EXPIRED': { title: 'This link has expired', text: 'The link works until the end of the day of the meeting. If you need help, reply to your invitation e-mail.' },
  'LINK.WRONG_PURPOSE': { title: 'This link is for something else', text: 'Please use the link in your invitation e-mail to see this page.' },
  'FAMILY_VIEW.NOT_INVITED': { title: 'You are not on the list for this meeting now', text: 'The conference team has changed who is invited. If you think this is wrong, reply to your e-mail.' },
  'CONFERENCE.NOT_FOUND': { title: 'We cannot find this meeting', text: 'It may have been taken off the list. If you need help, reply to your invitation e-mail.' },
  NETWORK: { title: 'We cannot reach the page right now', text: 'Please check your internet and try again in a minute.' },
  OTHER: { title: 'Something went wrong', text: 'Please try again in a minute. If it still does not work, reply to your invitation e-mail.' },
};

export const NO_LINK = { title: 'This page needs your link', text: 'Please open it from the link in your invitation e-mail.' };

