// Resource-specific consent (RSC) permissions Teams knows, with the grant types each supports.
// The manifest schema types a permission name as any string of up to 128 characters, so a typo
// ("OnlineMeetings.ReadBasic.Chat") passes the schema and fails only at install time in a
// council's tenant. This catalog lets the build catch it first.
// Source: Microsoft Learn, "Resource-specific consent for your Teams app" (msteams-docs
// graph-api/rsc/resource-specific-consent.md, February 2025). Add new names here as Microsoft
// publishes them.

export type RscType = 'Application' | 'Delegated';

const A: readonly RscType[] = ['Application'];
const D: readonly RscType[] = ['Delegated'];
const AD: readonly RscType[] = ['Application', 'Delegated'];

export const RSC_CATALOG: Readonly<Record<string, readonly RscType[]>> = {
  // Team (and its channels)
  'Channel.Create.Group': A,
  'Channel.Delete.Group': A,
  'ChannelMeeting.ReadBasic.Group': A,
  'ChannelMeetingParticipant.Read.Group': AD,
  'ChannelMeetingRecording.Read.Group': A,
  'ChannelMeetingTranscript.Read.Group': A,
  'ChannelMeetingNotification.Send.Group': A,
  'ChannelMessage.Read.Group': A,
  'ChannelMessage.Send.Group': A,
  'ChannelSettings.Read.Group': A,
  'ChannelSettings.ReadWrite.Group': A,
  'TeamsActivity.Send.Group': A,
  'TeamsAppInstallation.Read.Group': A,
  'TeamMember.Read.Group': A,
  'TeamSettings.Read.Group': A,
  'TeamSettings.ReadWrite.Group': A,
  'TeamsTab.Create.Group': A,
  'TeamsTab.Delete.Group': A,
  'TeamsTab.Read.Group': A,
  'TeamsTab.ReadWrite.Group': A,
  'ChannelMeetingActiveSpeaker.Read.Group': D,
  'ChannelMeetingAudioVideo.Stream.Group': D,
  'ChannelMeetingIncomingAudio.Detect.Group': D,
  'ChannelMeetingStage.Write.Group': D,
  'InAppPurchase.Allow.Group': D,
  'LiveShareSession.ReadWrite.Group': D,
  'MeetingParticipantReaction.Read.Group': D,
  // Chat, and the meeting associated with the chat
  'Calls.AccessMedia.Chat': A,
  'Calls.JoinGroupCalls.Chat': A,
  'ChatSettings.Read.Chat': A,
  'ChatSettings.ReadWrite.Chat': A,
  'ChatMessage.Read.Chat': A,
  'ChatMessageReadReceipt.Read.Chat': A,
  'ChatMember.Read.Chat': A,
  'Chat.Manage.Chat': A,
  'TeamsTab.Read.Chat': A,
  'TeamsTab.Create.Chat': A,
  'TeamsTab.Delete.Chat': A,
  'TeamsTab.ReadWrite.Chat': A,
  'TeamsAppInstallation.Read.Chat': A,
  'TeamsActivity.Send.Chat': A,
  'OnlineMeetingTranscript.Read.Chat': A,
  'OnlineMeeting.ReadBasic.Chat': A,
  'OnlineMeetingRecording.Read.Chat': A,
  'OnlineMeetingNotification.Send.Chat': A,
  'InAppPurchase.Allow.Chat': D,
  'LiveShareSession.ReadWrite.Chat': D,
  'MeetingStage.Write.Chat': D,
  'MeetingParticipantReaction.Read.Chat': D,
  'OnlineMeetingIncomingAudio.Detect.Chat': D,
  'OnlineMeetingActiveSpeaker.Read.Chat': D,
  'OnlineMeetingAudioVideo.Stream.Chat': D,
  'OnlineMeetingParticipant.Read.Chat': AD,
  'OnlineMeetingParticipant.ToggleIncomingAudio.Chat': D,
  // User
  'CameraStream.Read.User': D,
  'InAppPurchase.Allow.User': D,
  'MicrophoneStream.Read.User': D,
  'MeetingParticipantReaction.Read.User': D,
  'OutgoingVideoStream.Write.User': D,
  'TeamsActivity.Send.User': A,
  'TeamsAppInstallation.Read.User': A,
};

/** A permission the product asks for: why, and the code that relies on it (a test checks it is there). */
export interface ProductRsc {
  name: string;
  type: RscType;
  why: string;
  /** The source file whose call or event needs the grant, and a string in it that shows the use. */
  usedIn: { file: string; shows: string };
}

/**
 * What the product cannot work without (docs/manifest.md explains each to an admin). The build
 * fails if the template loses one, changes its type, or declares anything not listed here.
 */
export const REQUIRED_RSC: readonly ProductRsc[] = [
  {
    name: 'OnlineMeeting.ReadBasic.Chat',
    type: 'Application',
    why: 'meeting start and end events to the bot',
    usedIn: { file: 'bot/adapters/teams/meeting-activity.ts', shows: 'application/vnd.microsoft.meetingStart' },
  },
  {
    name: 'OnlineMeetingParticipant.Read.Chat',
    type: 'Application',
    why: 'participant join and leave events to the bot',
    usedIn: { file: 'bot/adapters/teams/meeting-activity.ts', shows: 'application/vnd.microsoft.meetingParticipantJoin' },
  },
  {
    name: 'OnlineMeetingNotification.Send.Chat',
    type: 'Application',
    why: 'targeted in-meeting notifications to the chair',
    usedIn: { file: 'bot/adapters/teams/teams-meeting-notifier.ts', shows: 'TeamsInfo.sendMeetingNotification' },
  },
  {
    name: 'MeetingStage.Write.Chat',
    type: 'Delegated',
    why: 'sharing the run sheet to the meeting stage from the side panel',
    usedIn: { file: 'tab/src/shell/host.ts', shows: 'meeting.shareAppContentToStage' },
  },
];

/**
 * Declared only when removal through the calling bot is on (CALLS_REMOVE_ENABLED), together with
 * bots[].supportsCalling: joining the meeting's call in that chat. Not Calls.AccessMedia.Chat:
 * the bot asks for service-hosted media and never touches the audio.
 */
export const CALLING_RSC: readonly ProductRsc[] = [
  {
    name: 'Calls.JoinGroupCalls.Chat',
    type: 'Application',
    why: "the calling bot joining the meeting's call to remove someone (CALLS_REMOVE_ENABLED)",
    usedIn: { file: 'bot/adapters/graph/graph-call-control.adapter.ts', shows: "api('/communications/calls').post" },
  },
];
