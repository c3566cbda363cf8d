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
