// Times and dates in words for the family ("Thursday 10 December at 11:00"), from the API's
// Europe/London wall-clock values. A calendar date's weekday needs no time zone: computed at UTC noon.
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Thursday 10 December 2026" from YYYY-MM-DD (or the date part of a local date-time). */
export function plainDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(y, mo - 1, d, 12)).getUTCDay();
  return `${DAYS[weekday]} ${d} ${MONTHS[mo - 1]} ${y}`;
}

/** "11:00" from YYYY-MM-DDTHH:mm. */
export function plainTime(value: string): string | null {
  return /T(\d{2}:\d{2})$/.exec(value)?.[1] ?? null;
}
