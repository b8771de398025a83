// An independent, naive working-day reference for 2026–2028: bank holidays typed in from
// gov.uk (not from date-holidays or the generated file), day-by-day stepping with Date.UTC.
export const HAND_HOLIDAYS: Record<'england-and-wales' | 'scotland' | 'northern-ireland', string[]> = {
  'england-and-wales': [
    '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
  ],
  scotland: [
    '2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28',
    '2027-01-01', '2027-01-04', '2027-03-26', '2027-05-03', '2027-05-31', '2027-08-02', '2027-11-30', '2027-12-27', '2027-12-28',
    '2028-01-03', '2028-01-04', '2028-04-14', '2028-05-01', '2028-05-29', '2028-08-07', '2028-11-30', '2028-12-25', '2028-12-26',
  ],
  'northern-ireland': [
    '2026-01-01', '2026-03-17', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-07-13', '2026-08-31', '2026-12-25', '2026-12-28',
    '2027-01-01', '2027-03-17', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-07-12', '2027-08-30', '2027-12-27', '2027-12-28',
    '2028-01-03', '2028-03-17', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-07-12', '2028-08-28', '2028-12-25', '2028-12-26',
  ],
};

const DAY = 86_400_000;
export const toMs = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
export const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function referenceIsWorkingDay(region: keyof typeof HAND_HOLIDAYS, iso: string): boolean {
  const weekday = new Date(toMs(iso)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HAND_HOLIDAYS[region].includes(iso);
}

export function referenceAdd(region: keyof typeof HAND_HOLIDAYS, iso: string, n: number): string {
  let ms = toMs(iso);
  let left = Math.abs(n);
  while (left > 0) {
    ms += Math.sign(n) * DAY;
    if (referenceIsWorkingDay(region, fromMs(ms))) left--;
  }
  return fromMs(ms);
}

/** Every date from `from` to `to` inclusive. */
export function eachDate(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = toMs(from); ms <= toMs(to); ms += DAY) out.push(fromMs(ms));
  return out;
}
