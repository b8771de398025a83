import { deriveProfile } from './derive-profile';

/** Suffolk (seed 004, core groups). */
export const SUFFOLK = deriveProfile('suffolk', {
  T6: 15,
  T21: 10,
  T22: 5,
});
