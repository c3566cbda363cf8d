import type { TFunction } from 'i18next';

/**
 * The common relation labels ("daughter", "spouse", "referred by"…) in the advisor's language.
 * A label is what the advisor typed; only an exact match of a known English label is translated
 * (so a book written in English reads naturally in French). Anything else is shown as typed.
 */
const KNOWN = new Set([
  'spouse',
  'wife',
  'husband',
  'partner',
  'daughter',
  'son',
  'granddaughter',
  'grandson',
  'mother',
  'father',
  'sister',
  'brother',
  'assistant',
  'friend',
  'colleague',
  'business partner',
  'referred by',
  'influences',
]);

/** Labels whose other side has its own words ("referred by" seen from the referrer: "introduced the client"). */
const INVERSE = new Set(['referred by', 'influences']);

/**
 * `personIsFrom` false: the label was said of the client, not of the person shown ("<client> is
 * <label> of <person>"), so it is read from the person's side.
 */
export function relationLabel(t: TFunction, label: string | null | undefined, personIsFrom = true): string | null {
  if (!label) return null;
  const key = label.trim().toLowerCase();
  if (!personIsFrom) {
    if (INVERSE.has(key)) return t(`relationLabels.inverse.${key.replace(/ /g, '_')}`);
    const said = KNOWN.has(key) ? t(`relationLabels.${key.replace(/ /g, '_')}`, { defaultValue: label }) : label;
    return t('relationLabels.inverse.other', { label: said });
  }
  return KNOWN.has(key) ? t(`relationLabels.${key.replace(/ /g, '_')}`, { defaultValue: label }) : label;
}

export const knownRelationLabels: ReadonlySet<string> = KNOWN;
