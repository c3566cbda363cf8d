/**
 * A day as the advisor knows it: day and month, and the year when it is known. Gives `MM-DD`,
 * `YYYY-MM-DD`, '' (nothing typed) or null (incomplete or not a real day).
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format';
import { isRealDate, isRealMonthDay } from './PreferenceKinds';

export interface DayParts {
  day: string;
  month: string;
  year: string;
}

export const NO_DAY: DayParts = { day: '', month: '', year: '' };

export function dayParts(value: string | null | undefined): DayParts {
  const m = value ? /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return NO_DAY;
  return { year: m[1] ?? '', month: String(Number(m[2])), day: String(Number(m[3])) };
}

/** '' when nothing is given, null when it is incomplete or not a real day. */
export function dayValue(parts: DayParts): string | null {
  const year = parts.year.trim();
  if (!parts.day && !parts.month && !year) return '';
  if (!parts.day || !parts.month) return null;
  const md = `${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  if (!year) return isRealMonthDay(md) ? md : null;
  if (!/^\d{4}$/.test(year)) return null;
  const full = `${year}-${md}`;
  return isRealDate(full) ? full : null;
}

export function DayFields({
  legend,
  value,
  onChange,
  error,
  hint,
  yearRequired = false,
}: {
  legend: string;
  value: DayParts;
  onChange: (value: DayParts) => void;
  error?: string | undefined;
  hint?: string | undefined;
  /** The year is asked for too (no placeholder saying it may be left out). */
  yearRequired?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const months = useMemo(() => {
    const name = new Intl.DateTimeFormat(format.locale, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => name.format(new Date(Date.UTC(2000, i, 1))));
  }, [format.locale]);
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const invalid = error ? true : undefined;
  return (
    <fieldset className={`field circle-day${error ? ' field--invalid' : ''}`} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      <div className="circle-day__parts">
        <div className="circle-day__part">
          <label className="circle-day__name" htmlFor={`${id}-day`}>
            {t('circle.day.day')}
          </label>
          <select id={`${id}-day`} className="input select" value={value.day} aria-invalid={invalid} onChange={(e) => onChange({ ...value, day: e.target.value })}>
            <option value="">—</option>
            {Array.from({ length: 31 }, (_, i) => (
              <option key={i + 1} value={String(i + 1)}>
                {i + 1}
              </option>
            ))}
          </select>
        </div>
        <div className="circle-day__part">
          <label className="circle-day__name" htmlFor={`${id}-month`}>
            {t('circle.day.month')}
          </label>
          <select id={`${id}-month`} className="input select" value={value.month} aria-invalid={invalid} onChange={(e) => onChange({ ...value, month: e.target.value })}>
            <option value="">—</option>
            {months.map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="circle-day__part">
          <label className="circle-day__name" htmlFor={`${id}-year`}>
            {t('circle.day.year')}
          </label>
          <input
            id={`${id}-year`}
            className="input"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            placeholder={yearRequired ? undefined : t('circle.day.yearPlaceholder')}
            value={value.year}
            aria-invalid={invalid}
            onChange={(e) => onChange({ ...value, year: e.target.value.replace(/\D/g, '') })}
          />
        </div>
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
