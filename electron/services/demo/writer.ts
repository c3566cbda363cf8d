/**
 * Writing the demo maison: one prepared statement per table, positional parameters, run inside
 * the caller's transactions; and ULIDs made from a row's own time and seeded bytes.
 */
import type { RawDatabase } from '../../../db/open.js';
import { encodeUlid } from '../ids.js';
import type { Rng } from './random.js';

export interface WriteStats {
  clients: number;
  people: number;
  interactions: number;
  purchases: number;
}

export class IdMaker {
  private readonly buf = new Uint8Array(10);
  make(ms: number, rng: Rng): string {
    return encodeUlid(Math.max(0, Math.floor(ms)), rng.bytes(this.buf));
  }
}

export type Row = readonly (string | number | null)[];

export class Writer {
  readonly stats: WriteStats = { clients: 0, people: 0, interactions: 0, purchases: 0 };
  readonly ids = new IdMaker();
  private readonly st;
  /**
   * `seq` (the FTS rowid) is given explicitly, counting the rows drawn rather than the rows kept,
   * so that leaving out a row the privacy policy refuses shifts nothing else (the store is empty
   * when the demo is written: SQLite would have numbered them 1, 2, … the same way).
   */
  private personSeq = 0;
  private preferenceSeq = 0;

  constructor(raw: RawDatabase) {
    const prep = (sql: string) => raw.prepare<unknown[]>(sql);
    this.st = {
      person: prep(
        `INSERT INTO person (seq, id, kind, status, honorific, first_name, last_name, sort_key, birth_date, language, city, country,
          time_zone, tier, client_since, advisor_id, provenance, review_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      contact: prep(
        'INSERT INTO contact_point (id, person_id, channel, value, is_preferred, provenance, review_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      preference: prep(
        'INSERT INTO preference (seq, id, person_id, domain, label, value, provenance, review_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      purchase: prep(
        `INSERT INTO purchase (id, person_id, purchased_at, category, item, amount_minor, currency, channel, recipient_person_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      interaction: prep(
        'INSERT INTO interaction (id, person_id, occurred_at, kind, direction, channel, note, discreet, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      appointment: prep(
        'INSERT INTO appointment (id, person_id, starts_at, ends_at, place, purpose, status, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      afterSales: prep(
        'INSERT INTO after_sales_case (id, person_id, opened_at, kind, item, status, closed_at, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      moment: prep('INSERT INTO moment (id, person_id, kind, date, recurring, label, note, provenance, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      relation: prep(
        'INSERT INTO relation (id, from_person_id, to_person_id, kind, label, since, until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      gift: prep(
        'INSERT INTO gift (id, client_id, recipient_person_id, given_at, occasion, item, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      restriction: prep('INSERT INTO restriction (id, person_id, action, reason, recorded_at) VALUES (?, ?, ?, ?, ?)'),
      consent: prep(
        `INSERT INTO consent (id, person_id, purpose, channel, action, source, evidence, notice_version, effective_at, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  person(row: Row, client: boolean): void {
    this.st.person.run(++this.personSeq, ...row);
    this.stats.people++;
    if (client) this.stats.clients++;
  }
  /** A person drawn but not kept: their `seq` stays unused, so everyone else's is unchanged. */
  skipPerson(): void {
    this.personSeq++;
  }
  contact(row: Row): void {
    this.st.contact.run(...row);
  }
  preference(row: Row): void {
    this.st.preference.run(++this.preferenceSeq, ...row);
  }
  /** A preference drawn but not kept (see `skipPerson`). */
  skipPreference(): void {
    this.preferenceSeq++;
  }
  purchase(row: Row): void {
    this.st.purchase.run(...row);
    this.stats.purchases++;
  }
  interaction(row: Row): void {
    this.st.interaction.run(...row);
    this.stats.interactions++;
  }
  restriction(row: Row): void {
    this.st.restriction.run(...row);
  }
  appointment(row: Row): void {
    this.st.appointment.run(...row);
  }
  afterSales(row: Row): void {
    this.st.afterSales.run(...row);
  }
  moment(row: Row): void {
    this.st.moment.run(...row);
  }
  relation(row: Row): void {
    this.st.relation.run(...row);
  }
  gift(row: Row): void {
    this.st.gift.run(...row);
  }
  consent(row: Row): void {
    this.st.consent.run(...row);
  }
}

