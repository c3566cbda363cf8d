/**
 * The one error shape that crosses the IPC boundary. A stable `code` the UI can translate and
 * a short human `message` that never holds personal data, a passphrase or a stack trace.
 */
import { z } from 'zod';

export const errorCodes = [
  'INVALID_INPUT',
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_CHANNEL',
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
  /** The purpose needs a consent the client has not given (the message names which). */
  'CONSENT_MISSING',
  /** The consent change contradicts the ledger: already granted, already withdrawn, backdated. */
  'CONSENT_CONFLICT',
  /** The client's processing is restricted: read-only until the restriction is lifted. */
  'RESTRICTED',
  /** Health, religion, politics, sexuality, ethnicity, biometrics, criminal records, unions: refused. */
  'SPECIAL_CATEGORY',
  /** Only clients consent and are contacted; the people around them keep a short list of fields. */
  'NOT_A_CLIENT',
  /** A field the privacy policy does not know, or does not place in the named category. */
  'NOT_IN_POLICY',
  'FORBIDDEN_SENDER',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const carnetErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** For THROTTLED: how long to wait before the next attempt. */
  retryAfterMs: z.number().int().nonnegative().optional(),
});

export type CarnetErrorShape = z.infer<typeof carnetErrorSchema>;

export class CarnetError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, message: string, extra: { retryAfterMs?: number } = {}) {
    super(message);
    this.name = 'CarnetError';
    this.code = code;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
  }

  toJSON(): CarnetErrorShape {
    return this.retryAfterMs === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterMs: this.retryAfterMs };
  }
}

export function isCarnetErrorShape(value: unknown): value is CarnetErrorShape {
  return carnetErrorSchema.safeParse(value).success;
}
