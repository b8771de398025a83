// Properties of computeDeadlines and checkProposedDate over every built-in profile, random
// deployment overrides (values, calendar region, a Christmas closure), every conference kind and
// anchor, and dates across 2001 to mid-2079 with bank holidays and their neighbours drawn often.
import fc from 'fast-check';
import { BANK_HOLIDAYS } from '../../../bot/domain/calendar/bank-holidays.generated';
import { addCalendarDays, fromDayNumber, toDayNumber } from '../../../bot/domain/calendar/civil-date';
import { CALENDAR_REGIONS, createWorkingCalendar } from '../../../bot/domain/calendar/create-working-calendar';
import type { IsoDate } from '../../../bot/domain/calendar/iso-date';
import { CONFERENCE_KINDS, type ConferenceKind } from '../../../bot/domain/conference/conference-kind';
import { PROFILE_IDS, type PolicyProfile, type RuleId, type Timescales } from '../../../bot/domain/policy/policy-profile';
import { resolveProfile } from '../../../bot/domain/policy/resolve-profile';
import { ANCHOR_KINDS, type AnchorKind, type Anchors } from '../../../bot/domain/timescales/anchors';
import { ANCHORS_FOR_KIND, checkProposedDate } from '../../../bot/domain/timescales/check-proposed-date';
import { computeDeadlines, type Deadline } from '../../../bot/domain/timescales/compute-deadlines';

const RUNS = { numRuns: 1500 };

// Dates: anywhere from 2001 to mid-2079 (inside the 2000–2080 data, so 12-month and 40-week steps stay in it),
// or within a week of an England and Wales bank holiday in those years.
const FIRST = toDayNumber('2001-01-01');
const LAST = toDayNumber('2079-06-30');
const HOLIDAYS = BANK_HOLIDAYS['england-and-wales'].filter((d) => d >= '2001-01-08' && d <= '2079-06-23');
const anyDay = fc.integer({ min: FIRST, max: LAST }).map(fromDayNumber);
const nearHoliday = fc.tuple(fc.constantFrom(...HOLIDAYS), fc.integer({ min: -7, max: 7 })).map(([d, k]) => addCalendarDays(d, k));
const isoDate = fc.oneof(anyDay, nearHoliday);

/** A council closing 29–31 December every year: with the bank holidays, a week and more shut. */
const CHRISTMAS_CLOSURE: IsoDate[] = [];
for (let y = 2000; y <= 2080; y++) CHRISTMAS_CLOSURE.push(`${y}-12-29`, `${y}-12-30`, `${y}-12-31`);

