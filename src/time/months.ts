/** Calendar months as "YYYY-MM" strings: what paper dates are counted by. */

/** The month of a date, or undefined where the date says only a year (or nothing). */
export function monthOf(date: string | undefined): string | undefined {
  return date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : undefined;
}

/** A month `n` months after (or before, for negative `n`) `month`. */
export function addMonths(month: string, n: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** "YYYY-MM", or a clear error naming the option that was given something else. */
export function parseMonth(value: string, option: string): string {
  const match = /^(\d{4})-(\d{2})(-\d{2})?$/.exec(value);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12)
    throw new RangeError(
      `${option} must be a month (YYYY-MM) or a day (YYYY-MM-DD), got "${value}"`,
    );
  return `${match[1]}-${match[2]}`;
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * A date a cutoff or a timeline can place before or after it, as YYYY-MM-DD: a month alone stands for its first
 * day; a year alone, or no date, cannot be placed.
 */
export function placedDate(date: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) return date.slice(0, 10);
  return /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : undefined;
}
