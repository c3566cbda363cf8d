/**
 * `window.carnet` as the preload builds it (electron/preload/bridge.ts). `ipcRenderer` is
 * replaced by a recorder — the dependency, not the thing under test.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { channelList, INVOKE_CHANNEL, LOCKED_EVENT, type LockedEvent } from '../../../electron/contract/channels.js';
import { createBridge, type BridgeIpc } from '../../../electron/preload/bridge.js';

class RecordingIpc extends EventEmitter implements BridgeIpc {
  calls: unknown[][] = [];
  reply: (args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 'from main' });
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.calls.push([channel, ...args]);
    return this.reply(args);
  }
}

function setup() {
  const ipc = new RecordingIpc();
  return { ipc, bridge: createBridge(ipc) };
}

describe('invoke', () => {
  it('forwards every contract channel over carnet:invoke, with its input', async () => {
    const { ipc, bridge } = setup();
    for (const channel of channelList) {
      await expect(bridge.invoke(channel, {} as never)).resolves.toEqual({ ok: true, value: 'from main' });
    }
    expect(ipc.calls).toEqual(channelList.map((channel) => [INVOKE_CHANNEL, channel, {}]));
  });

  it('refuses any other channel without sending anything', async () => {
    const { ipc, bridge } = setup();
    const invoke = bridge.invoke as (channel: unknown, input: unknown) => Promise<unknown>;
    for (const channel of ['db.exec', 'carnet:invoke', 'carnet:locked', 'session.status ', 'SESSION.STATUS', '__proto__', 'constructor', '', 42, null, undefined, {}, ['session.status']]) {
      await expect(invoke(channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(ipc.calls).toEqual([]);
  });

  it('never rejects: an undeliverable call settles as a typed error', async () => {
    const { ipc, bridge } = setup();
    ipc.reply = async () => {
      throw new Error('An object could not be cloned. (contains client Camille)');
    };
    const result = await bridge.invoke('session.status', { x: () => 1 } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('Camille');
  });
});

describe('onLocked', () => {
  it('passes a fresh { reason } and never the IPC event', () => {
    const { ipc, bridge } = setup();
    const seen: unknown[][] = [];
    bridge.onLocked((...args: unknown[]) => seen.push(args));
    const electronEvent = { sender: ipc, ports: [] };
    ipc.emit(LOCKED_EVENT, electronEvent, { reason: 'idle', extra: 'dropped' });
    expect(seen).toEqual([[{ reason: 'idle' }]]);
  });

  it('ignores payloads that are not a known reason', () => {
    const { ipc, bridge } = setup();
    const seen: LockedEvent[] = [];
    bridge.onLocked((e) => seen.push(e));
    for (const payload of [undefined, null, 'idle', { reason: 'because' }, { reason: 1 }]) ipc.emit(LOCKED_EVENT, {}, payload);
    ipc.emit(LOCKED_EVENT, {}, { reason: 'suspend' });
    ipc.emit(LOCKED_EVENT, {}, { reason: 'lock-screen' });
    expect(seen).toEqual([{ reason: 'suspend' }, { reason: 'lock-screen' }]);
  });

  it('returns an unsubscribe that removes exactly its listener', () => {
    const { ipc, bridge } = setup();
    const a: LockedEvent[] = [];
    const b: LockedEvent[] = [];
    const offA = bridge.onLocked((e) => a.push(e));
    bridge.onLocked((e) => b.push(e));
    offA();
    ipc.emit(LOCKED_EVENT, {}, { reason: 'idle' });
    expect(a).toEqual([]);
    expect(b).toEqual([{ reason: 'idle' }]);
    expect(ipc.listenerCount(LOCKED_EVENT)).toBe(1);
  });

  it('listens on carnet:locked only, and ignores a non-function callback', () => {
    const { ipc, bridge } = setup();
    (bridge.onLocked as (cb: unknown) => () => void)('not a function')();
    expect(ipc.eventNames()).toEqual([]);
    bridge.onLocked(() => undefined);
    expect(ipc.eventNames()).toEqual([LOCKED_EVENT]);
  });

  it('exposes invoke and onLocked, nothing else', () => {
    expect(Object.keys(setup().bridge).sort()).toEqual(['invoke', 'onLocked']);
  });
});
