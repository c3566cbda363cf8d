/**
 * 0001 — schema v1. Frozen in time: it uses `Kysely<any>` and raw SQL, and imports no app code,
 * so that it builds the same store whatever the app later becomes.
 */
import { type Kysely, sql } from 'kysely';

const statements: string[] = [
  `CREATE TABLE advisor (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    maison TEXT NOT NULL,
    boutique TEXT NOT NULL,
    locale TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  )`,
  `CREATE TABLE person (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('client','related')),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','restricted','erased')),
    honorific TEXT,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    birth_date TEXT,
    language TEXT,
    city TEXT,
    country TEXT,
    time_zone TEXT,
    tier TEXT,
    client_since TEXT,
    last_contact_at TEXT,
    advisor_id TEXT REFERENCES advisor(id) ON DELETE SET NULL,
    provenance TEXT NOT NULL CHECK (provenance IN ('declared','observed','imported')),
    review_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE INDEX person_kind_sort ON person(kind, status, sort_key)`,
  `CREATE INDEX person_kind_last_contact ON person(kind, last_contact_at)`,
  `CREATE TABLE contact_point (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    channel TEXT NOT NULL CHECK (channel IN ('email','phone','sms','whatsapp','wechat','post')),
    value TEXT NOT NULL,
    is_preferred INTEGER NOT NULL DEFAULT 0 CHECK (is_preferred IN (0,1)),
    provenance TEXT NOT NULL CHECK (provenance IN ('declared','observed','imported')),
    review_at TEXT,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX contact_point_person ON contact_point(person_id)`,
  `CREATE TABLE preference (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    domain TEXT NOT NULL,
    label TEXT NOT NULL,
    value TEXT NOT NULL,
    provenance TEXT NOT NULL CHECK (provenance IN ('declared','observed','imported')),
    review_at TEXT,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX preference_person ON preference(person_id)`,
  `CREATE TABLE purchase (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    purchased_at TEXT NOT NULL,
    category TEXT NOT NULL,
    item TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    channel TEXT NOT NULL,
    recipient_person_id TEXT REFERENCES person(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX purchase_person_time ON purchase(person_id, purchased_at)`,
  `CREATE TABLE interaction (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    occurred_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('visit','call','message','appointment','event','gift','after_sales')),
    direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
    channel TEXT,
    note TEXT,
    discreet INTEGER NOT NULL DEFAULT 0 CHECK (discreet IN (0,1)),
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX interaction_person_time ON interaction(person_id, occurred_at)`,
  `CREATE TABLE appointment (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    ends_at TEXT,
    place TEXT NOT NULL CHECK (place IN ('boutique','private_salon','hotel','home')),
    purpose TEXT,
    status TEXT NOT NULL CHECK (status IN ('planned','done','cancelled')),
    note TEXT,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX appointment_person_time ON appointment(person_id, starts_at)`,
  `CREATE INDEX appointment_time ON appointment(starts_at)`,
  `CREATE TABLE after_sales_case (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    opened_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('repair','resize','engraving','cleaning')),
    item TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','in_progress','ready','closed')),
    closed_at TEXT,
    note TEXT,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX after_sales_person ON after_sales_case(person_id, status)`,
  `CREATE TABLE moment (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    recurring INTEGER NOT NULL DEFAULT 0 CHECK (recurring IN (0,1)),
    label TEXT,
    note TEXT,
    provenance TEXT NOT NULL CHECK (provenance IN ('declared','observed','imported')),
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX moment_person ON moment(person_id)`,
  `CREATE TABLE relation (
    id TEXT PRIMARY KEY,
    from_person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    to_person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('family','friend','work','assistant','referral','influence')),
    label TEXT,
    since TEXT,
    until TEXT,
    created_at TEXT NOT NULL,
    CHECK (from_person_id <> to_person_id)
  )`,
  `CREATE INDEX relation_from ON relation(from_person_id)`,
  `CREATE INDEX relation_to ON relation(to_person_id)`,
  `CREATE TABLE gift (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    recipient_person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    given_at TEXT NOT NULL,
    occasion TEXT NOT NULL,
    item TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX gift_client ON gift(client_id, given_at)`,
  `CREATE INDEX gift_recipient ON gift(recipient_person_id)`,
  `CREATE TABLE consent (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    channel TEXT,
    action TEXT NOT NULL CHECK (action IN ('grant','withdraw')),
    source TEXT NOT NULL CHECK (source IN ('in_person','signed_form','digital','imported')),
    evidence TEXT,
    notice_version TEXT NOT NULL,
    effective_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  )`,
  `CREATE INDEX consent_person ON consent(person_id, purpose, effective_at)`,
  `CREATE TRIGGER consent_append_only BEFORE UPDATE ON consent
    BEGIN SELECT RAISE(ABORT, 'consent ledger is append-only'); END`,
  `CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target_ids TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok','error')),
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  )`,
  `CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,
  `CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,

  // The last real touch, kept on the person so that lists sort without scanning interactions.
  `CREATE TRIGGER interaction_last_contact AFTER INSERT ON interaction
    BEGIN
      UPDATE person SET last_contact_at = new.occurred_at
      WHERE id = new.person_id AND (last_contact_at IS NULL OR last_contact_at < new.occurred_at);
    END`,

  // Full-text search: external-content FTS5 tables keyed by the source rows' explicit integer
  // keys (`seq`, stable across VACUUM, unlike an implicit rowid), so a row's entry is removed in
  // O(log n) and nothing is stored twice. `remove_diacritics 2` folds accents
  // both ways ("eleonore" finds "Éléonore"); the prefix index serves search-as-you-type.
  `CREATE VIRTUAL TABLE person_fts USING fts5(
    first_name, last_name, content='person', content_rowid='seq',
    tokenize="unicode61 remove_diacritics 2", prefix='2 3'
  )`,
  `CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN
    INSERT INTO person_fts(rowid, first_name, last_name) VALUES (new.seq, new.first_name, new.last_name);
  END`,
  `CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN
    INSERT INTO person_fts(person_fts, rowid, first_name, last_name) VALUES ('delete', old.seq, old.first_name, old.last_name);
  END`,
  `CREATE TRIGGER person_fts_au AFTER UPDATE OF first_name, last_name ON person BEGIN
    INSERT INTO person_fts(person_fts, rowid, first_name, last_name) VALUES ('delete', old.seq, old.first_name, old.last_name);
    INSERT INTO person_fts(rowid, first_name, last_name) VALUES (new.seq, new.first_name, new.last_name);
  END`,
  `CREATE VIRTUAL TABLE interaction_fts USING fts5(
    note, content='interaction', content_rowid='seq',
    tokenize="unicode61 remove_diacritics 2", prefix='2 3'
  )`,
  `CREATE TRIGGER interaction_fts_ai AFTER INSERT ON interaction WHEN new.note IS NOT NULL BEGIN
    INSERT INTO interaction_fts(rowid, note) VALUES (new.seq, new.note);
  END`,
  `CREATE TRIGGER interaction_fts_ad AFTER DELETE ON interaction WHEN old.note IS NOT NULL BEGIN
    INSERT INTO interaction_fts(interaction_fts, rowid, note) VALUES ('delete', old.seq, old.note);
  END`,
  `CREATE TRIGGER interaction_fts_au AFTER UPDATE OF note ON interaction BEGIN
    INSERT INTO interaction_fts(interaction_fts, rowid, note) SELECT 'delete', old.seq, old.note WHERE old.note IS NOT NULL;
    INSERT INTO interaction_fts(rowid, note) SELECT new.seq, new.note WHERE new.note IS NOT NULL;
  END`,
  `CREATE VIRTUAL TABLE preference_fts USING fts5(
    label, value, content='preference', content_rowid='seq',
    tokenize="unicode61 remove_diacritics 2", prefix='2 3'
  )`,
  `CREATE TRIGGER preference_fts_ai AFTER INSERT ON preference BEGIN
    INSERT INTO preference_fts(rowid, label, value) VALUES (new.seq, new.label, new.value);
  END`,
  `CREATE TRIGGER preference_fts_ad AFTER DELETE ON preference BEGIN
    INSERT INTO preference_fts(preference_fts, rowid, label, value) VALUES ('delete', old.seq, old.label, old.value);
  END`,
  `CREATE TRIGGER preference_fts_au AFTER UPDATE OF label, value ON preference BEGIN
    INSERT INTO preference_fts(preference_fts, rowid, label, value) VALUES ('delete', old.seq, old.label, old.value);
    INSERT INTO preference_fts(rowid, label, value) VALUES (new.seq, new.label, new.value);
  END`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen: Kysely<any>
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
