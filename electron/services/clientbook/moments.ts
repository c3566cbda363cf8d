/**
 * Correcting a life moment (`moments.update`), and the checks a moment's date passes whether it
 * is new (`addMoment`, records.ts) or corrected: a real day (the contract), a day without a year
 * recurs, a birthday's full date is not in the future. The change is checked as a whole — the
 * fields given over the stored row — then scanned and gated like a new moment.
 */
import { CarnetError, latestDayOnEarth, type MomentView } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { assertMayWrite } from '../privacy/gate.js';
import { screen, type Acceptance } from './screen.js';
import { optionalLine, optionalNote } from './text.js';
import { momentColumns, toMoment } from './views.js';

/** Kinds that come round every year unless the advisor says otherwise. */
export const RECURRING_KINDS: ReadonlySet<string> = new Set(['birthday', 'wedding_anniversary', 'purchase_anniversary']);

/** INVALID_INPUT for a day without a year that would not recur, or a birthday yet to come. */
export function checkMomentDate(kind: string, date: string, recurring: boolean, now: Date): void {
  if (date.length === 5 && !recurring) {
    throw new CarnetError('INVALID_INPUT', 'The request is not valid at “date” (a day without a year recurs).');
  }
  if (kind === 'birthday' && date.length === 10 && date > latestDayOnEarth(now.getTime())) {
    throw new CarnetError('INVALID_INPUT', 'The request is not valid at “date” (a birthday in the future).');
  }
}

export interface UpdateMomentInput {
  id: string;
  /** Whom the moment is about, as the caller knows it: a moment of anyone else is NOT_FOUND. */
  personId: string;
  kind?: MomentView['kind'] | undefined;
  date?: string | undefined;
  recurring?: boolean | undefined;
  label?: string | null | undefined;
  note?: string | null | undefined;
  acceptFindings?: Acceptance[] | undefined;
}

/**
 * Changes only the fields given (`label` or `note` null clears it). A date without a year given
 * without `recurring` makes the moment recurring, as a new one would be. The result passes the
 * write gate as a whole: the moment's kind as it will be (someone around a client keeps only a
 * birthday), and the fields written (a note only for a client); an erased person's moment is
 * NOT_FOUND, a restricted client's RESTRICTED, and nothing is written when it is refused.
 */
export async function updateMoment(db: Db, input: UpdateMomentInput, now: Date): Promise<MomentView> {
  const row = await db.selectFrom('moment').select(momentColumns).where('id', '=', input.id).executeTakeFirst();
  if (!row || row.person_id !== input.personId) throw new CarnetError('NOT_FOUND', 'There is no such moment.');
  const kind = input.kind ?? row.kind;
  const date = input.date ?? row.date;
  const recurring = input.recurring ?? (input.date !== undefined && input.date.length === 5 ? true : row.recurring === 1);
  checkMomentDate(kind, date, recurring, now);
  screen(
    [
      { field: 'label', text: input.label, multiline: false },
      { field: 'note', text: input.note, multiline: true },
    ],
    input.acceptFindings,
  );
  const set: { kind?: string; date?: string; recurring?: 0 | 1; label?: string | null; note?: string | null } = {};
  if (kind !== row.kind) set.kind = kind;
  if (date !== row.date) set.date = date;
  if ((recurring ? 1 : 0) !== row.recurring) set.recurring = recurring ? 1 : 0;
  if (input.label !== undefined) set.label = optionalLine(input.label) ?? null;
  if (input.note !== undefined) set.note = optionalNote(input.note) ?? null;
  // What is written: a cleared label or note writes nothing about the person.
  const fields = [
    ...(set.kind !== undefined ? ['moment.kind'] : []),
    ...(set.date !== undefined ? ['moment.date'] : []),
    ...(set.recurring !== undefined ? ['moment.recurring'] : []),
    ...(typeof set.label === 'string' ? ['moment.label'] : []),
    ...(typeof set.note === 'string' ? ['moment.note'] : []),
  ];
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, { personId: row.person_id, category: 'moments', fields, kind });
    if (Object.keys(set).length > 0) await trx.updateTable('moment').set(set).where('id', '=', input.id).execute();
  });
  return toMoment(await db.selectFrom('moment').select(momentColumns).where('id', '=', input.id).executeTakeFirstOrThrow());
}
