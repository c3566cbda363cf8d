/**
 * Contact details of third parties: e-mail addresses and telephone numbers (international
 * "+CC"/"00CC", and national French, UK and US formats). The client's own addresses and numbers
 * (knownContacts) are not findings; they are compared normalised — e-mails lower-cased, phones
 * reduced to their national significant number so "+44 7700 900789" and "07700 900789" agree.
 */
import type { RawHit } from './identifiers.js';

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_%+-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?![\p{L}\p{N}-]|\.[a-z0-9])/gu;

export function findEmails(text: string): RawHit[] {
  const hits: RawHit[] = [];
  for (const m of text.matchAll(EMAIL)) hits.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  return hits;
}

/** International: "+" or "00", a country code, then digit groups (a "(0)" trunk prefix allowed). */
const PHONE_INTL = /(?<![\p{L}\p{N}+])(?:\+ ?|00)[1-9]\d{0,3}(?:[ .-]?\(0\))?(?:[ .-]?\(?\d{1,5}\)?){1,7}(?!\p{N})/gu;
/** France: 0X then four pairs, one separator kind throughout (or none). */
const PHONE_FR = /(?<![\p{L}\p{N}+.,-])0[1-9]([ .-]?)\d{2}(?:\1\d{2}){3}(?![\p{N}]|[.,-]\d)/gu;
/** United Kingdom: 11 digits starting 0, in the usual groupings. */
const PHONE_UK =
  /(?<![\p{L}\p{N}+.,-])0(?:7\d{3} ?\d{6}|7\d{3} ?\d{3} ?\d{3}|[23]\d ?\d{4} ?\d{4}|1\d{3} ?\d{6}|1\d{2} ?\d{3} ?\d{4}|[389]\d{2} ?\d{3} ?\d{4}|800 ?\d{3} ?\d{3,4})(?![\p{N}]|[.,-]\d)/gu;
/** North America: (NXX) NXX-XXXX or NXX-NXX-XXXX / NXX.NXX.XXXX. */
const PHONE_US = /(?<![\p{L}\p{N}+.,-])(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[-. ])[2-9]\d{2}[-. ]\d{4}(?![\p{N}]|[.,-]\d)/gu;

/** Trim trailing digit groups from an international match until it holds at most 15 digits. */
function trimIntl(s: string): string | null {
  let t = s;
  // "(+1 212-555-0183)": a closing parenthesis that opens nowhere in the match is not part of it.
  while (t.endsWith(')') && (t.match(/\(/g) ?? []).length < (t.match(/\)/g) ?? []).length) t = t.slice(0, -1);
  for (;;) {
    const digits = t.replace(/\(0\)/g, '').replace(/\D/g, '').length;
    if (digits <= 15) return digits >= 8 ? t : null;
    const cut = t.search(/[ .-]?\(?\d{1,5}\)?$/);
    if (cut <= 0) return null;
    t = t.slice(0, cut);
  }
}

export function findPhones(text: string): RawHit[] {
  const hits: RawHit[] = [];
  for (const m of text.matchAll(PHONE_INTL)) {
    const t = trimIntl(m[0]);
    if (t !== null) hits.push({ kind: 'phone', start: m.index, end: m.index + t.length });
  }
  for (const re of [PHONE_FR, PHONE_UK, PHONE_US]) {
    for (const m of text.matchAll(re)) hits.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

/** ITU country calling codes (a prefix code: at most one matches the start of a number). */
const COUNTRY_CODES = new Set([
  '1', '7', '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84', '86',
  '90', '91', '92', '93', '94', '95', '98', '212', '213', '216', '218', '220', '221', '225', '230', '234', '254',
  '350', '351', '352', '353', '354', '355', '356', '357', '358', '359', '370', '371', '372', '373', '374', '375',
  '376', '377', '378', '380', '381', '382', '385', '386', '387', '389', '420', '421', '423', '852', '853', '855',
  '880', '886', '960', '961', '962', '963', '964', '965', '966', '967', '968', '970', '971', '972', '973', '974',
  '975', '976', '977', '992', '993', '994', '995', '996', '998',
]);

/** Comparable keys of a phone number: its digits, and its national significant number. */
export function phoneKeys(raw: string): string[] {
  const trimmed = raw.trim();
  let digits = trimmed.replace(/\(0\)/g, '').replace(/\D/g, '');
  let international = trimmed.startsWith('+');
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  const keys = new Set<string>([digits]);
  if (international) {
    for (let l = 1; l <= 3; l++) {
      if (COUNTRY_CODES.has(digits.slice(0, l))) {
        keys.add(digits.slice(l).replace(/^0/, ''));
        break;
      }
    }
  } else if (digits.startsWith('0')) {
    keys.add(digits.slice(1));
  } else if (digits.length === 11 && digits.startsWith('1')) {
    keys.add(digits.slice(1));
  }
  return [...keys].filter((k) => k.length >= 7);
}

export function normaliseEmail(raw: string): string {
  return raw.trim().normalize('NFC').toLowerCase();
}

export interface KnownContacts {
  emails: Set<string>;
  phones: Set<string>;
}

export function indexKnownContacts(known: readonly string[] | undefined): KnownContacts {
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const k of known ?? []) {
    if (typeof k !== 'string') continue;
    if (k.includes('@')) emails.add(normaliseEmail(k));
    else for (const key of phoneKeys(k)) phones.add(key);
  }
  return { emails, phones };
}

export function isKnown(kind: 'email' | 'phone', original: string, known: KnownContacts): boolean {
  if (kind === 'email') return known.emails.has(normaliseEmail(original));
  return phoneKeys(original).some((k) => known.phones.has(k));
}
