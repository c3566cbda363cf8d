/**
 * A real encrypted profile in a temp folder, driven through the router, with small writers for
 * the rows the privacy tests need (the demo writes the realistic ones).
 */
import type { RawDatabase } from '../../../db/open.js';
import type { Db } from '../../../db/store.js';
import { createCore, type Core } from '../../../electron/services/index.js';
import { newId } from '../../../electron/services/ids.js';
import { generateDemo } from '../../../electron/services/demo/generate.js';
import { tempDir } from '../../support/tmp.js';

export const PASS = 'les consentements se tiennent à jour';
export const ADVISOR = { displayName: 'Camille Laurent', maison: 'Maison Aubrac', boutique: 'Paris — Faubourg Saint-Honoré', locale: 'en' as const };

export interface CallResult {
  ok: boolean;
  /** Tests read values loosely, as the other integration tests do. */
  value?: any;
  error?: { code: string; message: string };
}

export interface World {
  core: Core;
  raw: RawDatabase;
  db: Db;
  profileId: string;
  call(channel: string, input?: unknown): Promise<CallResult>;
  close(): Promise<void>;
}

export async function openWorld(options: { demoClients?: number } = {}): Promise<World> {
  const { dir, cleanup } = tempDir('carnet-privacy-');
  const core = createCore({ profilesDir: dir });
  const created = (await core.router.dispatch('session.createProfile', { ...ADVISOR, passphrase: PASS })) as CallResult;
  if (!created.ok) throw new Error(`profile not created: ${created.error?.code}`);
  const store = core.session.requireStore();
  const profileId = created.value.id as string;
  if (options.demoClients) {
    generateDemo(store.raw, { seed: 3, clients: options.demoClients, today: new Date().toISOString().slice(0, 10), advisorId: profileId });
  }
  return {
    core,
    raw: store.raw,
    db: store.db,
    profileId,
    call: async (channel, input = {}) => (await core.router.dispatch(channel, input)) as CallResult,
    close: async () => {
      await core.session.lock();
      cleanup();
    },
  };
}

const NOW = '2025-01-10T10:00:00.000Z';

export function addPerson(
  raw: RawDatabase,
  p: { kind?: 'client' | 'related'; status?: 'active' | 'restricted' | 'erased'; first?: string; last?: string; birth?: string | null } = {},
): string {
  const id = newId();
  const first = p.first ?? 'Inès';
  const last = p.last ?? 'Garnier';
  raw
    .prepare(
      `INSERT INTO person (id, kind, status, first_name, last_name, sort_key, birth_date, provenance, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'declared', ?, ?)`,
    )
    .run(id, p.kind ?? 'client', p.status ?? 'active', first, last, `${last} ${first}`.toLowerCase(), p.birth ?? null, NOW, NOW);
  return id;
}

export function addConsent(
  raw: RawDatabase,
  personId: string,
  purpose: string,
  action: 'grant' | 'withdraw',
  o: { channel?: string | null; effectiveAt?: string; recordedAt?: string; notice?: string } = {},
): string {
  const id = newId();
  const effective = o.effectiveAt ?? NOW;
  raw
    .prepare(
      `INSERT INTO consent (id, person_id, purpose, channel, action, source, evidence, notice_version, effective_at, recorded_at)
       VALUES (?, ?, ?, ?, ?, 'in_person', NULL, ?, ?, ?)`,
    )
    .run(id, personId, purpose, o.channel ?? null, action, o.notice ?? 'v1', effective, o.recordedAt ?? effective);
  return id;
}

export function addRelation(raw: RawDatabase, from: string, to: string, label = 'wife', kind = 'family'): string {
  const id = newId();
  raw
    .prepare('INSERT INTO relation (id, from_person_id, to_person_id, kind, label, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, from, to, kind, label, NOW);
  return id;
}

export function addPreference(raw: RawDatabase, personId: string, domain = 'size', label = 'ring', value = '52'): void {
  raw
    .prepare(`INSERT INTO preference (id, person_id, domain, label, value, provenance, created_at) VALUES (?, ?, ?, ?, ?, 'declared', ?)`)
    .run(newId(), personId, domain, label, value, NOW);
}

export function addMoment(raw: RawDatabase, personId: string, kind = 'birthday', date = '05-14'): void {
  raw
    .prepare(`INSERT INTO moment (id, person_id, kind, date, recurring, label, provenance, created_at) VALUES (?, ?, ?, ?, 1, NULL, 'declared', ?)`)
    .run(newId(), personId, kind, date, NOW);
}

export function addGift(raw: RawDatabase, clientId: string, recipientId: string): void {
  raw
    .prepare(`INSERT INTO gift (id, client_id, recipient_person_id, given_at, occasion, item, created_at) VALUES (?, ?, ?, ?, 'birthday', 'Silk scarf', ?)`)
    .run(newId(), clientId, recipientId, NOW, NOW);
}

export function addContact(raw: RawDatabase, personId: string, channel = 'email', value = 'ines.garnier@example.com'): void {
  raw
    .prepare(`INSERT INTO contact_point (id, person_id, channel, value, is_preferred, provenance, created_at) VALUES (?, ?, ?, ?, 1, 'declared', ?)`)
    .run(newId(), personId, channel, value, NOW);
}

export function addPurchase(raw: RawDatabase, personId: string): void {
  raw
    .prepare(
      `INSERT INTO purchase (id, person_id, purchased_at, category, item, amount_minor, currency, channel, created_at) VALUES (?, ?, ?, 'jewellery', 'Ring', 420000, 'EUR', 'boutique', ?)`,
    )
    .run(newId(), personId, NOW, NOW);
}

export function lastAudit(raw: RawDatabase): { action: string; target_ids: string; outcome: string } {
  return raw.prepare('SELECT action, target_ids, outcome FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    action: string;
    target_ids: string;
    outcome: string;
  };
}

export function consentRows(raw: RawDatabase, personId: string): number {
  return (raw.prepare('SELECT count(*) AS n FROM consent WHERE person_id = ?').get(personId) as { n: number }).n;
}