const count = fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 4 });
const months = fc.option(fc.integer({ min: 0, max: 12 }), { nil: null, freq: 4 });
const perKind = fc.record({ ICPC: count, RCPC: count }, { requiredKeys: [] });
const timescaleOverrides = fc.record(
  {
    T1: count, T2: months, T3: months, T4: count,
    T5: fc.option(fc.record({ unit: fc.constantFrom('weeks' as const, 'months' as const), n: fc.integer({ min: 1, max: 12 }) }), { nil: null, freq: 4 }),
    T6: count, T7: perKind, T8: count, T9: count, T10: perKind, T10b: count, T11: count, T12: count, T13: count,
    T14: count, T15: count, T16: count, T17: count,
    T18: fc.option(
      fc.integer({ min: 0, max: 42 }).chain((from) => fc.integer({ min: from, max: 42 }).map((to) => ({ fromWeek: from, toWeek: to }))),
      { nil: null, freq: 4 },
    ),
    T19: count, T20: count, T21: count, T22: count, T23: count, T24: count,
  },
  { requiredKeys: [] },
);
const profileArb: fc.Arbitrary<PolicyProfile> = fc
  .tuple(
    fc.constantFrom(...PROFILE_IDS),
    fc.option(
      fc.record(
        { calendar: fc.constantFrom(...CALENDAR_REGIONS), extraClosures: fc.constantFrom([], CHRISTMAS_CLOSURE), timescales: timescaleOverrides },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
  )
  .map(([id, overrides]) => resolveProfile(id, overrides));

const calendarOf = (p: PolicyProfile) => createWorkingCalendar(p.calendar, p.extraClosures);

/** An independent working-day test: weekday from Date.UTC, the generated holidays, the closures. */
function isWorkingDay(p: PolicyProfile, date: IsoDate): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !BANK_HOLIDAYS[p.calendar].includes(date) && !p.extraClosures.includes(date);
}

/**
 * The working days a deadline is counted in, or null when it is not a working-day count (months,
 * weeks and the T18 window are moved onto a working day instead). 0 means "on the anchor day
 * itself": T24 (on the conference day), a deployment's 0, T23's alert when T23 is 1.
 */
function workingDaysOf(t: Timescales, d: Deadline): number | null {
  switch (d.rule) {
    case 'T2': case 'T3': case 'T5': case 'T18':
      return null;
    case 'T7': case 'T10':
      return t[d.rule][d.name.includes('(RCPC)') ? 'RCPC' : 'ICPC'];
    case 'T23':
      return d.name.startsWith('manager') ? Math.max(0, t.T23! - 1) : t.T23;
    case 'T24':
      return 0;
    default:
      return t[d.rule];
  }
}

const anchorsArb = (kinds: readonly AnchorKind[]): fc.Arbitrary<Anchors> =>
  fc.subarray([...kinds], { minLength: 1 }).chain((ks) => fc.tuple(...ks.map(() => isoDate)).map((ds) => Object.fromEntries(ks.map((k, i) => [k, ds[i]])) as Anchors));
const kindArb = fc.constantFrom(...CONFERENCE_KINDS);
const optionalKind = fc.option(kindArb, { nil: undefined });

test('every deadline is a working day of the profile\'s calendar, unless the rule puts it on the anchor day', () => {
  fc.assert(
    fc.property(profileArb, anchorsArb(ANCHOR_KINDS), optionalKind, (p, anchors, kind) => {
      const deadlines = computeDeadlines(p, calendarOf(p), anchors, kind === undefined ? {} : { kind });
      const anchorDays = Object.values(anchors);
      for (const d of deadlines) {
        if (workingDaysOf(p.timescales, d) === 0) expect(anchorDays).toContain(d.date);
        else expect([d.rule, d.date, isWorkingDay(p, d.date)]).toEqual([d.rule, d.date, true]);
      }
    }),
    RUNS,
  );
});

test('a rule counted in working days lands exactly N working days from its anchor', () => {
  // T1 from the strategy discussion, T19 from the transfer decision, T22 from the change, T9 before the conference.
  const FROM: [RuleId, AnchorKind, 1 | -1][] = [['T1', 'strategy-discussion', 1], ['T19', 'transfer-decision', 1], ['T22', 'significant-change', 1], ['T9', 'conference', -1]];
  fc.assert(
    fc.property(profileArb, anchorsArb(ANCHOR_KINDS), (p, anchors) => {
      const cal = calendarOf(p);
      const deadlines = computeDeadlines(p, cal, anchors);
      for (const [rule, anchor, sign] of FROM) {
        const n = p.timescales[rule] as number | null;
        const got = deadlines.filter((d) => d.rule === rule).map((d) => d.date);
        const from = anchors[anchor];
        expect(got).toHaveLength(from === undefined || n === null ? 0 : 1);
        if (got[0] !== undefined && from !== undefined && n !== null) expect(cal.countWorkingDays(from, got[0])).toBe(n === 0 ? 0 : sign * n);
      }
    }),
    RUNS,
  );
});

/** The rules checkProposedDate applies to each kind (docs/timescales.md, "Checking a proposed date"). */
const CHECKED: Record<ConferenceKind, readonly RuleId[]> = {
  ICPC: ['T1'], RCPC: ['T2', 'T3'], CORE_GROUP: ['T4', 'T5'], TRANSFER_IN: ['T19'], PRE_BIRTH: ['T18'],
};

test('the latest date computeDeadlines gives passes checkProposedDate; the next working day misses exactly the rules due that day', () => {
  const case_ = kindArb.chain((kind) => fc.tuple(fc.constant(kind), anchorsArb(ANCHORS_FOR_KIND[kind]), isoDate));
  fc.assert(
    fc.property(profileArb, case_, (p, [kind, anchors, other]) => {
      const cal = calendarOf(p);
      const check = (date: IsoDate) => checkProposedDate(p, cal, kind, anchors, date);
      const due = computeDeadlines(p, cal, anchors, { kind }).filter((d) => CHECKED[kind].includes(d.rule));
      if (due.length === 0) {
        // Every rule of this kind is off (or needs an anchor not given): no date misses anything.
        expect(check(other)).toEqual({ ok: true, missed: [] });
        return;
      }
      let latestEntries = due;
      if (kind === 'PRE_BIRTH') {
        const [opens, closes] = due as [Deadline, Deadline];
        if (opens.date > closes.date) {
          // A window of a single week-day that falls on a closed day holds no permissible day.
          expect(check(closes.date)).toEqual({ ok: false, missed: [{ rule: 'T18', date: opens.date }] });
          return;
        }
        expect(check(opens.date)).toEqual({ ok: true, missed: [] });
        expect(check(cal.addWorkingDays(opens.date, -1))).toEqual({ ok: false, missed: [{ rule: 'T18', date: opens.date }] });
        latestEntries = [closes];
      }
      const latest = latestEntries.map((d) => d.date).reduce((a, b) => (a < b ? a : b));
      expect(check(latest)).toEqual({ ok: true, missed: [] });
      const next = cal.addWorkingDays(latest, 1);
      const missed = latestEntries.filter((d) => d.date === latest).map((d) => ({ rule: d.rule, date: d.date }));
      expect(check(next)).toEqual({ ok: false, missed });
    }),
    RUNS,
  );
});

test('moving every anchor later never moves a deadline earlier', () => {
  fc.assert(
    fc.property(profileArb, anchorsArb(ANCHOR_KINDS), fc.integer({ min: 1, max: 40 }), (p, anchors, k) => {
      const cal = calendarOf(p);
      const later = Object.fromEntries(Object.entries(anchors).map(([key, d]) => [key, addCalendarDays(d, k)])) as Anchors;
      const before = computeDeadlines(p, cal, anchors);
      const after = computeDeadlines(p, cal, later);
      expect(after.map((d) => d.rule)).toEqual(before.map((d) => d.rule));
      const earlier = after.filter((d, i) => d.date < before[i]!.date);
      expect(earlier).toEqual([]);
    }),
    RUNS,
  );
});
