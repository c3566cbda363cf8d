/**
 * Writing clients: create (duplicates flagged, never merged), update, archive and unarchive.
 * Every write of personal data passes the write gate (privacy/gate.ts) inside the transaction
 * that makes it, so a refusal leaves nothing behind. Consents given at creation are recorded
 * first, through the consent ledger, so that what they allow can be written at once.
 */
import { CarnetError, type ClientSummary, type OutreachChannel, type Purpose } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import type { Insertable, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../ids.js';
import { recordConsent } from '../privacy/consent.js';
import { assertMayWrite } from '../privacy/gate.js';
import { getClient } from './clients.js';
import { findDuplicates, type Duplicate } from './duplicates.js';
import { contactValue, optionalLine, requiredLine, sortKey } from './text.js';
import { advisorToday, assertMayRemove, notFutureDay, requireClientRow } from './views.js';

export interface ClientFields {
  honorific?: string | null | undefined;
  language?: string | null | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  timeZone?: string | null | undefined;
  tier?: string | null | undefined;
  birthDate?: string | null | undefined;
  clientSince?: string | undefined;
}

export interface CreateClientInput extends ClientFields {
  firstName: string;
  lastName: string;
  contact?: { channel: OutreachChannel; value: string; preferred: boolean }[] | undefined;
  provenance: 'declared' | 'observed';
  consents?:
    | {
        purpose: Purpose;
        channel?: OutreachChannel | undefined;
        source: 'in_person' | 'signed_form' | 'digital';
        evidence?: string | undefined;
        noticeVersion: string;
      }[]
    | undefined;
}

export interface UpdateClientInput extends ClientFields {
  id: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  provenance?: 'declared' | 'observed' | undefined;
  reviewAt?: string | undefined;
}

export interface ClientWrite {
  client: ClientSummary;
  duplicates: Duplicate[];
}

function timeZoneOf(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new CarnetError('INVALID_INPUT', 'The request is not valid at “timeZone” (unknown time zone).');
  }
}

type PersonSet = Updateable<Database['person']>;

/** The identity columns a change sets, cleaned, and the policy fields they are. */
function identityChanges(input: ClientFields & { firstName?: string | undefined; lastName?: string | undefined }): { set: PersonSet; fields: string[] } {
  const set: PersonSet = {};
  const fields: string[] = [];
  const put = <K extends keyof PersonSet & string>(column: K, value: PersonSet[K] | undefined): void => {
    if (value === undefined) return;
    set[column] = value;
    fields.push(`person.${column}`);
  };
  if (input.firstName !== undefined) put('first_name', requiredLine(input.firstName, 'firstName'));
  if (input.lastName !== undefined) put('last_name', requiredLine(input.lastName, 'lastName'));
  put('honorific', optionalLine(input.honorific));
  put('language', input.language);
  put('city', optionalLine(input.city));
  put('country', input.country);
  put('time_zone', timeZoneOf(input.timeZone));
  put('tier', optionalLine(input.tier));
  put('client_since', input.clientSince);
  return { set, fields };
}

/**
 * A new client. Refusals, with nothing written: INVALID_INPUT (an empty name once cleaned, an
 * unknown time zone, a malformed contact, two preferred contacts), CONSENT_CONFLICT, and the
 * write gate's (a birth date without personalisation consent: CONSENT_MISSING).
 */
