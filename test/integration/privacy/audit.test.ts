/**
 * The audit channels: verification walks the hash chain and names the first broken entry — a
 * row altered "with the key" breaks it exactly there; the list shows what was done to which ids,
 * never the data. Every privacy channel records the client ids it touched.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addConsent, addPerson, addPreference, lastAudit, openWorld, type World } from './support.js';

describe('privacy.audit', () => {
  let w: World;
  let client: string;

  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw, { first: 'Sibylle', last: 'Vautrin' });
  });
  afterEach(async () => {
    await w.close();
  });

  it('verifies the chain through the router', async () => {
    await w.call('clients.get', { id: client });
    await w.call('privacy.consents.get', { clientId: client });
    const r = await w.call('privacy.audit.verify', {});
    const rows = (w.raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    // The verification itself is audited after it ran.
    expect(r.value).toEqual({ valid: true, entries: rows - 1, firstBrokenSeq: null });
    expect(lastAudit(w.raw)).toMatchObject({ action: 'privacy.audit.verify', target_ids: '[]', outcome: 'ok' });
  });

  it('fails verification at exactly the row altered with the key', async () => {
    for (let i = 0; i < 4; i++) await w.call('clients.get', { id: client });
    const target = w.raw.prepare("SELECT seq FROM audit_log WHERE action = 'clients.get' ORDER BY seq LIMIT 1 OFFSET 2").get() as { seq: number };
    // Someone with the passphrase rewrites history: drop the trigger, edit, put the trigger back.
    const trigger = (w.raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_no_update'").get() as { sql: string }).sql;
    w.raw.exec('DROP TRIGGER audit_no_update');
    w.raw.prepare("UPDATE audit_log SET target_ids = '[]' WHERE seq = ?").run(target.seq);
    w.raw.exec(trigger);
    expect(() => w.raw.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);

    const r = await w.call('privacy.audit.verify', {});
    expect(r.value.valid).toBe(false);
    expect(r.value.firstBrokenSeq).toBe(target.seq);
    // Later entries still chain onto the stored hashes; the break stays where it happened.
    await w.call('clients.get', { id: client });
    expect((await w.call('privacy.audit.verify', {})).value.firstBrokenSeq).toBe(target.seq);
  });

  it('lists entries newest first, by page, with ids and outcomes only', async () => {
    await w.call('clients.get', { id: client });
    await w.call('privacy.consents.record', { clientId: client, purpose: 'personalisation', action: 'grant', source: 'in_person', noticeVersion: 'v1', evidence: 'Sibylle Vautrin, signed' });
    await w.call('privacy.consents.record', { clientId: client, purpose: 'personalisation', action: 'grant', source: 'in_person', noticeVersion: 'v1' });
    const first = await w.call('privacy.audit.list', { limit: 2 });
    expect(first.value.entries.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`)).toEqual([
      'privacy.consents.record:error',
      'privacy.consents.record:ok',
    ]);
    expect(first.value.entries[0].targetIds).toEqual([client]);
    expect(Object.keys(first.value.entries[0]).sort()).toEqual(['action', 'at', 'outcome', 'seq', 'targetIds']);
    const second = await w.call('privacy.audit.list', { limit: 2, beforeSeq: first.value.nextBeforeSeq });
    expect(second.value.entries.map((e: { action: string }) => e.action)).toEqual(['clients.get', 'session.createProfile']);
    expect(second.value.nextBeforeSeq).toBeNull();
    const all = await w.call('privacy.audit.list', {});
    // The two list calls before this one were audited too.
    expect(all.value.entries.map((e: { action: string }) => e.action).slice(0, 2)).toEqual(['privacy.audit.list', 'privacy.audit.list']);
    expect(all.value.entries.length).toBe(6);
    expect(JSON.stringify(all.value)).not.toMatch(/Sibylle|Vautrin|hash/);
    for (const input of [{ limit: 0 }, { limit: 501 }, { beforeSeq: 0 }, { beforeSeq: 'last' }, { limit: 10, cursor: 3 }]) {
      expect((await w.call('privacy.audit.list', input)).error?.code).toBe('INVALID_INPUT');
    }
  });

  it('records, for every privacy channel, the client ids it touched and nothing else', async () => {
    addConsent(w.raw, client, 'personalisation', 'grant');
    addPreference(w.raw, client);
    const other = addPerson(w.raw);
    const base = { source: 'in_person', noticeVersion: 'v1' };
    const calls: [string, unknown, string[]][] = [
      ['privacy.consents.get', { clientId: client }, [client]],
      ['privacy.consents.record', { clientId: client, purpose: 'personalisation', action: 'withdraw', ...base }, [client]],
      ['privacy.consents.record', { clientId: other, purpose: 'personalisation', action: 'withdraw', ...base }, [other]],
      ['privacy.pendingPurges', {}, [client]],
      ['privacy.restrict', { clientId: other, restricted: true }, [other]],
      ['privacy.recordOfProcessing', { locale: 'fr' }, []],
      ['privacy.settings.get', {}, []],
      ['privacy.settings.set', { purgeGraceDays: 14 }, []],
      ['privacy.audit.verify', {}, []],
      ['privacy.audit.list', { limit: 1 }, []],
    ];
    for (const [channel, input, ids] of calls) {
      await w.call(channel, input);
      const entry = lastAudit(w.raw);
      expect(entry.action).toBe(channel);
      expect(JSON.parse(entry.target_ids), channel).toEqual(ids);
    }
    expect((await w.call('privacy.audit.verify', {})).value.valid).toBe(true);
  });
});
