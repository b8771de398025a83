// `npm run bench:timescales`: the full deadline set (every anchor kind at once, both T7/T10
// variants) for 100,000 random (profile, anchor date) pairs on one core. The last line is JSON.
import { performance } from 'node:perf_hooks';
import { FIRST_YEAR, LAST_YEAR } from '../bot/domain/calendar/civil-date';
import { createWorkingCalendar } from '../bot/domain/calendar/create-working-calendar';
import { PROFILE_IDS } from '../bot/domain/policy/policy-profile';
import { resolveProfile } from '../bot/domain/policy/resolve-profile';
import { ANCHOR_KINDS, type Anchors } from '../bot/domain/timescales/anchors';
import { computeDeadlines } from '../bot/domain/timescales/compute-deadlines';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 100_000);

// A seeded generator, so every run measures the same work.
let seed = 0x2026;
const random = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
// Anchors a year inside the range, so 6-month and 15-working-day steps stay inside it.
const randomDate = () => {
  const y = FIRST_YEAR + 1 + Math.floor(random() * (LAST_YEAR - FIRST_YEAR - 2));
  const m = 1 + Math.floor(random() * 12);
  const d = 1 + Math.floor(random() * 28);
  return `${y}-${pad(m)}-${pad(d)}`;
};

const profiles = PROFILE_IDS.map((id) => resolveProfile(id));
const pairs = Array.from({ length: PAIRS }, () => {
  const date = randomDate();
  const anchors: Anchors = {};
  for (const kind of ANCHOR_KINDS) anchors[kind] = date;
  return { profile: profiles[Math.floor(random() * profiles.length)]!, anchors, today: date };
});

function run(): { seconds: number; deadlines: number } {
  let deadlines = 0;
  const start = performance.now();
  for (const { profile, anchors, today } of pairs) {
    // Looked up per pair, as a request handler would: the cache makes it a map hit.
    const calendar = createWorkingCalendar(profile.calendar, profile.extraClosures);
    deadlines += computeDeadlines(profile, calendar, anchors, { today }).length;
  }
  return { seconds: (performance.now() - start) / 1000, deadlines };
}

// Several timed passes after a warm-up (JIT, calendar index): the machine is shared, so the
// best pass is the figure nearest to one free core; the median is printed too.
run();
const passes = Array.from({ length: Number(process.env.BENCH_PASSES ?? 5) }, run);
const rates = passes.map((p) => PAIRS / p.seconds).sort((a, b) => a - b);
const best = Math.round(rates[rates.length - 1]!);
const median = Math.round(rates[Math.floor(rates.length / 2)]!);
const { deadlines, seconds } = passes[0]!;
console.log(`pairs per pass: ${PAIRS}, passes: ${passes.length}`);
console.log(`deadlines per set: ${(deadlines / PAIRS).toFixed(1)} (${deadlines} in a pass)`);
console.log(`first pass: ${(seconds * 1000).toFixed(1)} ms`);
console.log(`deadline sets per second: best ${best}, median ${median}`);
console.log(JSON.stringify({ deadlineSetsPerSecond: best }));
