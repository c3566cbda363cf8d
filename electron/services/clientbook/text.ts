/**
 * Free text as the client book stores it (the rules are in the contract, electron/contract/
 * clients.ts, "Free text"): cleaned, not refused. A note keeps its line breaks; a one-line field
 * is one line. Cleaning keeps a map from every kept UTF-16 unit back to the text as sent, so the
 * scanner's offsets are reported — and accepted — in what the advisor typed.
 */
import { CarnetError } from '../../contract/index.js';

/** Dropped everywhere: bidi embeddings, overrides and isolates; the BOM; the snippet markers. */
const DROPPED = /[\u202A-\u202E\u2066-\u2069\uFEFF\uE000\uE001]/;
/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** The controls that separate words or lines: tab, line feed, vertical tab, form feed, CR, NEL, LS, PS. */
const BREAKING = /[\t\n\v\f\r\u0085\u2028\u2029]/;
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

export interface Cleaned {
  text: string;
  /** For each UTF-16 unit of `text`: where its source starts in the text as sent. */
  from: number[];
  /** For each UTF-16 unit of `text`: where its source ends (exclusive) in the text as sent. */
  to: number[];
}

/**
 * Cleans a text, remembering where each kept unit came from.
 * Controls that break words or lines (tab, LF, VT, FF, CR, NEL, LS, PS): in a note, CR LF and
 * lone CR, NEL, LS and PS become LF, tab is kept, VT and FF become a space; in a one-line field
 * each becomes a space and runs of spaces collapse. Every other control (NUL, BEL, ESC, DEL, C1)
 * is dropped. Both: the characters in DROPPED go, each cluster (a character and its combining
 * marks) is put in NFC, and the result is trimmed.
 */
export function cleanMapped(input: string, multiline: boolean): Cleaned {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  const push = (piece: string, start: number, end: number): void => {
    out += piece;
    for (let k = 0; k < piece.length; k++) {
      from.push(start);
      to.push(end);
    }
  };
  for (const match of input.matchAll(CLUSTER)) {
    const start = match.index;
    const cluster = match[0];
    const end = start + cluster.length;
    let kept = '';
    for (const ch of cluster) {
      if (DROPPED.test(ch)) continue;
      if (CONTROL.test(ch)) {
        if (!BREAKING.test(ch)) continue; // NUL, BEL, ESC…: dropped
        if (!multiline) kept += ' ';
        else if (ch === '\t') kept += ch;
        else if (ch === '\r') kept += input[start + cluster.length] === '\n' && cluster.length === 1 ? '' : '\n';
        else if (ch === '\v' || ch === '\f') kept += ' ';
        else kept += '\n';
        continue;
      }
      kept += ch;
    }
    if (kept === '') continue;
    if (!multiline && kept === ' ' && out.endsWith(' ')) {
      to[to.length - 1] = end;
      continue;
    }
    push(kept.normalize('NFC'), start, end);
  }
  // Trim (whitespace as JavaScript's trim sees it), keeping the map aligned.
  let head = 0;
  while (head < out.length && /\s/.test(out[head] as string)) head++;
  let tail = out.length;
  while (tail > head && /\s/.test(out[tail - 1] as string)) tail--;
  let text = out.slice(head, tail);
  let f = from.slice(head, tail);
  let t = to.slice(head, tail);
  if (!multiline && / {2,}/.test(text)) {
    // Spaces the loop did not merge (e.g. an NBSP-free run broken by a dropped character).
    const parts: [string, number, number][] = [];
    for (let k = 0; k < text.length; k++) {
      const ch = text[k] as string;
      const last = parts.at(-1);
      if (ch === ' ' && last?.[0] === ' ') last[2] = t[k] as number;
      else parts.push([ch, f[k] as number, t[k] as number]);
    }
    text = parts.map((p) => p[0]).join('');
    f = parts.map((p) => p[1]);
    t = parts.map((p) => p[2]);
  }
  return { text, from: f, to: t };
}

/** A one-line text, cleaned. */
export function cleanLine(input: string): string {
  return cleanMapped(input, false).text;
}

/** A note, cleaned. */
export function cleanNote(input: string): string {
  return cleanMapped(input, true).text;
}

/**
 * A required one-line field: cleaned, and refused if nothing is left (the message names the
 * field, never the value).
 */
export function requiredLine(input: string, field: string): string {
  const text = cleanLine(input);
  if (text === '') throw new CarnetError('INVALID_INPUT', `The request is not valid at “${field}” (empty once cleaned).`);
  return text;
}

/** An optional one-line field: undefined stays undefined (unchanged), null or empty once cleaned is null. */
export function optionalLine(input: string | null | undefined): string | null | undefined {
  if (input === undefined) return undefined;
  if (input === null) return null;
  const text = cleanLine(input);
  return text === '' ? null : text;
}

/** An optional note: undefined stays undefined, null or empty once cleaned is null. */
export function optionalNote(input: string | null | undefined): string | null | undefined {
  if (input === undefined) return undefined;
  if (input === null) return null;
  const text = cleanNote(input);
  return text === '' ? null : text;
}

/** Lower-case, accents off ("Éléonore" → "eleonore"): the sort key and duplicate comparisons. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The person's sort key, as the demo and imports write it: folded "last first". */
export function sortKey(firstName: string, lastName: string): string {
  return fold(`${lastName} ${firstName}`.trim());
}

// ——— contact values

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/u;
const PHONE = /^\+?[0-9][0-9 ().-]{4,30}$/;
const WECHAT = /^[A-Za-z][-_A-Za-z0-9]{3,39}$/;

/** A contact value, cleaned and checked for its channel; INVALID_INPUT (naming no value) otherwise. */
export function contactValue(channel: string, input: string): string {
  const value = cleanLine(input);
  let ok: boolean;
  switch (channel) {
    case 'email':
      ok = value.length <= 254 && EMAIL.test(value);
      break;
    case 'phone':
    case 'sms':
    case 'whatsapp':
      ok = PHONE.test(value) && value.replace(/\D/g, '').length >= 6 && value.replace(/\D/g, '').length <= 15;
      break;
    case 'wechat':
      ok = WECHAT.test(value);
      break;
    default:
      ok = value.length >= 5;
  }
  if (!ok) throw new CarnetError('INVALID_INPUT', `The request is not valid at “value” (not a ${channel === 'post' ? 'postal address' : channel} contact).`);
  return value;
}

/** An e-mail as compared: lower case. */
export function emailKey(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * A phone number as compared: its last nine digits, so "+33 6 39 98 12 34", "0033639981234" and
 * "06 39 98 12 34" agree; null for fewer than six digits.
 */
export function phoneKey(value: string): string | null {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 6) return null;
  return digits.slice(-9);
}
