import { deriveProfile } from './derive-profile';

/** Sheffield (seed 000): core groups monthly rather than six-weekly. */
export const SHEFFIELD = deriveProfile('sheffield', {
  T5: { unit: 'months', n: 1 },
});
