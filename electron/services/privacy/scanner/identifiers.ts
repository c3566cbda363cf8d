/**
 * Numbers that identify a payment instrument, a bank account or a person: payment cards, IBANs,
 * national identity numbers and passports. Everything runs over the folded text (lower-case,
 * invisible characters dropped) and reports folded offsets; checksums decide, shapes only propose.
 */
import { codiceFiscaleValid, IBAN_LENGTHS, ibanValid, luhnValid, ninoValid, nirValid, ssnValid } from './checksums.js';

export type IdentifierKind = 'payment_card' | 'iban' | 'national_id' | 'passport';

export interface RawHit {
  kind: IdentifierKind | 'email' | 'phone';
  /** Folded offsets. */
  start: number;
  end: number;
  /** Found only because of a nearby cue word (no checksum): loses overlaps to validated kinds. */
  cued?: boolean;
}

const B = '(?<![\\p{L}\\p{N}])'; // left word boundary
const E = '(?![\\p{L}\\p{N}])'; // right word boundary

// ───────────── payment cards ─────────────

/** Runs of digits separated by single spaces or dashes; 13 digits at least. */
const CARD_RUN = new RegExp(`${B}\\d+(?:[ -]\\d+)*${E}`, 'gu');

/**
 * Plausible card groupings: either one unbroken block, or a first group of 4 followed by groups
 * of 2 to 6 (4-4-4-4, 4-6-5 Amex, 4-6-4 Diners, 4-4-4-2, 4-4-4-4-3), one separator kind only.
 */
function cardCandidate(groups: readonly string[], seps: readonly string[]): boolean {
  const digits = groups.join('');
  if (digits.length < 13 || digits.length > 19) return false;
  if (!/^[2-6]/.test(digits)) return false; // issuer ranges in use: 2-series Mastercard … 6 Discover/UnionPay
  if (/^(\d)\1+$/.test(digits)) return false;
  if (groups.length === 1) return true;
  if (new Set(seps).size !== 1) return false;
  if (groups[0]!.length !== 4) return false;
  return groups.slice(1).every((g) => g.length >= 2 && g.length <= 6);
}

export function findCards(text: string): RawHit[] {
  const hits: RawHit[] = [];
  for (const m of text.matchAll(CARD_RUN)) {
    const run = m[0];
    if (run.replace(/\D/g, '').length < 13) continue;
    // Split into groups with their offsets.
    const groups: { g: string; at: number }[] = [];
    const seps: string[] = [];
    for (const gm of run.matchAll(/\d+|[ -]/g)) {
      if (/\d/.test(gm[0])) groups.push({ g: gm[0], at: m.index + gm.index });
      else seps.push(gm[0]);
    }
    // Try every window of whole groups, longest first, so a card written after an order number
    // ("order 12 4111 1111 1111 1111") is still found, and no window is reported twice.
    let from = 0;
    while (from < groups.length) {
      let found = -1;
      for (let to = groups.length; to > from; to--) {
        const gs = groups.slice(from, to).map((x) => x.g);
        const ss = seps.slice(from, to - 1);
        if (cardCandidate(gs, ss) && luhnValid(gs.join(''))) {
          found = to;
          break;
        }
      }
      if (found > 0) {
        const last = groups[found - 1]!;
        hits.push({ kind: 'payment_card', start: groups[from]!.at, end: last.at + last.g.length });
        from = found;
      } else from++;
    }
  }
  return hits;
}

// ───────────── IBAN ─────────────

/** Country code, check digits, then the BBAN in blocks (spaces optional, as printed on a RIB). */
const IBAN_RUN = new RegExp(`${B}([a-z]{2})(\\d{2})((?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?)`, 'gu');

export function findIbans(text: string): RawHit[] {
  const hits: RawHit[] = [];
  IBAN_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IBAN_RUN.exec(text)) !== null) {
    const country = m[1]!.toUpperCase();
    const length = IBAN_LENGTHS[country];
    if (length === undefined) {
      IBAN_RUN.lastIndex = m.index + 1;
      continue;
    }
    // Walk the match, keeping only alphanumerics, until the country's length is reached. The
    // regex may have swallowed a following word ("… 7034 received"); the length cuts it off.
    let compact = '';
    let endAt = -1;
    for (let k = m.index; k < m.index + m[0].length; k++) {
      const ch = text[k]!;
      if (ch === ' ') continue;
      compact += ch;
      if (compact.length === length) {
        endAt = k + 1;
        break;
      }
    }
    const nextCh = endAt >= 0 ? text[endAt] : undefined;
    if (endAt >= 0 && (nextCh === undefined || !/[\p{L}\p{N}]/u.test(nextCh)) && ibanValid(compact.toUpperCase())) {
      hits.push({ kind: 'iban', start: m.index, end: endAt });
      IBAN_RUN.lastIndex = endAt;
    } else {
      IBAN_RUN.lastIndex = m.index + 1;
    }
  }
  return hits;
}

// ───────────── national identity numbers ─────────────

