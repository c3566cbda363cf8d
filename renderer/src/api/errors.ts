import i18next, { type TFunction } from 'i18next';
import { CarnetError } from './contract';

/**
 * The advisor-facing sentence for an error, in the active language: the plain-words
 * explanation written in `errors.code.<CODE>`, or the general one when a code has none yet.
 * Never a stack or raw data.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof CarnetError && i18next.exists(`errors.code.${error.code}`)) return t(`errors.code.${error.code}`);
  return t('errors.code.INTERNAL');
}
