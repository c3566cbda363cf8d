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
  /** The client was erased already: only a tombstone is left, nothing to erase. */
  'ALREADY_ERASED',
  /** The subject-rights request was completed already (fulfilled or refused). */
  'REQUEST_CLOSED',
  'FORBIDDEN_SENDER',
  /**
   * The free-text scanner found something in a note that was not accepted (a card number, a
   * third party's e-mail, health…): `findings` says where, never what. Nothing was written.
   */
  'NOTE_FINDINGS',
  /** The same or a very similar gift was already given to this person: `repeatOf` says which. */
  'GIFT_REPEAT',
  /** A file could not be written where the advisor chose (disk full, no permission): nothing was left half-written. */
  'EXPORT_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/**
 * One finding of the free-text scanner, as an error or a scan reports it: which field, what kind
 * (and special category), where — UTF-16 offsets into the text as sent — and how serious. Never
 * the matched text.
 */
export const noteFindingSchema = z.object({
  field: z.string().max(40),
  kind: z.enum(['payment_card', 'iban', 'national_id', 'passport', 'email', 'phone', 'special_category']),
  category: z.enum(['health', 'religion', 'political_opinion', 'sexual_life', 'ethnicity', 'biometric', 'criminal', 'trade_union']).optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** `special` can never be kept; `sensitive` may be kept with a reason. */
  severity: z.enum(['special', 'sensitive']),
});
export type NoteFinding = z.infer<typeof noteFindingSchema>;

/** For GIFT_REPEAT: the earlier gift, by id and date only. */
export const giftRepeatSchema = z.object({
  giftId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  givenAt: z.string(),
});
export type GiftRepeat = z.infer<typeof giftRepeatSchema>;

export const carnetErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** For THROTTLED: how long to wait before the next attempt. */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** For NOTE_FINDINGS: what the scanner found and where. */
  findings: z.array(noteFindingSchema).max(500).optional(),
  /** For GIFT_REPEAT: the earlier gift. */
  repeatOf: giftRepeatSchema.optional(),
});

export type CarnetErrorShape = z.infer<typeof carnetErrorSchema>;

export interface CarnetErrorExtra {
  retryAfterMs?: number;
  findings?: NoteFinding[];
  repeatOf?: GiftRepeat;
}

export class CarnetError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs?: number;
  readonly findings?: NoteFinding[];
  readonly repeatOf?: GiftRepeat;

  constructor(code: ErrorCode, message: string, extra: CarnetErrorExtra = {}) {
    super(message);
    this.name = 'CarnetError';
    this.code = code;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.findings !== undefined) this.findings = extra.findings;
    if (extra.repeatOf !== undefined) this.repeatOf = extra.repeatOf;
  }

  toJSON(): CarnetErrorShape {
    const shape: CarnetErrorShape = { code: this.code, message: this.message };
    if (this.retryAfterMs !== undefined) shape.retryAfterMs = this.retryAfterMs;
    if (this.findings !== undefined) shape.findings = this.findings.map((f) => ({ ...f }));
    if (this.repeatOf !== undefined) shape.repeatOf = { ...this.repeatOf };
    return shape;
  }
}

export function isCarnetErrorShape(value: unknown): value is CarnetErrorShape {
  return carnetErrorSchema.safeParse(value).success;
}
