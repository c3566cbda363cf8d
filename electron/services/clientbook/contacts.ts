/**
 * Contact points: a client's e-mails, phones, messaging accounts and postal addresses, at most
 * one preferred (the partial unique index `contact_point_one_preferred` backs the transaction).
 * Only clients have contact points: the write gate refuses them for anyone else (NOT_A_CLIENT).
 */
import { CarnetError, type ContactPoint, type OutreachChannel } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { newId } from '../ids.js';
import { assertMayWrite } from '../privacy/gate.js';
import { contactValue, emailKey, phoneKey } from './text.js';
import { advisorToday, assertMayRemove, contactsOf } from './views.js';

export interface SetContactInput {
  personId: string;
  id?: string | undefined;
  channel: OutreachChannel;
  value: string;
  preferred: boolean;
  provenance: 'declared' | 'observed';
}

function sameValue(channel: string, a: string, b: string): boolean {
  if (channel === 'email') return emailKey(a) === emailKey(b);
  if (channel === 'phone' || channel === 'sms' || channel === 'whatsapp') return phoneKey(a) !== null && phoneKey(a) === phoneKey(b);
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Adds a contact point, or changes the one named by `id` (or the same channel and value, which
 * is then updated rather than repeated). `preferred` unsets the others in the same transaction.
 */
export async function setContact(db: Db, input: SetContactInput, now: Date): Promise<{ personId: string; contacts: ContactPoint[] }> {
  const value = contactValue(input.channel, input.value);
  const today = await advisorToday(db, now);
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, { personId: input.personId, category: 'contact', fields: ['contact_point.channel', 'contact_point.value', 'contact_point.is_preferred'] });
    const existing = await trx.selectFrom('contact_point').select(['id', 'channel', 'value']).where('person_id', '=', input.personId).execute();
    let id: string | undefined;
    if (input.id !== undefined) {
      if (!existing.some((c) => c.id === input.id)) throw new CarnetError('NOT_FOUND', 'There is no such contact point for this client.');
      id = input.id;
    } else {
      id = existing.find((c) => c.channel === input.channel && sameValue(input.channel, c.value, value))?.id;
    }
    if (input.preferred) {
      await trx.updateTable('contact_point').set({ is_preferred: 0 }).where('person_id', '=', input.personId).where('is_preferred', '=', 1).execute();
    }
    if (id !== undefined) {
      await trx
        .updateTable('contact_point')
        .set({ channel: input.channel, value, is_preferred: input.preferred ? 1 : 0, provenance: input.provenance, review_at: today })
        .where('id', '=', id)
        .execute();
    } else {
      await trx
        .insertInto('contact_point')
        .values({
          id: newId(now.getTime()),
          person_id: input.personId,
          channel: input.channel,
          value,
          is_preferred: input.preferred ? 1 : 0,
          provenance: input.provenance,
          review_at: today,
          created_at: now.toISOString(),
        })
        .execute();
    }
  });
  return { personId: input.personId, contacts: await contactsOf(db, input.personId) };
}

/** Removes a contact point. Needs no consent; a restricted client's record stays as it is. */
export async function removeContact(db: Db, id: string): Promise<{ personId: string; contacts: ContactPoint[] }> {
  const row = await db.selectFrom('contact_point').select(['id', 'person_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new CarnetError('NOT_FOUND', 'There is no such contact point.');
  await assertMayRemove(db, row.person_id);
  await db.deleteFrom('contact_point').where('id', '=', id).execute();
  return { personId: row.person_id, contacts: await contactsOf(db, row.person_id) };
}
