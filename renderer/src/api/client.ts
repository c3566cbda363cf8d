/**
 * A typed client over `window.carnet.invoke`: a settled `{ ok: false }` becomes a thrown
 * `CarnetError` from the contract, so pages and TanStack Query deal with one error type.
 */
import {
  CarnetError,
  carnetErrorSchema,
  errorCodes,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type ErrorCode,
  type InvokeResult,
} from './contract';

function toCode(code: string): ErrorCode {
  return (errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL';
}

export function isConnected(): boolean {
  return typeof window.carnet?.invoke === 'function';
}

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = window.carnet;
  if (!bridge) throw new CarnetError('INTERNAL', 'Carnet is not connected to its core.');
  let result: InvokeResult<ChannelOutput<C>>;
  try {
    result = await bridge.invoke(channel, input);
  } catch {
    throw new CarnetError('INTERNAL', 'Carnet’s core did not answer.');
  }
  if (result.ok) return result.value;
  // The error's extra details (a wait, a note's findings, an earlier gift) are kept only when
  // they match the contract's shape.
  const parsed = carnetErrorSchema.safeParse(result.error);
  if (!parsed.success) throw new CarnetError(toCode(result.error.code), result.error.message);
  const { code, message, retryAfterMs, findings, repeatOf } = parsed.data;
  throw new CarnetError(code, message, {
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(findings === undefined ? {} : { findings }),
    ...(repeatOf === undefined ? {} : { repeatOf }),
  });
}

/** Subscribes to the main process locking the session; a no-op where the bridge cannot tell. */
export function onLocked(listener: (reason: LockReason) => void): () => void {
  const bridge = window.carnet;
  if (!bridge || typeof bridge.onLocked !== 'function') return () => undefined;
  return bridge.onLocked((notice) => listener(toLockReason(notice?.reason)));
}

/** Why the window is back at the profile chooser: the advisor's own action, or the main process's. */
export type LockReason = 'manual' | 'idle' | 'suspend' | 'lock-screen' | 'other';

function toLockReason(reason: unknown): LockReason {
  return reason === 'idle' || reason === 'suspend' || reason === 'lock-screen' ? reason : 'other';
}

export function isCarnetError(error: unknown, ...codes: ErrorCode[]): error is CarnetError {
  return error instanceof CarnetError && (codes.length === 0 || codes.includes(error.code));
}
