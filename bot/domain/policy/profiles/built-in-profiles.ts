import type { PolicyProfile, ProfileId } from '../policy-profile';
import { ENGLAND } from './england';
import { LEICESTERSHIRE } from './leicestershire';
import { SHEFFIELD } from './sheffield';
import { STAFFORDSHIRE } from './staffordshire';
import { SUFFOLK } from './suffolk';
import { WARWICKSHIRE } from './warwickshire';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The six profiles of DOMAIN-RULES §2, frozen so no caller can change them for everyone. */
export const BUILT_IN_PROFILES: Readonly<Record<ProfileId, PolicyProfile>> = deepFreeze({
  england: ENGLAND,
  sheffield: SHEFFIELD,
  staffordshire: STAFFORDSHIRE,
  warwickshire: WARWICKSHIRE,
  leicestershire: LEICESTERSHIRE,
  suffolk: SUFFOLK,
});
