/**
 * The people around a client who are not clients (a spouse, a child, an assistant). They never
 * consented to anything: the client's relationship-mapping consent covers them, and only the
 * policy's short list is kept — names, how they relate, a birthday, sizes and tastes; never a
 * contact point (privacy/gate.ts: assertMayAddRelated, assertMayWrite).
 *
 * A relation reads "`from` is `label` of `to`": the person → the client, label "daughter".
 */
import { CarnetError, type PersonView } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { newId } from '../ids.js';
import { assertMayAddRelated, assertMayWrite } from '../privacy/gate.js';
import { findPerson } from '../privacy/people.js';
import { screen, type Acceptance } from './screen.js';
import { cleanLine, optionalLine, requiredLine, sortKey } from './text.js';
import { advisorToday, assertMayRemove, byDomain, notFutureDay, isLinked, preferenceColumns, requireClientRow, SIZE_DOMAINS, storedPreference, toPreference } from './views.js';

type CircleKind = 'family' | 'friend' | 'work' | 'assistant';
type TasteDomain = 'material' | 'colour' | 'category' | 'designer' | 'fragrance' | 'dislike';

export interface AddPersonInput {
  clientId: string;
  firstName: string;
  lastName?: string | undefined;
  relation: { kind: CircleKind; label: string };
  birthday?: string | undefined;
  sizes?: { label: string; value: string }[] | undefined;
  tastes?: { domain: TasteDomain; label?: string | undefined; value: string }[] | undefined;
  acceptFindings?: Acceptance[] | undefined;
}

export interface UpdatePersonInput {
  personId: string;
  clientId: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  relation?: { kind?: CircleKind | undefined; label?: string | undefined } | undefined;
  birthday?: string | null | undefined;
}

/** The relation between a person and a client, the person's side first. */
async function relationBetween(db: Db, personId: string, clientId: string) {
  return db
    .selectFrom('relation')
    .select(['id', 'kind', 'label', 'since', 'until', 'from_person_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('from_person_id', '=', personId), eb('to_person_id', '=', clientId)]),
        eb.and([eb('from_person_id', '=', clientId), eb('to_person_id', '=', personId)]),
      ]),
    )
    .orderBy('created_at')
    .executeTakeFirst();
}

/** The view of a person around a client (the caller has checked that relations may be shown). */
export async function personView(db: Db, personId: string, clientId: string, now: Date): Promise<PersonView> {
  const person = await db.selectFrom('person').select(['id', 'first_name', 'last_name', 'birth_date']).where('id', '=', personId).executeTakeFirst();
  const relation = await relationBetween(db, personId, clientId);
  if (!person || !relation) throw new CarnetError('NOT_FOUND', 'There is no such person around this client.');
  const today = await advisorToday(db, now);
  const prefs = (await db.selectFrom('preference').select(preferenceColumns).where('person_id', '=', personId).execute()).map((r) => toPreference(r, today)).sort(byDomain);
  const birthday = await db.selectFrom('moment').select('date').where('person_id', '=', personId).where('kind', '=', 'birthday').orderBy('created_at', 'desc').executeTakeFirst();
  return {
    id: person.id,
    clientId,
    firstName: person.first_name,
    lastName: person.last_name,
    relation: {
      id: relation.id,
      kind: relation.kind,
      label: relation.label,
      since: relation.since,
      until: relation.until,
      personIsFrom: relation.from_person_id === personId,
    },
    birthday: birthday?.date ?? person.birth_date,
    sizes: prefs.filter((p) => SIZE_DOMAINS.has(p.domain)),
    tastes: prefs.filter((p) => !SIZE_DOMAINS.has(p.domain)),
  };
}

/**
 * Adds someone around a client. Refusals, nothing written: NOT_FOUND (the client), NOT_A_CLIENT
 * (a field or kind people who are not clients may not have), RESTRICTED, CONSENT_MISSING
 * (relationship mapping), NOTE_FINDINGS (in a size or taste), INVALID_INPUT.
 */
