// MeetingNotifier over the Bot Framework connector: Teams' targeted in-meeting notification
// (TeamsInfo.sendMeetingNotification, POST v1/meetings/{id}/notification) sent proactively into
// the meeting chat's conversation (continueConversationAsync, as TeamsChatNotifier does for 1:1
// chats). It opens the run sheet page in a dialog over the meeting stage for the recipients only.
import { connectorStatusOf } from './connector-status';
import { type CloudAdapter, type ConversationReference, TeamsInfo } from 'botbuilder';
import { type MeetingNotification, type MeetingNotifier, MeetingNotifierError } from '../../app/ports/meeting-notifier.port';

/** Teams' limit for a targeted meeting notification. */
export const MAX_MEETING_RECIPIENTS = 10;


export class TeamsMeetingNotifier implements MeetingNotifier {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's Entra app id ('' in local mode, where outbound calls are not signed). */
    private readonly botAppId: string,
  ) {}

  async notify(chat: { conversationId: string; serviceUrl: string; tenantId?: string }, teamsMeetingId: string, n: MeetingNotification): Promise<void> {
    if (n.recipients.length === 0) return;
    if (n.recipients.length > MAX_MEETING_RECIPIENTS) throw new MeetingNotifierError('NOTIFY.TOO_MANY_RECIPIENTS', `at most ${MAX_MEETING_RECIPIENTS} recipients`);
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: chat.serviceUrl,
      conversation: { id: chat.conversationId, isGroup: true, conversationType: 'groupChat', name: '', ...(chat.tenantId ? { tenantId: chat.tenantId } : {}) },
    };
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        await TeamsInfo.sendMeetingNotification(
          context,
          {
            type: 'targetedMeetingNotification',
            value: {
              recipients: n.recipients,
              surfaces: [{ surface: 'meetingStage', contentType: 'task', content: { value: { height: 'large', width: 'large', title: n.title, url: n.url } } }],
            },
          },
          teamsMeetingId,
        );
      });
    } catch (err) {
      const status = connectorStatusOf(err);
      // Teams answers 403/404 when a recipient is not in the meeting (or the meeting has ended).
      if (status === 403 || status === 404) throw new MeetingNotifierError('NOTIFY.NOT_IN_MEETING', `the meeting notification answered ${status}`);
      throw new MeetingNotifierError('NOTIFY.UNAVAILABLE', `the connector did not take the meeting notification${status ? ` (${status})` : ''}`);
    }
  }
}