/** French NIR: 15 characters, printed in groups 1-2-2-2-3-3-2 or solid; dots or spaces. */
const NIR = new RegExp(
  `${B}([1-478])[ .]?(\\d{2})[ .]?(\\d{2})[ .]?(\\d{2}|2a|2b)[ .]?(\\d{3})[ .]?(\\d{3})[ .]?(\\d{2})${E}`,
  'gu',
);
/** UK National Insurance number: two letters, three pairs of digits, a letter A–D. */
const NINO = new RegExp(`${B}([a-z]{2}) ?(\\d{2}) ?(\\d{2}) ?(\\d{2}) ?([a-d])${E}`, 'gu');
/** US SSN written with dashes or spaces (consistent). */
const SSN = new RegExp(`(?<![\\p{L}\\p{N}-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\p{L}\\p{N}]|-\\d)`, 'gu');
/** US SSN as 9 bare digits: only right after an SSN cue. */
const SSN_CUED = /(?:\bssn|social security(?: number| no\.?| n°)?)\s*(?:is|:|#|no\.?)?\s*(\d{9})(?!\p{N})/gu;
/** Italian codice fiscale (omocodia letters allowed in the digit places). */
const CF = new RegExp(
  `${B}[a-z]{6}[0-9lmnpqrstuv]{2}[abcdehlmprst][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z]${E}`,
  'gu',
);
/** French passport: 2 digits, 2 letters, 5 digits — meaningful only beside a cue word. */
const FR_PASSPORT = new RegExp(`${B}\\d{2}[a-z]{2}\\d{5}${E}`, 'gu');

const PASSPORT_CUE = /\b(?:passports?|passeports?|passaporto|pasaporte|reisepass)\b/gu;
const ID_CUE =
  /\b(?:id|identity|identite|identification)\s+(?:card|number|no|document|carte|numero)\b|\bcarte\s+(?:nationale\s+)?d\s?'?\s?identite\b|\bpiece\s+d\s?'?\s?identite\b|\bnational\s+id\b|\bdriving\s+licen[cs]e\b|\bdriver'?s\s+licen[cs]e\b|\bpermis\s+de\s+conduire\b|\bnumero\s+d\s?'?\s?identification\b|\bcni\b/gu;

/** A document-number-like token: at least 2 digits, not a plain year or amount. */
function isDocToken(tok: string): boolean {
  const digits = tok.replace(/\D/g, '').length;
  if (digits < 2) return false;
  if (/^\d+$/.test(tok)) return tok.length >= 7; // bare numbers: 7+ digits (years, prices are shorter)
  return /^[a-z]*\d/.test(tok) || /\d[a-z]/.test(tok);
}

/**
 * Generic document numbers after a cue word: the first document-like token within 40 folded
 * characters after "passport", "ID card", "carte d'identité", … Words in between are skipped
 * ("passport number of Mr Arnoult is 07KP44120").
 */
function findCued(text: string, cue: RegExp, kind: IdentifierKind, original: (fs: number, fe: number) => string): RawHit[] {
  const hits: RawHit[] = [];
  for (const m of text.matchAll(cue)) {
    const from = m.index + m[0].length;
    const limit = Math.min(text.length, from + 40);
    const re = /[\p{L}\p{N}]+/gu;
    re.lastIndex = from;
    let t: RegExpExecArray | null;
    while ((t = re.exec(text)) !== null && t.index < limit) {
      const tok = t[0];
      // Stop at a sentence end ("no." and "n°" are abbreviations, not ends).
      const gap = text.slice(from, t.index).replace(/\b(?:no|nr|num|n|ref)\./g, '');
      if (/[.!?;\n]\s/.test(gap)) break;
      if (tok.length >= 6 && tok.length <= 15 && isDocToken(tok)) {
        // Document numbers are written in capitals: "x4rtbpfw4" must be "X4RTBPFW4" originally.
        const orig = original(t.index, t.index + tok.length);
        if (/\p{Ll}/u.test(orig)) continue;
        hits.push({ kind, start: t.index, end: t.index + tok.length, cued: true });
        break;
      }
    }
  }
  return hits;
}

function nearCue(text: string, start: number, end: number, cue: RegExp, before = 60, after = 25): boolean {
  const win = text.slice(Math.max(0, start - before), Math.min(text.length, end + after));
  cue.lastIndex = 0;
  const r = cue.test(win);
  cue.lastIndex = 0;
  return r;
}

export function findNationalIds(text: string, original: (fs: number, fe: number) => string): RawHit[] {
  const hits: RawHit[] = [];
  for (const m of text.matchAll(NIR)) {
    const compact = m.slice(1).join('').toUpperCase();
    if (nirValid(compact)) hits.push({ kind: 'national_id', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(NINO)) {
    const orig = original(m.index, m.index + m[0].length);
    if (/\p{Ll}/u.test(orig)) continue; // NINOs are written in capitals; "le 12 34 56 a" is not one
    if (ninoValid(m.slice(1).join('').toUpperCase())) hits.push({ kind: 'national_id', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SSN)) {
    if (ssnValid(m[1]! + m[3]! + m[4]!)) hits.push({ kind: 'national_id', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SSN_CUED)) {
    const d = m[1]!;
    const at = m.index + m[0].length - d.length;
    if (ssnValid(d)) hits.push({ kind: 'national_id', start: at, end: at + d.length });
  }
  for (const m of text.matchAll(CF)) {
    if (codiceFiscaleValid(m[0].toUpperCase())) hits.push({ kind: 'national_id', start: m.index, end: m.index + m[0].length });
  }
  hits.push(...findCued(text, ID_CUE, 'national_id', original));
  return hits;
}

export function findPassports(text: string, original: (fs: number, fe: number) => string): RawHit[] {
  const hits: RawHit[] = [];
  for (const m of text.matchAll(FR_PASSPORT)) {
    if (nearCue(text, m.index, m.index + m[0].length, PASSPORT_CUE)) {
      hits.push({ kind: 'passport', start: m.index, end: m.index + m[0].length });
    }
  }
  hits.push(...findCued(text, PASSPORT_CUE, 'passport', original));
  return hits;
}
