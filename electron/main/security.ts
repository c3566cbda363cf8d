/**
 * Deny by default, everywhere: the session (permissions, devices, downloads, requests, CSP) and
 * every webContents that is ever created (navigation, redirects, new windows, webviews). The
 * guards are attached in `app.on('web-contents-created')`, so no webContents escapes them, even
 * one created by a future bug (the Signal Desktop pattern).
 *
 * Every decision is a pure function of policy.ts; this file only wires Electron's events to it.
 * Logs carry a URL's scheme at most, never the URL (a `mailto:` link would hold an address).
 */
import type { Session, WebContents } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  devContentSecurityPolicy,
  isNavigationAllowed,
  requestDecision,
  schemeOf,
  withContentSecurityPolicy,
  type AppPage,
} from './policy.js';

type Log = (message: string) => void;

export function hardenSession(ses: Session, page: AppPage, log: Log): void {
  // No permission is ever granted: camera, microphone, notifications, geolocation, clipboard
  // read, HID/serial/USB, fullscreen requests… Carnet needs none of them.
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`permission refused: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Device pickers (WebHID, Web Serial, WebUSB) never select anything. Screen capture is refused
  // by Electron itself while no display-media handler is set, and none is.
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });

  // Chromium's spellchecker downloads dictionaries and reads every note: off.
  ses.setSpellCheckerEnabled(false);

  // Nothing is ever downloaded.
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
    log('download cancelled');
  });

  // Carnet never uses the network: cancel every network request (the dev server excepted in
  // dev) and every file request outside the renderer's folder.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const decision = requestDecision(details.url, page);
    if (decision === 'cancel') log(`request cancelled (${schemeOf(details.url)})`);
    callback({ cancel: decision === 'cancel' });
  });

  // The CSP on every response that has headers (the dev server's, in dev). A file:// page may
  // not go through this hook: renderer/index.html carries the same policy in a meta tag.
  const policy = page.devOrigin === null ? CONTENT_SECURITY_POLICY : devContentSecurityPolicy(page.devOrigin);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}

export function hardenWebContents(contents: WebContents, page: AppPage, log: Log): void {
  const guardNavigation = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isNavigationAllowed(event.url, page)) return;
    event.preventDefault();
    log(`${kind} refused (${schemeOf(event.url)})`);
  };
  // will-frame-navigate covers the main frame and every subframe; will-navigate is kept as a
  // second net for the main frame.
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));

  // No new window, not even in the system browser: Carnet has nothing to open.
  contents.setWindowOpenHandler(({ url }) => {
    log(`window refused (${schemeOf(url)})`);
    return { action: 'deny' };
  });

  // <webview> is disabled in webPreferences; refuse any attach attempt all the same.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview refused');
  });

  // The Web Bluetooth picker never selects anything.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
