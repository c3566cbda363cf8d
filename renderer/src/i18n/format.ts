/** Locale-aware dates, numbers and names, through Intl, for the active language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A `YYYY-MM-DD` date as a UTC midnight, so no time zone can move it to the day before. */
export function parseDate(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, y, m, d] = match;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

export interface Formatters {
  locale: string;
  number(value: number): string;
  /** "3 weeks ago", "yesterday", "il y a 3 semaines". */
  relative(instant: string, now?: number): string;
  /** "March 2019" (or "Mar 2019" when short). */
  monthYear(date: string, short?: boolean): string;
  /** "12 March 2019" from a `YYYY-MM-DD` date. */
  longDate(date: string): string;
  /** "12 March 2024" from an instant, in the advisor's time zone. */
  instantDate(instant: string): string;
  /** "12 March 2024 at 16:05". */
  instantDateTime(instant: string): string;
  region(code: string): string;
  language(code: string): string;
  /** Whole years between a `YYYY-MM-DD` date and now. */
  yearsSince(date: string, now?: number): number | null;
  /** "today", "tomorrow", "in 3 weeks", "2 months ago" for a `YYYY-MM-DD` date, counted in days. */
  relativeDay(date: string, now?: number): string;
  /** "14 May" from `MM-DD` or `YYYY-MM-DD`. */
  dayMonth(date: string): string;
  /** "12 Mar 2024 · 16:05", compact for lists. */
  shortDateTime(instant: string): string;
}

/** Today's date, `YYYY-MM-DD`, in this computer's time zone. */
export function localToday(now: number = Date.now()): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function safeDisplayName(locale: string, type: 'region' | 'language', code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function makeFormatters(locale: string): Formatters {
  const numberFormat = new Intl.NumberFormat(locale);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  const monthYearLong = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthYearShort = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const longDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const instantDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const instantDateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const shortTime = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });

  return {
    locale,
    number: (value) => numberFormat.format(value),
    relative(instant, now = Date.now()) {
      const diff = new Date(instant).getTime() - now;
      const abs = Math.abs(diff);
      if (abs < MINUTE) return rtf.format(0, 'second');
      if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
      if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
      if (abs < 7 * DAY) return rtf.format(Math.round(diff / DAY), 'day');
      if (abs < 30 * DAY) return rtf.format(Math.round(diff / (7 * DAY)), 'week');
      if (abs < 365 * DAY) return rtf.format(Math.max(1, Math.round(abs / (30.44 * DAY))) * Math.sign(diff), 'month');
      return rtf.format(Math.round(diff / (365.25 * DAY)), 'year');
    },
    monthYear(date, short = false) {
      const parsed = parseDate(date);
      return parsed ? (short ? monthYearShort : monthYearLong).format(parsed) : date;
    },
    longDate(date) {
      const parsed = parseDate(date);
      return parsed ? longDate.format(parsed) : date;
    },
    instantDate: (instant) => instantDate.format(new Date(instant)),
    instantDateTime: (instant) => instantDateTime.format(new Date(instant)),
    region: (code) => safeDisplayName(locale, 'region', code.toUpperCase()),
    language: (code) => safeDisplayName(locale, 'language', code),
    yearsSince(date, now = Date.now()) {
      const parsed = parseDate(date);
      if (!parsed) return null;
      const today = new Date(now);
      let years = today.getUTCFullYear() - parsed.getUTCFullYear();
      const beforeAnniversary =
        today.getUTCMonth() < parsed.getUTCMonth() ||
        (today.getUTCMonth() === parsed.getUTCMonth() && today.getUTCDate() < parsed.getUTCDate());
      if (beforeAnniversary) years -= 1;
      return Math.max(0, years);
    },
    relativeDay(date, now = Date.now()) {
      const target = parseDate(date);
      const today = parseDate(localToday(now));
      if (!target || !today) return date;
      const days = Math.round((target.getTime() - today.getTime()) / DAY);
      const abs = Math.abs(days);
      if (abs < 7) return rtf.format(days, 'day');
      if (abs < 30) return rtf.format(Math.round(days / 7), 'week');
      if (abs < 365) return rtf.format(Math.max(1, Math.round(abs / 30.44)) * Math.sign(days), 'month');
      return rtf.format(Math.round(days / 365.25), 'year');
    },
    dayMonth(date) {
      const match = /^(?:\d{4}-)?(\d{2})-(\d{2})$/.exec(date);
      if (!match) return date;
      // A leap year, so that 29 February can be named.
      return dayMonth.format(new Date(Date.UTC(2000, Number(match[1]) - 1, Number(match[2]))));
    },
    shortDateTime(instant) {
      const d = new Date(instant);
      return `${shortDate.format(d)} · ${shortTime.format(d)}`;
    },
  };
}

/** The system's own regional variant when it speaks the active language (en-US, fr-CA…). */
export function intlLocale(language: string): string {
  const system = navigator.language;
  if (system.toLowerCase().split('-')[0] === language && system.includes('-')) return system;
  return language === 'fr' ? 'fr-FR' : 'en-GB';
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return useMemo(() => makeFormatters(locale), [locale]);
}

/**
 * French spacing for text written elsewhere (the core's record of processing): a narrow
 * no-break space before ; ? ! and inside « », a no-break space before :. Only ordinary spaces
 * are replaced, so it can be applied to text that is already right.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([;?!])/g, '\u202f$1')
    .replace(/ :/g, '\u00a0:')
    .replace(/« /g, '«\u202f')
    .replace(/ »/g, '\u202f»');
}
