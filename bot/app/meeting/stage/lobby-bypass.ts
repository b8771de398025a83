// Lobby bypass changed live at a stage change, where the profile enables it (meeting.liveLobbyBypass;
// TEAMS-PLATFORM: a PATCH of lobbyBypassSettings applies to a running meeting). It only ever loosens
// for the professionals-only confidential section, and then only to the council's own staff
// ('organizationExcludingGuests': guests and anyone outside, the family included, still wait); every
// other stage is locked ('organizer': the chair admits each person). Read back and audited.
import type { Conference } from '../../../domain/conference/conference';
import type { MeetingStage } from '../../../domain/meeting/live-meeting';
import type { PolicyProfile } from '../../../domain/policy/policy-profile';
import { CodedError } from '../../../domain/shared/coded-error';
import type { AppDeps } from '../../app-deps';
import { compareOptions, lockdownOptions } from '../../meetings/lockdown-options';

export type LobbyScope = 'organizationExcludingGuests' | 'organizer';

export const lobbyScopeFor = (stage: MeetingStage): LobbyScope => (stage === 'confidential' ? 'organizationExcludingGuests' : 'organizer');

export type LobbyOutcome =
  | { scope: LobbyScope; verified: boolean; mismatches: string[] }
  | { scope: LobbyScope; failed: string };

/** null when the profile keeps the lobby locked throughout, or the scope does not change. */
export async function applyLobbyBypass(
  deps: AppDeps,
  c: Conference,
  profile: PolicyProfile,
  from: MeetingStage,
  to: MeetingStage,
  actor: { id: string; role: string },
): Promise<LobbyOutcome | null> {
  if (!profile.meeting.liveLobbyBypass) return null;
  const scope = lobbyScopeFor(to);
  if (lobbyScopeFor(from) === scope) return null;
  const audit = (detail: Record<string, string | boolean | string[] | null>) =>
    deps.audit.append({ actorId: actor.id, actorRole: actor.role, action: 'meeting.lobby-bypass-set', conferenceId: c.id, detail: { stage: to, scope, ...detail } });
  const onlineMeetingId = c.meeting?.onlineMeetingId;
  if (!onlineMeetingId) {
    await audit({ verified: false, code: 'MEETING.NOT_CREATED' });
    return { scope, failed: 'MEETING.NOT_CREATED' };
  }
  const base = lockdownOptions(profile.meeting);
  const options = { ...base, lobbyBypassSettings: { ...base.lobbyBypassSettings, scope } };
  try {
    await deps.meetings.setMeetingOptions(c.organizerId, onlineMeetingId, options);
    const mismatches = compareOptions(options, await deps.meetings.getMeetingOptions(c.organizerId, onlineMeetingId));
    await audit({ verified: mismatches.length === 0, mismatches });
    return { scope, verified: mismatches.length === 0, mismatches };
  } catch (err) {
    if (!(err instanceof CodedError)) throw err;
    await audit({ verified: false, code: err.code });
    return { scope, failed: err.code };
  }
}
