/**
 * The special-category matcher: a small phrase engine over the folded words of a text.
 *
 * A rule is a sequence of word patterns ("heart attack*", "casier judiciaire") plus cheap context
 * conditions on the neighbouring words of the same sentence: the word just before or after,
 * a word that must (or must not) appear within a few words. This is enough to tell "recovering
 * from surgery" from "surgical steel", "elle est enceinte" from "l'enceinte du château", and "the
 * Labour Party" from "a party for her 40th" — without a language model, in one pass over the
 * words, with an index on each rule's first word.
 *
 * Syntax. `seq` lists phrases separated by "|"; a phrase is words separated by spaces or hyphens;
 * a word may list alternatives separated by "/" ("labour/tory party/parties"). In the context
 * fields (prev, next, near…), which name one word, alternatives are separated by "|". A trailing
 * "*" makes a stem ("diabet*" matches "diabetes", "diabetique"). Words are folded (lower-case, no
 * accents, œ → oe) and split on anything that is not a letter or a digit ("l'hôpital" → "l",
 * "hopital"), so rules are written the same way.
 */
import type { SpecialCategory } from './types.js';

export interface Rule {
  /** The category reported. */
  cat: SpecialCategory;
  /** The phrases: "|" between phrases, spaces between words, "/" between a word's alternatives. */
  seq: string;
  /** The word just before the phrase must match (same sentence). */
  prev?: string;
  /** The word just before the phrase must not match. */
  notPrev?: string;
  /** The word just after the phrase must match. */
  next?: string;
  /** The word just after the phrase must not match. */
  notNext?: string;
  /** Some word within `win` words before or after must match. */
  near?: string;
  /** No word within `win` words before or after may match. */
  notNear?: string;
  /** Some word within `win` words after must match. */
  after?: string;
  /** Some word within `win` words before must match. */
  before?: string;
  /** Window size for near/notNear/after/before, in words (default 6). */
  win?: number;
  /**
   * Words after the phrase that belong to the finding's span, so that highlighting and redaction
   * cover the meaning ("votes for the Greens", not just "votes"). The span also always takes in
   * the word matched by `next`, `after` or `before`; extensions stop at punctuation.
   */
  extend?: number;
  /**
   * A last check with full access to the words, for the few rules that need one. It may return
   * the index of the last word the span should cover (e.g. the organ in "opération du genou").
   */
  when?: (w: Words, first: number, last: number) => boolean | number;
}

/** The words of a folded text, with folded offsets and sentence numbers. */
export interface Words {
  readonly text: readonly string[];
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly sentence: readonly number[];
  /** The characters between word i−1 and word i (folded). */
  gap(i: number): string;
  /** Word i in the same sentence as word `of`, or undefined. */
  at(i: number, of: number): string | undefined;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function words(folded: string): Words {
  const text: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const sentence: number[] = [];
  let s = 0;
  let prevEnd = 0;
  for (const m of folded.matchAll(WORD)) {
    if (text.length > 0) {
      for (let k = prevEnd; k < m.index; k++) {
        const c = folded.charCodeAt(k);
        // . ! ? ; and newline end a sentence.
        if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10) {
          s++;
          break;
        }
      }
    }
    text.push(m[0]);
    start.push(m.index);
    end.push(m.index + m[0].length);
    sentence.push(s);
    prevEnd = m.index + m[0].length;
  }
  return {
    text,
    start,
    end,
    sentence,
    gap(i: number): string {
      return i <= 0 ? folded.slice(0, start[0] ?? 0) : folded.slice(end[i - 1]!, start[i]!);
    },
    at(i: number, of: number): string | undefined {
      if (i < 0 || i >= text.length) return undefined;
      return sentence[i] === sentence[of] ? text[i] : undefined;
    },
  };
}

/** A compiled word pattern. */
export interface WordPattern {
  exact: ReadonlySet<string>;
  stems: readonly string[];
}

export function compileWord(p: string, sep = '|'): WordPattern {
  const exact = new Set<string>();
  const stems: string[] = [];
  for (const alt of p.split(sep)) {
    if (alt.length === 0) throw new Error(`empty alternative in "${p}"`);
    if (alt.endsWith('*')) stems.push(alt.slice(0, -1));
    else exact.add(alt);
  }
  return { exact, stems };
}

export function matchWord(p: WordPattern, w: string | undefined): boolean {
  if (w === undefined) return false;
  if (p.exact.has(w)) return true;
  for (const s of p.stems) if (w.startsWith(s)) return true;
  return false;
}

interface Compiled {
  rule: Rule;
  seq: WordPattern[];
  prev?: WordPattern;
  notPrev?: WordPattern;
  next?: WordPattern;
  notNext?: WordPattern;
  near?: WordPattern;
  notNear?: WordPattern;
  after?: WordPattern;
  before?: WordPattern;
  win: number;
}

