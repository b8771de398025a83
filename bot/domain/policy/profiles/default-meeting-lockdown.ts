import type { MeetingLockdown } from '../policy-profile';

/**
 * The lock-down every profile starts from (DOMAIN-RULES §4, TEAMS-PLATFORM): only the
 * organiser bypasses the lobby, no chat, no recording or transcription, names fixed.
 */
export const DEFAULT_MEETING_LOCKDOWN: MeetingLockdown = {
  lobbyBypassScope: 'organizer',
  isDialInBypassEnabled: false,
  allowedLobbyAdmitters: 'organizerAndCoOrganizers',
  allowMeetingChat: 'disabled',
  allowedPresenters: 'organizer',
  allowRecording: false,
  allowTranscription: false,
  recordAutomatically: false,
  isEntryExitAnnounced: true,
  allowParticipantsToChangeName: false,
  watermark: false,
  liveLobbyBypass: false,
};
