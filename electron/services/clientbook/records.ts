/**
 * The client's history as the advisor records it: purchases, interactions (with notes, scanned
 * first), appointments, after-sales cases and life moments. Every write passes the write gate in
 * the transaction that makes it; notes and other free text are scanned before anything is written.
 */
import { CarnetError, type AfterSalesView, type AppointmentView, type InteractionView, type MomentView, type PurchaseView } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { newId } from '../ids.js';
import { assertMayWrite } from '../privacy/gate.js';
import { findPerson } from '../privacy/people.js';
import { checkMomentDate, RECURRING_KINDS } from './moments.js';
import { knownContactsOf, screen, type Acceptance } from './screen.js';
import { optionalLine, optionalNote, requiredLine } from './text.js';
import {
  afterSalesColumns,
  appointmentColumns,
  assertMayRemove,
  interactionColumns,
  isLinked,
  momentColumns,
  notFuture,
  purchaseColumns,
  requireClientRow,
  toAfterSales,
  toAppointment,
  toInteraction,
  toMoment,
  toPurchase,
} from './views.js';

// ——— purchases

export interface AddPurchaseInput {
  clientId: string;
  purchasedAt: string;
  category: string;
  item: string;
  amountMinor: number;
  currency: string;
  channel: string;
  recipientPersonId?: string | undefined;
}

/** A purchase, never in the future; a recipient must be someone around the client (NOT_FOUND otherwise). */
export async function addPurchase(db: Db, input: AddPurchaseInput, now: Date): Promise<PurchaseView> {
  notFuture(input.purchasedAt, now, 'purchasedAt');
  const item = requiredLine(input.item, 'item');
  const client = await requireClientRow(db, input.clientId);
  let recipient: string | null = null;
  let recipientView: PurchaseView['recipient'] = null;
  if (input.recipientPersonId !== undefined && input.recipientPersonId !== input.clientId) {
    const person = await findPerson(db, input.recipientPersonId);
    if (!person || !(await isLinked(db, input.recipientPersonId, input.clientId))) {
      throw new CarnetError('NOT_FOUND', 'There is no such person around this client.');
    }
    recipient = person.id;
  }
  const id = newId(now.getTime());
  const purchasedAt = new Date(Date.parse(input.purchasedAt)).toISOString();
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, {
      personId: client.id,
      category: 'purchases',
      fields: ['purchase.purchased_at', 'purchase.category', 'purchase.item', 'purchase.amount_minor', 'purchase.currency', 'purchase.channel', ...(recipient ? ['purchase.recipient_person_id'] : [])],
    });
    await trx
      .insertInto('purchase')
      .values({
        id,
        person_id: client.id,
        purchased_at: purchasedAt,
        category: input.category,
        item,
        amount_minor: input.amountMinor,
        currency: input.currency,
        channel: input.channel,
        recipient_person_id: recipient,
        created_at: now.toISOString(),
      })
      .execute();
  });
  const row = await db.selectFrom('purchase').select(purchaseColumns).where('id', '=', id).executeTakeFirstOrThrow();
  if (recipient) {
    const who = await db.selectFrom('person').select(['first_name', 'last_name']).where('id', '=', recipient).executeTakeFirstOrThrow();
    recipientView = { id: recipient, self: false, firstName: who.first_name, lastName: who.last_name, relationLabel: null };
  }
  return { ...toPurchase(row, null), recipient: recipientView };
}

// ——— interactions

export interface AddInteractionInput {
  clientId: string;
  kind: InteractionView['kind'];
  direction: InteractionView['direction'];
  channel?: string | undefined;
  occurredAt?: string | undefined;
  note?: string | undefined;
  discreet: boolean;
  acceptFindings?: Acceptance[] | undefined;
}

/**
 * An interaction. The note is scanned first (NOTE_FINDINGS, nothing written); then the gate: an
 * erased client is NOT_FOUND, a restricted one RESTRICTED. The client's last contact follows
 * (trigger `interaction_last_contact`).
 */
export async function addInteraction(db: Db, input: AddInteractionInput, now: Date): Promise<InteractionView> {
  const known = await knownContactsOf(db, input.clientId);
  screen([{ field: 'note', text: input.note, multiline: true }], input.acceptFindings, known);
  const occurredAt = input.occurredAt ? new Date(Date.parse(input.occurredAt)).toISOString() : now.toISOString();
  notFuture(occurredAt, now, 'occurredAt');
  await requireClientRow(db, input.clientId);
  const note = optionalNote(input.note) ?? null;
  const id = newId(now.getTime());
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, {
      personId: input.clientId,
      category: 'notes',
      fields: ['interaction.occurred_at', 'interaction.kind', 'interaction.direction', 'interaction.channel', 'interaction.note', 'interaction.discreet'],
    });
    await trx
      .insertInto('interaction')
      .values({
        id,
        person_id: input.clientId,
        occurred_at: occurredAt,
        kind: input.kind,
        direction: input.direction,
        channel: input.channel ?? null,
        note,
        discreet: input.discreet ? 1 : 0,
        created_at: now.toISOString(),
      })
      .execute();
  });
  return toInteraction(await db.selectFrom('interaction').select(interactionColumns).where('id', '=', id).executeTakeFirstOrThrow());
}

