import type { TFunction } from 'i18next';
import { CarnetError, type ErrorCode } from './contract';

/** Codes whose plain-words explanation is written in `errors.code.*`. */
const translated: readonly ErrorCode[] = [
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'LOCKED',
  'ALREADY_UNLOCKED',
  'WRONG_PASSPHRASE',
  'THROTTLED',
  'WEAK_PASSPHRASE',
  'PROFILE_NOT_FOUND',
  'CONFIRMATION_MISMATCH',
  'NOT_A_STORE',
  'STORE_NOT_ENCRYPTED',
  'STORE_TRUNCATED',
  'STORE_CORRUPT',
  'STORE_BUSY',
  'NOT_FOUND',
];

/** The advisor-facing sentence for an error, in the active language. Never a stack or raw data. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof CarnetError && translated.includes(error.code)) return t(`errors.code.${error.code}`);
  return t('errors.code.INTERNAL');
}
