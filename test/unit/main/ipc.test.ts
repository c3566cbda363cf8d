/**
 * The `carnet:invoke` handler (electron/main/ipc.ts) against a real core (router, session,
 * encrypted store in a temp folder). Electron is not loaded: the handler receives objects shaped
 * like Electron's event (sender webContents, senderFrame), which is all it reads.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNEL } from '../../../electron/contract/channels.js';
import { createInvokeHandler, FORBIDDEN_SENDER, registerIpc, senderFacts } from '../../../electron/main/ipc.js';
import type { AppPage } from '../../../electron/main/policy.js';
import { createCore, type Core } from '../../../electron/services/index.js';

const indexUrl = pathToFileURL(path.resolve('/opt/Carnet/resources/app.asar/out/renderer/index.html')).href;
const page: AppPage = { rendererIndexUrl: indexUrl, devOrigin: null };

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
  detached: boolean;
}

function frame(url: string, overrides: Partial<FakeFrame> = {}): FakeFrame {
  return { url, parent: null, processId: 7, routingId: 1, detached: false, ...overrides };
}

function contents(id: number, mainFrame: FakeFrame): WebContents {
  return { id, mainFrame, isDestroyed: () => false } as unknown as WebContents;
}

function event(sender: WebContents, senderFrame: FakeFrame | null): Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'> {
  return { sender, senderFrame } as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
}

const createInput = {
  displayName: 'Camille Laurent',
  maison: 'Maison Test',
  boutique: 'Paris',
  locale: 'fr' as const,
  passphrase: 'velvet lantern over the seine 42',
};

let dir: string;
let core: Core;
let logs: string[];
const mainFrame = frame(indexUrl);
const appWindow = contents(1, mainFrame);
let handler: ReturnType<typeof createInvokeHandler>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-ipc-'));
  core = createCore({ profilesDir: dir, demoClients: 5 });
  logs = [];
  handler = createInvokeHandler({ router: core.router, page, appContents: () => appWindow, log: (m) => logs.push(m) });
});

afterEach(async () => {
  await core.session.lock();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('carnet:invoke', () => {
  it("runs the router for the app's own page and returns its result", async () => {
    const result = await handler(event(appWindow, mainFrame), 'session.status', {});
    expect(result).toEqual({ ok: true, value: { state: 'locked', profile: null, autoLockMinutes: null } });
  });

  it('returns the router’s typed errors unchanged (unknown channel, bad input)', async () => {
    expect(await handler(event(appWindow, mainFrame), 'db.exec', { sql: 'DROP TABLE client' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await handler(event(appWindow, mainFrame), 'session.unlock', { profileId: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses a foreign sender before anything runs: no profile is created', async () => {
    const foreign = [
      // another window's page
      event(contents(2, frame(indexUrl)), frame(indexUrl)),
      // an iframe inside the app window
      event(appWindow, frame(indexUrl, { parent: mainFrame, routingId: 9 })),
      // the app window after it navigated somewhere else
      event(appWindow, frame('https://example.com/')),
      // a frame that is gone
      event(appWindow, null),
      event(appWindow, frame(indexUrl, { detached: true })),
      // same window, right URL, but not its main frame (another process)
      event(appWindow, frame(indexUrl, { processId: 8 })),
    ];
    for (const e of foreign) {
      expect(await handler(e, 'session.createProfile', createInput)).toEqual(FORBIDDEN_SENDER);
    }
    expect(core.session.listProfiles()).toEqual([]);
    expect(core.session.store).toBeNull();
    // logged by channel name and code only — never the input
    expect(logs.every((l) => l === 'refused session.createProfile: FORBIDDEN_SENDER')).toBe(true);
    expect(logs.join('\n')).not.toContain('Camille');
  });

  it('does not echo a foreign sender’s channel string into the log', async () => {
    await handler(event(appWindow, null), 'Camille Laurent, 12 rue X', {});
    expect(logs).toEqual(['refused an unknown channel: FORBIDDEN_SENDER']);
  });

  it('refuses everyone while the app window does not exist', async () => {
    const closed = createInvokeHandler({ router: core.router, page, appContents: () => null, log: () => undefined });
    expect(await closed(event(appWindow, mainFrame), 'session.status', {})).toEqual(FORBIDDEN_SENDER);
  });

  it('the trusted page does reach the core (the same call that was refused above)', async () => {
    const created = await handler(event(appWindow, mainFrame), 'session.createProfile', createInput);
    expect(created).toMatchObject({ ok: true, value: { displayName: 'Camille Laurent' } });
    expect(core.session.store).not.toBeNull();
  });
});

describe('senderFacts', () => {
  it('reads a frame that throws on access as gone', () => {
    const throwing = {
      sender: appWindow,
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    } as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
    expect(senderFacts(throwing, appWindow)).toEqual({ isAppWindow: true, isMainFrame: false, frameUrl: null });
  });
});

describe('registerIpc', () => {
  it('registers exactly one handler, on carnet:invoke, and removes it', () => {
    const handled = new Map<string, unknown>();
    const fakeIpcMain = {
      handle: (channel: string, listener: unknown) => void handled.set(channel, listener),
      removeHandler: (channel: string) => void handled.delete(channel),
    };
    const unregister = registerIpc(fakeIpcMain, { router: core.router, page, appContents: () => appWindow, log: () => undefined });
    expect([...handled.keys()]).toEqual([INVOKE_CHANNEL]);
    unregister();
    expect(handled.size).toBe(0);
  });
});
