/**
 * Who a person is for privacy: a client or someone around a client, active, restricted or
 * erased; and which clients cover a person who is not a client. Reads ids and statuses only.
 */
import { CarnetError } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import type { PersonKind, PersonStatus } from '../../../db/schema.js';

export interface PersonRef {
  id: string;
  kind: PersonKind;
  status: PersonStatus;
}

/** A person who exists and is not erased, or null. */
export async function findPerson(db: Db, id: string): Promise<PersonRef | null> {
  const row = await db.selectFrom('person').select(['id', 'kind', 'status']).where('id', '=', id).executeTakeFirst();
  return row && row.status !== 'erased' ? row : null;
}

export async function requirePerson(db: Db, id: string): Promise<PersonRef> {
  const person = await findPerson(db, id);
  if (!person) throw new CarnetError('NOT_FOUND', 'There is no such person.');
  return person;
}

/** A client who exists and is not erased; a person around a client is refused as such. */
export async function requireClient(db: Db, id: string): Promise<PersonRef & { status: 'active' | 'restricted' }> {
  const person = await findPerson(db, id);
  if (!person) throw new CarnetError('NOT_FOUND', 'There is no such client.');
  if (person.kind !== 'client') {
    throw new CarnetError('NOT_A_CLIENT', 'This person is not a client: only clients give consent, for themselves and the people around them.');
  }
  return person as PersonRef & { status: 'active' | 'restricted' };
}

/**
 * The clients (not erased) a person is linked to by a relation, in either direction. For a
 * person who is not a client, these are the clients whose relationship-mapping consent may cover
 * them.
 */
export async function linkedClients(db: Db, personId: string): Promise<{ id: string; status: 'active' | 'restricted' }[]> {
  const rows = await db
    .selectFrom('relation')
    .innerJoin('person', (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb('relation.from_person_id', '=', personId), eb('person.id', '=', eb.ref('relation.to_person_id'))]),
          eb.and([eb('relation.to_person_id', '=', personId), eb('person.id', '=', eb.ref('relation.from_person_id'))]),
        ]),
      ),
    )
    .select(['person.id', 'person.status'])
    .where('person.kind', '=', 'client')
    .where('person.status', '!=', 'erased')
    .distinct()
    .orderBy('person.id')
    .execute();
  return rows as { id: string; status: 'active' | 'restricted' }[];
}
