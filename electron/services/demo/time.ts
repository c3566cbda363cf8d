/** Calendar arithmetic for the demo maison, in UTC milliseconds; never the wall clock. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const YEAR = 365.25 * DAY;
export const MONTH = YEAR / 12;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a `YYYY-MM-DD` day, or null when it is not a real date. */
export function parseDay(day: string): number | null {
  const m = DATE_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

/** Midnight UTC of the day holding `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** `YYYY-MM-DDTHH:MM:SS.000Z`, to the whole second. */
export function instant(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** `YYYY-MM-DD`. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `MM-DD`. */
export function monthDay(ms: number): string {
  return new Date(ms).toISOString().slice(5, 10);
}

export function yearOf(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

/** The same month and day in another year (29 February falls back to the 28th). */
export function inYear(ms: number, year: number): number {
  const d = new Date(ms);
  const month = d.getUTCMonth();
  const day = Math.min(d.getUTCDate(), month === 1 && !isLeap(year) ? 28 : 31);
  return Date.UTC(year, month, day);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Day of the week, 0 = Sunday. */
export function weekday(ms: number): number {
  return new Date(ms).getUTCDay();
}

/** Month, 0 = January. */
export function monthOf(ms: number): number {
  return new Date(ms).getUTCMonth();
}