export interface SpecialHit {
  cat: SpecialCategory;
  /** Folded offsets. */
  start: number;
  end: number;
}

export class PhraseMatcher {
  private readonly byWord = new Map<string, Compiled[]>();
  private readonly byStem = new Map<string, Compiled[]>();
  private readonly stemLengths: number[];

  constructor(rules: readonly Rule[]) {
    const lengths = new Set<number>();
    const opt = (p: string | undefined): WordPattern | undefined => (p === undefined ? undefined : compileWord(p));
    for (const rule of rules) {
      const context = {
        prev: opt(rule.prev),
        notPrev: opt(rule.notPrev),
        next: opt(rule.next),
        notNext: opt(rule.notNext),
        near: opt(rule.near),
        notNear: opt(rule.notNear),
        after: opt(rule.after),
        before: opt(rule.before),
        win: rule.win ?? 6,
      };
      for (const phrase of rule.seq.split('|')) {
        const seq = phrase
          .split(/[^a-z0-9*/]+/)
          .filter((x) => x.length > 0)
          .map((x) => compileWord(x, '/'));
        if (seq.length === 0) throw new Error(`empty phrase in "${rule.seq}"`);
        const c: Compiled = { rule, seq, ...context };
        const first = seq[0]!;
        for (const w of first.exact) push(this.byWord, w, c);
        for (const s of first.stems) {
          push(this.byStem, s, c);
          lengths.add(s.length);
        }
      }
    }
    this.stemLengths = [...lengths].sort((a, b) => a - b);
  }

  match(w: Words): SpecialHit[] {
    const hits: SpecialHit[] = [];
    const n = w.text.length;
    for (let i = 0; i < n; i++) {
      const word = w.text[i]!;
      const exact = this.byWord.get(word);
      if (exact) for (const c of exact) this.tryRule(c, w, i, hits);
      for (const l of this.stemLengths) {
        if (l > word.length) break;
        const cs = this.byStem.get(word.slice(0, l));
        if (cs) for (const c of cs) this.tryRule(c, w, i, hits);
      }
    }
    return hits;
  }

  private tryRule(c: Compiled, w: Words, i: number, hits: SpecialHit[]): void {
    const last = i + c.seq.length - 1;
    for (let k = 1; k < c.seq.length; k++) {
      if (!matchWord(c.seq[k]!, w.at(i + k, i))) return;
    }
    const r = c.rule;
    if (c.prev && !matchWord(c.prev, w.at(i - 1, i))) return;
    if (c.notPrev && matchWord(c.notPrev, w.at(i - 1, i))) return;
    if (c.next && !matchWord(c.next, w.at(last + 1, i))) return;
    if (c.notNext && matchWord(c.notNext, w.at(last + 1, i))) return;
    if (c.near && this.window(c.near, w, i, last, c.win, true, true) < 0) return;
    if (c.notNear && this.window(c.notNear, w, i, last, c.win, true, true) >= 0) return;
    let spanStart = i;
    let spanEnd = last;
    if (c.after) {
      const k = this.window(c.after, w, i, last, c.win, false, true);
      if (k < 0) return;
      spanEnd = k;
    }
    if (c.before) {
      const k = this.window(c.before, w, i, last, c.win, true, false);
      if (k < 0) return;
      spanStart = k;
    }
    if (r.when) {
      const ok = r.when(w, i, last);
      if (ok === false) return;
      if (typeof ok === 'number') spanEnd = Math.max(spanEnd, ok);
    }
    if (c.next) spanEnd = Math.max(spanEnd, last + 1);
    for (let k = 1; k <= (r.extend ?? 0); k++) {
      const j = spanEnd + 1;
      if (w.at(j, i) === undefined || CLAUSE_BREAK.test(w.gap(j))) break;
      spanEnd = j;
    }
    hits.push({ cat: r.cat, start: w.start[spanStart]!, end: w.end[spanEnd]! });
  }

  /** Index of the nearest word within the window that matches, or −1. */
  private window(p: WordPattern, w: Words, first: number, last: number, win: number, before: boolean, after: boolean): number {
    if (after) for (let k = last + 1; k <= last + win; k++) if (matchWord(p, w.at(k, first))) return k;
    if (before) for (let k = first - 1; k >= first - win; k--) if (matchWord(p, w.at(k, first))) return k;
    return -1;
  }
}

/** Punctuation that ends a clause: a span extension does not cross it. */
const CLAUSE_BREAK = /[,:;()[\]{}"«»]|-\s|\s-/;

function push(map: Map<string, Compiled[]>, key: string, c: Compiled): void {
  const list = map.get(key);
  if (list) list.push(c);
  else map.set(key, [c]);
}
