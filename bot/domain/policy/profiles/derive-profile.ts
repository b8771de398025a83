import type { PolicyProfile, Timescales } from '../policy-profile';
import { ENGLAND } from './england';

/** A local profile: the national baseline with the seed's own values. */
export function deriveProfile(
  id: PolicyProfile['id'],
  timescales: Partial<Timescales>,
  rest: Partial<Omit<PolicyProfile, 'id' | 'timescales'>> = {},
): PolicyProfile {
  return {
    ...ENGLAND,
    ...rest,
    id,
    extraClosures: [...(rest.extraClosures ?? ENGLAND.extraClosures)],
    timescales: { ...ENGLAND.timescales, ...timescales },
    meeting: { ...ENGLAND.meeting, ...rest.meeting },
    quoracy: { ...ENGLAND.quoracy, ...rest.quoracy },
    reports: { ...ENGLAND.reports, ...rest.reports },
    caseReference: { ...ENGLAND.caseReference, ...rest.caseReference },
  };
}
