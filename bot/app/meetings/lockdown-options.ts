import type { MeetingLockdown } from '../../domain/policy/policy-profile';
import type { MeetingOptions, ReadBackOptions } from '../ports/meetings.port';

/** The profile's lock-down as Graph onlineMeeting options (names checked against v1.0 metadata). */
export function lockdownOptions(lockdown: MeetingLockdown): MeetingOptions {
  const options: MeetingOptions = {
    lobbyBypassSettings: { scope: lockdown.lobbyBypassScope, isDialInBypassEnabled: lockdown.isDialInBypassEnabled },
    allowedLobbyAdmitters: lockdown.allowedLobbyAdmitters,
    allowMeetingChat: lockdown.allowMeetingChat,
    allowedPresenters: lockdown.allowedPresenters,
    allowRecording: lockdown.allowRecording,
    allowTranscription: lockdown.allowTranscription,
    recordAutomatically: lockdown.recordAutomatically,
    isEntryExitAnnounced: lockdown.isEntryExitAnnounced,
    allowParticipantsToChangeName: lockdown.allowParticipantsToChangeName,
  };
  if (lockdown.watermark) {
    options.watermarkProtection = { isEnabledForContentSharing: true, isEnabledForVideo: true };
  }
  return options;
}

/**
 * Compares every requested option with what Graph reports; returns the dotted names of those
 * that did not take (empty when all did). A missing value counts as a mismatch.
 */
export function compareOptions(wanted: MeetingOptions, actual: ReadBackOptions): string[] {
  const mismatches: string[] = [];
  const visit = (path: string, want: unknown, got: unknown) => {
    if (want !== null && typeof want === 'object') {
      const gotObj = got !== null && typeof got === 'object' ? (got as Record<string, unknown>) : {};
      for (const [k, v] of Object.entries(want as Record<string, unknown>)) visit(`${path}.${k}`, v, gotObj[k]);
      return;
    }
    if (want !== got) mismatches.push(path);
  };
  for (const [name, want] of Object.entries(wanted)) {
    visit(name, want, (actual as Record<string, unknown>)[name]);
  }
  return mismatches;
}
