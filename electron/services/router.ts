/**
 * The router: the one way into the core, shared by Electron's IPC and the test harness.
 * validate input → refuse while locked → run the handler → validate and strip output → audit.
 * Every failure leaves as `{ ok: false, error: { code, message } }` without personal data.
 */
import { z } from 'zod';
import {
  CarnetError,
  contract,
  isChannel,
  type Channel,
  type ChannelOutput,
  type ChannelSpec,
  type InvokeResult,
} from '../contract/index.js';
import { StoreError } from '../../db/errors.js';
import { storeErrorToCarnet, type SessionService } from './session/service.js';

export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024;

export interface RequestContext {
  session: SessionService;
  /** Ids (clients, people) the call touched, for the audit entry. Never the data. */
  touch(...ids: string[]): void;
}

export type Handler<C extends Channel> = (
  input: z.output<(typeof contract)[C]['input']>,
  ctx: RequestContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type Handlers = { [C in Channel]: Handler<C> };

/** Channels that are not written to the audit log: they read nothing about any client. */
const UNAUDITED = new Set<Channel>(['session.status', 'session.listProfiles', 'clients.list']);
/** Session channels that write their own audit entries at the right moment. */
const SELF_AUDITED = new Set<Channel>([
  'session.unlock',
  'session.lock',
  'session.openDemo',
  'session.createProfile',
  'session.changePassphrase',
  'session.deleteProfile',
]);

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The request is not valid.';
  const where = first.path
    .map((p) => String(p).slice(0, 40))
    .join('.')
    .replace(/[^\w.\-[\]]/g, '?');
  return `The request is not valid${where ? ` at “${where}”` : ''} (${first.code}).`;
}

function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns anything thrown into a typed, data-free error. */
export function toCarnetError(error: unknown): CarnetError {
  if (error instanceof CarnetError) return error;
  if (error instanceof StoreError) return storeErrorToCarnet(error);
  if (error instanceof z.ZodError) return new CarnetError('INVALID_INPUT', describeIssues(error));
  const code = errorCodeOf(error);
  if (code?.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new CarnetError('STORE_CORRUPT', 'The store is damaged. Restore it from a backup.');
  }
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) {
    return new CarnetError('STORE_BUSY', 'The store is busy; try again.');
  }
  return new CarnetError('INTERNAL', 'Something went wrong; nothing was changed.');
}

/**
 * The input as plain data: serialised once, measured, and parsed back. Validation then reads
 * exactly what was measured — no getters, proxies, inherited keys or `toJSON` tricks reach zod
 * or a handler, and nothing larger than the limit slips past it.
 */
function plainData(input: unknown): { bytes: number; value: unknown } | null {
  try {
    const text = JSON.stringify(input ?? {});
    if (text === undefined) return null;
    return { bytes: Buffer.byteLength(text, 'utf8'), value: JSON.parse(text) as unknown };
  } catch {
    return null; // cycles, BigInt, throwing getters
  }
}

export interface RouterOptions {
  /** Where to report internal failures; receives the channel and an error code, never data. */
  onInternalError?: (channel: string, code: string | undefined) => void;
}

export class Router {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly session: SessionService,
    private readonly handlers: Handlers,
    private readonly options: RouterOptions = {},
  ) {}

  /**
   * Runs one call. Calls are serialised: one store connection, and a lock never closes it
   * under a running query.
   */
  dispatch(channel: unknown, input: unknown): Promise<InvokeResult<unknown>> {
    const run = this.queue.then(() => this.run(channel, input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(channel: unknown, input: unknown): Promise<InvokeResult<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: new CarnetError('UNKNOWN_CHANNEL', 'There is no such request.').toJSON() };
    }
    const spec: ChannelSpec = contract[channel];
    const touched: string[] = [];
    let outcome: 'ok' | 'error' = 'error';
    try {
      const data = plainData(input);
      if (data === null) throw new CarnetError('INVALID_INPUT', 'The request is not valid.');
      if (data.bytes > (spec.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES)) {
        throw new CarnetError('PAYLOAD_TOO_LARGE', 'The request is too large.');
      }
      const parsed = spec.input.safeParse(data.value);
      if (!parsed.success) throw new CarnetError('INVALID_INPUT', describeIssues(parsed.error));
      if (!spec.whileLocked && !this.session.store) {
        throw new CarnetError('LOCKED', 'Unlock a profile first.');
      }
      const handler = this.handlers[channel] as Handler<Channel>;
      const result = await handler(parsed.data as never, { session: this.session, touch: (...ids) => touched.push(...ids) });
      const output = spec.output.safeParse(result);
      if (!output.success) {
        this.options.onInternalError?.(channel, 'OUTPUT_INVALID');
        throw new CarnetError('INTERNAL', 'Something went wrong; nothing was shown.');
      }
      outcome = 'ok';
      return { ok: true, value: output.data };
    } catch (error) {
      const carnetError = toCarnetError(error);
      if (carnetError.code === 'INTERNAL' && !(error instanceof CarnetError)) {
        this.options.onInternalError?.(channel, errorCodeOf(error) ?? (error as Error | null)?.name);
      }
      return { ok: false, error: carnetError.toJSON() };
    } finally {
      if (!UNAUDITED.has(channel) && !SELF_AUDITED.has(channel)) {
        try {
          this.session.audit(channel, touched, outcome);
        } catch {
          this.options.onInternalError?.(channel, 'AUDIT_FAILED');
        }
      }
    }
  }
}
