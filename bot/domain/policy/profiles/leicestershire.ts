import { deriveProfile } from './derive-profile';

/**
 * Leicestershire (seed 003). T10 is "24 hours" (one working day; best practice 3 before an
 * RCPC); T24 is "10–15 minutes", kept at the earlier 15.
 */
export const LEICESTERSHIRE = deriveProfile('leicestershire', {
  T8: 7,
  T10: { ICPC: 1, RCPC: 1 },
  T13: 5,
  T23: 5,
});
