/**
 * The free-text scanner (ARCHITECTURE.md, "Privacy is enforced in the core"): notes and every
 * other free text are scanned before they are stored, so the advisor sees what was found and
 * chooses to rephrase, redact, or — for findings that are not special-category — keep with a reason.
 *
 * Pure: no I/O, no clock, no Electron. English and French (and notes that mix them).
 *
 * What it finds
 *   - payment_card: 13–19 digits, plain or grouped (4-4-4-4, 4-6-5…), issuer digit 2–6, Luhn-valid;
 *   - iban: a known country, its registry length, ISO 13616 mod-97;
 *   - national_id: French NIR (key = 97 − n mod 97, Corsica 2A/2B), UK NINO (written in capitals),
 *     US SSN (format and invalid ranges), Italian codice fiscale (check letter), and any
 *     document-like token right after an identity cue ("ID card no.", "carte d'identité", …);
 *   - passport: French format (2 digits, 2 letters, 5 digits) near a passport cue, and any
 *     document-like token right after one;
 *   - email and phone of third parties: anything not in knownContacts;
 *   - special_category: GDPR art. 9 terms and criminal data, by the rules of lexicon.ts.
 *
 * Offsets are UTF-16 offsets into the text as given (NFC, NFD, emoji and bidi controls alike):
 * text.slice(f.start, f.end) is exactly what was found.
 */
import { findEmails, findPhones, indexKnownContacts, isKnown } from './contacts.js';
import { fold } from './fold.js';
import { findCards, findIbans, findNationalIds, findPassports, type RawHit } from './identifiers.js';
import { SPECIAL_RULES } from './lexicon.js';
import { PhraseMatcher, words } from './special.js';
import type { Finding, ScanOptions, SpecialCategory } from './types.js';

export type { Finding, FindingKind, ScanOptions, SpecialCategory } from './types.js';

/** What `redact` puts in place of each finding. */
export const REDACTION_MARKER = '[redacted]';

const matcher = new PhraseMatcher(SPECIAL_RULES);

/** When two identifier matches overlap, the more specific one wins. */
const PRIORITY: Readonly<Record<RawHit['kind'], number>> = {
  iban: 0,
  national_id: 1,
  payment_card: 2,
  passport: 3,
  email: 4,
  phone: 5,
};

export function scanText(text: string, options?: ScanOptions): Finding[] {
  if (typeof text !== 'string') throw new TypeError('scanText expects a string');
  if (text.length === 0) return [];
  const f = fold(text);
  const original = (fs: number, fe: number): string => text.slice(f.start[fs]!, f.end[fe - 1]!);

  // Identifiers and contact details, then overlaps resolved by priority (longest first on ties).
  const raw: RawHit[] = [];
  const add = (hits: RawHit[]): void => {
    for (const h of hits) if (h.end > h.start) raw.push(h);
  };
  add(findIbans(f.text));
  add(findCards(f.text));
  add(findNationalIds(f.text, original));
  add(findPassports(f.text, original));
  add(findEmails(f.text));
  add(findPhones(f.text));
  // A document number found only through a cue word ranks below every checksum-validated kind.
  const rank = (h: RawHit): number => PRIORITY[h.kind] + (h.cued ? 10 : 0);
  raw.sort((a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: RawHit[] = [];
  const taken = new Uint8Array(f.text.length);
  for (const h of raw) {
    let free = true;
    for (let k = h.start; k < h.end && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, h.start, h.end);
    kept.push(h);
  }

  const known = indexKnownContacts(options?.knownContacts);
  const findings: Finding[] = [];
  for (const h of kept) {
    if ((h.kind === 'email' || h.kind === 'phone') && isKnown(h.kind, original(h.start, h.end), known)) continue;
    findings.push({ kind: h.kind, start: f.start[h.start]!, end: f.end[h.end - 1]!, severity: 'sensitive' });
  }

  // Special categories: merge overlapping hits of the same category.
  const special = matcher.match(words(f.text));
  special.sort((a, b) => (a.cat < b.cat ? -1 : a.cat > b.cat ? 1 : a.start - b.start));
  let cur: { cat: SpecialCategory; start: number; end: number } | undefined;
  const flush = (): void => {
    if (cur) findings.push({ kind: 'special_category', category: cur.cat, start: f.start[cur.start]!, end: f.end[cur.end - 1]!, severity: 'special' });
  };
  for (const h of special) {
    if (cur && cur.cat === h.cat && (h.start < cur.end || closeTogether(f.text.slice(cur.end, h.start)))) cur.end = Math.max(cur.end, h.end);
    else {
      flush();
      cur = { ...h };
    }
  }
  flush();

  return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** Two hits of one category separated by at most two words of the same clause read as one finding. */
function closeTogether(gap: string): boolean {
  if (gap.length > 24 || /[.!?;:,()\n]/.test(gap)) return false;
  return (gap.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 2;
}

/**
 * Replaces each finding's span by REDACTION_MARKER; everything else is kept byte for byte.
 * Overlapping spans are merged first; replacements run right to left so earlier offsets stay valid.
 * Throws RangeError on offsets that do not fit the text.
 */
export function redact(text: string, findings: readonly Pick<Finding, 'start' | 'end'>[]): string {
  const spans = findings.map((x) => {
    if (!Number.isInteger(x.start) || !Number.isInteger(x.end) || x.start < 0 || x.end > text.length || x.start >= x.end) {
      throw new RangeError(`finding [${x.start}, ${x.end}) does not fit a text of length ${text.length}`);
    }
    return [x.start, x.end] as [number, number];
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  let out = text;
  for (let i = merged.length - 1; i >= 0; i--) {
    const [start, end] = merged[i]!;
    out = out.slice(0, start) + REDACTION_MARKER + out.slice(end);
  }
  return out;
}
