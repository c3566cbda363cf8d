import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../electron/services/handlers.js';
import { createCore, type Core } from '../../../electron/services/index.js';
import { Router } from '../../../electron/services/router.js';
import { tempDir } from '../../support/tmp.js';

const PASS = 'the router guards the door';

describe('router — validate, refuse, strip, audit', () => {
  let core: Core;
  let cleanup: () => void;

  beforeEach(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    core = createCore({ profilesDir: t.dir });
  });
  afterEach(async () => {
    await core.session.lock();
    cleanup();
  });

  const unlock = async (): Promise<void> => {
    const r = await core.router.dispatch('session.createProfile', { displayName: 'R', maison: 'M', boutique: 'B', locale: 'en', passphrase: PASS });
    expect(r.ok).toBe(true);
  };

  it('refuses unknown channels, including prototype names', async () => {
    for (const channel of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, undefined, { channel: 'session.status' }]) {
      const r = await core.router.dispatch(channel, {});
      expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'There is no such request.' } });
    }
  });

  it('refuses a payload of the wrong shape, with extra keys, or hostile keys', async () => {
    await unlock();
    const bad: unknown[] = [
      'a string',
      42,
      [],
      { limit: 'ten' },
      { limit: 10.5 },
      { limit: -1 },
      { sort: 'price' },
      { extra: true },
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: { prototype: { polluted: true } } },
      { query: { $gt: '' } },
    ];
    for (const input of bad) {
      const r = await core.router.dispatch('clients.list', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 10 MB payload and unserialisable input without running anything', async () => {
    await unlock();
    const huge = await core.router.dispatch('clients.list', { query: 'x'.repeat(10 * 1024 * 1024) });
    expect(huge.ok === false && huge.error.code).toBe('PAYLOAD_TOO_LARGE');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cycle = await core.router.dispatch('clients.list', cyclic);
    expect(cycle.ok === false && cycle.error.code).toBe('INVALID_INPUT');
    const big = await core.router.dispatch('clients.list', { query: 1n } as unknown);
    expect(big.ok === false && big.error.code).toBe('INVALID_INPUT');
  });

  it('refuses deep nesting and odd unicode as typed errors', async () => {
    await unlock();
    let deep: unknown = {};
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const r = await core.router.dispatch('clients.list', deep);
    expect(r.ok).toBe(false);
    for (const query of ['\u202Eevil', '\u0000', '"', 'NEAR(a b)', '*', 'a OR b', '🦄', '\uD800']) {
      const s = await core.router.dispatch('clients.list', { query });
      expect(s.ok).toBe(true);
    }
  });

  it('strips fields a handler returns by mistake: the output schema is the last gate', async () => {
    await unlock();
    const leaky = new Router(core.session, {
      ...handlers,
      'session.status': async () => ({ state: 'locked', profile: null, autoLockMinutes: null, passphrase: PASS, notes: ['secret'] }) as never,
    });
    const r = await leaky.dispatch('session.status', {});
    expect(r).toEqual({ ok: true, value: { state: 'locked', profile: null, autoLockMinutes: null } });
  });

  it('turns a handler crash into INTERNAL without its message, and reports only the channel and a code', async () => {
    await unlock();
    const reported: string[] = [];
    const crashing = new Router(
      core.session,
      {
        ...handlers,
        'clients.list': async () => {
          throw new Error('Éléonore Dubois, +33 6 12 34 56 78');
        },
      },
      { onInternalError: (channel, code) => reported.push(`${channel}:${code}`) },
    );
    const r = await crashing.dispatch('clients.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; nothing was changed.' } });
    expect(reported).toEqual(['clients.list:Error']);
  });

  it('serialises calls: a lock waits for the read before it', async () => {
    await unlock();
    const [list, lock, after] = await Promise.all([
      core.router.dispatch('clients.list', {}),
      core.router.dispatch('session.lock', {}),
      core.router.dispatch('clients.list', {}),
    ]);
    expect(list.ok).toBe(true);
    expect(lock.ok).toBe(true);
    expect(after.ok === false && after.error.code).toBe('LOCKED');
  });
});
