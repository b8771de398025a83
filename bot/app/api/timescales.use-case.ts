// The statutory deadlines for the deployment's profile: the same engine call as `cpc timescales`.
import { CalendarError } from '../../domain/calendar/calendar-error';
import { createWorkingCalendar } from '../../domain/calendar/create-working-calendar';
import type { IsoDate } from '../../domain/calendar/iso-date';
import type { PolicyProfile } from '../../domain/policy/policy-profile';
import { CodedError } from '../../domain/shared/coded-error';
import { computeDeadlines } from '../../domain/timescales/compute-deadlines';
import { TimescaleError } from '../../domain/timescales/timescale-error';
import type { ApiErrorCode } from '../errors/error-codes';
import { anchorsOf, type TimescalesQuery, type TimescalesResponse } from './timescales.schema';

/** `today` is the caller's, or the clock's Europe/London date (the pre-birth window needs it). */
export function statutoryTimescales(profile: PolicyProfile, query: TimescalesQuery, today: IsoDate): TimescalesResponse {
  const calendar = createWorkingCalendar(profile.calendar, profile.extraClosures);
  try {
    const deadlines = computeDeadlines(profile, calendar, anchorsOf(query), { ...(query.kind ? { kind: query.kind } : {}), today: query.today ?? today });
    return { profile: profile.id, deadlines };
  } catch (e) {
    // Input that passed the schema but that the rules refuse (a deadline past the known calendar).
    if (e instanceof CalendarError || e instanceof TimescaleError) {
      throw new CodedError<ApiErrorCode>('TIMESCALES.NOT_COMPUTABLE', e.message, { rule: e.code });
    }
    throw e;
  }
}
