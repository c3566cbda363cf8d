/**
 * Failures of the store layer. They carry a stable code and a message that never holds
 * personal data or a passphrase; services map them to the contract's `CarnetError`.
 */
export type StoreErrorCode =
  | 'WRONG_PASSPHRASE'
  | 'NOT_A_STORE'
  | 'STORE_NOT_ENCRYPTED'
  | 'STORE_TRUNCATED'
  | 'STORE_CORRUPT'
  | 'STORE_MISSING'
  | 'STORE_EXISTS'
  | 'MIGRATION_FAILED'
  | 'REKEY_FAILED';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
