/**
 * search.query through the router against a real encrypted store holding the demo maison and a
 * few clients of our own: accent- and case-insensitive both ways, prefixes, names above notes,
 * snippets with the private-use markers (never HTML), FTS syntax ignored, and the projection —
 * hidden preferences, uncovered people and erased clients never returned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../electron/contract/index.js';
import { addConsent, HTML, newClient, ok, openWorld, type World } from './book-support.js';

interface Hit {
  type: string;
  id: string;
  clientId: string;
  snippet: string;
  discreet: boolean;
  restricted: boolean;
  archived: boolean;
  domain: string | null;
}

describe('search.query', () => {
  let w: World;
  let eleonore: string;
  let dubois: string;
  let marchand: string;
  let noteId: string;
  const search = async (text: string, limit = 10): Promise<Hit[]> => ok(await w.call('search.query', { text, limit })).hits;

  beforeAll(async () => {
    w = await openWorld({ demoClients: 60 });
    eleonore = await newClient(w, { firstName: 'Éléonore', lastName: 'Vasseur-Quintal' });
    dubois = await newClient(w, { firstName: 'Zélie', lastName: 'dubois' });
    marchand = await newClient(w, { firstName: 'Octave', lastName: 'Marchandeau' });
    noteId = ok(
      await w.call('interactions.add', {
        clientId: eleonore,
        kind: 'visit',
        direction: 'inbound',
        note: `Loved the zibeline cashmere stole; asked about the marchandeau trunk. ${HTML}`,
      }),
    ).id;
    ok(await w.call('preferences.add', { personId: dubois, domain: 'fragrance', value: 'Vétiver quintessence', provenance: 'declared' }));
  }, 120_000);
  afterAll(async () => {
    await w.close();
  });

  it('folds accents and case both ways', async () => {
    for (const text of ['eleonore', 'ÉLÉONORE', 'Eléo', 'éléo', 'quintal', 'vasseur']) {
      expect((await search(text)).filter((h) => h.type === 'client').map((h) => h.id), text).toContain(eleonore);
    }
    for (const text of ['Dubois', 'dubois', 'DUBO', 'zelie', 'Zélie']) {
      expect((await search(text)).filter((h) => h.type === 'client').map((h) => h.id), text).toContain(dubois);
    }
  });

  it('finds a demo client by three letters of her name typed without accents', async () => {
    const demo = w.raw
      .prepare("SELECT id, first_name FROM person WHERE kind = 'client' AND first_name GLOB '*[éèêëïîôçá]*' ORDER BY id LIMIT 1")
      .get() as { id: string; first_name: string };
    const three = demo.first_name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().slice(0, 3);
    expect((await search(three, 50)).map((h) => h.id)).toContain(demo.id);
  });

  it('finds a note word from a prefix, with a snippet that frames the match and keeps HTML as text', async () => {
    const hits = await search('zibel');
    const note = hits.find((h) => h.id === noteId);
    expect(note).toMatchObject({ type: 'note', clientId: eleonore, discreet: false });
    expect(note?.snippet).toContain(`${SNIPPET_OPEN}zibeline${SNIPPET_CLOSE}`);
    expect(note?.snippet).not.toMatch(/<mark>/);
    const html = (await search('onclick')).find((h) => h.id === noteId);
    expect(html?.snippet).toContain('<b');
  });

  it('ranks names above preferences above notes, at most `limit` of each', async () => {
    const hits = await search('marchand');
    expect(hits[0]).toMatchObject({ type: 'client', id: marchand });
    expect(hits[0]?.snippet).toBe(`Octave ${SNIPPET_OPEN}Marchandeau${SNIPPET_CLOSE}`);
    expect(hits.findIndex((h) => h.type === 'note')).toBeGreaterThan(0);
    const order = hits.map((h) => ['client', 'person', 'preference', 'note'].indexOf(h.type));
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const pref = (await search('vetiver quint')).find((h) => h.type === 'preference');
    expect(pref).toMatchObject({ clientId: dubois, domain: 'fragrance' });
    expect(pref?.snippet).toContain(`${SNIPPET_OPEN}Vétiver${SNIPPET_CLOSE}`);

    const many = await search('a', 3);
    for (const type of ['client', 'person', 'preference', 'note']) expect(many.filter((h) => h.type === type).length).toBeLessThanOrEqual(3);
  });

  it('ignores FTS syntax in what is typed', async () => {
    for (const text of ['"', '*', '"eleonore', 'eleo*', 'NEAR(eleonore quintal)', 'eleonore OR dubois', 'first_name:eleonore', '^eleo', '-dubois', '(', ')', 'AND', 'NOT', '{col}', '\u0000', '\u202Eeleo', '', '   ', 'x'.repeat(200)]) {
      const result = await w.call('search.query', { text, limit: 5 });
      expect(result.ok, JSON.stringify(text)).toBe(true);
    }
    expect((await search('"eleonore*')).map((h) => h.id)).toContain(eleonore);
    expect((await search('eleonore) OR (dubois')).map((h) => h.id)).toEqual([]); // every word must match: no OR
    expect(await search('"*:^()')).toEqual([]);
  });

  it('never returns what the consents hide, nor erased clients; flags restricted ones', async () => {
    const client = await newClient(w, { firstName: 'Perrine', lastName: 'Ombrelune' });
    const sister = ok(await w.call('people.add', { clientId: client, firstName: 'Ysaline', lastName: 'Ombrelune', relation: { kind: 'family', label: 'sister' }, tastes: [{ domain: 'colour', value: 'glaucous' }] })).id;
    ok(await w.call('preferences.add', { personId: client, domain: 'material', value: 'vantablanc suede', provenance: 'declared' }));
    ok(await w.call('interactions.add', { clientId: client, kind: 'call', direction: 'outbound', note: 'Talked about the ombrelune capsule.' }));

    expect((await search('ysaline')).map((h) => [h.type, h.id, h.clientId])).toEqual([['person', sister, client]]);
    expect((await search('glauc')).map((h) => h.id)).toHaveLength(1);
    expect((await search('vantab')).map((h) => h.clientId)).toEqual([client]);

    addConsent(w.raw, client, 'personalisation', 'withdraw', { effectiveAt: new Date().toISOString() });
    expect(await search('vantab')).toEqual([]);
    addConsent(w.raw, client, 'relationship_mapping', 'withdraw', { effectiveAt: new Date().toISOString() });
    expect(await search('ysaline')).toEqual([]);
    expect(await search('glauc')).toEqual([]);
    // The client's own name and notes stay findable (service).
    expect((await search('ombrelune')).map((h) => h.type)).toEqual(['client', 'note']);

    w.raw.prepare("UPDATE person SET status = 'restricted' WHERE id = ?").run(client);
    expect((await search('ombrelune')).every((h) => h.restricted)).toBe(true);
    w.raw.prepare("UPDATE person SET status = 'erased' WHERE id = ?").run(client);
    expect(await search('ombrelune')).toEqual([]);
  });
});
