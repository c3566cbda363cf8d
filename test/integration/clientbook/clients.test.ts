/**
 * A client's page carries their sizes, tastes and life moments only while personalisation allows
 * it: on the real encrypted store of the demo maison, through the router, withdrawing the consent
 * turns both lists into null at once (not an empty list, not a count), and granting it again
 * brings them back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_MOMENTS_MAX, CLIENT_PREFERENCES_MAX } from '../../../electron/contract/index.js';
import { byNextOccurrence, nextOccurrence } from '../../../electron/services/clientbook/clients.js';
import { openWorld, type World } from '../privacy/support.js';

const record = { source: 'in_person', noticeVersion: 'v3-2026' } as const;

describe('clients.get — preferences and moments follow personalisation consent', () => {
  let w: World;
  let clientId = '';

  beforeAll(async () => {
    w = await openWorld({ demoClients: 80 });
    // A demo client whose personalisation is granted and who has both preferences and moments.
    const list = await w.call('clients.list', { limit: 200 });
    expect(list.ok).toBe(true);
    for (const item of list.value.items as { id: string }[]) {
      const c = await w.call('clients.get', { id: item.id });
      if (c.ok && c.value.personalisation && c.value.status === 'active' && c.value.categoryCounts.preferences > 2 && c.value.categoryCounts.moments > 1) {
        clientId = item.id;
        break;
      }
    }
    expect(clientId).not.toBe('');
  });
  afterAll(async () => {
    await w?.close();
  });

  const get = async () => {
    const r = await w.call('clients.get', { id: clientId });
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    return r.value;
  };

  it('lists preferences and moments while personalisation is granted', async () => {
    const c = await get();
    expect(Array.isArray(c.preferences)).toBe(true);
    expect(Array.isArray(c.moments)).toBe(true);
    expect(c.preferences.length).toBe(Math.min(c.categoryCounts.preferences, CLIENT_PREFERENCES_MAX));
    expect(c.moments.length).toBe(Math.min(c.categoryCounts.moments, CLIENT_MOMENTS_MAX));
    for (const p of c.preferences) {
      expect(Object.keys(p).sort()).toEqual(['domain', 'id', 'label', 'provenance', 'reviewAt', 'value']);
      expect(['declared', 'observed', 'imported']).toContain(p.provenance);
    }
    // Only the client's own moments, in order of next occurrence, with exactly these fields. The
    // note travels with its moment (same category, same consent: the 360 shows and corrects it);
    // nothing else of the row does (provenance, creation time).
    const own = new Set((w.raw.prepare('SELECT id FROM moment WHERE person_id = ?').all(clientId) as { id: string }[]).map((m) => m.id));
    for (const m of c.moments) {
      expect(own.has(m.id)).toBe(true);
      expect(Object.keys(m).sort()).toEqual(['date', 'id', 'kind', 'label', 'next', 'note', 'recurring']);
    }
    expect([...c.moments].sort(byNextOccurrence)).toEqual(c.moments);
    // "Today" is the advisor's: allow a day either side of UTC.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    for (const m of c.moments) if (m.next !== null) expect(m.next >= yesterday).toBe(true);
    expect(c.moments.some((m: { next: string | null }) => m.next !== null)).toBe(true);
  });

  it('hides both at once when personalisation is withdrawn — null, not empty', async () => {
    const withdrawn = await w.call('privacy.consents.record', { clientId, purpose: 'personalisation', action: 'withdraw', ...record });
    expect(withdrawn.ok, JSON.stringify(withdrawn.error)).toBe(true);
    const c = await get();
    expect(c.personalisation).toBe(false);
    expect(c.preferences).toBeNull();
    expect(c.moments).toBeNull();
    expect(c.categoryCounts.preferences).toBeNull();
    expect(c.categoryCounts.moments).toBeNull();
    expect(c.visibleCategories).not.toContain('preferences');
    expect(c.visibleCategories).not.toContain('moments');
    // Nothing of them crossed: no preference value or moment label appears anywhere in the answer.
    const held = w.raw.prepare('SELECT value AS text FROM preference WHERE person_id = ? UNION ALL SELECT label FROM moment WHERE person_id = ? AND label IS NOT NULL').all(clientId, clientId) as { text: string }[];
    const answer = JSON.stringify(c);
    for (const { text } of held) if (text.length > 3) expect(answer).not.toContain(text);
    // Still held (queued for purge), only hidden.
    const purges = await w.call('privacy.pendingPurges', {});
    expect(purges.value.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ clientId, category: 'preferences', purpose: 'personalisation' }),
        expect.objectContaining({ clientId, category: 'moments', purpose: 'personalisation' }),
      ]),
    );
  });

  it('brings them back when the client consents again', async () => {
    const granted = await w.call('privacy.consents.record', { clientId, purpose: 'personalisation', action: 'grant', ...record });
    expect(granted.ok, JSON.stringify(granted.error)).toBe(true);
    const c = await get();
    expect(c.personalisation).toBe(true);
    expect(Array.isArray(c.preferences)).toBe(true);
    expect(Array.isArray(c.moments)).toBe(true);
    expect(c.preferences.length).toBeGreaterThan(0);
    expect(c.moments.length).toBeGreaterThan(0);
  });
});

describe('a moment’s next occurrence', () => {
  it('comes round this year or the next, and a one-off moment only while ahead', () => {
    expect(nextOccurrence('05-14', true, '2026-03-01')).toBe('2026-05-14');
    expect(nextOccurrence('05-14', true, '2026-05-14')).toBe('2026-05-14');
    expect(nextOccurrence('05-14', true, '2026-05-15')).toBe('2027-05-14');
    expect(nextOccurrence('1970-05-14', true, '2026-06-01')).toBe('2027-05-14');
    expect(nextOccurrence('02-29', true, '2026-01-10')).toBe('2026-02-28');
    expect(nextOccurrence('02-29', true, '2027-03-01')).toBe('2028-02-29');
    expect(nextOccurrence('2026-09-01', false, '2026-06-01')).toBe('2026-09-01');
    expect(nextOccurrence('2025-09-01', false, '2026-06-01')).toBeNull();
    expect(nextOccurrence('09-01', false, '2026-06-01')).toBeNull();
    expect(nextOccurrence('not a date', true, '2026-06-01')).toBeNull();
  });
});
