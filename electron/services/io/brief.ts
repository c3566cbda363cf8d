/**
 * May this client's brief leave the store as a PDF? The core answers; the shell prints.
 *
 * A PDF is a copy outside the encrypted book, so it is an export: refused for an unknown or
 * erased client (NOT_FOUND), someone who is not a client (NOT_A_CLIENT), and a client whose
 * processing is restricted (RESTRICTED: their data is kept, not used). The router writes the
 * audit entry (channel and client id, never the content). The suggested file name carries the
 * day and a short reference, never the client's name: file names show in recent-files lists.
 */
import { CarnetError, type ChannelOutput } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { advisorToday, requireClientRow } from '../clientbook/views.js';

export async function authoriseBriefExport(db: Db, clientId: string, to: 'pdf' | 'printer', now: Date): Promise<ChannelOutput<'io.exportBrief'>> {
  const client = await requireClientRow(db, clientId);
  if (client.status === 'restricted') {
    throw new CarnetError('RESTRICTED', 'This client’s processing is restricted: their brief is not exported.');
  }
  const today = await advisorToday(db, now);
  return { outcome: 'allowed', to, fileName: `Carnet brief ${today} ${clientId.slice(-6)}.pdf` };
}