export async function addPerson(db: Db, input: AddPersonInput, now: Date): Promise<PersonView> {
  notFutureDay(input.birthday, now, 'birthday');
  await requireClientRow(db, input.clientId);
  const firstName = requiredLine(input.firstName, 'firstName');
  const lastName = input.lastName === undefined ? '' : cleanLine(input.lastName);
  const label = requiredLine(input.relation.label, 'relation.label');
  const sizes = (input.sizes ?? []).map((s, i) => ({ domain: 'size', label: requiredLine(s.label, `sizes.${i}.label`), value: requiredLine(s.value, `sizes.${i}.value`) }));
  const tastes = (input.tastes ?? []).map((t, i) => {
    const stored = storedPreference(t.domain, optionalLine(t.label));
    return { domain: stored.domain, label: stored.label, value: requiredLine(t.value, `tastes.${i}.value`) };
  });
  screen(
    [
      ...(input.sizes ?? []).flatMap((s, i) => [
        { field: `sizes.${i}.label`, text: s.label, multiline: false },
        { field: `sizes.${i}.value`, text: s.value, multiline: false },
      ]),
      ...(input.tastes ?? []).flatMap((t, i) => [
        { field: `tastes.${i}.label`, text: t.label, multiline: false },
        { field: `tastes.${i}.value`, text: t.value, multiline: false },
      ]),
    ],
    input.acceptFindings,
  );

  const fields = ['person.first_name', 'person.last_name', 'relation.kind', 'relation.label'];
  const kinds: string[] = [];
  if (input.birthday !== undefined) {
    fields.push('moment.kind', 'moment.date', 'moment.recurring');
    if (input.birthday.length === 10) fields.push('person.birth_date');
    kinds.push('birthday');
  }
  const prefs = [...sizes, ...tastes];
  if (prefs.length > 0) fields.push('preference.domain', 'preference.label', 'preference.value');
  for (const p of prefs) if (!kinds.includes(p.domain)) kinds.push(p.domain);

  const id = newId(now.getTime());
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await assertMayAddRelated(trx, { clientId: input.clientId, fields, kinds });
    await trx
      .insertInto('person')
      .values({
        id,
        kind: 'related',
        status: 'active',
        honorific: null,
        first_name: firstName,
        last_name: lastName,
        sort_key: sortKey(firstName, lastName),
        birth_date: input.birthday?.length === 10 ? input.birthday : null,
        language: null,
        city: null,
        country: null,
        time_zone: null,
        tier: null,
        client_since: null,
        last_contact_at: null,
        advisor_id: null,
        provenance: 'declared',
        review_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto('relation')
      .values({ id: newId(now.getTime()), from_person_id: id, to_person_id: input.clientId, kind: input.relation.kind, label, since: null, until: null, created_at: at })
      .execute();
    if (input.birthday !== undefined) {
      await trx
        .insertInto('moment')
        .values({ id: newId(now.getTime()), person_id: id, kind: 'birthday', date: input.birthday, recurring: 1, label: null, note: null, provenance: 'declared', created_at: at })
        .execute();
    }
    const today = await advisorToday(trx, now);
    for (const p of prefs) {
      await trx
        .insertInto('preference')
        .values({ id: newId(now.getTime()), person_id: id, domain: p.domain, label: p.label, value: p.value, provenance: 'declared', review_at: today, created_at: at })
        .execute();
    }
  });
  return personView(db, id, input.clientId, now);
}

/** A person who is not a client, linked to the client; NOT_FOUND otherwise, INVALID_INPUT for a client. */
async function requireAround(db: Db, personId: string, clientId: string): Promise<void> {
  await requireClientRow(db, clientId);
  const person = await findPerson(db, personId);
  if (!person || !(await isLinked(db, personId, clientId))) throw new CarnetError('NOT_FOUND', 'There is no such person around this client.');
  if (person.kind === 'client') {
    throw new CarnetError('INVALID_INPUT', 'This person is a client: change their record with clients.update.');
  }
}

/**
 * Changes names, the relation to the client, the birthday (`null` removes it) of someone
 * around a client, through the write gate (relationship mapping of a client covering them).
 */
