// Teams dialogs (task modules) opened from card buttons: the `task/fetch` invoke a dialog button
// sends is answered with the tab page to show (Teams' "continue" response with a URL), and
// `task/submit` (the page calling dialog.url.submit) just closes it: the page has already saved
// through the API. The dialog name and conference id come from the card, so they are checked
// against the dialog table (bot/cards/card-dialogs.ts) before they go into a URL.
import { z } from 'zod';
import { CARD_DIALOGS, dialogConferenceIdSchema, isDialogName } from '../../cards/card-dialogs';
import { INVOKE_ERRORS } from './invoke-error-map';

const taskFetchValueSchema = z.looseObject({
  data: z.looseObject({ dialog: z.string().max(100), conferenceId: dialogConferenceIdSchema }),
});

export type TaskFetchAnswer =
  | { task: { type: 'continue'; value: { url: string; fallbackUrl: string; title: string; width: 'large'; height: 'large' } } }
  | { task: { type: 'message'; value: string } };

export interface TaskFetchResult {
  body: TaskFetchAnswer;
  /** For the request's log line: OK or the refusal's code (never the ids). */
  outcome: 'OK' | 'CARD.UNKNOWN_DIALOG';
}

/**
 * The answer to a task/fetch: the dialog's page on this server (`tabBaseUrl`, the public https
 * address the manifest's validDomains names), or a message dialog saying the form cannot be opened.
 */
export function answerTaskFetch(value: unknown, tabBaseUrl: string | undefined): TaskFetchResult {
  const parsed = taskFetchValueSchema.safeParse(value);
  if (!parsed.success || !isDialogName(parsed.data.data.dialog) || !tabBaseUrl) {
    return { outcome: 'CARD.UNKNOWN_DIALOG', body: { task: { type: 'message', value: INVOKE_ERRORS['CARD.UNKNOWN_DIALOG'].message } } };
  }
  const dialog = CARD_DIALOGS[parsed.data.data.dialog];
  const url = `${tabBaseUrl.replace(/\/+$/, '')}${dialog.page}?conference=${encodeURIComponent(parsed.data.data.conferenceId)}`;
  return { outcome: 'OK', body: { task: { type: 'continue', value: { url, fallbackUrl: url, title: dialog.title, width: 'large', height: 'large' } } } };
}
