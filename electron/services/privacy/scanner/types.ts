/** Public types of the free-text scanner (re-exported by index.ts). */

export type FindingKind = 'payment_card' | 'iban' | 'national_id' | 'passport' | 'email' | 'phone' | 'special_category';

export type SpecialCategory =
  | 'health'
  | 'religion'
  | 'political_opinion'
  | 'sexual_life'
  | 'ethnicity'
  | 'biometric'
  | 'criminal'
  | 'trade_union';

export interface Finding {
  kind: FindingKind;
  /** Set when kind is 'special_category'. */
  category?: SpecialCategory;
  /** UTF-16 offsets into the scanned text, for highlighting: text.slice(start, end). */
  start: number;
  end: number;
  /** 'special' findings (GDPR art. 9 and criminal data) can never be kept; 'sensitive' ones may be kept with a reason. */
  severity: 'special' | 'sensitive';
}

export interface ScanOptions {
  /** The client's own e-mail addresses and phone numbers: not findings. */
  knownContacts?: readonly string[];
}
