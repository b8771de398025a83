import { deriveProfile } from './derive-profile';

/** Stoke-on-Trent & Staffordshire (seed 001). */
export const STAFFORDSHIRE = deriveProfile(
  'staffordshire',
  {
    T7: { ICPC: 7, RCPC: 10 },
    T14: 10,
    T15: 28,
    T16: 10,
    T17: 7,
  },
  { decisionRule: 'majority-with-chair-casting-vote', noNeglectDiscontinueAtFirstReview: true },
);
