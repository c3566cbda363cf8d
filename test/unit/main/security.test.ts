/**
 * The wiring of electron/main/security.ts: that each Electron hook is attached and answers with
 * the policy's decision. security.ts imports Electron's types only, so it runs here against
 * recorders shaped like a Session and a WebContents (the dependency, not the thing under test).
 * The decisions themselves are covered in policy.test.ts.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, type AppPage } from '../../../electron/main/policy.js';
import { hardenSession, hardenWebContents } from '../../../electron/main/security.js';

const indexUrl = pathToFileURL(path.resolve('/opt/Carnet/resources/app.asar/out/renderer/index.html')).href;
const page: AppPage = { rendererIndexUrl: indexUrl, devOrigin: null };

type Fn = (...args: never[]) => unknown;

class FakeSession extends EventEmitter {
  handlers: Record<string, Fn> = {};
  webRequest = {
    onBeforeRequest: (listener: Fn) => void (this.handlers['onBeforeRequest'] = listener),
    onHeadersReceived: (listener: Fn) => void (this.handlers['onHeadersReceived'] = listener),
  };
  setPermissionRequestHandler(h: Fn) {
    this.handlers['permissionRequest'] = h;
  }
  setPermissionCheckHandler(h: Fn) {
    this.handlers['permissionCheck'] = h;
  }
  setDevicePermissionHandler(h: Fn) {
    this.handlers['devicePermission'] = h;
  }
  spellChecker = true;
  setSpellCheckerEnabled(enabled: boolean) {
    this.spellChecker = enabled;
  }
}

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
}

function preventable(extra: Record<string, unknown> = {}) {
  return { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...extra };
}

function call<T>(fn: Fn | undefined, ...args: unknown[]): T {
  if (!fn) throw new Error('handler not installed');
  return (fn as (...a: unknown[]) => T)(...args);
}

function hardenedSession() {
  const ses = new FakeSession();
  const logs: string[] = [];
  hardenSession(ses as unknown as Session, page, (m) => logs.push(m));
  return { ses, logs };
}

function hardenedContents() {
  const contents = new FakeContents();
  const logs: string[] = [];
  hardenWebContents(contents as unknown as WebContents, page, (m) => logs.push(m));
  return { contents, logs };
}

describe('hardenSession', () => {
  it('refuses every permission request and check, and every device', () => {
    const { ses } = hardenedSession();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      let granted: boolean | undefined;
      call(ses.handlers['permissionRequest'], {}, permission, (ok: boolean) => (granted = ok), {});
      expect(granted, permission).toBe(false);
      expect(call(ses.handlers['permissionCheck'], {}, permission, 'file://', {}), permission).toBe(false);
    }
    expect(call(ses.handlers['devicePermission'], { deviceType: 'usb' })).toBe(false);
  });

  it('cancels network requests and lets the page’s own files through', () => {
    const { ses, logs } = hardenedSession();
    const decide = (url: string) => {
      let response: { cancel?: boolean } | undefined;
      call(ses.handlers['onBeforeRequest'], { url }, (r: { cancel?: boolean }) => (response = r));
      return response;
    };
    expect(decide('https://example.com/track?client=Camille')).toEqual({ cancel: true });
    expect(decide('wss://example.com/')).toEqual({ cancel: true });
    expect(decide(indexUrl)).toEqual({ cancel: false });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(logs).toEqual(['request cancelled (https:)', 'request cancelled (wss:)', 'request cancelled (file:)']);
  });

  it('puts the strict CSP on every response, replacing any other', () => {
    const { ses } = hardenedSession();
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    call(
      ses.handlers['onHeadersReceived'],
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (r: typeof response) => (response = r),
    );
    expect(response?.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('turns the spellchecker off (it downloads dictionaries)', () => {
    expect(hardenedSession().ses.spellChecker).toBe(false);
  });

  it('cancels every download', () => {
    const { ses, logs } = hardenedSession();
    const event = preventable();
    let cancelled = false;
    ses.emit('will-download', event, { cancel: () => (cancelled = true) }, {});
    expect(event.defaultPrevented).toBe(true);
    expect(cancelled).toBe(true);
    expect(logs).toEqual(['download cancelled']);
  });

  it('selects no HID, serial or USB device', () => {
    const { ses } = hardenedSession();
    const picks: unknown[] = [];
    const e1 = preventable();
    ses.emit('select-hid-device', e1, {}, (id: unknown) => picks.push(id));
    const e2 = preventable();
    ses.emit('select-serial-port', e2, [], {}, (id: unknown) => picks.push(id));
    const e3 = preventable();
    ses.emit('select-usb-device', e3, {}, (id?: unknown) => picks.push(id));
    expect([e1, e2, e3].every((e) => e.defaultPrevented)).toBe(true);
    expect(picks).toEqual([null, '', undefined]);
  });
});

describe('hardenWebContents', () => {
  for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`${name}: only to the app's own page`, () => {
      const { contents, logs } = hardenedContents();
      const away = preventable({ url: 'https://example.com/?q=Camille' });
      contents.emit(name, away);
      expect(away.defaultPrevented).toBe(true);
      const js = preventable({ url: 'javascript:alert(1)' });
      contents.emit(name, js);
      expect(js.defaultPrevented).toBe(true);
      const home = preventable({ url: `${indexUrl}#/clients` });
      contents.emit(name, home);
      expect(home.defaultPrevented).toBe(false);
      // the log names the scheme, never the URL
      expect(logs.join('\n')).not.toContain('example.com');
      expect(logs.join('\n')).not.toContain('Camille');
    });
  }

  it('opens no window, not even in the system browser', () => {
    const { contents } = hardenedContents();
    for (const url of ['https://example.com/', indexUrl, 'mailto:a@b.c', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('refuses to attach a webview', () => {
    const { contents } = hardenedContents();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('selects no Bluetooth device', () => {
    const { contents } = hardenedContents();
    const event = preventable();
    let picked: unknown = 'unset';
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'x' }], (id: unknown) => (picked = id));
    expect(event.defaultPrevented).toBe(true);
    expect(picked).toBe('');
  });
});
