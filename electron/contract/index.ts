/**
 * The IPC contract: every channel the renderer may call, with its zod input and output schemas.
 * The preload exposes these channels and no others; the router validates both directions.
 */
import type { z } from 'zod';
import { clientBookContract, clientsContract } from './clients.js';
import type { ChannelSpec } from './common.js';
import type { GiftRepeat, NoteFinding } from './errors.js';
import { ioContract } from './io.js';
import { privacyContract } from './privacy.js';
import { sessionContract } from './session.js';

export const contract = {
  ...sessionContract,
  ...clientsContract,
  ...clientBookContract,
  ...privacyContract,
  ...ioContract,
} satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channelNames = Object.freeze(Object.keys(contract)) as readonly Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** How `window.carnet.invoke` settles: a value, or a typed error (never a thrown stack). */
export type InvokeResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: {
        code: string;
        message: string;
        retryAfterMs?: number;
        /** NOTE_FINDINGS: where the scanner found what (never the text). */
        findings?: NoteFinding[];
        /** GIFT_REPEAT: the earlier gift's id and date. */
        repeatOf?: GiftRepeat;
      };
    };

/**
 * What the preload (in Electron) or the harness bridge (in a browser) exposes as
 * `window.carnet`, typed end to end. It never throws for a refused call: it settles with
 * `{ ok: false, error }`, because Electron drops the fields of errors thrown across IPC.
 */
export interface CarnetApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<InvokeResult<ChannelOutput<C>>>;
}

export * from './common.js';
export * from './errors.js';
export * from './session.js';
export * from './clients.js';
export * from './privacy.js';
export * from './io.js';
