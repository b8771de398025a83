import { PROFILE_IDS, type Timescales } from '../../../bot/domain/policy/policy-profile';
import { applyOverrides } from '../../../bot/domain/policy/profile-overrides';
import { ProfileError } from '../../../bot/domain/policy/profile-error';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';

// DOMAIN-RULES §2, typed in again column by column (not derived from the profile files).
const W6 = { unit: 'weeks', n: 6 } as const;
const BASE: Timescales = {
  T1: 15, T2: 3, T3: 6, T4: 10, T5: W6, T6: null, T7: { ICPC: 7, RCPC: 7 }, T8: null, T9: 3,
  T10: { ICPC: 2, RCPC: 5 }, T10b: 1, T11: 2, T12: 1, T13: null, T14: 15, T15: null, T16: 15, T17: 10,
  T18: { fromWeek: 30, toWeek: 32 }, T19: 15, T20: 15, T21: null, T22: null, T23: null, T24: 15,
};
const EXPECTED: Record<string, { t: Timescales; decisionRule: string; noNeglect: boolean }> = {
  england: { t: BASE, decisionRule: 'chair-decides', noNeglect: false },
  sheffield: { t: { ...BASE, T5: { unit: 'months', n: 1 } }, decisionRule: 'chair-decides', noNeglect: false },
  staffordshire: {
    t: { ...BASE, T7: { ICPC: 7, RCPC: 10 }, T14: 10, T15: 28, T16: 10, T17: 7 },
    decisionRule: 'majority-with-chair-casting-vote',
    noNeglect: true,
  },
  warwickshire: { t: { ...BASE, T10: { ICPC: 2, RCPC: 2 } }, decisionRule: 'chair-decides', noNeglect: false },
  leicestershire: {
    t: { ...BASE, T8: 7, T10: { ICPC: 1, RCPC: 1 }, T13: 5, T23: 5 },
    decisionRule: 'chair-decides',
    noNeglect: false,
  },
  suffolk: { t: { ...BASE, T6: 15, T21: 10, T22: 5 }, decisionRule: 'chair-decides', noNeglect: false },
};

const LOCKDOWN = {
  lobbyBypassScope: 'organizer', isDialInBypassEnabled: false, allowedLobbyAdmitters: 'organizerAndCoOrganizers',
  allowMeetingChat: 'disabled', allowedPresenters: 'organizer', allowRecording: false, allowTranscription: false,
  recordAutomatically: false, isEntryExitAnnounced: true, allowParticipantsToChangeName: false, watermark: false,
  liveLobbyBypass: false,
};

describe.each(PROFILE_IDS)('built-in profile %s', (id) => {
  const profile = resolveProfile(id);
  const expected = EXPECTED[id]!;
  test('every T1–T24 value of DOMAIN-RULES §2', () => expect(profile.timescales).toEqual(expected.t));
  test('decision rule and flags of §5', () => {
    expect(profile.decisionRule).toBe(expected.decisionRule);
    expect(profile.noNeglectDiscontinueAtFirstReview).toBe(expected.noNeglect);
    expect(profile.allowMultipleCategory).toBe(false);
  });
  test('calendar, closures and the default meeting lock-down', () => {
    expect(profile.id).toBe(id);
    expect(profile.calendar).toBe('england-and-wales');
    expect(profile.extraClosures).toEqual([]);
    expect(profile.meeting).toEqual(LOCKDOWN);
  });
  test('is frozen: nobody changes it for everyone', () => {
    expect(Object.isFrozen(profile.timescales.T7)).toBe(true);
    expect(() => {
      (profile.timescales as { T1: number | null }).T1 = 99;
    }).toThrow(TypeError);
  });
});

