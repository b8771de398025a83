// Telling the chair at a stage change: the run sheet card in their 1:1 chat (it lasts), and a
// targeted in-meeting notification (at most 10 recipients: the chair alone) that opens the run
// sheet page over the meeting. Each is best effort: a failure is reported, never undoes the change.
import type { Conference } from '../../../domain/conference/conference';
import type { LiveMeeting } from '../../../domain/meeting/live-meeting';
import { CodedError } from '../../../domain/shared/coded-error';
import type { AppDeps } from '../../app-deps';
import { chairIdOf, chairParticipantIds } from '../live/chair-of';
import { runSheetCard, runSheetLink } from './run-sheet-card';
import { STAGE_LABEL } from './run-sheet';

export type Delivery = 'sent' | 'not-available' | `failed:${string}`;

export interface ChairNotified {
  chat: Delivery;
  meeting: Delivery;
}

const failed = (err: unknown): Delivery => `failed:${err instanceof CodedError ? err.code : 'UNKNOWN'}`;

export async function notifyChair(deps: AppDeps, c: Conference, live: LiveMeeting, headline: string): Promise<ChairNotified> {
  const chairId = chairIdOf(c);
  if (!chairId) return { chat: 'not-available', meeting: 'not-available' };
  const chat = await deps.notifier
    .sendCard(chairId, await runSheetCard(deps, c, live, headline, 'Good'))
    .then((): Delivery => 'sent', failed);
  const url = runSheetLink(deps, c);
  // Teams addresses the targeted notification to the chair's ids in this meeting (29:…).
  const recipients = chairParticipantIds(c, live).slice(0, 10);
  let meeting: Delivery = 'not-available';
  if (deps.meetingNotifier && live.chat && url && recipients.length > 0) {
    meeting = await deps.meetingNotifier
      // The dialog title carries the stage only: no name, no case detail.
      .notify(live.chat, live.teamsMeetingId, { recipients, url, title: `Now: ${STAGE_LABEL[live.stage]}` })
      .then((): Delivery => 'sent', failed);
  }
  return { chat, meeting };
}
