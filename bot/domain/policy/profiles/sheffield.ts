import { deriveProfile } from './derive-profile';
import { ENGLAND } from './england';

/** Sheffield (seed 000): core groups monthly rather than six-weekly. */
export const SHEFFIELD = deriveProfile(
  'sheffield',
  { T5: { unit: 'months', n: 1 } },
  { reports: { ...ENGLAND.reports, shareReportsOnlyWithOnTimeContributors: true } },
);
