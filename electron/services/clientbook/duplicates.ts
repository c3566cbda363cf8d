/**
 * Possible duplicates of a client: other clients (not erased; archived ones included) with the
 * same name (the folded sort key: accents and case aside), the same e-mail (case aside) or the
 * same phone number (its last nine digits). Flagged for the advisor to look at; never merged.
 */
import type { Db } from '../../../db/store.js';
import { emailKey, phoneKey } from './text.js';

export type DuplicateReason = 'same_name_and_email' | 'same_name' | 'same_email' | 'same_phone';

export interface Duplicate {
  id: string;
  reason: DuplicateReason;
}

const STRENGTH: Record<DuplicateReason, number> = { same_name_and_email: 0, same_name: 1, same_email: 2, same_phone: 3 };
const PHONE_CHANNELS = ['phone', 'sms', 'whatsapp'] as const;

/** Other clients that may be the same person as `selfId`, strongest reason first, then by id. */
export async function findDuplicates(db: Db, selfId: string): Promise<Duplicate[]> {
  const self = await db.selectFrom('person').select(['sort_key']).where('id', '=', selfId).executeTakeFirst();
  if (!self) return [];
  const contacts = await db.selectFrom('contact_point').select(['channel', 'value']).where('person_id', '=', selfId).execute();
  const emails = [...new Set(contacts.filter((c) => c.channel === 'email').map((c) => emailKey(c.value)))];
  const phones = new Set(contacts.filter((c) => (PHONE_CHANNELS as readonly string[]).includes(c.channel)).map((c) => phoneKey(c.value)).filter((k): k is string => k !== null));

  const sameName = new Set(
    (
      await db
        .selectFrom('person')
        .select('id')
        .where('kind', '=', 'client')
        .where('status', 'in', ['active', 'restricted'])
        .where('sort_key', '=', self.sort_key)
        .where('id', '!=', selfId)
        .execute()
    ).map((r) => r.id),
  );
  const sameEmail = new Set<string>();
  if (emails.length > 0) {
    const rows = await db
      .selectFrom('contact_point')
      .innerJoin('person', 'person.id', 'contact_point.person_id')
      .select('person.id')
      .where('contact_point.channel', '=', 'email')
      .where((eb) => eb(eb.fn('lower', ['contact_point.value']), 'in', emails))
      .where('person.kind', '=', 'client')
      .where('person.status', 'in', ['active', 'restricted'])
      .where('person.id', '!=', selfId)
      .execute();
    for (const r of rows) sameEmail.add(r.id);
  }
  const samePhone = new Set<string>();
  if (phones.size > 0) {
    const rows = await db
      .selectFrom('contact_point')
      .innerJoin('person', 'person.id', 'contact_point.person_id')
      .select(['person.id', 'contact_point.value'])
      .where('contact_point.channel', 'in', PHONE_CHANNELS)
      .where('person.kind', '=', 'client')
      .where('person.status', 'in', ['active', 'restricted'])
      .where('person.id', '!=', selfId)
      .execute();
    for (const r of rows) {
      const key = phoneKey(r.value);
      if (key !== null && phones.has(key)) samePhone.add(r.id);
    }
  }

  const found = new Map<string, DuplicateReason>();
  const note = (id: string, reason: DuplicateReason): void => {
    const seen = found.get(id);
    if (!seen || STRENGTH[reason] < STRENGTH[seen]) found.set(id, reason);
  };
  for (const id of sameName) note(id, sameEmail.has(id) ? 'same_name_and_email' : 'same_name');
  for (const id of sameEmail) note(id, 'same_email');
  for (const id of samePhone) note(id, 'same_phone');
  return [...found].map(([id, reason]) => ({ id, reason })).sort((a, b) => STRENGTH[a.reason] - STRENGTH[b.reason] || a.id.localeCompare(b.id));
}
