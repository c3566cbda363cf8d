/**
 * The appointment brief as a PDF, in the shell: after the core has allowed the export (and
 * audited it), the page the advisor is reading is rendered with `printToPDF` (A4 unless the
 * page's `@page` says otherwise; the brief's print styles apply), and the advisor chooses where
 * to save it. The file is written atomically — a temporary file beside the target, 0600, synced,
 * then renamed — so a failure leaves nothing half-written and never touches an existing file.
 *
 * No runtime `electron` import: index.ts passes the dialog in, and test/unit/main/print.test.ts
 * drives this with fakes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PrintToPDFOptions, SaveDialogOptions, SaveDialogReturnValue, WebContents } from 'electron';

export const BRIEF_PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: false,
  generateTaggedPDF: true,
  generateDocumentOutline: false,
  displayHeaderFooter: false,
};

export interface PdfDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<Pick<SaveDialogReturnValue, 'canceled' | 'filePath'>>;
  /** Where the dialog opens: the advisor's documents folder. */
  defaultDir(): string;
}

export type PdfOutcome = 'saved' | 'cancelled';

/** Writes `data` to `target` or not at all: temp file (0600, exclusive) in the same folder, fsync, rename. */
export function writeFileAtomically(target: string, data: Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.partial`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** The chosen path with a `.pdf` extension (added when the advisor typed a name without one). */
export function withPdfExtension(filePath: string): string {
  return /\.pdf$/i.test(filePath) ? filePath : `${filePath}.pdf`;
}

export async function saveBriefPdf(contents: Pick<WebContents, 'printToPDF'>, fileName: string, deps: PdfDeps): Promise<PdfOutcome> {
  // Rendered before the dialog opens: the PDF is the page as the advisor asked for it.
  const data = await contents.printToPDF(BRIEF_PDF_OPTIONS);
  const choice = await deps.showSaveDialog({
    defaultPath: path.join(deps.defaultDir(), path.basename(fileName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return 'cancelled';
  writeFileAtomically(withPdfExtension(choice.filePath), data);
  return 'saved';
}
