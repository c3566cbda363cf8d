/**
 * An amount as the advisor types it, in their locale ("4 250,00" in French, "4,250.00" in
 * English, "¥380,000"), turned into integer minor units of its currency — never through a
 * floating-point product, so 4 250,10 € is 425010 exactly. A fraction finer than the currency's
 * minor unit (a cent of a yen, a thousandth of a euro), a negative amount or an absurd one is
 * refused with a reason the dialog can say.
 */
// The renderer's door to the contract (api/contract.ts) does not re-export these yet.
import { CURRENCY_MINOR_DIGITS, MAX_AMOUNT_MINOR, type Currency } from '../../api/contract';

export { CURRENCY_MINOR_DIGITS, MAX_AMOUNT_MINOR };
export type { Currency };

export const CURRENCIES = Object.keys(CURRENCY_MINOR_DIGITS) as Currency[];

export function isCurrency(value: string): value is Currency {
  return Object.prototype.hasOwnProperty.call(CURRENCY_MINOR_DIGITS, value);
}

export type AmountProblem = 'required' | 'notANumber' | 'negative' | 'zero' | 'fraction' | 'tooLarge';
export type ParsedAmount = { ok: true; minor: number } | { ok: false; problem: AmountProblem };

/** The locale's decimal and grouping marks (`,` and U+202F in French; `.` and `,` in English). */
export function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

const SPACES = /[\s\u00a0\u202f\u2009\u2007']/gu;
const SIGNS = /[\p{Sc}]|\b[A-Z]{3}\b/gu;

/**
 * Reads `text` in `locale` as an amount of `currency`. The locale's decimal mark is the decimal
 * mark; its grouping mark and any space are grouping. In a locale whose decimal mark is a comma,
 * a single point followed by one or two digits (never three, which is how "4.250" groups) is read
 * as a decimal point too, as people often type it so.
 */
export function parseAmount(text: string, locale: string, currency: Currency): ParsedAmount {
  const digits = CURRENCY_MINOR_DIGITS[currency];
  let s = text.replace(SIGNS, '').replace(SPACES, '').trim();
  if (s === '') return { ok: false, problem: 'required' };
  if (/^[-−–]/u.test(s)) return { ok: false, problem: 'negative' };
  if (s.startsWith('+')) s = s.slice(1);
  const { decimal, group } = separators(locale);
  const other = decimal === ',' ? '.' : ',';
  let whole = s;
  let fraction = '';
  const decimals = s.split(decimal).length - 1;
  if (decimals > 1) return { ok: false, problem: 'notANumber' };
  if (decimals === 1) {
    [whole, fraction] = s.split(decimal) as [string, string];
  } else if (decimal === ',' && /^[\d.]*\.\d{1,2}$/u.test(s) && s.split('.').length === 2) {
    [whole, fraction] = s.split('.') as [string, string];
  }
  whole = whole.split(group.replace(SPACES, '') || '\u0000').join('');
  whole = whole.split(other).join('');
  if (!/^\d*$/u.test(whole) || !/^\d*$/u.test(fraction) || whole + fraction === '') return { ok: false, problem: 'notANumber' };
  // Trailing zeros say nothing ("4 250,00" yen is 4 250 yen); a digit beyond the minor unit does.
  const significant = fraction.replace(/0+$/u, '');
  if (significant.length > digits) return { ok: false, problem: 'fraction' };
  const minorText = (whole.replace(/^0+(?=\d)/u, '') || '0') + significant.padEnd(digits, '0');
  if (minorText.replace(/^0+/u, '').length > String(MAX_AMOUNT_MINOR).length) return { ok: false, problem: 'tooLarge' };
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT_MINOR) return { ok: false, problem: 'tooLarge' };
  if (minor === 0) return { ok: false, problem: 'zero' };
  return { ok: true, minor };
}

/** The largest amount Carnet accepts in `currency`, in the advisor's locale (for the message). */
export function largestAmount(locale: string, currency: Currency): string {
  const digits = CURRENCY_MINOR_DIGITS[currency];
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(Math.floor(MAX_AMOUNT_MINOR / 10 ** digits));
  } catch {
    return String(Math.floor(MAX_AMOUNT_MINOR / 10 ** digits));
  }
}
