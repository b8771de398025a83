// Hand-written validation of a deployment's profile overrides (a deep partial of PolicyProfile).
// The domain takes no packages, so this is a small schema walker: an unknown key, a wrong type
// or a negative number throws a ProfileError whose message starts with the key path.
import { FIRST_YEAR, LAST_YEAR, isValidIsoDate } from '../calendar/civil-date';
import { ProfileError } from './profile-error';

type Spec =
  | { t: 'count'; min?: number; max?: number; off?: boolean }
  | { t: 'bool' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'dates' }
  | { t: 'pattern' }
  | { t: 'text' }
  | { t: 'object'; fields: Record<string, Spec>; off?: boolean };

const count = (off = true, min = 0, max?: number): Spec => ({ t: 'count', off, min, ...(max === undefined ? {} : { max }) });
const bool: Spec = { t: 'bool' };
const oneOf = (...values: string[]): Spec => ({ t: 'enum', values });

const perKind: Spec = { t: 'object', fields: { ICPC: count(), RCPC: count() } };

const TIMESCALES: Spec = {
  t: 'object',
  fields: {
    T1: count(), T2: count(), T3: count(), T4: count(),
    T5: { t: 'object', off: true, fields: { unit: oneOf('weeks', 'months'), n: count(false, 1) } },
    T6: count(), T7: perKind, T8: count(), T9: count(), T10: perKind, T10b: count(), T11: count(),
    T12: count(), T13: count(), T14: count(), T15: count(), T16: count(), T17: count(),
    T18: { t: 'object', off: true, fields: { fromWeek: count(false, 0, 42), toWeek: count(false, 0, 42) } },
    T19: count(), T20: count(), T21: count(), T22: count(), T23: count(), T24: count(),
  },
};

const PROFILE_SPEC: Spec = {
  t: 'object',
  fields: {
    calendar: oneOf('england-and-wales', 'scotland', 'northern-ireland'),
    extraClosures: { t: 'dates' },
    timescales: TIMESCALES,
    decisionRule: oneOf('majority-with-chair-casting-vote', 'chair-decides'),
    allowMultipleCategory: bool,
    noNeglectDiscontinueAtFirstReview: bool,
    meeting: {
      t: 'object',
      fields: {
        lobbyBypassScope: oneOf('organizer'),
        isDialInBypassEnabled: bool,
        allowedLobbyAdmitters: oneOf('organizerAndCoOrganizers'),
        allowMeetingChat: oneOf('enabled', 'disabled', 'limited'),
        allowedPresenters: oneOf('organizer', 'roleIsPresenter'),
        allowRecording: bool,
        allowTranscription: bool,
        recordAutomatically: bool,
        isEntryExitAnnounced: bool,
        allowParticipantsToChangeName: bool,
        watermark: bool,
        liveLobbyBypass: bool,
      },
    },
    quoracy: { t: 'object', fields: { otherAgencies: count(false, 0, 10) } },
    reports: {
      t: 'object',
      fields: {
        shareReportsOnlyWithOnTimeContributors: bool,
        reportAccessDaysAfterConference: count(false, 0, 365),
        maxReportBytes: count(false, 1024, 250 * 1024 * 1024),
      },
    },
    caseReference: { t: 'object', fields: { pattern: { t: 'pattern' }, description: { t: 'text' } } },
  },
};

const fail = (path: string, problem: string): never => {
  throw new ProfileError('PROFILE.INVALID_OVERRIDE', `${path}: ${problem}`, path);
};

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `'${v}'` : typeof v === 'object' ? 'an object' : String(v);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(spec: Spec, base: unknown, override: unknown, path: string): unknown {
  if (override === null && 'off' in spec && spec.off) return null;
  switch (spec.t) {
    case 'count': {
      if (typeof override !== 'number' || !Number.isFinite(override)) {
        return fail(path, `must be a number${spec.off ? ' or null (off)' : ''}, got ${describe(override)}`);
      }
      if (override < 0) return fail(path, `must not be negative, got ${override}`);
      if (!Number.isInteger(override)) return fail(path, `must be a whole number, got ${override}`);
      if (override < (spec.min ?? 0)) return fail(path, `must be at least ${spec.min}, got ${override}`);
      if (spec.max !== undefined && override > spec.max) return fail(path, `must be at most ${spec.max}, got ${override}`);
      return override;
    }
    case 'bool':
      return typeof override === 'boolean' ? override : fail(path, `must be true or false, got ${describe(override)}`);
    case 'enum':
      return typeof override === 'string' && spec.values.includes(override)
        ? override
        : fail(path, `must be one of ${spec.values.join(', ')}, got ${describe(override)}`);
    case 'pattern': {
      if (typeof override !== 'string' || override.length === 0 || override.length > 200) return fail(path, `must be a regular expression (1–200 characters), got ${describe(override)}`);
      try {
        new RegExp(`^(?:${override})$`, 'u');
      } catch {
        return fail(path, 'is not a valid regular expression');
      }
      return override;
    }
    case 'text':
      return typeof override === 'string' && override.length > 0 && override.length <= 200 ? override : fail(path, `must be text (1–200 characters), got ${describe(override)}`);
    case 'dates': {
      if (!Array.isArray(override)) return fail(path, `must be an array of YYYY-MM-DD dates, got ${describe(override)}`);
      override.forEach((d, i) => {
        if (!isValidIsoDate(d)) fail(`${path}[${i}]`, `must be a valid YYYY-MM-DD date, got ${describe(d)}`);
        const year = Number(d.slice(0, 4));
        if (year < FIRST_YEAR || year > LAST_YEAR) fail(`${path}[${i}]`, `must be within ${FIRST_YEAR}–${LAST_YEAR}, got '${d}'`);
      });
      return [...new Set(override as string[])].sort();
    }
    case 'object': {
      if (!isPlainObject(override)) {
        return fail(path || '(overrides)', `must be an object${spec.off ? ' or null (off)' : ''}, got ${describe(override)}`);
      }
      const out: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
      for (const [key, value] of Object.entries(override)) {
        const child = spec.fields[key];
        const childPath = path ? `${path}.${key}` : key;
        if (!child) return fail(childPath, 'unknown key');
        if (value === undefined) continue;
        out[key] = merge(child, out[key], value, childPath);
      }
      // A rule switched on from "off" needs all of its fields.
      for (const key of Object.keys(spec.fields)) {
        if (!(key in out)) fail(path ? `${path}.${key}` : key, 'is required');
      }
      return out;
    }
  }
}

/** Applies validated overrides to a profile, returning a new profile (the base is not changed). */
export function applyOverrides<T extends object>(base: T, overrides: unknown): T {
  const merged = merge(PROFILE_SPEC, base, overrides, '') as T & { timescales: { T18: { fromWeek: number; toWeek: number } | null } };
  const t18 = merged.timescales.T18;
  if (t18 && t18.fromWeek > t18.toWeek) fail('timescales.T18', `fromWeek (${t18.fromWeek}) must not be after toWeek (${t18.toWeek})`);
  return merged;
}
