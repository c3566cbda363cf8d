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

export function relationLabel(t: TFunction, label: string | null | undefined): string | null {
  if (!label) return null;
  const key = label.trim().toLowerCase();
  return KNOWN.has(key) ? t(`relationLabels.${key.replace(/ /g, '_')}`, { defaultValue: label }) : label;
}

export const knownRelationLabels: ReadonlySet<string> = KNOWN;
