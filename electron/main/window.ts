/**
 * The one window: hardened web preferences, calm chrome (ivory background, shown only once
 * painted), a fixed title, and a minimal menu.
 */
import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';

/** The app's background (renderer/styles), so the window never flashes white before paint. */
export const IVORY = '#F7F4EE';

export interface WindowOptions {
  preloadPath: string;
  /** `out/renderer/index.html` on disk, or null in dev. */
  rendererFile: string | null;
  /** The dev server URL in `electron-vite dev`, else null. */
  devUrl: string | null;
  /** Developer tools only in an unpackaged app. */
  devTools: boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Carnet',
    width: 1320,
    height: 860,
    minWidth: 1100,
    minHeight: 720,
    show: false,
    backgroundColor: IVORY,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false, // Chromium's spellchecker downloads dictionaries and reads every note
      devTools: options.devTools,
      navigateOnDragDrop: false,
      safeDialogs: true,
      experimentalFeatures: false,
    },
  });

  window.once('ready-to-show', () => window.show());
  // The title stays "Carnet": window titles show in task switchers and screen shares, and a
  // page title could name a client.
  window.on('page-title-updated', (event) => event.preventDefault());

  const loading =
    options.devUrl !== null
      ? window.loadURL(options.devUrl)
      : options.rendererFile !== null
        ? window.loadFile(options.rendererFile)
        : Promise.resolve();
  loading.catch(() => console.error('[carnet] the window could not load its page'));
  return window;
}

/**
 * Standard roles only (so copy, paste and undo keep their shortcuts, and macOS keeps its app
 * menu); reload and developer tools only in an unpackaged app.
 */
export function installMenu(options: { devTools: boolean; isMac: boolean }): void {
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : [{ role: 'fileMenu' as const }]),
    { role: 'editMenu' },
    ...(options.devTools ? [{ role: 'viewMenu' as const }] : []),
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
