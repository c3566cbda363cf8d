/**
 * Subject rights: access (a dossier of everything held — hidden-but-pending data included and
 * marked — as `carnet.dossier/1` JSON and a printable, escaped, script-free page in EN or FR),
 * portability (`carnet.portability/1`: what the client provided), rectification through the write
 * gate, objection to outreach.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dossierSchema, portabilitySchema } from '../../../electron/contract/index.js';
import { assertMayContact } from '../../../electron/services/privacy/gate.js';
import { newId } from '../../../electron/services/ids.js';
import {
  addConsent,
  addContact,
  addGift,
  addMoment,
  addPerson,
  addPreference,
  addPurchase,
  addRelation,
  lastAudit,
  openWorld,
  type World,
} from './support.js';

const DAY = 86_400_000;
const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('privacy.rights.access', () => {
  let w: World;
  let client: string;
  let daughter: string;
  let referrer: string;
  let withdrawnAt: string;

  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw, { first: 'Hélène', last: 'Roux', birth: '1970-05-14' });
    daughter = addPerson(w.raw, { kind: 'related', first: 'Zoé', last: 'Roux', birth: '2004-02-11' });
    referrer = addPerson(w.raw, { first: 'Clémence', last: 'Vautrin' });
    addRelation(w.raw, daughter, client, 'daughter');
    addRelation(w.raw, client, referrer, 'referred by', 'referral');
    for (const purpose of ['service', 'personalisation', 'relationship_mapping']) addConsent(w.raw, client, purpose, 'grant', { effectiveAt: '2024-01-10T10:00:00.000Z' });
    addConsent(w.raw, client, 'outreach', 'grant', { channel: 'email', effectiveAt: '2024-01-10T10:00:00.000Z' });
    addPreference(w.raw, client, 'colour', 'favourite', 'bordeaux');
    addPreference(w.raw, daughter, 'size', 'ring', '48');
    addMoment(w.raw, client, 'wedding_anniversary', '09-02');
    addMoment(w.raw, daughter, 'birthday', '02-11');
    addGift(w.raw, client, daughter);
    addContact(w.raw, client, 'email', 'helene.roux@example.fr');
    addPurchase(w.raw, client);
    w.raw
      .prepare(`INSERT INTO interaction (id, person_id, occurred_at, kind, direction, note, discreet, created_at) VALUES (?, ?, ?, 'visit', 'inbound', ?, 1, ?)`)
      .run(newId(), client, '2025-10-01T15:00:00.000Z', 'Asked for <script>alert("x")</script> & the “Tonneau” — no <img src=x onerror=alert(1)>.', '2025-10-01T15:00:00.000Z');
    const r = await w.call('privacy.consents.record', {
      clientId: client,
      purpose: 'personalisation',
      action: 'withdraw',
      source: 'signed_form',
      evidence: 'Form F-2026-0012',
      noticeVersion: 'v3-2026',
    });
    withdrawnAt = r.value.history[0].recordedAt;
  });
  afterEach(async () => {
    await w.close();
  });

  it('gives everything held as carnet.dossier/1 — including what the withdrawal hides, marked, with its purge date', async () => {
    const r = await w.call('privacy.rights.access', { clientId: client });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    const d = dossierSchema.parse(r.value.json);
    expect(d.schema).toBe('carnet.dossier/1');
    expect(d.locale).toBe('en');
    expect(d.controller).toEqual({ maison: 'Maison Aubrac', boutique: 'Paris — Faubourg Saint-Honoré', advisor: 'Camille Laurent' });
    expect(d.client).toMatchObject({ id: client, firstName: 'Hélène', lastName: 'Roux', birthDate: '1970-05-14', status: 'active' });

    const cat = (c: string) => d.categories.find((x) => x.category === c);
    const purgeDueAt = new Date(Date.parse(withdrawnAt) + 30 * DAY).toISOString();
    expect(cat('preferences')).toMatchObject({
      shown: false,
      hiddenBecause: 'consent_withdrawn',
      withdrawnPurpose: 'personalisation',
      purgeDueAt,
      held: 1,
    });
    expect(cat('moments')).toMatchObject({ shown: false, hiddenBecause: 'consent_withdrawn', held: 2, purgeDueAt }); // a moment and the birth date
    expect(cat('gifts')).toMatchObject({ shown: false, held: 1 });
    expect(cat('purchases')).toMatchObject({ shown: true, hiddenBecause: null, purgeDueAt: null, held: 1 });
    expect(cat('relations')).toMatchObject({ shown: true, held: 2 });
    expect(cat('identity')?.retention).toBe('kept until 3 years after the last contact with the client');
    expect(cat('purchases')?.retentionDueAt).toBe('2035-01-10T10:00:00.000Z');

    // Hidden by the withdrawal, still held, so still in the dossier.
    expect(d.preferences.map((p) => p.value)).toEqual(['bordeaux']);
    expect(d.moments.map((m) => m.kind)).toEqual(['wedding_anniversary']);
    expect(d.gifts).toEqual([expect.objectContaining({ recipientPersonId: daughter, onBehalfOfAnotherClient: false })]);
    expect(d.interactions[0]).toMatchObject({ discreet: true });
    expect(d.contactPoints).toEqual([expect.objectContaining({ channel: 'email', value: 'helene.roux@example.fr', preferred: true })]);
    expect(d.consents.history[0]).toMatchObject({ purpose: 'personalisation', action: 'withdraw', evidence: 'Form F-2026-0012' });

    // The people around her: the minimum. Another client: by id and relation only.
    const zoe = d.people.find((p) => p.id === daughter);
    expect(zoe).toEqual({
      id: daughter,
      isClient: false,
      firstName: 'Zoé',
      lastName: 'Roux',
      relations: [expect.objectContaining({ label: 'daughter', direction: 'to_client' })],
      held: { birthDate: true, moments: 1, preferences: 1 },
    });
    expect(d.people.find((p) => p.id === referrer)).toMatchObject({ isClient: true, firstName: null, lastName: null, held: null });
    expect(JSON.stringify(d)).not.toMatch(/Clémence|Vautrin|"48"/);

    expect(lastAudit(w.raw)).toEqual({ action: 'privacy.rights.access', target_ids: JSON.stringify([client]), outcome: 'ok' });
  });

  it('renders a self-contained, printable page: escaped text, no script, no external resource', async () => {
    const { html } = (await w.call('privacy.rights.access', { clientId: client })).value as { html: string };
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Asked for &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the “Tonneau” — no &lt;img src=x onerror=alert(1)&gt;.');
    expect(html).not.toMatch(/<script/i);
    // No element that loads or runs anything, no event handler, no link out (the note's text is text).
    expect(html).not.toMatch(/<(img|link|iframe|object|embed|svg|base|form|meta http-equiv="refresh")/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(on\w+|src|href|srcset|action)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    expect(html).toContain(`default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).toContain('<style>');
    expect(html).toContain('Personal data held about Hélène Roux');
    expect(html).toContain('Hidden because a consent was withdrawn');
    expect(html).toContain('helene.roux@example.fr');
    expect(html).not.toMatch(/Clémence|Vautrin/);
    expect(html).toContain('@page');
  });

  it('speaks French — with French typography — when asked, or when the advisor does', async () => {
    const { html, json } = (await w.call('privacy.rights.access', { clientId: client, locale: 'fr' })).value as { html: string; json: { locale: string; categories: { retention: string }[] } };
    expect(json.locale).toBe('fr');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Données personnelles détenues sur Hélène Roux');
    expect(html).toContain('Droit d’accès — article 15 du RGPD');
    expect(html).toContain('suppression le');
    expect(html).toMatch(/Masqué à la suite du retrait d’un consentement\u202f;/);
    // Carnet's own French: a narrow no-break space before ; ? ! and a no-break space before :, never a plain one.
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/ [;:?!]/);
    expect(body).toMatch(/\u00a0:/);
    expect(json.categories[0]?.retention).toBe('conservation jusqu’à 3 ans après le dernier contact avec le client');
    w.raw.prepare("UPDATE advisor SET locale = 'fr'").run();
    expect(((await w.call('privacy.rights.access', { clientId: client })).value as { json: { locale: string } }).json.locale).toBe('fr');
  });

  it('describes every field of the dossier and of the portability export in docs/dossier-schema.md', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/dossier-schema.md'), 'utf8');
    const keys = new Set<string>();
    const walk = (schema: z.ZodType): void => {
      if (schema instanceof z.ZodObject) {
        for (const [key, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
          keys.add(key);
          walk(value);
        }
      } else if (schema instanceof z.ZodArray) walk(schema.element as z.ZodType);
      else if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) walk(schema.unwrap() as z.ZodType);
    };
    walk(dossierSchema);
    walk(portabilitySchema);
    expect(keys.size).toBeGreaterThan(60);
    expect([...keys].filter((k) => !doc.includes(`\`${k}\``))).toEqual([]);
    expect(doc).toContain('`carnet.dossier/1`');
    expect(doc).toContain('`carnet.portability/1`');
  });

  it('refuses unknown, malformed and erased clients, and people who are not clients', async () => {
    expect((await w.call('privacy.rights.access', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).error?.code).toBe('NOT_FOUND');
    expect((await w.call('privacy.rights.access', { clientId: 'Roux' })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.rights.access', { clientId: client, locale: 'de' })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.rights.access', { clientId: daughter })).error?.code).toBe('NOT_A_CLIENT');
    expect((await w.call('privacy.rights.portability', { clientId: daughter })).error?.code).toBe('NOT_A_CLIENT');
  });
});

describe('privacy.rights.portability', () => {
  let w: World;
  beforeEach(async () => {
    w = await openWorld();
  });
  afterEach(async () => {
    await w.close();
  });

  it('gives what the client provided as carnet.portability/1 — not the advisor’s notes or observations', async () => {
    const client = addPerson(w.raw, { first: 'Inès', last: 'Garnier', birth: '1981-07-03' });
    addContact(w.raw, client, 'email', 'ines.garnier@example.com');
    addPreference(w.raw, client, 'size', 'ring', '52');
    addPreference(w.raw, client, 'designer', 'observed', 'Pleats');
    w.raw.prepare("UPDATE preference SET provenance = 'observed' WHERE label = 'observed'").run();
    addMoment(w.raw, client, 'wedding_anniversary', '09-02');
    addPurchase(w.raw, client);
    w.raw
      .prepare(`INSERT INTO interaction (id, person_id, occurred_at, kind, direction, note, discreet, created_at) VALUES (?, ?, ?, 'visit', 'inbound', 'Seemed hesitant about the price.', 0, ?)`)
      .run(newId(), client, '2025-10-01T15:00:00.000Z', '2025-10-01T15:00:00.000Z');
    const r = await w.call('privacy.rights.portability', { clientId: client });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    const p = portabilitySchema.parse(r.value.json);
    expect(p).toMatchObject({
      schema: 'carnet.portability/1',
      clientId: client,
      identity: { firstName: 'Inès', lastName: 'Garnier', birthDate: '1981-07-03', honorific: null },
      contactPoints: [{ channel: 'email', value: 'ines.garnier@example.com', preferred: true }],
      preferences: [{ domain: 'size', label: 'ring', value: '52' }],
      moments: [{ kind: 'wedding_anniversary', date: '09-02', recurring: true, label: null }],
      purchases: [{ purchasedAt: '2025-01-10T10:00:00.000Z', category: 'jewellery', item: 'Ring', amountMinor: 420000, currency: 'EUR', channel: 'boutique' }],
    });
    expect(JSON.stringify(r.value)).not.toMatch(/hesitant|Pleats/);
    expect(lastAudit(w.raw)).toEqual({ action: 'privacy.rights.portability', target_ids: JSON.stringify([client]), outcome: 'ok' });

    w.raw.prepare("UPDATE person SET provenance = 'imported' WHERE id = ?").run(client);
    expect((await w.call('privacy.rights.portability', { clientId: client })).value.json.identity).toBeNull();
  });
});

describe('privacy.rights.rectify', () => {
  let w: World;
  let client: string;
  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw, { first: 'Mathilde', last: 'Aubert' });
  });
  afterEach(async () => {
    await w.close();
  });

  const rectify = (field: string, value: string | null, id = client) => w.call('privacy.rights.rectify', { clientId: id, field, value });

  it('corrects a field, normalised, through the write gate; audited by id; search follows the new name', async () => {
    const r = await rectify('lastName', '  Aubert-Laîné ');
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(r.value).toMatchObject({ clientId: client, lastName: 'Aubert-Laîné', firstName: 'Mathilde', status: 'active', birthDate: null, hidden: ['birthDate'] });
    expect(w.raw.prepare('SELECT sort_key FROM person WHERE id = ?').get(client)).toEqual({ sort_key: 'aubert-laine mathilde' });
    expect((await w.call('clients.list', { query: 'laine' })).value.total).toBe(1);
    expect(lastAudit(w.raw)).toEqual({ action: 'privacy.rights.rectify', target_ids: JSON.stringify([client]), outcome: 'ok' });
    expect((await rectify('country', 'fr')).value.country).toBe('FR');
    expect((await rectify('language', 'FR')).value.language).toBe('fr');
    expect((await rectify('city', 'Lyon')).value.city).toBe('Lyon');
    expect((await rectify('city', null)).value.city).toBeNull();
    expect((await w.call('clients.get', { id: client })).value).toMatchObject({ lastName: 'Aubert-Laîné', country: 'FR', city: null });
  });

  it('needs personalisation consent for the date of birth (a life moment), and a real date', async () => {
    expect((await rectify('birthDate', '1980-04-12')).error?.code).toBe('CONSENT_MISSING');
    addConsent(w.raw, client, 'personalisation', 'grant');
    const r = await rectify('birthDate', '1980-04-12');
    expect(r.value).toMatchObject({ birthDate: '1980-04-12', hidden: [] });
    expect((await rectify('birthDate', '1980-02-30')).error?.code).toBe('INVALID_INPUT');
    expect((await rectify('birthDate', '2999-01-01')).error?.code).toBe('INVALID_INPUT');
    expect((await rectify('birthDate', '12/04/1980')).error?.code).toBe('INVALID_INPUT');
    expect((await rectify('birthDate', '04-12')).value.birthDate).toBe('04-12');
  });

  it('refuses a restricted client, empty names, bad values, unknown fields and clients', async () => {
    expect((await rectify('firstName', null)).error?.code).toBe('INVALID_INPUT');
    expect((await rectify('firstName', '   ')).error?.code).toBe('INVALID_INPUT');
    expect((await rectify('firstName', 'Ma\nthilde')).error?.code).toBe('INVALID_INPUT');
    expect((await rectify('country', 'France')).error?.code).toBe('INVALID_INPUT');
    expect((await rectify('religion', 'none')).error?.code).toBe('INVALID_INPUT');
    expect((await rectify('tier', 'Prestige')).error?.code).toBe('INVALID_INPUT');
    expect((await rectify('city', 'x'.repeat(201))).error?.code).toBe('INVALID_INPUT');
    expect((await rectify('city', 'Lyon', '01ARZ3NDEKTSV4RRFFQ69G5FAV')).error?.code).toBe('NOT_FOUND');
    await w.call('privacy.restrict', { clientId: client, restricted: true, reason: 'accuracy_contested' });
    expect((await rectify('city', 'Lyon')).error?.code).toBe('RESTRICTED');
    expect(w.raw.prepare('SELECT city, last_name FROM person WHERE id = ?').get(client)).toEqual({ city: null, last_name: 'Aubert' });
  });
});

describe('privacy.rights.object', () => {
  let w: World;
  let client: string;
  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw, { first: 'Armand', last: 'Béraud' });
    addConsent(w.raw, client, 'outreach', 'grant', { channel: 'email', notice: 'v2', effectiveAt: '2024-05-01T10:00:00.000Z' });
    addConsent(w.raw, client, 'outreach', 'grant', { channel: 'sms', notice: 'v3', effectiveAt: '2024-05-01T10:00:00.000Z' });
    addConsent(w.raw, client, 'outreach', 'grant', { channel: 'post', effectiveAt: '2024-05-01T10:00:00.000Z' });
    addConsent(w.raw, client, 'outreach', 'withdraw', { channel: 'post', effectiveAt: '2024-06-01T10:00:00.000Z' });
  });
  afterEach(async () => {
    await w.close();
  });

  it('withdraws every granted outreach channel, with the source given; outreach is then refused; nothing to do twice', async () => {
    const r = await w.call('privacy.rights.object', { clientId: client, source: 'signed_form', evidence: 'Letter of 3 March' });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(r.value.withdrawn).toEqual(['email', 'sms']);
    const outreach = r.value.current.filter((c: { purpose: string }) => c.purpose === 'outreach');
    expect(outreach.every((c: { state: string }) => c.state !== 'granted')).toBe(true);
    const rows = w.raw.prepare("SELECT channel, source, evidence, notice_version FROM consent WHERE action = 'withdraw' AND channel != 'post' ORDER BY channel").all();
    expect(rows).toEqual([
      { channel: 'email', source: 'signed_form', evidence: 'Letter of 3 March', notice_version: 'v2' },
      { channel: 'sms', source: 'signed_form', evidence: 'Letter of 3 March', notice_version: 'v3' },
    ]);
    await expect(assertMayContact(w.db, client, 'email')).rejects.toMatchObject({ code: 'CONSENT_MISSING' });
    expect(lastAudit(w.raw)).toEqual({ action: 'privacy.rights.object', target_ids: JSON.stringify([client]), outcome: 'ok' });
    // Personalisation and the rest are untouched; an objection with nothing granted records nothing.
    const again = await w.call('privacy.rights.object', { clientId: client, source: 'in_person' });
    expect(again.value.withdrawn).toEqual([]);
    expect((w.raw.prepare('SELECT count(*) AS n FROM consent').get() as { n: number }).n).toBe(6);
  });

  it('is honoured for a restricted client too; refuses bad input', async () => {
    await w.call('privacy.restrict', { clientId: client, restricted: true, reason: 'objection_pending' });
    expect((await w.call('privacy.rights.object', { clientId: client, source: 'digital', noticeVersion: 'v9' })).value.withdrawn).toEqual(['email', 'sms']);
    expect((await w.call('privacy.rights.object', { clientId: client })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.rights.object', { clientId: client, source: 'imported' })).error?.code).toBe('INVALID_INPUT');
    expect((await w.call('privacy.rights.object', { clientId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', source: 'digital' })).error?.code).toBe('NOT_FOUND');
  });
});
