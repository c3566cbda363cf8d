/**
 * The write gate. Every mutation of personal data calls `assertMayWrite` first, naming the person,
 * the data category and the fields it writes; every outreach calls `assertMayContact`. They throw
 * a typed `CarnetError` — without personal data, naming the consent that is missing — or return.
 *
 * The order of the checks is part of the contract: what is refused whoever the person is
 * (special categories, fields outside the policy) first; then the person (unknown, erased);
 * then restriction; then the lawful basis.
 */
import { CarnetError, type DataCategory, type OutreachChannel } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { consentName, loadStates } from './consent.js';
import { findPerson, linkedClients, requireClient } from './people.js';
import {
  CATEGORIES,
  NON_CLIENT_PURPOSE,
  OUTREACH_PURPOSE,
  SPECIAL_CATEGORIES,
  categoryOfField,
  consentPurposesOf,
  isTechnicalField,
  specialCategoryOf,
  type NonClientAllowance,
} from './policy.js';
import { categoryLawful } from './projection.js';

export interface WriteIntent {
  personId: string;
  category: DataCategory;
  /** The fields the mutation writes, as `table.column`. Omitted: every field of the category. */
  fields?: readonly string[] | undefined;
  /**
   * The row's kind where the policy limits kinds for people who are not clients: a moment's
   * `kind`, a preference's `domain`. Also checked for special categories.
   */
  kind?: string | undefined;
}

function refuseSpecial(name: string): void {
  const special = specialCategoryOf(name);
  if (special) {
    const label = SPECIAL_CATEGORIES[special].label.en;
    throw new CarnetError(
      'SPECIAL_CATEGORY',
      `Data about ${label} is a special category: Carnet has no field for it and does not keep it.`,
    );
  }
}

/** Special categories and fields outside the policy are refused whoever the person is. */
function checkFields(category: DataCategory, fields: readonly string[] | undefined, kind: string | undefined): void {
  for (const field of fields ?? []) {
    refuseSpecial(field);
    if (isTechnicalField(field)) continue;
    if (categoryOfField(field) !== category) {
      throw new CarnetError('NOT_IN_POLICY', `A field is not in the privacy policy’s “${category}” category.`);
    }
  }
  if (kind !== undefined) refuseSpecial(kind);
}

/** The personal-data fields a mutation writes: those named, or the whole category. */
function writtenFields(category: DataCategory, fields: readonly string[] | undefined): string[] {
  return (fields ?? CATEGORIES[category].fields).filter((f) => !isTechnicalField(f));
}

function checkNonClientFields(category: DataCategory, allowance: NonClientAllowance | null, fields: readonly string[]): NonClientAllowance {
  if (!allowance) {
    throw new CarnetError('NOT_A_CLIENT', `No ${CATEGORIES[category].label.en.toLowerCase()} are kept about people who are not clients.`);
  }
  if (fields.some((f) => !(allowance.fields as readonly string[]).includes(f))) {
    throw new CarnetError(
      'NOT_A_CLIENT',
      'Only a short list of fields is kept about people who are not clients (names, relation, birthday, sizes and tastes); this is not on it.',
    );
  }
  return allowance;
}

function checkNonClientKind(category: DataCategory, allowance: NonClientAllowance, kind: string | undefined): void {
  if (allowance.kinds && (kind === undefined || !allowance.kinds.includes(kind))) {
    const label = CATEGORIES[category].label.en.toLowerCase();
    throw new CarnetError('NOT_A_CLIENT', `About people who are not clients, only these ${label} are kept: ${allowance.kinds.join(', ')}.`);
  }
}

/**
 * Refuses a write of personal data without a lawful basis:
 * SPECIAL_CATEGORY, NOT_IN_POLICY, NOT_FOUND (unknown or erased), RESTRICTED (the client, or every
 * client covering a person around them), CONSENT_MISSING (which one), NOT_A_CLIENT (a category
 * or field people who are not clients may not have).
 */
