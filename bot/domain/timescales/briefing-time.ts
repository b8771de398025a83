import { addCalendarDays } from '../calendar/civil-date';
import type { LocalDateTime } from '../calendar/iso-date';
import type { PolicyProfile } from '../policy/policy-profile';
import { TimescaleError } from './timescale-error';

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * T24 as a wall-clock time: when the social worker joins to brief the chair, T24 minutes before
 * a Europe/London start ('YYYY-MM-DDTHH:mm'). Wall-clock arithmetic, so the rare briefing that
 * straddles a clock change is measured on the clock on the wall. null when T24 is off.
 */
export function socialWorkerBriefingStart(profile: PolicyProfile, start: LocalDateTime): LocalDateTime | null {
  const m = LOCAL_DATE_TIME.exec(start);
  if (!m) throw new TimescaleError('TIMESCALES.INVALID_TIME', `'${start}' is not a YYYY-MM-DDTHH:mm time`);
  const minutesBefore = profile.timescales.T24;
  if (minutesBefore === null) return null;
  let minutes = Number(m[2]) * 60 + Number(m[3]) - minutesBefore;
  let date = m[1]!;
  const daysBack = Math.ceil(Math.max(0, -minutes) / 1440);
  if (daysBack > 0) {
    date = addCalendarDays(date, -daysBack);
    minutes += daysBack * 1440;
  } else {
    addCalendarDays(date, 0); // validates the date
  }
  const hh = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `${date}T${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}`;
}