describe('overrides', () => {
  test('a deep partial is merged, the rest kept, the base untouched', () => {
    const p = resolveProfile('england', {
      timescales: { T7: { RCPC: 10 }, T6: 15, T5: { n: 4 } },
      extraClosures: ['2026-12-31', '2026-12-29', '2026-12-29'],
      meeting: { watermark: true },
      calendar: 'scotland',
    });
    expect(p.timescales.T7).toEqual({ ICPC: 7, RCPC: 10 });
    expect(p.timescales.T6).toBe(15);
    expect(p.timescales.T5).toEqual({ unit: 'weeks', n: 4 });
    expect(p.timescales.T1).toBe(15);
    expect(p.extraClosures).toEqual(['2026-12-29', '2026-12-31']);
    expect(p.meeting).toEqual({ ...LOCKDOWN, watermark: true });
    expect(p.calendar).toBe('scotland');
    expect(resolveProfile('england').timescales.T7).toEqual({ ICPC: 7, RCPC: 7 });
    expect(resolveProfile('england').meeting.watermark).toBe(false);
  });

  test('meeting.liveLobbyBypass: off in every built-in profile, switched on by an override, a boolean only', () => {
    for (const id of PROFILE_IDS) expect(resolveProfile(id).meeting.liveLobbyBypass).toBe(false);
    expect(resolveProfile('staffordshire', { meeting: { liveLobbyBypass: true } }).meeting).toEqual({ ...LOCKDOWN, liveLobbyBypass: true });
    expect(() => resolveProfile('england', { meeting: { liveLobbyBypass: 'yes' } })).toThrow(/meeting\.liveLobbyBypass: must be true or false/);
  });

  test('a rule can be switched off with null, and on from off with all its fields', () => {
    const p = resolveProfile('sheffield', { timescales: { T24: null, T18: null } });
    expect(p.timescales.T24).toBeNull();
    expect(p.timescales.T18).toBeNull();
    const on = resolveProfile('england', { timescales: { T18: null } });
    expect(on.timescales.T18).toBeNull();
  });

  test.each([
    [{ timescales: { T7: { RCPC: -1 } } }, 'timescales.T7.RCPC', /negative/],
    [{ timescales: { T99: 3 } }, 'timescales.T99', /unknown key/],
    [{ timescale: {} }, 'timescale', /unknown key/],
    [{ id: 'suffolk' }, 'id', /unknown key/],
    [{ timescales: { T1: '15' } }, 'timescales.T1', /must be a number/],
    [{ timescales: { T1: 2.5 } }, 'timescales.T1', /whole number/],
    [{ timescales: { T1: Number.NaN } }, 'timescales.T1', /must be a number/],
    [{ timescales: { T7: 7 } }, 'timescales.T7', /must be an object/],
    [{ timescales: { T7: null } }, 'timescales.T7', /must be an object/],
    [{ timescales: { T5: { unit: 'days', n: 3 } } }, 'timescales.T5.unit', /weeks, months/],
    [{ timescales: { T5: { n: 0 } } }, 'timescales.T5.n', /at least 1/],
    [{ timescales: { T18: { fromWeek: 33 } } }, 'timescales.T18', /fromWeek/],
    [{ timescales: { T18: { toWeek: 43 } } }, 'timescales.T18.toWeek', /at most 42/],
    [{ timescales: 'fast' }, 'timescales', /must be an object/],
    [{ meeting: { allowRecording: 'yes' } }, 'meeting.allowRecording', /true or false/],
    [{ meeting: { allowMeetingChat: 'open' } }, 'meeting.allowMeetingChat', /enabled, disabled, limited/],
    [{ meeting: { extra: true } }, 'meeting.extra', /unknown key/],
    [{ calendar: 'wales' }, 'calendar', /england-and-wales/],
    [{ decisionRule: 'vote' }, 'decisionRule', /chair-decides/],
    [{ allowMultipleCategory: 1 }, 'allowMultipleCategory', /true or false/],
    [{ extraClosures: '2026-12-29' }, 'extraClosures', /array/],
    [{ extraClosures: ['2026-12-29', '2026-02-30'] }, 'extraClosures[1]', /valid YYYY-MM-DD/],
    [{ extraClosures: ['1999-12-29'] }, 'extraClosures[0]', /2000–2080/],
    [[1, 2], '(overrides)', /must be an object/],
  ])('%j is refused naming %s', (overrides, path, problem) => {
    let error: unknown;
    try {
      resolveProfile('england', overrides);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    const pe = error as ProfileError;
    expect(pe.code).toBe('PROFILE.INVALID_OVERRIDE');
    expect(pe.message.startsWith(`${path}: `)).toBe(true);
    expect(pe.message).toMatch(problem);
  });

  test('switching an off rule on needs every field (a base whose T5 is off)', () => {
    const off = applyOverrides(resolveProfile('england'), { timescales: { T5: null } });
    expect(off.timescales.T5).toBeNull();
    expect(() => applyOverrides(off, { timescales: { T5: { n: 4 } } })).toThrow(/^timescales\.T5\.unit: is required$/);
    expect(applyOverrides(off, { timescales: { T5: { unit: 'months', n: 2 } } }).timescales.T5).toEqual({ unit: 'months', n: 2 });
  });

  test('an unknown profile is refused with its own code', () => {
    expect(() => resolveProfile('yorkshire')).toThrow(expect.objectContaining({ code: 'PROFILE.UNKNOWN' }));
  });
});
