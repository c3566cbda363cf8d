/**
 * Rectification (GDPR art. 16) and objection to outreach (art. 21(2)–(3)).
 *
 * Rectification goes through the write gate like any other write: a restricted client is refused
 * (RESTRICTED), and the date of birth — a life moment, kept under personalisation — needs that
 * consent. Values are checked per field and normalised (NFC, trimmed).
 *
 * An objection to outreach is recorded the way the ledger records every change of mind: one
 * withdrawal per outreach channel that is granted, in one transaction, with the source given.
 */
import {
  CarnetError,
  type ClientConsents,
  type DataCategory,
  type OutreachChannel,
  type RectifiableField,
} from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { getConsents, loadStates, recordConsent } from './consent.js';
import { assertMayWrite } from './gate.js';
import { requireClient } from './people.js';
import { OUTREACH_PURPOSE, outreachChannels } from './policy.js';
import { visibleCategories } from './projection.js';

type PersonColumn = 'honorific' | 'first_name' | 'last_name' | 'birth_date' | 'language' | 'city' | 'country';

interface FieldRule {
  column: PersonColumn;
  category: DataCategory;
  required: boolean;
  max: number;
  /** The value as stored, or null if it is not acceptable (`now` from the session's clock). */
  normalise?: (value: string, now: Date) => string | null;
}

function realDate(value: string, now: Date): string | null {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const short = /^(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = full ? [Number(full[1]), Number(full[2]), Number(full[3])] : short ? [2000, Number(short[1]), Number(short[2])] : [0, 0, 0];
  if (m === 0) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (full && (y < 1900 || date.getTime() > now.getTime())) return null;
  return value;
}

const FIELDS: Readonly<Record<RectifiableField, FieldRule>> = {
  honorific: { column: 'honorific', category: 'identity', required: false, max: 40 },
  firstName: { column: 'first_name', category: 'identity', required: true, max: 100 },
  lastName: { column: 'last_name', category: 'identity', required: true, max: 100 },
  birthDate: { column: 'birth_date', category: 'moments', required: false, max: 10, normalise: realDate },
  language: {
    column: 'language',
    category: 'identity',
    required: false,
    max: 35,
    normalise: (v) => (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? v.replace(/^[A-Za-z]+/, (p) => p.toLowerCase()) : null),
  },
  city: { column: 'city', category: 'identity', required: false, max: 100 },
  country: { column: 'country', category: 'identity', required: false, max: 2, normalise: (v) => (/^[A-Za-z]{2}$/.test(v) ? v.toUpperCase() : null) },
};

/** Lower-cased, accent-free "last first": the person's `sort_key`. */
export function sortKey(lastName: string, firstName: string): string {
  return `${lastName} ${firstName}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface Rectified {
  clientId: string;
  status: 'active' | 'restricted';
  updatedAt: string;
  honorific: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  language: string | null;
  city: string | null;
  country: string | null;
  hidden: RectifiableField[];
}

/**
 * Corrects one field of a client. Refusals: NOT_FOUND, NOT_A_CLIENT, RESTRICTED, CONSENT_MISSING
 * (the date of birth without personalisation consent), INVALID_INPUT (a value the field cannot hold).
 */
export async function rectify(db: Db, input: { clientId: string; field: RectifiableField; value: string | null }, now: Date): Promise<Rectified> {
  const rule = FIELDS[input.field];
  const client = await requireClient(db, input.clientId);
  let value: string | null = input.value === null ? null : input.value.normalize('NFC').trim();
  if (value === '') value = null;
  if (value !== null) {
    // Control characters and line breaks have no place in a name, a city or a date.
    if (/\p{Cc}/u.test(value) || value.length > rule.max) throw new CarnetError('INVALID_INPUT', 'This value cannot be kept in this field.');
    if (rule.normalise) {
      value = rule.normalise(value, now);
      if (value === null) throw new CarnetError('INVALID_INPUT', 'This value is not in the form the field needs.');
    }
  }
  if (value === null && rule.required) throw new CarnetError('INVALID_INPUT', 'This field cannot be left empty.');
  const names = rule.column === 'first_name' || rule.column === 'last_name';
  await assertMayWrite(db, {
    personId: client.id,
    category: rule.category,
    fields: [`person.${rule.column}`, ...(names ? ['person.sort_key'] : []), 'person.updated_at'],
  });
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('person').select(['first_name', 'last_name']).where('id', '=', client.id).executeTakeFirstOrThrow();
    const first = rule.column === 'first_name' && value !== null ? value : current.first_name;
    const last = rule.column === 'last_name' && value !== null ? value : current.last_name;
    await trx
      .updateTable('person')
      .set({ [rule.column]: value, ...(names ? { sort_key: sortKey(last, first) } : {}), updated_at: at })
      .where('id', '=', client.id)
      .execute();
  });
  const row = await db
    .selectFrom('person')
    .select(['status', 'honorific', 'first_name', 'last_name', 'birth_date', 'language', 'city', 'country'])
    .where('id', '=', client.id)
    .executeTakeFirstOrThrow();
  const visible = new Set(await visibleCategories(db, client.id));
  const hidden = (Object.keys(FIELDS) as RectifiableField[]).filter((f) => !visible.has(FIELDS[f].category));
  return {
    clientId: client.id,
    status: row.status === 'restricted' ? 'restricted' : 'active',
    updatedAt: at,
    honorific: row.honorific,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: hidden.includes('birthDate') ? null : row.birth_date,
    language: row.language,
    city: row.city,
    country: row.country,
    hidden,
  };
}

export interface ObjectInput {
  clientId: string;
  source: 'in_person' | 'signed_form' | 'digital';
  evidence?: string | undefined;
  noticeVersion?: string | undefined;
}

/**
 * The client objects to outreach: every outreach channel that is granted is withdrawn, in one
 * transaction. Nothing granted: nothing to record, `withdrawn` is empty. The notice version of
 * each withdrawal is the one given, or that of the consent it ends.
 */
export async function objectToOutreach(db: Db, input: ObjectInput, now: Date): Promise<ClientConsents & { withdrawn: OutreachChannel[] }> {
  const client = await requireClient(db, input.clientId);
  const states = await loadStates(db, client.id);
  const granted = outreachChannels.filter((c) => states.state(OUTREACH_PURPOSE, c) === 'granted');
  await db.transaction().execute(async (trx) => {
    for (const channel of granted) {
      const noticeVersion = input.noticeVersion ?? states.latestRow(OUTREACH_PURPOSE, channel)?.notice_version ?? 'objection';
      await recordConsent(
        trx,
        { clientId: client.id, purpose: OUTREACH_PURPOSE, channel, action: 'withdraw', source: input.source, evidence: input.evidence, noticeVersion },
        now,
      );
    }
  });
  return { ...(await getConsents(db, client.id)), withdrawn: granted };
}
