/**
 * The register of subject-rights requests: when a client asked to exercise a right, by when the
 * answer is due (one month, GDPR art. 12(3)), and how it ended. It holds ids, the right, dates and
 * a status — and, while the client exists, the advisor's note on the outcome. It outlives the
 * client's erasure (no foreign key; never deleted; the note is cleared), as the proof that the
 * request was honoured.
 */
import { CarnetError, type PrivacyRequest, type PrivacyRightId } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { newId } from '../ids.js';
import { parseInstant } from './consent.js';
import { requireClient } from './people.js';
import { addMonths } from './retention.js';

/** The months GDPR art. 12(3) gives to answer a request. */
export const REQUEST_ANSWER_MONTHS = 1;

interface RequestRow {
  id: string;
  client_id: string;
  right: PrivacyRightId;
  received_at: string;
  due_at: string;
  status: 'open' | 'fulfilled' | 'refused';
  completed_at: string | null;
  note: string | null;
}

const columns = ['id', 'client_id', 'right', 'received_at', 'due_at', 'status', 'completed_at', 'note'] as const;

async function erasedIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('tombstone').select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

function toRequest(row: RequestRow, erased: Set<string>, now: Date): PrivacyRequest {
  return {
    id: row.id,
    clientId: row.client_id,
    right: row.right,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    status: row.status,
    completedAt: row.completed_at,
    note: row.note,
    overdue: row.status === 'open' && Date.parse(row.due_at) < now.getTime(),
    clientErased: erased.has(row.client_id),
  };
}

async function loadRequest(db: Db, id: string, now: Date): Promise<PrivacyRequest> {
  const row = await db.selectFrom('privacy_request').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new CarnetError('NOT_FOUND', 'There is no such request.');
  return toRequest(row, await erasedIds(db, [row.client_id]), now);
}

/** Registers a request received for a client. INVALID_INPUT for a time in the future. */
export async function openRequest(db: Db, input: { clientId: string; right: PrivacyRightId; receivedAt: string }, now: Date): Promise<PrivacyRequest> {
  const client = await requireClient(db, input.clientId);
  const receivedAt = parseInstant(input.receivedAt);
  if (receivedAt === null) throw new CarnetError('INVALID_INPUT', 'The date of receipt is not a real date and time.');
  if (Date.parse(receivedAt) > now.getTime()) throw new CarnetError('INVALID_INPUT', 'A request cannot be received in the future.');
  const id = newId(now.getTime());
  await db
    .insertInto('privacy_request')
    .values({
      id,
      client_id: client.id,
      right: input.right,
      received_at: receivedAt,
      due_at: addMonths(new Date(receivedAt), REQUEST_ANSWER_MONTHS).toISOString(),
      status: 'open',
      completed_at: null,
      note: null,
    })
    .execute();
  return loadRequest(db, id, now);
}

/** The register: open requests first, the one due soonest first; then the others, latest first. */
export async function listRequests(db: Db, input: { status?: 'open' | 'fulfilled' | 'refused' | undefined }, now: Date): Promise<PrivacyRequest[]> {
  let query = db.selectFrom('privacy_request').select(columns);
  if (input.status) query = query.where('status', '=', input.status);
  const rows = await query.execute();
  const erased = await erasedIds(
    db,
    rows.map((r) => r.client_id),
  );
  const open = rows.filter((r) => r.status === 'open').sort((a, b) => a.due_at.localeCompare(b.due_at) || a.id.localeCompare(b.id));
  const closed = rows
    .filter((r) => r.status !== 'open')
    .sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? '') || b.id.localeCompare(a.id));
  return [...open, ...closed].map((r) => toRequest(r, erased, now));
}

/**
 * Closes a request. NOT_FOUND, REQUEST_CLOSED (already completed); INVALID_INPUT for an erasure
 * marked fulfilled while the client is still in the book (erase first: the register is the
 * proof), or a note about a client who is erased (it would outlive them).
 */
export async function completeRequest(
  db: Db,
  input: { requestId: string; outcome: 'fulfilled' | 'refused'; note?: string | undefined },
  now: Date,
): Promise<PrivacyRequest> {
  const request = await loadRequest(db, input.requestId, now);
  if (request.status !== 'open') throw new CarnetError('REQUEST_CLOSED', 'This request was completed already.');
  const note = input.note?.trim() ? input.note.trim() : null;
  if (request.right === 'erasure' && input.outcome === 'fulfilled' && !request.clientErased) {
    throw new CarnetError('INVALID_INPUT', 'The client is still in the book: erase them first, then mark the request fulfilled.');
  }
  if (note !== null && request.clientErased) {
    throw new CarnetError('INVALID_INPUT', 'This client is erased: a note would outlive them. Complete the request without one.');
  }
  await db
    .updateTable('privacy_request')
    .set({ status: input.outcome, completed_at: now.toISOString(), note })
    .where('id', '=', request.id)
    .where('status', '=', 'open')
    .execute();
  return loadRequest(db, request.id, now);
}

/** A client's requests, oldest first (for the access dossier). */
export async function requestsOf(db: Db, clientId: string, now: Date): Promise<PrivacyRequest[]> {
  const rows = await db.selectFrom('privacy_request').select(columns).where('client_id', '=', clientId).orderBy('received_at').orderBy('id').execute();
  return rows.map((r) => toRequest(r, new Set(), now));
}
