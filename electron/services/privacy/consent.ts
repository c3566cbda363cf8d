/**
 * The consent ledger. Append-only (the `consent_append_only` trigger refuses any UPDATE); the
 * current state of each purpose — and of each outreach channel — is derived from it: the latest
 * row by effective time, then by recording time. A withdrawal is a row, never an edit; so is an
 * objection to a purpose that rests on legitimate interest (analytics).
 */
import {
  CarnetError,
  type ClientConsents,
  type ConsentEntry,
  type ConsentState,
  type CurrentConsent,
  type OutreachChannel,
  type Purpose,
} from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { newId } from '../ids.js';
import { requireClient } from './people.js';
import { CHANNEL_LABELS, PURPOSES, consentSlots, outreachChannels, purposes } from './policy.js';

export interface LedgerRow {
  id: string;
  person_id: string;
  purpose: string;
  channel: string | null;
  action: 'grant' | 'withdraw';
  source: 'in_person' | 'signed_form' | 'digital' | 'imported';
  evidence: string | null;
  notice_version: string;
  effective_at: string;
  recorded_at: string;
}

const ledgerColumns = [
  'id',
  'person_id',
  'purpose',
  'channel',
  'action',
  'source',
  'evidence',
  'notice_version',
  'effective_at',
  'recorded_at',
] as const;

export function isPurpose(value: string): value is Purpose {
  return (purposes as readonly string[]).includes(value);
}

export function isOutreachChannel(value: string | null): value is OutreachChannel {
  return value !== null && (outreachChannels as readonly string[]).includes(value);
}

/** A ledger row the policy understands: a known purpose, a channel exactly when it needs one. */
function isKnownRow(row: LedgerRow): row is LedgerRow & { purpose: Purpose } {
  if (!isPurpose(row.purpose)) return false;
  return PURPOSES[row.purpose].perChannel ? isOutreachChannel(row.channel) : row.channel === null;
}

export function slotKey(purpose: Purpose, channel: OutreachChannel | null): string {
  return channel === null ? purpose : `${purpose}:${channel}`;
}

