import { deriveProfile } from './derive-profile';

/** Warwickshire (seed 002): reports shared with the family 2 working days before a review too. */
export const WARWICKSHIRE = deriveProfile('warwickshire', {
  T10: { ICPC: 2, RCPC: 2 },
});
