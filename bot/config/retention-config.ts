// Retention (docs/operations.md#retention): how long the product keeps what it no longer needs.
// Idempotency rows keep their own setting (IDEMPOTENCY_RETENTION_HOURS in load-config.ts). Reports'
// files and conference data are kept unless the council switches their deletion on: the council's
// document library and its case records have retention rules of their own, and a child
// protection record destroyed too early cannot be brought back.

export interface RetentionConfig {
  /** Days after a report's access expired when the daily job deletes its file from the library; null = never (the library's policy). */
  reportFileDays: number | null;
  /** Years after a case's last conference when the daily job deletes its conference data; null = never (the default). */
  conferenceYears: number | null;
  /** The hour (UTC, 0–23) the daily retention job runs. */
  runHourUtc: number;
}

/**
 * The shortest conference-data retention accepted. Local authority retention schedules keep
 * children's social care records at least until the child's 25th birthday (most councils longer);
 * the product does not know the child's date of birth, and a pre-birth conference is held before
 * it, so 26 years after the case's last conference is the earliest point that cannot come before
 * the 25th birthday of any child conferenced. A council's own policy may only lengthen it.
 */
export const MIN_CONFERENCE_RETENTION_YEARS = 26;
export const MAX_CONFERENCE_RETENTION_YEARS = 100;

export class RetentionSettingInvalid extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(detail);
  }
}

type Env = Record<string, string | undefined>;

/** `off` (or unset) → null; otherwise a whole number within [min, max]. */
function offOrWhole(env: Env, name: string, min: number, max: number, unit: string): number | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '' || raw.toLowerCase() === 'off') return null;
  if (!/^\d+$/.test(raw)) throw new RetentionSettingInvalid(name, `must be "off" or a whole number of ${unit}`);
  const n = Number(raw);
  if (n < min || n > max) throw new RetentionSettingInvalid(name, `must be "off" or ${min}–${max} ${unit}`);
  return n;
}

export function readRetentionConfig(env: Env): RetentionConfig {
  const hour = env.RETENTION_RUN_HOUR_UTC?.trim() || '2';
  if (!/^\d{1,2}$/.test(hour) || Number(hour) > 23) throw new RetentionSettingInvalid('RETENTION_RUN_HOUR_UTC', 'must be an hour 0–23 (UTC)');
  return {
    reportFileDays: offOrWhole(env, 'RETENTION_REPORT_FILE_DAYS', 0, 3650, 'days'),
    conferenceYears: offOrWhole(env, 'RETENTION_CONFERENCE_YEARS', MIN_CONFERENCE_RETENTION_YEARS, MAX_CONFERENCE_RETENTION_YEARS, 'years (never fewer than 26: docs/operations.md#retention)'),
    runHourUtc: Number(hour),
  };
}
