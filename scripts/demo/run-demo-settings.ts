// The demo's fixed day, shared by `npm run demo` and its test: the clerk books on the morning of the
// strategy discussion (a Monday), so that the statutory dates are the same every run.
export const BOOKING_DAY_START = '2026-12-14T09:00:00.000Z';