// ——— appointments

export interface AddAppointmentInput {
  clientId: string;
  startsAt: string;
  endsAt?: string | undefined;
  place: AppointmentView['place'];
  purpose?: string | undefined;
  status: AppointmentView['status'];
  note?: string | undefined;
  acceptFindings?: Acceptance[] | undefined;
}

export interface UpdateAppointmentInput {
  id: string;
  startsAt?: string | undefined;
  endsAt?: string | null | undefined;
  place?: AppointmentView['place'] | undefined;
  purpose?: string | null | undefined;
  status?: AppointmentView['status'] | undefined;
  note?: string | null | undefined;
  acceptFindings?: Acceptance[] | undefined;
}

const iso = (value: string): string => new Date(Date.parse(value)).toISOString();

function checkSpan(startsAt: string, endsAt: string | null): void {
  if (endsAt !== null && Date.parse(endsAt) <= Date.parse(startsAt)) {
    throw new CarnetError('INVALID_INPUT', 'The request is not valid at “endsAt” (not after the start).');
  }
}

export async function addAppointment(db: Db, input: AddAppointmentInput, now: Date): Promise<AppointmentView> {
  const known = await knownContactsOf(db, input.clientId);
  screen(
    [
      { field: 'purpose', text: input.purpose, multiline: false },
      { field: 'note', text: input.note, multiline: true },
    ],
    input.acceptFindings,
    known,
  );
  await requireClientRow(db, input.clientId);
  const startsAt = iso(input.startsAt);
  const endsAt = input.endsAt ? iso(input.endsAt) : null;
  checkSpan(startsAt, endsAt);
  const id = newId(now.getTime());
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, { personId: input.clientId, category: 'appointments' });
    await trx
      .insertInto('appointment')
      .values({
        id,
        person_id: input.clientId,
        starts_at: startsAt,
        ends_at: endsAt,
        place: input.place,
        purpose: optionalLine(input.purpose) ?? null,
        status: input.status,
        note: optionalNote(input.note) ?? null,
        created_at: now.toISOString(),
      })
      .execute();
  });
  return toAppointment(await db.selectFrom('appointment').select(appointmentColumns).where('id', '=', id).executeTakeFirstOrThrow());
}

export async function updateAppointment(db: Db, input: UpdateAppointmentInput): Promise<AppointmentView> {
  const row = await db.selectFrom('appointment').select(appointmentColumns).where('id', '=', input.id).executeTakeFirst();
  if (!row) throw new CarnetError('NOT_FOUND', 'There is no such appointment.');
  const known = await knownContactsOf(db, row.person_id);
  screen(
    [
      { field: 'purpose', text: input.purpose, multiline: false },
      { field: 'note', text: input.note, multiline: true },
    ],
    input.acceptFindings,
    known,
  );
  const startsAt = input.startsAt !== undefined ? iso(input.startsAt) : row.starts_at;
  const endsAt = input.endsAt === undefined ? row.ends_at : input.endsAt === null ? null : iso(input.endsAt);
  checkSpan(startsAt, endsAt);
  const set = {
    starts_at: startsAt,
    ends_at: endsAt,
    ...(input.place !== undefined ? { place: input.place } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.purpose !== undefined ? { purpose: optionalLine(input.purpose) ?? null } : {}),
    ...(input.note !== undefined ? { note: optionalNote(input.note) ?? null } : {}),
  };
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, { personId: row.person_id, category: 'appointments' });
    await trx.updateTable('appointment').set(set).where('id', '=', input.id).execute();
  });
  return toAppointment(await db.selectFrom('appointment').select(appointmentColumns).where('id', '=', input.id).executeTakeFirstOrThrow());
}

// ——— after-sales

export interface AddAfterSalesInput {
  clientId: string;
  kind: AfterSalesView['kind'];
  item: string;
  openedAt?: string | undefined;
  status: AfterSalesView['status'];
  note?: string | undefined;
  acceptFindings?: Acceptance[] | undefined;
}

export interface UpdateAfterSalesInput {
  id: string;
  kind?: AfterSalesView['kind'] | undefined;
  item?: string | undefined;
  status?: AfterSalesView['status'] | undefined;
  note?: string | null | undefined;
  acceptFindings?: Acceptance[] | undefined;
}

