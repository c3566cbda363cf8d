/**
 * The one door from the renderer to the IPC contract: types and schemas only. Everything in
 * `renderer/` imports the contract from here, never from `electron/services`, `db` or `main`.
 */
export {
  CarnetError,
  errorCodes,
  PASSPHRASE_MAX,
  PASSPHRASE_MIN,
  AUTO_LOCK_MIN,
  AUTO_LOCK_MAX,
} from '../../../electron/contract/index.js';
export type {
  CarnetApi,
  Channel,
  ChannelInput,
  ChannelOutput,
  ClientListItem,
  ClientSummary,
  ErrorCode,
  InvokeResult,
  ProfileSummary,
  SessionStatus,
} from '../../../electron/contract/index.js';
