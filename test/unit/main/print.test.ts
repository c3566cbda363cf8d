/**
 * The brief as a PDF (electron/main/print.ts), and `io.exportBrief` through the real
 * `carnet:invoke` handler and a real core on an encrypted demo store. Electron is not loaded:
 * `printToPDF` and the save dialog are fakes that record what they were asked; the files are
 * real, in a temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent, PrintToPDFOptions, SaveDialogOptions, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInvokeHandler, EXPORT_FAILED } from '../../../electron/main/ipc.js';
import type { AppPage } from '../../../electron/main/policy.js';
import { BRIEF_PDF_OPTIONS, saveBriefPdf, withPdfExtension, writeFileAtomically, type PdfDeps } from '../../../electron/main/print.js';
import { createCore, type Core } from '../../../electron/services/index.js';

const PDF = Buffer.from('%PDF-1.7\n% a brief, rendered by a fake printToPDF\n%%EOF\n');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-print-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Recorded {
  printed: PrintToPDFOptions[];
  dialogs: SaveDialogOptions[];
}

function fakes(answer: { canceled: boolean; filePath?: string } | (() => never), recorded: Recorded, print: () => Promise<Buffer> = async () => PDF) {
  const contents = {
    printToPDF: async (options: PrintToPDFOptions) => {
      recorded.printed.push(options);
      return print();
    },
  } as Pick<WebContents, 'printToPDF'>;
  const deps: PdfDeps = {
    showSaveDialog: async (options) => {
      recorded.dialogs.push(options);
      if (typeof answer === 'function') return answer();
      return answer.filePath === undefined ? { canceled: answer.canceled, filePath: '' } : { canceled: answer.canceled, filePath: answer.filePath };
    },
    defaultDir: () => path.join(dir, 'Documents'),
  };
  return { contents, deps };
}

const filesIn = (folder: string): string[] => fs.readdirSync(folder).sort();

describe('saveBriefPdf', () => {
  it('renders the page as A4 with the page’s own @page size, then saves it where the advisor chose, 0600', async () => {
    const recorded: Recorded = { printed: [], dialogs: [] };
    const target = path.join(dir, 'brief.pdf');
    const { contents, deps } = fakes({ canceled: false, filePath: target }, recorded);

    expect(await saveBriefPdf(contents, 'Carnet brief 2026-11-24 ABC123.pdf', deps)).toBe('saved');

    expect(recorded.printed).toEqual([BRIEF_PDF_OPTIONS]);
    expect(BRIEF_PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, displayHeaderFooter: false });
    expect(recorded.dialogs[0]?.defaultPath).toBe(path.join(dir, 'Documents', 'Carnet brief 2026-11-24 ABC123.pdf'));
    expect(recorded.dialogs[0]?.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(fs.readFileSync(target)).toEqual(PDF);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(filesIn(dir)).toEqual(['brief.pdf']); // no temporary file left behind
  });

  it('writes nothing when the advisor cancels the dialog', async () => {
    const recorded: Recorded = { printed: [], dialogs: [] };
    const { contents, deps } = fakes({ canceled: true }, recorded);
    expect(await saveBriefPdf(contents, 'Carnet brief 2026-11-24 ABC123.pdf', deps)).toBe('cancelled');
    expect(filesIn(dir)).toEqual([]);
  });

  it('adds .pdf to a name typed without it, and keeps only a file name from the suggestion', async () => {
    const recorded: Recorded = { printed: [], dialogs: [] };
    const { contents, deps } = fakes({ canceled: false, filePath: path.join(dir, 'for Thursday') }, recorded);
    expect(await saveBriefPdf(contents, '../../etc/Carnet brief.pdf', deps)).toBe('saved');
    expect(recorded.dialogs[0]?.defaultPath).toBe(path.join(dir, 'Documents', 'Carnet brief.pdf'));
    expect(filesIn(dir)).toEqual(['for Thursday.pdf']);
    expect(withPdfExtension('/x/Brief.PDF')).toBe('/x/Brief.PDF');
  });

  it('opens no dialog and writes nothing when the page cannot be rendered', async () => {
    const recorded: Recorded = { printed: [], dialogs: [] };
    const { contents, deps } = fakes({ canceled: false, filePath: path.join(dir, 'b.pdf') }, recorded, async () => {
      throw new Error('render failed');
    });
    await expect(saveBriefPdf(contents, 'Carnet brief 2026-11-24 ABC123.pdf', deps)).rejects.toThrow('render failed');
    expect(recorded.dialogs).toEqual([]);
    expect(filesIn(dir)).toEqual([]);
  });

  it('fails cleanly into a folder that does not exist, leaving nothing behind', async () => {
    const recorded: Recorded = { printed: [], dialogs: [] };
    const { contents, deps } = fakes({ canceled: false, filePath: path.join(dir, 'gone', 'b.pdf') }, recorded);
    await expect(saveBriefPdf(contents, 'Carnet brief 2026-11-24 ABC123.pdf', deps)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('writeFileAtomically', () => {
  it('leaves an existing file untouched and no partial file when the final step fails', () => {
    // The target is a non-empty folder: the rename fails after the temporary file was written.
    const target = path.join(dir, 'brief.pdf');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'kept');
    expect(() => writeFileAtomically(target, PDF)).toThrow();
    expect(filesIn(dir)).toEqual(['brief.pdf']);
    expect(fs.readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('replaces a file the advisor chose to overwrite, whole', () => {
    const target = path.join(dir, 'brief.pdf');
    fs.writeFileSync(target, 'an older brief, longer than the new one '.repeat(20));
    writeFileAtomically(target, PDF);
    expect(fs.readFileSync(target)).toEqual(PDF);
  });
});

// ——— `io.exportBrief` through the IPC handler, on a real core

const indexUrl = pathToFileURL(path.resolve('/opt/Carnet/resources/app.asar/out/renderer/index.html')).href;
const page: AppPage = { rendererIndexUrl: indexUrl, devOrigin: null };
const mainFrame = { url: indexUrl, parent: null, processId: 7, routingId: 1, detached: false };
const appWindow = { id: 1, mainFrame, isDestroyed: () => false } as unknown as WebContents;
const fromApp = { sender: appWindow, senderFrame: mainFrame } as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

describe('io.exportBrief through carnet:invoke', () => {
  let core: Core;
  let logs: string[];
  let calls: { contents: WebContents; fileName: string }[];
  let answer: () => Promise<'saved' | 'cancelled'>;
  let handler: ReturnType<typeof createInvokeHandler>;

  beforeEach(() => {
    core = createCore({ profilesDir: path.join(dir, 'profiles'), demoClients: 5 });
    logs = [];
    calls = [];
    answer = async () => 'saved';
    handler = createInvokeHandler({
      router: core.router,
      page,
      appContents: () => appWindow,
      log: (m) => logs.push(m),
      saveBriefPdf: async (contents, fileName) => {
        calls.push({ contents, fileName });
        return answer();
      },
    });
  });
  afterEach(async () => {
    await core.session.lock();
  });

  async function demoClientId(): Promise<string> {
    const opened = await handler(fromApp, 'session.openDemo', {});
    expect(opened.ok).toBe(true);
    const list = await handler(fromApp, 'clients.list', { limit: 5 });
    if (!list.ok) throw new Error(list.error.code);
    const id = (list.value as { items: { id: string }[] }).items[0]?.id;
    if (!id) throw new Error('no demo client');
    return id;
  }

  it('is refused while locked, and nothing is printed', async () => {
    expect(await handler(fromApp, 'io.exportBrief', { clientId: '01JABCDEFGHJKMNPQRSTVWXYZ0' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(calls).toEqual([]);
  });

  it('prints the sender’s page under a name without the client’s, and audits the export', async () => {
    const id = await demoClientId();
    const result = await handler(fromApp, 'io.exportBrief', { clientId: id });
    expect(result).toEqual({ ok: true, value: { outcome: 'saved', to: 'pdf', fileName: expect.stringMatching(/^Carnet brief \d{4}-\d{2}-\d{2} [0-9A-Z]{6}\.pdf$/) } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.contents).toBe(appWindow);
    expect(calls[0]?.fileName.endsWith(`${id.slice(-6)}.pdf`)).toBe(true);
    const audit = await handler(fromApp, 'privacy.audit.list', { limit: 5 });
    if (!audit.ok) throw new Error(audit.error.code);
    const entries = (audit.value as { entries: { action: string; targetIds: string[]; outcome: string }[] }).entries;
    expect(entries.find((e) => e.action === 'io.exportBrief')).toMatchObject({ targetIds: [id], outcome: 'ok' });
  });

  it('leaves printing on paper to the page: `to: printer` is allowed and audited, and no PDF is made', async () => {
    const id = await demoClientId();
    expect(await handler(fromApp, 'io.exportBrief', { clientId: id, to: 'printer' })).toMatchObject({ ok: true, value: { outcome: 'allowed', to: 'printer' } });
    expect(calls).toEqual([]);
    expect(await handler(fromApp, 'io.exportBrief', { clientId: id, to: 'fax' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('says cancelled when the advisor cancels the dialog', async () => {
    const id = await demoClientId();
    answer = async () => 'cancelled';
    expect(await handler(fromApp, 'io.exportBrief', { clientId: id })).toMatchObject({ ok: true, value: { outcome: 'cancelled' } });
  });

  it('refuses a restricted client’s brief before anything is printed', async () => {
    const id = await demoClientId();
    expect((await handler(fromApp, 'privacy.restrict', { clientId: id, restricted: true })).ok).toBe(true);
    expect(await handler(fromApp, 'io.exportBrief', { clientId: id })).toMatchObject({ ok: false, error: { code: 'RESTRICTED' } });
    expect(calls).toEqual([]);
  });

  it('refuses an unknown client and a malformed id without printing', async () => {
    await demoClientId();
    expect(await handler(fromApp, 'io.exportBrief', { clientId: '01JABCDEFGHJKMNPQRSTVWXYZ0' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await handler(fromApp, 'io.exportBrief', { clientId: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await handler(fromApp, 'io.exportBrief', { clientId: 'x'.repeat(100_000) })).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('turns a failed write into EXPORT_FAILED, logging the error code and never the path', async () => {
    const id = await demoClientId();
    answer = async () => {
      throw Object.assign(new Error('EACCES: permission denied, open /home/advisor/Mme Dupont.pdf'), { code: 'EACCES' });
    };
    expect(await handler(fromApp, 'io.exportBrief', { clientId: id })).toEqual(EXPORT_FAILED);
    expect(logs).toEqual(['brief export failed: EACCES']);
  });

  it('answers `allowed` when the host saves no PDF itself (the page prints)', async () => {
    const plain = createInvokeHandler({ router: core.router, page, appContents: () => appWindow, log: () => undefined });
    const id = await demoClientId();
    expect(await plain(fromApp, 'io.exportBrief', { clientId: id })).toMatchObject({ ok: true, value: { outcome: 'allowed' } });
  });
});
