/**
 * Auto-lock wiring (electron/main/autolock.ts) against a real core: an unlocked encrypted store
 * in a temp folder. `powerMonitor` is replaced by an EventEmitter whose idle time the test sets —
 * the dependency, not the thing under test.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LockedEvent } from '../../../electron/contract/channels.js';
import { startAutoLock, type AutoLock, type IdleMonitor } from '../../../electron/main/autolock.js';
import { IDLE_POLL_MS } from '../../../electron/main/policy.js';
import { createCore, type Core } from '../../../electron/services/index.js';

class FakeMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

let dir: string;
let core: Core;
let monitor: FakeMonitor;
let notified: LockedEvent[];
let autoLock: AutoLock;

async function unlockNewProfile(): Promise<void> {
  const result = await core.router.dispatch('session.createProfile', {
    displayName: 'Advisor',
    maison: 'Maison Test',
    boutique: 'Paris',
    locale: 'en',
    passphrase: 'quiet harbour lamps at dusk 7',
  });
  expect(result.ok).toBe(true);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-autolock-'));
  core = createCore({ profilesDir: dir });
  monitor = new FakeMonitor();
  notified = [];
  autoLock = startAutoLock({
    monitor: monitor as unknown as IdleMonitor,
    session: core.session,
    router: core.router,
    notify: (e) => notified.push(e),
    log: () => undefined,
  });
});

afterEach(async () => {
  autoLock.stop();
  vi.useRealTimers();
  await core.session.lock();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('auto-lock', () => {
  it('locks on suspend and tells the window why', async () => {
    await unlockNewProfile();
    monitor.emit('suspend');
    await vi.waitFor(() => expect(core.session.store).toBeNull());
    expect(notified).toEqual([{ reason: 'suspend' }]);
  });

  it('locks on screen lock', async () => {
    await unlockNewProfile();
    monitor.emit('lock-screen');
    await vi.waitFor(() => expect(core.session.store).toBeNull());
    expect(notified).toEqual([{ reason: 'lock-screen' }]);
  });

  it('does nothing (and tells nobody) when no profile is unlocked', async () => {
    monitor.emit('suspend');
    monitor.idleSeconds = 100_000;
    await autoLock.tick();
    expect(await autoLock.lockNow('idle')).toBe(false);
    expect(notified).toEqual([]);
  });

  it('locks after the default ten idle minutes, not before', async () => {
    await unlockNewProfile();
    monitor.idleSeconds = 9 * 60 + 59;
    await autoLock.tick();
    expect(core.session.store).not.toBeNull();
    monitor.idleSeconds = 10 * 60;
    await autoLock.tick();
    expect(core.session.store).toBeNull();
    expect(notified).toEqual([{ reason: 'idle' }]);
  });

  it("follows the profile's own delay, including a change made while unlocked", async () => {
    await unlockNewProfile();
    expect((await core.router.dispatch('session.setAutoLock', { minutes: 2 })).ok).toBe(true);
    monitor.idleSeconds = 119;
    await autoLock.tick();
    expect(core.session.store).not.toBeNull();
    monitor.idleSeconds = 120;
    await autoLock.tick();
    expect(core.session.store).toBeNull();
  });

  it('polls on its own every 15 seconds', async () => {
    autoLock.stop();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    autoLock = startAutoLock({
      monitor: monitor as unknown as IdleMonitor,
      session: core.session,
      router: core.router,
      notify: (e) => notified.push(e),
      log: () => undefined,
    });
    await unlockNewProfile();
    monitor.idleSeconds = 3600;
    vi.advanceTimersByTime(IDLE_POLL_MS - 1);
    await Promise.resolve();
    expect(core.session.store).not.toBeNull();
    vi.advanceTimersByTime(1);
    await vi.waitFor(() => expect(core.session.store).toBeNull());
    expect(notified).toEqual([{ reason: 'idle' }]);
    expect(IDLE_POLL_MS).toBe(15_000);
  });

  it('locks once when events pile up', async () => {
    await unlockNewProfile();
    monitor.emit('lock-screen');
    monitor.emit('suspend');
    await vi.waitFor(() => expect(core.session.store).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(notified).toEqual([{ reason: 'lock-screen' }]);
  });

  it('stops listening once stopped', async () => {
    await unlockNewProfile();
    autoLock.stop();
    expect(monitor.listenerCount('suspend')).toBe(0);
    expect(monitor.listenerCount('lock-screen')).toBe(0);
    monitor.emit('suspend');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(core.session.store).not.toBeNull();
  });
});
