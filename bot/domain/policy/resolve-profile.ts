import { applyOverrides } from './profile-overrides';
import { ProfileError } from './profile-error';
import { PROFILE_IDS, type PolicyProfile, type ProfileId } from './policy-profile';
import { BUILT_IN_PROFILES } from './profiles/built-in-profiles';

export function isProfileId(id: unknown): id is ProfileId {
  return typeof id === 'string' && (PROFILE_IDS as readonly string[]).includes(id);
}

/**
 * The profile a deployment selected, with its overrides (a deep partial of PolicyProfile,
 * e.g. `{ timescales: { T7: { RCPC: 10 } }, extraClosures: ['2026-12-29'] }`) applied.
 * Throws ProfileError: PROFILE.UNKNOWN, or PROFILE.INVALID_OVERRIDE naming the key path.
 * Without overrides the frozen built-in profile itself is returned.
 */
export function resolveProfile(id: string, overrides?: unknown): PolicyProfile {
  if (!isProfileId(id)) {
    throw new ProfileError('PROFILE.UNKNOWN', `unknown profile '${id}' (known: ${PROFILE_IDS.join(', ')})`);
  }
  const base = BUILT_IN_PROFILES[id];
  if (overrides === undefined || overrides === null) return base;
  return applyOverrides(base, overrides);
}
