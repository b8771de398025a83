// The Teams dialogs (task modules) a card button may open, declared once: each dialog's tab page
// and title. A dialog button is an Action.Submit whose data is `dialogButtonData(...)`; Teams then
// sends the bot a `task/fetch` invoke with that data, and the Teams adapter answers with the page's
// address (bot/adapters/teams/task-module.ts). The page itself reads and changes everything through
// the API, which checks who may: the dialog only says where the form is.
import { z } from 'zod';

export const CARD_DIALOGS = {
  'invite-list': { page: '/tab/invite-list', title: 'Invite list' },
  decision: { page: '/tab/decision', title: 'The decision' },
} as const satisfies Readonly<Record<string, { page: `/tab/${string}`; title: string }>>;

export type DialogName = keyof typeof CARD_DIALOGS;

export function isDialogName(name: unknown): name is DialogName {
  return typeof name === 'string' && Object.hasOwn(CARD_DIALOGS, name);
}

/** The conference id as the API's paths take it (ids only: it goes into the dialog's URL). */
export const dialogConferenceIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/);

/** A dialog button's `data`: Teams sends it back as the task/fetch invoke's `value.data`. */
export interface DialogButtonData<D extends DialogName = DialogName> {
  msteams: { type: 'task/fetch' };
  dialog: D;
  conferenceId: string;
}

export function dialogButtonData<D extends DialogName>(dialog: D, conferenceId: string): DialogButtonData<D> {
  return { msteams: { type: 'task/fetch' }, dialog, conferenceId };
}
