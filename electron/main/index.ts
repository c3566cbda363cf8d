/**
 * The Electron shell's lifecycle: one instance, one hardened window, one IPC handler, auto-lock,
 * and a session that is locked whenever the app goes away. Everything the shell decides is in
 * policy.ts; everything the app does is in the core (`electron/services`), reached through the
 * router only.
 *
 * Logs name channels, error codes, URL schemes and reasons — never data, never a URL.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, session, type Session, type WebContents } from 'electron';
import { LOCKED_EVENT, type LockedEvent } from '../contract/channels.js';
import { createCore, type Core } from '../services/index.js';
import { startAutoLock, type AutoLock } from './autolock.js';
import { registerIpc } from './ipc.js';
import { saveBriefPdf } from './print.js';
import { locateNativeBinding } from './native.js';
import { devOriginFrom, type AppPage } from './policy.js';
import { hardenSession, hardenWebContents } from './security.js';
import { createMainWindow, installMenu } from './window.js';

const log = (message: string): void => console.log(`[carnet] ${message}`);

const QUIT_LOCK_TIMEOUT_MS = 5_000;
/** Chromium/Node switches that would open the app to a debugger; refused in a packaged app. */
const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'inspect-port'];

// Every renderer is sandboxed, whatever its webPreferences say. Must precede `ready`.
app.enableSandbox();

const rendererFile = path.join(import.meta.dirname, '../renderer/index.html');
const page: AppPage = {
  rendererIndexUrl: pathToFileURL(rendererFile).href,
  devOrigin: devOriginFrom(process.env['ELECTRON_RENDERER_URL'], app.isPackaged),
};
const devTools = !app.isPackaged;

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
let autoLock: AutoLock | null = null;
let quitState: 'running' | 'locking' | 'done' = 'running';
let lastRendererCrash = 0;

const hardened = new WeakSet<Session>();
function harden(ses: Session): void {
  if (hardened.has(ses)) return;
  hardened.add(ses);
  hardenSession(ses, page, log);
}

function appContents(): WebContents | null {
  return mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
}

/** Locks through the router, so the store is never closed under a running request. */
async function lockSession(): Promise<void> {
  if (core === null || core.session.store === null) return;
  const result = await core.router.dispatch('session.lock', {});
  if (!result.ok) log(`lock failed: ${result.error.code}`);
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return Promise.race([promise, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

function fail(message: string): void {
  dialog.showErrorBox('Carnet cannot start', message);
  app.exit(1);
}

async function start(): Promise<void> {
  if (app.isPackaged && DEBUG_SWITCHES.some((name) => app.commandLine.hasSwitch(name))) {
    log('refused to start with a debugging switch');
    app.exit(1);
    return;
  }
  // The window runs in the default session. Client data lives in the encrypted store only; the
  // page keeps nothing personal in web storage (it is on disk, unencrypted, under userData).
  harden(session.defaultSession);
  installMenu({ devTools, isMac: process.platform === 'darwin' });

  const native = locateNativeBinding({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron ?? '',
  });
  if (!native.ok) {
    fail(native.message);
    return;
  }

  core = createCore({
    profilesDir: path.join(app.getPath('userData'), 'profiles'),
    nativeBinding: native.path,
    onInternalError: (channel, code) => log(`internal error on ${channel}: ${code ?? 'unknown'}`),
  });
  registerIpc(ipcMain, {
    router: core.router,
    page,
    appContents,
    log,
    saveBriefPdf: (contents, fileName) =>
      saveBriefPdf(contents, fileName, {
        showSaveDialog: (options) => {
          const owner = BrowserWindow.fromWebContents(contents);
          return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
        },
        defaultDir: () => app.getPath('documents'),
      }),
  });

  mainWindow = createMainWindow({
    preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
    rendererFile: page.devOrigin === null ? rendererFile : null,
    devUrl: page.devOrigin === null ? null : `${page.devOrigin}/`,
    devTools,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // A renderer that died leaves no unlocked book behind: lock, then show the unlock screen.
  mainWindow.webContents.on('render-process-gone', (_event, details) => {
    log(`renderer gone: ${details.reason}`);
    void lockSession().then(() => {
      const contents = appContents();
      const now = Date.now();
      if (contents === null || now - lastRendererCrash < 10_000) return; // no crash loop
      lastRendererCrash = now;
      contents.reload();
    });
  });

  autoLock = startAutoLock({
    monitor: powerMonitor,
    session: core.session,
    router: core.router,
    notify: (event: LockedEvent) => appContents()?.send(LOCKED_EVENT, event),
    log,
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Carnet is running: it gets the focus (second-instance), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every session and every webContents, whoever creates it, gets the guards.
  app.on('session-created', (ses) => harden(ses));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, page, log));

  // macOS too: an unlocked book must not linger behind a closed window.
  app.on('window-all-closed', () => {
    void withTimeout(lockSession(), QUIT_LOCK_TIMEOUT_MS).finally(() => app.quit());
  });

  // Lock (which checkpoints and closes the store) before the process goes.
  app.on('before-quit', (event) => {
    if (quitState === 'done') return;
    event.preventDefault();
    if (quitState === 'locking') return;
    quitState = 'locking';
    autoLock?.stop();
    void withTimeout(lockSession(), QUIT_LOCK_TIMEOUT_MS).finally(() => {
      quitState = 'done';
      app.quit();
    });
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // The error's name only: its message could hold a path or worse.
      log(`startup failed: ${(error as Error | null)?.name ?? 'unknown'}`);
      fail('Carnet could not start. Quit and open it again; if it keeps failing, reinstall it.');
    });
}