export async function addAfterSales(db: Db, input: AddAfterSalesInput, now: Date): Promise<AfterSalesView> {
  const known = await knownContactsOf(db, input.clientId);
  screen(
    [
      { field: 'item', text: input.item, multiline: false },
      { field: 'note', text: input.note, multiline: true },
    ],
    input.acceptFindings,
    known,
  );
  const item = requiredLine(input.item, 'item');
  const openedAt = input.openedAt ? iso(input.openedAt) : now.toISOString();
  notFuture(openedAt, now, 'openedAt');
  await requireClientRow(db, input.clientId);
  const id = newId(now.getTime());
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, { personId: input.clientId, category: 'after_sales' });
    await trx
      .insertInto('after_sales_case')
      .values({
        id,
        person_id: input.clientId,
        opened_at: openedAt,
        kind: input.kind,
        item,
        status: input.status,
        closed_at: input.status === 'closed' ? now.toISOString() : null,
        note: optionalNote(input.note) ?? null,
        created_at: now.toISOString(),
      })
      .execute();
  });
  return toAfterSales(await db.selectFrom('after_sales_case').select(afterSalesColumns).where('id', '=', id).executeTakeFirstOrThrow());
}

/** Closing sets `closedAt` (now); reopening clears it. */
export async function updateAfterSales(db: Db, input: UpdateAfterSalesInput, now: Date): Promise<AfterSalesView> {
  const row = await db.selectFrom('after_sales_case').select(afterSalesColumns).where('id', '=', input.id).executeTakeFirst();
  if (!row) throw new CarnetError('NOT_FOUND', 'There is no such after-sales case.');
  const known = await knownContactsOf(db, row.person_id);
  screen(
    [
      { field: 'item', text: input.item, multiline: false },
      { field: 'note', text: input.note, multiline: true },
    ],
    input.acceptFindings,
    known,
  );
  const set: { kind?: AfterSalesView['kind']; item?: string; status?: AfterSalesView['status']; closed_at?: string | null; note?: string | null } = {};
  if (input.kind !== undefined) set.kind = input.kind;
  if (input.item !== undefined) set.item = requiredLine(input.item, 'item');
  if (input.note !== undefined) set.note = optionalNote(input.note) ?? null;
  if (input.status !== undefined && input.status !== row.status) {
    set.status = input.status;
    set.closed_at = input.status === 'closed' ? now.toISOString() : null;
  }
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, { personId: row.person_id, category: 'after_sales' });
    if (Object.keys(set).length > 0) await trx.updateTable('after_sales_case').set(set).where('id', '=', input.id).execute();
  });
  return toAfterSales(await db.selectFrom('after_sales_case').select(afterSalesColumns).where('id', '=', input.id).executeTakeFirstOrThrow());
}

// ——— moments

export interface AddMomentInput {
  personId: string;
  kind: MomentView['kind'];
  date: string;
  recurring?: boolean | undefined;
  label?: string | undefined;
  note?: string | undefined;
  provenance: 'declared' | 'observed';
  acceptFindings?: Acceptance[] | undefined;
}

/**
 * A life moment of a client, or the birthday of someone around them (the gate refuses other
 * kinds, and a note, for people who are not clients).
 */
export async function addMoment(db: Db, input: AddMomentInput, now: Date): Promise<MomentView> {
  const recurring = input.recurring ?? (input.date.length === 5 || RECURRING_KINDS.has(input.kind));
  checkMomentDate(input.kind, input.date, recurring, now);
  screen(
    [
      { field: 'label', text: input.label, multiline: false },
      { field: 'note', text: input.note, multiline: true },
    ],
    input.acceptFindings,
  );
  const label = optionalLine(input.label) ?? null;
  const note = optionalNote(input.note) ?? null;
  const fields = ['moment.kind', 'moment.date', 'moment.recurring', ...(label !== null ? ['moment.label'] : []), ...(note !== null ? ['moment.note'] : [])];
  const id = newId(now.getTime());
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, { personId: input.personId, category: 'moments', fields, kind: input.kind });
    await trx
      .insertInto('moment')
      .values({ id, person_id: input.personId, kind: input.kind, date: input.date, recurring: recurring ? 1 : 0, label, note, provenance: input.provenance, created_at: now.toISOString() })
      .execute();
  });
  return toMoment(await db.selectFrom('moment').select(momentColumns).where('id', '=', id).executeTakeFirstOrThrow());
}

/** Removing needs no consent; a restricted record stays as it is. */
export async function removeMoment(db: Db, id: string): Promise<{ id: string; removed: true }> {
  const row = await db.selectFrom('moment').select(['id', 'person_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new CarnetError('NOT_FOUND', 'There is no such moment.');
  await assertMayRemove(db, row.person_id);
  await db.deleteFrom('moment').where('id', '=', id).execute();
  return { id, removed: true };
}