export async function createClient(db: Db, input: CreateClientInput, now: Date): Promise<ClientWrite> {
  notFutureDay(input.birthDate, now, 'birthDate');
  notFutureDay(input.clientSince, now, 'clientSince');
  const { set, fields } = identityChanges(input);
  const contacts = (input.contact ?? []).map((c) => ({ channel: c.channel, value: contactValue(c.channel, c.value), preferred: c.preferred }));
  if (contacts.filter((c) => c.preferred).length > 1) {
    throw new CarnetError('INVALID_INPUT', 'The request is not valid at “contact” (more than one preferred).');
  }
  const id = newId(now.getTime());
  const at = now.toISOString();
  const today = await advisorToday(db, now);
  const advisor = await db.selectFrom('advisor').select('id').executeTakeFirst();
  const firstName = set.first_name as string;
  const lastName = set.last_name as string;
  const row: Insertable<Database['person']> = {
    id,
    kind: 'client',
    status: 'active',
    honorific: (set.honorific as string | null | undefined) ?? null,
    first_name: firstName,
    last_name: lastName,
    sort_key: sortKey(firstName, lastName),
    birth_date: null,
    language: (set.language as string | null | undefined) ?? null,
    city: (set.city as string | null | undefined) ?? null,
    country: (set.country as string | null | undefined) ?? null,
    time_zone: (set.time_zone as string | null | undefined) ?? null,
    tier: (set.tier as string | null | undefined) ?? null,
    client_since: input.clientSince ?? today,
    last_contact_at: null,
    advisor_id: advisor?.id ?? null,
    provenance: input.provenance,
    review_at: today,
    created_at: at,
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('person').values(row).execute();
    for (const consent of input.consents ?? []) {
      await recordConsent(
        trx,
        {
          clientId: id,
          purpose: consent.purpose,
          channel: consent.channel,
          action: 'grant',
          source: consent.source,
          evidence: consent.evidence,
          noticeVersion: consent.noticeVersion,
        },
        now,
      );
    }
    await assertMayWrite(trx, { personId: id, category: 'identity', fields: [...fields, 'person.client_since'] });
    if (input.birthDate) {
      await assertMayWrite(trx, { personId: id, category: 'moments', fields: ['person.birth_date'] });
      await trx.updateTable('person').set({ birth_date: input.birthDate }).where('id', '=', id).execute();
    }
    if (contacts.length > 0) {
      await assertMayWrite(trx, { personId: id, category: 'contact', fields: ['contact_point.channel', 'contact_point.value', 'contact_point.is_preferred'] });
      for (const c of contacts) {
        await trx
          .insertInto('contact_point')
          .values({
            id: newId(now.getTime()),
            person_id: id,
            channel: c.channel,
            value: c.value,
            is_preferred: c.preferred ? 1 : 0,
            provenance: input.provenance,
            review_at: today,
            created_at: at,
          })
          .execute();
      }
    }
  });
  return { client: await getClient(db, id, now), duplicates: await findDuplicates(db, id) };
}

/**
 * Changes the fields given (`null` clears an optional one). Identity through the gate; the birth
 * date is a life moment (personalisation) — clearing it needs no consent. Refusals: NOT_FOUND,
 * NOT_A_CLIENT, RESTRICTED, CONSENT_MISSING, INVALID_INPUT.
 */
export async function updateClient(db: Db, input: UpdateClientInput, now: Date): Promise<ClientWrite> {
  notFutureDay(input.birthDate, now, 'birthDate');
  notFutureDay(input.clientSince, now, 'clientSince');
  notFutureDay(input.reviewAt, now, 'reviewAt');
  await requireClientRow(db, input.id);
  const { set, fields } = identityChanges(input);
  if (input.provenance !== undefined) {
    set.provenance = input.provenance;
    fields.push('person.provenance');
  }
  if (input.reviewAt !== undefined) {
    set.review_at = input.reviewAt;
    fields.push('person.review_at');
  }
  if (set.first_name !== undefined || set.last_name !== undefined) {
    const current = await db.selectFrom('person').select(['first_name', 'last_name']).where('id', '=', input.id).executeTakeFirstOrThrow();
    set.sort_key = sortKey((set.first_name as string | undefined) ?? current.first_name, (set.last_name as string | undefined) ?? current.last_name);
  }
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, { personId: input.id, category: 'identity', fields });
    if (input.birthDate !== undefined) {
      if (input.birthDate === null) await assertMayRemove(trx, input.id);
      else await assertMayWrite(trx, { personId: input.id, category: 'moments', fields: ['person.birth_date'] });
      set.birth_date = input.birthDate;
    }
    if (Object.keys(set).length > 0) {
      await trx
        .updateTable('person')
        .set({ ...set, updated_at: now.toISOString() })
        .where('id', '=', input.id)
        .execute();
    }
  });
  return { client: await getClient(db, input.id, now), duplicates: await findDuplicates(db, input.id) };
}

/**
 * Archives (or brings back) a client: soft and reversible, nothing is deleted; an archived
 * client leaves `clients.list`. A restricted client's record is read-only: RESTRICTED.
 */
export async function setArchived(db: Db, id: string, archived: boolean, now: Date): Promise<{ id: string; archivedAt: string | null }> {
  await requireClientRow(db, id);
  await assertMayWrite(db, { personId: id, category: 'identity', fields: [] });
  const current = await db.selectFrom('person').select('archived_at').where('id', '=', id).executeTakeFirstOrThrow();
  if (archived === (current.archived_at !== null)) return { id, archivedAt: current.archived_at };
  const archivedAt = archived ? now.toISOString() : null;
  await db.updateTable('person').set({ archived_at: archivedAt, updated_at: now.toISOString() }).where('id', '=', id).execute();
  return { id, archivedAt };
}