function instantMs(value: string): number {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Ledger order: later effective time first, then later recording, then the later id. */
export function newestFirst(a: LedgerRow, b: LedgerRow): number {
  return (
    instantMs(b.effective_at) - instantMs(a.effective_at) ||
    instantMs(b.recorded_at) - instantMs(a.recorded_at) ||
    (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  );
}

/** Whether a purpose may be pursued for a client in this state, by its lawful basis. */
export function isLawful(purpose: Purpose, state: ConsentState): boolean {
  switch (PURPOSES[purpose].basis) {
    case 'contract':
      return true;
    case 'consent':
      return state === 'granted';
    case 'legitimate_interest':
      return state !== 'withdrawn';
  }
}

/** The derived state of one client's consents. */
export class ConsentStates {
  private readonly latest = new Map<string, LedgerRow>();

  constructor(rows: readonly LedgerRow[]) {
    for (const row of rows) {
      if (!isKnownRow(row)) continue;
      const key = slotKey(row.purpose, PURPOSES[row.purpose].perChannel ? (row.channel as OutreachChannel) : null);
      const seen = this.latest.get(key);
      if (!seen || newestFirst(row, seen) < 0) this.latest.set(key, row);
    }
  }

  /** The latest ledger row of a slot, if any. */
  latestRow(purpose: Purpose, channel: OutreachChannel | null = null): LedgerRow | undefined {
    return this.latest.get(slotKey(purpose, channel));
  }

  state(purpose: Purpose, channel: OutreachChannel | null = null): ConsentState {
    const row = this.latestRow(purpose, channel);
    return row ? (row.action === 'grant' ? 'granted' : 'withdrawn') : 'none';
  }

  /**
   * Whether the purpose may be pursued now. For a per-channel purpose without a channel: on at
   * least one channel.
   */
  lawful(purpose: Purpose, channel: OutreachChannel | null = null): boolean {
    if (PURPOSES[purpose].perChannel && channel === null) {
      return outreachChannels.some((c) => isLawful(purpose, this.state(purpose, c)));
    }
    return isLawful(purpose, this.state(purpose, channel));
  }

  /** Every slot with its current state, in policy order. */
  current(): CurrentConsent[] {
    return consentSlots().map(({ purpose, channel }) => {
      const row = this.latestRow(purpose, channel);
      const state = this.state(purpose, channel);
      return {
        purpose,
        channel,
        state,
        basis: PURPOSES[purpose].basis,
        lawful: isLawful(purpose, state),
        since: row ? row.effective_at : null,
        noticeVersion: row ? row.notice_version : null,
        source: row ? row.source : null,
      };
    });
  }
}

export async function loadLedger(db: Db, personId: string): Promise<LedgerRow[]> {
  return db.selectFrom('consent').select(ledgerColumns).where('person_id', '=', personId).execute();
}

export async function loadStates(db: Db, personId: string): Promise<ConsentStates> {
  return new ConsentStates(await loadLedger(db, personId));
}

/** Every client's ledger in one read, for book-wide views (pending purges, coverage). */
export async function loadAllStates(db: Db, options: { onlyWithWithdrawals?: boolean } = {}): Promise<Map<string, ConsentStates>> {
  let query = db
    .selectFrom('consent')
    .innerJoin('person', 'person.id', 'consent.person_id')
    .select(ledgerColumns.map((c) => `consent.${c}` as const))
    .where('person.kind', '=', 'client')
    .where('person.status', '!=', 'erased');
  if (options.onlyWithWithdrawals) {
    // Only a withdrawal queues anything: the clients who never withdrew need not be read.
    query = query.where('consent.person_id', 'in', (eb) =>
      eb.selectFrom('consent as w').select('w.person_id').where('w.action', '=', 'withdraw'),
    );
  }
  const rows = await query.execute();
  const byPerson = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    const list = byPerson.get(row.person_id);
    if (list) list.push(row);
    else byPerson.set(row.person_id, [row]);
  }
  return new Map([...byPerson].map(([id, list]) => [id, new ConsentStates(list)]));
}

/** "Personalisation consent", "E-mail outreach consent": names a consent in a message. */
export function consentName(purpose: Purpose, channel: OutreachChannel | null = null): string {
  const label = PURPOSES[purpose].label.en;
  if (channel !== null) return `${CHANNEL_LABELS[channel].en} ${label.toLowerCase()} consent`;
  return `${label.replace('Relationship mapping', 'Relationship-mapping')} consent`;
}

function toEntry(row: LedgerRow & { purpose: Purpose }): ConsentEntry {
  return {
    id: row.id,
    purpose: row.purpose,
    channel: isOutreachChannel(row.channel) ? row.channel : null,
    action: row.action,
    source: row.source,
    evidence: row.evidence,
    noticeVersion: row.notice_version,
    effectiveAt: row.effective_at,
    recordedAt: row.recorded_at,
  };
}

/** A client's consents: the current state of every purpose and channel, and the full history. */
export async function getConsents(db: Db, clientId: string): Promise<ClientConsents> {
  const client = await requireClient(db, clientId);
  const rows = await loadLedger(db, clientId);
  const states = new ConsentStates(rows);
  return {
    clientId,
    status: client.status,
    current: states.current(),
    history: rows
      .filter(isKnownRow)
      .sort(newestFirst)
      .map(toEntry),
  };
}

export interface RecordConsentInput {
  clientId: string;
  purpose: Purpose;
  channel?: OutreachChannel | undefined;
  action: 'grant' | 'withdraw';
  source: 'in_person' | 'signed_form' | 'digital';
  evidence?: string | undefined;
  noticeVersion: string;
  effectiveAt?: string | undefined;
}

/** Parses an ISO instant strictly: a real calendar time, normalised to `…sss Z`. */
export function parseInstant(value: string): string | null {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const normalised = new Date(ms).toISOString();
  return normalised.slice(0, 19) === value.slice(0, 19) ? normalised : null;
}

/**
 * Appends one grant or withdrawal, after checking that it makes sense against the ledger.
 * Refusals: NOT_FOUND, NOT_A_CLIENT, INVALID_INPUT (channel, time), RESTRICTED (a grant for a
 * restricted client), CONSENT_CONFLICT (already granted, already objected, backdated, or a
 * purpose that does not rest on consent), CONSENT_MISSING (nothing to withdraw).
 */
export async function recordConsent(db: Db, input: RecordConsentInput, now: Date): Promise<ClientConsents & { recordedId: string }> {
  const policy = PURPOSES[input.purpose];
  const channel = input.channel ?? null;
  if (policy.perChannel && channel === null) {
    throw new CarnetError('INVALID_INPUT', 'Outreach consent is given channel by channel: name the channel.');
  }
  if (!policy.perChannel && channel !== null) {
    throw new CarnetError('INVALID_INPUT', 'Only outreach consent is given per channel: leave the channel out.');
  }
  const nowIso = now.toISOString();
  let effectiveAt = nowIso;
  if (input.effectiveAt !== undefined) {
    const parsed = parseInstant(input.effectiveAt);
    if (parsed === null) throw new CarnetError('INVALID_INPUT', 'The effective time is not a real date and time.');
    if (Date.parse(parsed) > now.getTime()) throw new CarnetError('INVALID_INPUT', 'A consent cannot take effect in the future.');
    effectiveAt = parsed;
  }

  const client = await requireClient(db, input.clientId);
  const states = await loadStates(db, input.clientId);
  const latest = states.latestRow(input.purpose, channel);
  const state = states.state(input.purpose, channel);
  const name = consentName(input.purpose, channel);

  if (latest && Date.parse(effectiveAt) < instantMs(latest.effective_at)) {
    throw new CarnetError(
      'CONSENT_CONFLICT',
      `${name} changed after the time given for this client: record the change with a later time.`,
    );
  }
  if (input.action === 'grant') {
    if (client.status === 'restricted') {
      throw new CarnetError('RESTRICTED', 'This client’s processing is restricted: lift the restriction before recording a new consent.');
    }
    if (state === 'granted') throw new CarnetError('CONSENT_CONFLICT', `${name} is already granted for this client; nothing was recorded.`);
  } else {
    switch (policy.basis) {
      case 'contract':
        throw new CarnetError(
          'CONSENT_CONFLICT',
          `${PURPOSES[input.purpose].label.en} does not rest on consent: to stop it, restrict or erase the client.`,
        );
      case 'consent':
        if (state !== 'granted') {
          throw new CarnetError('CONSENT_MISSING', `There is no active ${name.charAt(0).toLowerCase()}${name.slice(1)} to withdraw for this client.`);
        }
        break;
      case 'legitimate_interest':
        if (state === 'withdrawn') {
          throw new CarnetError('CONSENT_CONFLICT', `This client has already objected to ${PURPOSES[input.purpose].label.en.toLowerCase()}; nothing was recorded.`);
        }
        break;
    }
  }

  const id = newId(now.getTime());
  const evidence = input.evidence?.trim() ? input.evidence.trim() : null;
  await db
    .insertInto('consent')
    .values({
      id,
      person_id: input.clientId,
      purpose: input.purpose,
      channel,
      action: input.action,
      source: input.source,
      evidence,
      notice_version: input.noticeVersion,
      effective_at: effectiveAt,
      recorded_at: nowIso,
    })
    .execute();
  return { ...(await getConsents(db, input.clientId)), recordedId: id };
}

/**
 * The clients who objected to aggregate analytics: KPIs and director packs leave them out.
 * (Analytics rests on legitimate interest: everyone else is counted, never profiled.)
 */
export async function analyticsObjections(db: Db): Promise<Set<string>> {
  const all = await loadAllStates(db);
  return new Set([...all].filter(([, states]) => !states.lawful('analytics')).map(([id]) => id));
}
