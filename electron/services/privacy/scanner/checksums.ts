/**
 * Checksums and structural rules that turn "looks like a number" into "is one". Every function
 * takes a compact value (no spaces or separators) and is pure.
 */

/** Luhn (ISO/IEC 7812) over a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * IBAN lengths per country (SWIFT IBAN registry). Only these countries are recognised, which
 * keeps "two letters, two digits, some characters" references from passing by chance.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27,
  GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24,
  ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24,
  TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** ISO 13616 / ISO 7064 mod 97-10 over an upper-case compact IBAN. */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected === undefined || iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    if (code >= 65) {
      const v = code - 55; // A = 10 … Z = 35
      rem = (rem * 100 + v) % 97;
    } else {
      rem = (rem * 10 + (code - 48)) % 97;
    }
  }
  return rem === 1;
}

/**
 * French NIR (numéro de sécurité sociale): sex, year, month, department (2A/2B for Corsica),
 * commune, order, then the key = 97 − (the 13 digits mod 97), with 2A read as 19 and 2B as 18.
 * Input: 15 characters, upper-case.
 */
export function nirValid(nir: string): boolean {
  const m = /^([1-478])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(nir);
  if (!m) return false;
  const month = Number(m[3]);
  // 01–12; 20 and 30–42 and 50–99 are used for unknown or special registrations.
  if (!((month >= 1 && month <= 12) || month === 20 || (month >= 30 && month <= 42) || month >= 50)) return false;
  const dep = m[4] === '2A' ? '19' : m[4] === '2B' ? '18' : m[4]!;
  if (dep === '00') return false;
  const body = BigInt(m[1]! + m[2]! + m[3]! + dep + m[5]! + m[6]!);
  const key = 97n - (body % 97n);
  return key === BigInt(m[7]!);
}

/** UK National Insurance number, e.g. "JG103759A" (prefix rules of HMRC's NIM39110). */
export function ninoValid(nino: string): boolean {
  const m = /^([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])(\d{6})([A-D])$/.exec(nino);
  if (!m) return false;
  const prefix = m[1]! + m[2]!;
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(prefix);
}

/** US Social Security number (9 digits): no 000/666/9xx area, no 00 group, no 0000 serial. */
export function ssnValid(ssn: string): boolean {
  const m = /^(\d{3})(\d{2})(\d{4})$/.exec(ssn);
  if (!m) return false;
  const area = m[1]!;
  if (area === '000' || area === '666' || area[0] === '9') return false;
  return m[2] !== '00' && m[3] !== '0000';
}

const CF_ODD: Readonly<Record<string, number>> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};

/**
 * Italian codice fiscale (16 characters, upper-case): shape (including omocodia letters in the
 * digit places) and the check character.
 */
export function codiceFiscaleValid(cf: string): boolean {
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(cf)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = cf[i]!;
    if (i % 2 === 0) sum += CF_ODD[ch]!;
    else sum += ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === cf[15];
}
