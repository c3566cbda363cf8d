/**
 * The preload: `window.carnet = { invoke, onLocked }` and nothing else. `invoke` forwards only
 * the contract's channels, over the single `carnet:invoke` IPC channel; the main process checks
 * the sender and the router validates the input. Bundled as one CommonJS file
 * (out/preload/index.cjs): a sandboxed preload cannot load packages.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld('carnet', createBridge(ipcRenderer));
