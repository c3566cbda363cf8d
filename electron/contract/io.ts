/**
 * What leaves the encrypted store as a file. Today: the appointment brief as a PDF.
 *
 * The core decides whether the export may happen (the client exists, is not erased, and is not
 * restricted) and writes it to the audit log; the Electron shell then renders the page with
 * `printToPDF` and asks the advisor where to save it (electron/main/print.ts). A host with no
 * PDF printer (the browser test harness) gets `allowed` and the page prints itself.
 */
import { z } from 'zod';
import { channels, idSchema } from './common.js';

export const briefExportOutcomeSchema = z.enum(['allowed', 'saved', 'cancelled']);

export const ioContract = channels({
  'io.exportBrief': {
    input: z
      .object({
        clientId: idSchema,
        /** `pdf`: the shell saves a PDF; `printer`: the page opens the system's print dialog. Both are exports. */
        to: z.enum(['pdf', 'printer']).default('pdf'),
      })
      .strict(),
    output: z.object({
      /**
       * `allowed`: the core allows it and this host saves no PDF itself (the page prints);
       * `saved`: the PDF was written where the advisor chose; `cancelled`: they chose nowhere.
       */
      outcome: briefExportOutcomeSchema,
      /** Where the export goes, as the router validated it: the shell saves a PDF only for `pdf`. */
      to: z.enum(['pdf', 'printer']),
      /** The suggested file name: a date and a short reference, never the client's name. */
      fileName: z.string().regex(/^Carnet brief \d{4}-\d{2}-\d{2} [0-9A-Z]{6}\.pdf$/),
    }),
  },
});
