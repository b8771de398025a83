// The in-meeting side of telling the chair: Teams' targeted meeting notification (at most 10
// recipients, RSC OnlineMeetingNotification.Send.Chat), which opens a page in a dialog over the
// meeting. The chair's 1:1 chat (ChatNotifier) carries the same guidance and lasts.
import { CodedError } from '../../domain/shared/coded-error';

export interface MeetingNotification {
  /** The recipients' Teams ids in this meeting (29:…, the roster's participantId: Teams' "meeting MRIs"); at most 10 (Teams' limit). */
  recipients: string[];
  /** The page the notification opens (the run sheet): no name in it, ids only. */
  url: string;
  /** Dialog title: no child or family name. */
  title: string;
}

export type MeetingNotifierErrorCode = 'NOTIFY.TOO_MANY_RECIPIENTS' | 'NOTIFY.NOT_IN_MEETING' | 'NOTIFY.UNAVAILABLE';
export class MeetingNotifierError extends CodedError<MeetingNotifierErrorCode> {}

export interface MeetingNotifier {
  /** `chat`: the meeting chat's conversation (LiveMeeting.chat); `teamsMeetingId`: channelData.meeting.id. */
  notify(chat: { conversationId: string; serviceUrl: string; tenantId?: string }, teamsMeetingId: string, n: MeetingNotification): Promise<void>;
}
