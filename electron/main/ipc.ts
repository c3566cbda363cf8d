/**
 * The one IPC entry into the core: `carnet:invoke` (channel, input) → `router.dispatch`.
 *
 * There is no other handler, and no generic "run this method" channel: the router only runs the
 * contract's channels and validates both directions. Before anything runs, the sender must be
 * the app's own page in the app's own window, in its top frame (policy.isTrustedSender);
 * anything else gets FORBIDDEN_SENDER and the core is not touched.
 *
 * No runtime `electron` import (only types): `index.ts` passes `ipcMain` in, and
 * test/unit/main/ipc.test.ts drives the handler with a real core.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { INVOKE_CHANNEL } from '../contract/channels.js';
import { isChannel, type ChannelOutput, type InvokeResult } from '../contract/index.js';
import type { Router } from '../services/router.js';
import { isTrustedSender, type AppPage, type SenderFacts } from './policy.js';

export type Log = (message: string) => void;

/** The facts about an invoke's sender, read from Electron's event. */
export function senderFacts(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, appContents: WebContents | null): SenderFacts {
  const contents = event.sender;
  const isAppWindow = appContents !== null && !appContents.isDestroyed() && contents.id === appContents.id;
  let frame: IpcMainInvokeEvent['senderFrame'] = null;
  try {
    frame = event.senderFrame; // may be null, or throw, once the frame has navigated or died
  } catch {
    frame = null;
  }
  if (!frame || frame.detached) return { isAppWindow, isMainFrame: false, frameUrl: null };
  const main = contents.mainFrame;
  const isMainFrame =
    frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return { isAppWindow, isMainFrame, frameUrl: frame.url };
}

export const FORBIDDEN_SENDER: InvokeResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from Carnet’s own window.' },
};

export interface InvokeDeps {
  router: Pick<Router, 'dispatch'>;
  page: AppPage;
  /** The app's main window's webContents, or null before it exists / after it closed. */
  appContents: () => WebContents | null;
  log: Log;
  /**
   * Saves the sender's page as a PDF once the core has allowed a brief export (print.ts). Without
   * it, `io.exportBrief` answers the core's `allowed` and the page prints itself.
   */
  saveBriefPdf?: (contents: WebContents, fileName: string) => Promise<'saved' | 'cancelled'>;
}

export const EXPORT_FAILED: InvokeResult<never> = {
  ok: false,
  error: { code: 'EXPORT_FAILED', message: 'The file could not be saved there; nothing was written.' },
};

/** The handler itself, separate from its registration so it can be exercised without Electron. */
export function createInvokeHandler(deps: InvokeDeps) {
  return async (
    event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
    channel: unknown,
    input: unknown,
  ): Promise<InvokeResult<unknown>> => {
    if (!isTrustedSender(senderFacts(event, deps.appContents()), deps.page)) {
      // The channel name only when it is one of ours: a foreign sender's strings are not logged.
      deps.log(`refused ${isChannel(channel) ? channel : 'an unknown channel'}: FORBIDDEN_SENDER`);
      return FORBIDDEN_SENDER;
    }
    const result = await deps.router.dispatch(channel, input);
    if (channel !== 'io.exportBrief' || !result.ok || deps.saveBriefPdf === undefined) return result;
    // The core allowed the export and audited it; `to` is what the router validated, never the raw
    // input. For a PDF, the render and the save dialog happen here, outside the router's queue: a
    // dialog left open never holds up the core (nor an auto-lock). 'printer': the page prints itself.
    const allowed = result.value as ChannelOutput<'io.exportBrief'>;
    if (allowed.to !== 'pdf') return result;
    try {
      const outcome = await deps.saveBriefPdf(event.sender as WebContents, allowed.fileName);
      return { ok: true, value: { ...allowed, outcome } };
    } catch (error) {
      deps.log(`brief export failed: ${(error as NodeJS.ErrnoException | null)?.code ?? 'unknown'}`);
      return EXPORT_FAILED;
    }
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: InvokeDeps): () => void {
  ipcMain.removeHandler(INVOKE_CHANNEL);
  ipcMain.handle(INVOKE_CHANNEL, createInvokeHandler(deps));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
