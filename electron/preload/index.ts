import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../contract/index.js';

const allowed = new Set<string>(channelNames);
contextBridge.exposeInMainWorld('carnet', {
  invoke: (channel: string, input: unknown) =>
    allowed.has(channel) ? ipcRenderer.invoke('carnet:invoke', channel, input) : Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'There is no such request.' } }),
});
