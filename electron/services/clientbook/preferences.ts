/**
 * Preferences: a client's sizes, tastes and manners (personalisation consent), and the sizes and
 * tastes of the people around them (the client's relationship-mapping consent; the policy's
 * domains only). Each with its provenance and the day it was last confirmed with the client.
 * Label and value are scanned before they are stored.
 */
import { CarnetError, type Preference, type PreferenceDomain } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { newId } from '../ids.js';
import { assertMayWrite } from '../privacy/gate.js';
import { screen, type Acceptance } from './screen.js';
import { optionalLine, requiredLine } from './text.js';
import { advisorToday, assertMayRemove, domainOf, notFutureDay, preferenceColumns, storedPreference, toPreference } from './views.js';

export interface AddPreferenceInput {
  personId: string;
  domain: PreferenceDomain;
  label?: string | undefined;
  value: string;
  provenance: 'declared' | 'observed';
  reviewAt?: string | undefined;
  acceptFindings?: Acceptance[] | undefined;
}

export interface UpdatePreferenceInput {
  id: string;
  label?: string | undefined;
  value?: string | undefined;
  provenance?: 'declared' | 'observed' | undefined;
  reviewAt?: string | undefined;
  acceptFindings?: Acceptance[] | undefined;
}

const FIELDS = ['preference.domain', 'preference.label', 'preference.value'];

async function readPreference(db: Db, id: string, now: Date): Promise<Preference> {
  const row = await db.selectFrom('preference').select(preferenceColumns).where('id', '=', id).executeTakeFirstOrThrow();
  return toPreference(row, await advisorToday(db, now));
}

/** Refusals, nothing written: the write gate's, NOTE_FINDINGS, INVALID_INPUT (empty once cleaned). */
export async function addPreference(db: Db, input: AddPreferenceInput, now: Date): Promise<Preference> {
  notFutureDay(input.reviewAt, now, 'reviewAt');
  const stored = storedPreference(input.domain, optionalLine(input.label));
  const value = requiredLine(input.value, 'value');
  if (input.domain === 'size' && (input.label === undefined || optionalLine(input.label) === null)) {
    throw new CarnetError('INVALID_INPUT', 'The request is not valid at “label” (say which size).');
  }
  screen(
    [
      { field: 'label', text: input.label, multiline: false },
      { field: 'value', text: input.value, multiline: false },
    ],
    input.acceptFindings,
  );
  const id = newId(now.getTime());
  const today = await advisorToday(db, now);
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, { personId: input.personId, category: 'preferences', fields: FIELDS, kind: stored.domain });
    await trx
      .insertInto('preference')
      .values({
        id,
        person_id: input.personId,
        domain: stored.domain,
        label: stored.label,
        value,
        provenance: input.provenance,
        review_at: input.reviewAt ?? today,
        created_at: now.toISOString(),
      })
      .execute();
  });
  return readPreference(db, id, now);
}

/**
 * Changes a preference's value, label (not for the three fixed sizes), provenance or review
 * date — `reviewAt` alone records that the client confirmed it.
 */
export async function updatePreference(db: Db, input: UpdatePreferenceInput, now: Date): Promise<Preference> {
  notFutureDay(input.reviewAt, now, 'reviewAt');
  const row = await db.selectFrom('preference').select(['id', 'person_id', 'domain', 'label']).where('id', '=', input.id).executeTakeFirst();
  if (!row) throw new CarnetError('NOT_FOUND', 'There is no such preference.');
  const domain = domainOf(row.domain, row.label);
  const set: { label?: string; value?: string; provenance?: 'declared' | 'observed'; review_at?: string } = {};
  if (input.label !== undefined) {
    if (domain === 'rtw_size' || domain === 'shoe_size' || domain === 'ring_size') {
      throw new CarnetError('INVALID_INPUT', 'The request is not valid at “label” (this size’s label is fixed).');
    }
    set.label = requiredLine(input.label, 'label');
  }
  if (input.value !== undefined) set.value = requiredLine(input.value, 'value');
  if (input.provenance !== undefined) set.provenance = input.provenance;
  if (input.reviewAt !== undefined) set.review_at = input.reviewAt;
  screen(
    [
      { field: 'label', text: input.label, multiline: false },
      { field: 'value', text: input.value, multiline: false },
    ],
    input.acceptFindings,
  );
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, {
      personId: row.person_id,
      category: 'preferences',
      fields: [...(set.label !== undefined ? ['preference.label'] : []), ...(set.value !== undefined ? ['preference.value'] : []), 'preference.provenance', 'preference.review_at'],
      kind: row.domain,
    });
    if (Object.keys(set).length > 0) await trx.updateTable('preference').set(set).where('id', '=', input.id).execute();
  });
  return readPreference(db, input.id, now);
}

/** Removing needs no consent (it is minimisation); a restricted record stays as it is. */
export async function removePreference(db: Db, id: string): Promise<{ id: string; removed: true }> {
  const row = await db.selectFrom('preference').select(['id', 'person_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new CarnetError('NOT_FOUND', 'There is no such preference.');
  await assertMayRemove(db, row.person_id);
  await db.deleteFrom('preference').where('id', '=', id).execute();
  return { id, removed: true };
}