export async function updatePerson(db: Db, input: UpdatePersonInput, now: Date): Promise<PersonView> {
  notFutureDay(input.birthday, now, 'birthday');
  await requireAround(db, input.personId, input.clientId);
  const names: { first_name?: string; last_name?: string } = {};
  if (input.firstName !== undefined) names.first_name = requiredLine(input.firstName, 'firstName');
  if (input.lastName !== undefined) names.last_name = cleanLine(input.lastName);
  const relationSet: { kind?: CircleKind; label?: string } = {};
  if (input.relation?.kind !== undefined) relationSet.kind = input.relation.kind;
  if (input.relation?.label !== undefined) relationSet.label = requiredLine(input.relation.label, 'relation.label');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (Object.keys(names).length > 0) {
      await assertMayWrite(trx, { personId: input.personId, category: 'identity', fields: Object.keys(names).map((c) => `person.${c}`) });
      const current = await trx.selectFrom('person').select(['first_name', 'last_name']).where('id', '=', input.personId).executeTakeFirstOrThrow();
      const first = names.first_name ?? current.first_name;
      const last = names.last_name ?? current.last_name;
      await trx.updateTable('person').set({ ...names, sort_key: sortKey(first, last), updated_at: at }).where('id', '=', input.personId).execute();
    }
    if (Object.keys(relationSet).length > 0) {
      await assertMayWrite(trx, { personId: input.personId, category: 'relations', fields: Object.keys(relationSet).map((c) => `relation.${c}`) });
      const relation = await relationBetween(trx, input.personId, input.clientId);
      if (relation) await trx.updateTable('relation').set(relationSet).where('id', '=', relation.id).execute();
    }
    if (input.birthday !== undefined) {
      if (input.birthday === null) {
        // Removing needs no consent; a restricted circle stays as it is.
        await assertMayRemove(trx, input.personId);
        await trx.deleteFrom('moment').where('person_id', '=', input.personId).where('kind', '=', 'birthday').execute();
        await trx.updateTable('person').set({ birth_date: null, updated_at: at }).where('id', '=', input.personId).execute();
      } else {
        const fields = ['moment.kind', 'moment.date', 'moment.recurring', ...(input.birthday.length === 10 ? ['person.birth_date'] : [])];
        await assertMayWrite(trx, { personId: input.personId, category: 'moments', fields, kind: 'birthday' });
        await trx.deleteFrom('moment').where('person_id', '=', input.personId).where('kind', '=', 'birthday').execute();
        await trx
          .insertInto('moment')
          .values({ id: newId(now.getTime()), person_id: input.personId, kind: 'birthday', date: input.birthday, recurring: 1, label: null, note: null, provenance: 'declared', created_at: at })
          .execute();
        await trx
          .updateTable('person')
          .set({ birth_date: input.birthday.length === 10 ? input.birthday : null, updated_at: at })
          .where('id', '=', input.personId)
          .execute();
      }
    }
  });
  return personView(db, input.personId, input.clientId, now);
}

/**
 * Unlinks someone from a client's circle. Left linked to no one, the person is deleted with
 * everything kept about them (their sizes, tastes, birthday; the gifts recorded as given to
 * them). Removing needs no consent; a restricted client's circle is read-only (RESTRICTED).
 */
export async function removePerson(db: Db, input: { personId: string; clientId: string }): Promise<{ id: string; removed: true; deleted: boolean }> {
  await requireAround(db, input.personId, input.clientId);
  const client = await requireClientRow(db, input.clientId);
  if (client.status === 'restricted') throw new CarnetError('RESTRICTED', 'This client’s processing is restricted: their circle is read-only.');
  let deleted = false;
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('relation')
      .where((eb) =>
        eb.or([
          eb.and([eb('from_person_id', '=', input.personId), eb('to_person_id', '=', input.clientId)]),
          eb.and([eb('from_person_id', '=', input.clientId), eb('to_person_id', '=', input.personId)]),
        ]),
      )
      .execute();
    const others = await trx
      .selectFrom('relation')
      .select('id')
      .where((eb) => eb.or([eb('from_person_id', '=', input.personId), eb('to_person_id', '=', input.personId)]))
      .executeTakeFirst();
    if (!others) {
      await trx.deleteFrom('person').where('id', '=', input.personId).where('kind', '=', 'related').execute();
      deleted = true;
    }
  });
  return { id: input.personId, removed: true, deleted };
}