export async function assertMayWrite(db: Db, intent: WriteIntent): Promise<void> {
  const { category, kind } = intent;
  checkFields(category, intent.fields, kind);
  const person = await findPerson(db, intent.personId);
  if (!person) throw new CarnetError('NOT_FOUND', 'There is no such person.');

  if (person.kind === 'client') {
    if (person.status === 'restricted') {
      throw new CarnetError('RESTRICTED', 'This client’s processing is restricted: their record is read-only.');
    }
    const states = await loadStates(db, person.id);
    if (categoryLawful(category, states)) return;
    const missing = consentPurposesOf(category).map((p) => consentName(p));
    throw new CarnetError('CONSENT_MISSING', `${missing.join(' or ')} is missing for this client.`);
  }

  const allowance = checkNonClientFields(category, CATEGORIES[category].nonClient, writtenFields(category, intent.fields));
  checkNonClientKind(category, allowance, kind);
  const covering: { status: 'active' | 'restricted' }[] = [];
  for (const client of await linkedClients(db, person.id)) {
    if ((await loadStates(db, client.id)).lawful(NON_CLIENT_PURPOSE)) covering.push(client);
  }
  if (covering.length === 0) {
    throw new CarnetError('CONSENT_MISSING', `${consentName(NON_CLIENT_PURPOSE)} is missing for the client this person is linked to.`);
  }
  if (covering.every((c) => c.status === 'restricted')) {
    throw new CarnetError('RESTRICTED', 'The client this person is linked to is restricted: their circle is read-only.');
  }
}

/**
 * Before a person who is not yet in the book is added around a client: the client must be an
 * active client with relationship-mapping consent, and only fields people who are not clients may
 * have are written. `fields` span the categories allowed to them (names, relation, birthday,
 * sizes and tastes); `kinds` are the kinds of the moments and preferences written.
 */
export async function assertMayAddRelated(
  db: Db,
  input: { clientId: string; fields: readonly string[]; kinds?: readonly string[] | undefined },
): Promise<void> {
  for (const field of input.fields) refuseSpecial(field);
  for (const kind of input.kinds ?? []) refuseSpecial(kind);
  const limited: [DataCategory, NonClientAllowance][] = [];
  for (const field of input.fields) {
    if (isTechnicalField(field)) continue;
    const category = categoryOfField(field);
    if (!category) throw new CarnetError('NOT_IN_POLICY', 'A field is not in the privacy policy.');
    const allowance = checkNonClientFields(category, CATEGORIES[category].nonClient, [field]);
    if (allowance.kinds && !limited.some(([c]) => c === category)) limited.push([category, allowance]);
  }
  for (const [category, allowance] of limited) {
    const kinds = (input.kinds ?? []).filter((k) => allowance.kinds?.includes(k));
    checkNonClientKind(category, allowance, kinds[0]);
  }
  const stray = (input.kinds ?? []).filter((k) => !limited.some(([, a]) => a.kinds?.includes(k)));
  if (stray.length > 0) {
    const kept = Object.values(CATEGORIES)
      .map((c) => c.nonClient)
      .filter((a): a is NonClientAllowance => a?.kinds !== undefined)
      .map((a) => a.label.en);
    throw new CarnetError('NOT_A_CLIENT', `Of moments and preferences, people who are not clients keep only: ${kept.join(', ')}.`);
  }
  const client = await requireClient(db, input.clientId);
  if (client.status === 'restricted') {
    throw new CarnetError('RESTRICTED', 'This client’s processing is restricted: their record is read-only.');
  }
  if (!(await loadStates(db, client.id)).lawful(NON_CLIENT_PURPOSE)) {
    throw new CarnetError('CONSENT_MISSING', `${consentName(NON_CLIENT_PURPOSE)} is missing for this client.`);
  }
}

/**
 * Before any outreach on a channel: NOT_FOUND (unknown or erased), NOT_A_CLIENT (people around a
 * client are never contacted), RESTRICTED, CONSENT_MISSING (no consent for this channel, or it was
 * withdrawn — which is also how an objection to outreach is recorded).
 */
export async function assertMayContact(db: Db, personId: string, channel: OutreachChannel): Promise<void> {
  const person = await findPerson(db, personId);
  if (!person) throw new CarnetError('NOT_FOUND', 'There is no such person.');
  if (person.kind !== 'client') throw new CarnetError('NOT_A_CLIENT', 'People who are not clients are never contacted.');
  if (person.status === 'restricted') {
    throw new CarnetError('RESTRICTED', 'This client’s processing is restricted: no outreach until it is lifted.');
  }
  const states = await loadStates(db, personId);
  if (states.lawful(OUTREACH_PURPOSE, channel)) return;
  const name = consentName(OUTREACH_PURPOSE, channel);
  throw new CarnetError(
    'CONSENT_MISSING',
    states.state(OUTREACH_PURPOSE, channel) === 'withdrawn' ? `${name} was withdrawn by this client.` : `${name} is missing for this client.`,
  );
}
