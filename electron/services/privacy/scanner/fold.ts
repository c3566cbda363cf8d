/**
 * Accent- and case-folding with an offset map back to the original text.
 *
 * Every detector runs over the folded text, where "Hôpital", "HOPITAL" and "ho\u0302pital" (NFD)
 * all read "hopital", ligatures are spelled out (œ → oe), typographic apostrophes, dashes and
 * spaces are plain ASCII, and invisible format characters (zero-width spaces, joiners, bidi
 * overrides, soft hyphens) are dropped so they can neither hide a number nor shift an offset.
 * Each folded UTF-16 unit remembers the original range it came from, so a match in the folded
 * text maps back to exact UTF-16 offsets in what the advisor typed.
 */

export interface Folded {
  /** The folded text: lower-case, accents removed, ASCII punctuation and spaces. */
  readonly text: string;
  /** For each folded unit, the original offset where its source character starts. */
  readonly start: Int32Array;
  /** For each folded unit, the original offset just past its source character (and trailing marks). */
  readonly end: Int32Array;
}

const COMBINING = /^\p{M}+$/u;
const FORMAT = /^\p{Cf}$/u;
const SPACE = /^\s$/u;
const MARKS = /\p{M}/gu;

const SPECIAL: Record<string, string> = {
  œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ẞ: 'ss', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l',
  ı: 'i', þ: 'th', Þ: 'th', ð: 'd', Ð: 'd',
  '\u2018': "'", '\u2019': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'", '\u00B4': "'", '`': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2028': '\n', '\u2029': '\n', '\u0085': '\n',
};

/** Folded form of one non-ASCII code point; '' means "drop"; null means "combining mark". */
const cache = new Map<string, string | null>();
function foldChar(ch: string): string | null {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out: string | null;
  const special = SPECIAL[ch];
  if (special !== undefined) out = special;
  else if (COMBINING.test(ch)) out = null;
  else if (FORMAT.test(ch)) out = '';
  else if (SPACE.test(ch)) out = ' ';
  else {
    out = ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
    // A compatibility decomposition may itself produce punctuation we normalise (e.g. fullwidth).
    out = SPECIAL[out] ?? out;
  }
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

export function fold(src: string): Folded {
  const n = src.length;
  // Most characters fold to exactly one unit; grow only if needed.
  let start = new Int32Array(n + 16);
  let end = new Int32Array(n + 16);
  const parts: string[] = [];
  let len = 0;
  const ensure = (extra: number): void => {
    if (len + extra <= start.length) return;
    const size = Math.max(start.length * 2, len + extra + 16);
    const s2 = new Int32Array(size);
    s2.set(start);
    start = s2;
    const e2 = new Int32Array(size);
    e2.set(end);
    end = e2;
  };

  let i = 0;
  while (i < n) {
    // Fast path: a run of ASCII.
    let j = i;
    while (j < n && src.charCodeAt(j) < 128) j++;
    if (j > i) {
      const run = src.slice(i, j).toLowerCase().replace(/[\t\r\f\v]/g, ' ');
      ensure(run.length);
      parts.push(run);
      for (let k = i; k < j; k++) {
        start[len] = k;
        end[len] = k + 1;
        len++;
      }
      i = j;
      continue;
    }
    const cp = src.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const ch = src.slice(i, i + w);
    const f = foldChar(ch);
    if (f === null) {
      // Combining mark: belongs to the previous character (NFD input).
      if (len > 0 && end[len - 1] === i) end[len - 1] = i + w;
    } else if (f.length > 0) {
      ensure(f.length);
      parts.push(f);
      for (let k = 0; k < f.length; k++) {
        start[len] = i;
        end[len] = i + w;
        len++;
      }
    }
    i += w;
  }
  return { text: parts.join(''), start: start.subarray(0, len), end: end.subarray(0, len) };
}

/** Original [start, end) of the folded range [fs, fe). */
export function toOriginal(f: Folded, fs: number, fe: number): [number, number] {
  return [f.start[fs]!, f.end[fe - 1]!];
}
