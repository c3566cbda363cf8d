/**
 * The consent ledger through the router, against a real encrypted store: the current state is
 * derived (latest by effective time, then recording time), the history is append-only, and every
 * impossible change is refused with a typed error that names the consent and no personal data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addConsent, addPerson, consentRows, lastAudit, openWorld, type World } from './support.js';

const UNKNOWN = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const base = { action: 'grant', source: 'in_person', noticeVersion: 'v3-2026' } as const;

describe('privacy.consents — the ledger', () => {
  let w: World;
  let client: string;

  beforeEach(async () => {
    w = await openWorld();
    client = addPerson(w.raw, { first: 'Éléonore', last: 'Dubois' });
  });
  afterEach(async () => {
    await w.close();
  });

  const record = (input: Record<string, unknown>) => w.call('privacy.consents.record', { clientId: client, ...base, ...input });
  const stateOf = (value: { current: { purpose: string; channel: string | null; state: string; lawful: boolean }[] }, purpose: string, channel: string | null = null) =>
    value.current.find((c) => c.purpose === purpose && c.channel === channel);

  it('lists every purpose and outreach channel, never asked: service and analytics lawful, consents not', async () => {
    const r = await w.call('privacy.consents.get', { clientId: client });
    expect(r.ok).toBe(true);
    expect(r.value.clientId).toBe(client);
    expect(r.value.status).toBe('active');
    expect(r.value.history).toEqual([]);
    expect(r.value.current.map((c: { purpose: string; channel: string | null }) => `${c.purpose}${c.channel ? `:${c.channel}` : ''}`)).toEqual([
      'service',
      'personalisation',
      'outreach:email',
      'outreach:phone',
      'outreach:sms',
      'outreach:whatsapp',
      'outreach:wechat',
      'outreach:post',
      'relationship_mapping',
      'analytics',
    ]);
    expect(stateOf(r.value, 'service')).toMatchObject({ state: 'none', basis: 'contract', lawful: true });
    expect(stateOf(r.value, 'analytics')).toMatchObject({ state: 'none', basis: 'legitimate_interest', lawful: true });
    expect(stateOf(r.value, 'personalisation')).toMatchObject({ state: 'none', basis: 'consent', lawful: false, since: null });
    expect(lastAudit(w.raw)).toMatchObject({ action: 'privacy.consents.get', target_ids: JSON.stringify([client]), outcome: 'ok' });
  });

  it('records a grant with its evidence, then a withdrawal; the state follows and the history keeps both', async () => {
    const granted = await record({ purpose: 'personalisation', evidence: '  Signed form ref. F-2026-0012 ', source: 'signed_form' });
    expect(granted.ok).toBe(true);
    expect(granted.value.recordedId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(stateOf(granted.value, 'personalisation')).toMatchObject({ state: 'granted', lawful: true, noticeVersion: 'v3-2026', source: 'signed_form' });
    expect(granted.value.history).toHaveLength(1);
    expect(granted.value.history[0]).toMatchObject({ id: granted.value.recordedId, action: 'grant', evidence: 'Signed form ref. F-2026-0012', channel: null });
    expect(lastAudit(w.raw)).toMatchObject({ action: 'privacy.consents.record', target_ids: JSON.stringify([client]), outcome: 'ok' });

    const email = await record({ purpose: 'outreach', channel: 'email', source: 'digital' });
    expect(stateOf(email.value, 'outreach', 'email')).toMatchObject({ state: 'granted', lawful: true });
    expect(stateOf(email.value, 'outreach', 'sms')).toMatchObject({ state: 'none', lawful: false });

    const withdrawn = await record({ purpose: 'personalisation', action: 'withdraw', source: 'in_person' });
    expect(withdrawn.ok).toBe(true);
    expect(stateOf(withdrawn.value, 'personalisation')).toMatchObject({ state: 'withdrawn', lawful: false });
    expect(withdrawn.value.history.map((h: { action: string; purpose: string }) => `${h.action}:${h.purpose}`)).toEqual([
      'withdraw:personalisation',
      'grant:outreach',
      'grant:personalisation',
    ]);
    expect(consentRows(w.raw, client)).toBe(3);
  });

  it('is idempotent about a grant already active: says so, writes nothing', async () => {
    await record({ purpose: 'personalisation' });
    const again = await record({ purpose: 'personalisation' });
    expect(again.error).toEqual({ code: 'CONSENT_CONFLICT', message: 'Personalisation consent is already granted for this client; nothing was recorded.' });
    await record({ purpose: 'outreach', channel: 'whatsapp' });
    expect((await record({ purpose: 'outreach', channel: 'whatsapp' })).error?.message).toBe(
      'WhatsApp outreach consent is already granted for this client; nothing was recorded.',
    );
    expect(consentRows(w.raw, client)).toBe(2);
    expect(lastAudit(w.raw)).toMatchObject({ action: 'privacy.consents.record', outcome: 'error', target_ids: JSON.stringify([client]) });
  });

  it('refuses a withdrawal without an active grant, naming the consent', async () => {
    expect((await record({ purpose: 'personalisation', action: 'withdraw' })).error).toEqual({
      code: 'CONSENT_MISSING',
      message: 'There is no active personalisation consent to withdraw for this client.',
    });
    expect((await record({ purpose: 'outreach', channel: 'email', action: 'withdraw' })).error).toEqual({
      code: 'CONSENT_MISSING',
      message: 'There is no active e-mail outreach consent to withdraw for this client.',
    });
    await record({ purpose: 'relationship_mapping' });
    await record({ purpose: 'relationship_mapping', action: 'withdraw' });
    expect((await record({ purpose: 'relationship_mapping', action: 'withdraw' })).error?.code).toBe('CONSENT_MISSING');
    expect(consentRows(w.raw, client)).toBe(2);
  });

  it('treats service as resting on the relationship and analytics as an objection, not a consent', async () => {
    expect((await record({ purpose: 'service', action: 'withdraw' })).error).toEqual({
      code: 'CONSENT_CONFLICT',
      message: 'Client service does not rest on consent: to stop it, restrict or erase the client.',
    });
    // The notice acknowledged at the first visit, as the demo writes it.
    expect((await record({ purpose: 'service' })).ok).toBe(true);
    // Analytics: an objection needs no earlier grant; a second one is refused; a later grant lifts it.
    const objected = await record({ purpose: 'analytics', action: 'withdraw' });
    expect(stateOf(objected.value, 'analytics')).toMatchObject({ state: 'withdrawn', lawful: false });
    expect((await record({ purpose: 'analytics', action: 'withdraw' })).error).toEqual({
      code: 'CONSENT_CONFLICT',
      message: 'This client has already objected to aggregate analytics; nothing was recorded.',
    });
    expect(stateOf((await record({ purpose: 'analytics' })).value, 'analytics')).toMatchObject({ state: 'granted', lawful: true });
  });

  it('refuses unknown, erased and non-client people', async () => {
    const spouse = addPerson(w.raw, { kind: 'related', first: 'Jules' });
    const erased = addPerson(w.raw, { status: 'erased' });
    for (const channel of ['privacy.consents.get', 'privacy.consents.record']) {
      const input = channel === 'privacy.consents.get' ? {} : { ...base, purpose: 'personalisation' };
      expect((await w.call(channel, { ...input, clientId: UNKNOWN })).error).toEqual({ code: 'NOT_FOUND', message: 'There is no such client.' });
      expect((await w.call(channel, { ...input, clientId: erased })).error?.code).toBe('NOT_FOUND');
      const related = await w.call(channel, { ...input, clientId: spouse });
      expect(related.error?.code).toBe('NOT_A_CLIENT');
      expect(related.error?.message).not.toContain('Jules');
    }
    expect(consentRows(w.raw, spouse)).toBe(0);
  });

  it('refuses malformed requests as INVALID_INPUT: unknown purpose, channel mismatch, bad source, notice, keys', async () => {
    const bad: Record<string, unknown>[] = [
      { purpose: 'profiling' },
      { purpose: 'Personalisation' },
      { purpose: '__proto__' },
      { purpose: 'outreach' },
      { purpose: 'outreach', channel: 'telegram' },
      { purpose: 'personalisation', channel: 'email' },
      { purpose: 'service', channel: 'post' },
      { purpose: 'personalisation', source: 'imported' },
      { purpose: 'personalisation', source: 'telepathy' },
      { purpose: 'personalisation', action: 'revoke' },
      { purpose: 'personalisation', noticeVersion: '' },
      { purpose: 'personalisation', noticeVersion: 'v3 with spaces' },
      { purpose: 'personalisation', noticeVersion: 'v'.repeat(41) },
      { purpose: 'personalisation', evidence: 'x'.repeat(501) },
      { purpose: 'personalisation', effectiveAt: 'yesterday' },
      { purpose: 'personalisation', effectiveAt: '2025-02-30T10:00:00.000Z' },
      { purpose: 'personalisation', effectiveAt: '2025-13-01T10:00:00.000Z' },
      { purpose: 'personalisation', extra: true },
      { purpose: 'personalisation', clientId: 'not-an-id' },
    ];
    for (const input of bad) {
      const r = await record(input);
      expect(r.error?.code, JSON.stringify(input)).toBe('INVALID_INPUT');
    }
    expect((await record({ purpose: 'outreach' })).error?.message).toBe('Outreach consent is given channel by channel: name the channel.');
    expect((await record({ purpose: 'personalisation', channel: 'email' })).error?.message).toBe(
      'Only outreach consent is given per channel: leave the channel out.',
    );
    expect(consentRows(w.raw, client)).toBe(0);
  });

  it('refuses a consent that takes effect in the future, and one dated before the latest change', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await record({ purpose: 'personalisation', effectiveAt: future })).error).toEqual({
      code: 'INVALID_INPUT',
      message: 'A consent cannot take effect in the future.',
    });
    expect((await record({ purpose: 'personalisation', effectiveAt: '2099-01-01T00:00:00Z' })).error?.code).toBe('INVALID_INPUT');

    // Given on paper last week: recorded today, effective then — normalised to milliseconds.
    const granted = await record({ purpose: 'personalisation', effectiveAt: '2025-06-01T10:00:00Z' });
    expect(granted.value.history[0].effectiveAt).toBe('2025-06-01T10:00:00.000Z');
    expect(Date.parse(granted.value.history[0].recordedAt)).toBeGreaterThan(Date.parse('2025-06-01T10:00:00Z'));
    const backdated = await record({ purpose: 'personalisation', action: 'withdraw', effectiveAt: '2025-05-01T10:00:00.000Z' });
    expect(backdated.error).toEqual({
      code: 'CONSENT_CONFLICT',
      message: 'Personalisation consent changed after the time given for this client: record the change with a later time.',
    });
    expect((await record({ purpose: 'personalisation', action: 'withdraw', effectiveAt: '2025-07-01T10:00:00.000Z' })).ok).toBe(true);
    expect(consentRows(w.raw, client)).toBe(2);
  });

  it('derives the state from the latest effective time, then the latest recording', async () => {
    // Out of order on purpose: the grant was recorded last but took effect first.
    addConsent(w.raw, client, 'personalisation', 'grant', { effectiveAt: '2024-01-01T10:00:00.000Z', recordedAt: '2024-06-01T10:00:00.000Z' });
    addConsent(w.raw, client, 'personalisation', 'withdraw', { effectiveAt: '2024-03-01T10:00:00.000Z', recordedAt: '2024-03-01T10:00:00.000Z' });
    let r = await w.call('privacy.consents.get', { clientId: client });
    expect(stateOf(r.value, 'personalisation')).toMatchObject({ state: 'withdrawn', since: '2024-03-01T10:00:00.000Z' });
    // Same effective time, recorded later: the later recording wins.
    addConsent(w.raw, client, 'personalisation', 'grant', { effectiveAt: '2024-03-01T10:00:00.000Z', recordedAt: '2024-03-02T10:00:00.000Z' });
    r = await w.call('privacy.consents.get', { clientId: client });
    expect(stateOf(r.value, 'personalisation')).toMatchObject({ state: 'granted', lawful: true });
    expect(r.value.history.map((h: { recordedAt: string }) => h.recordedAt)).toEqual([
      '2024-03-02T10:00:00.000Z',
      '2024-03-01T10:00:00.000Z',
      '2024-06-01T10:00:00.000Z',
    ]);
    // Channels are independent slots.
    addConsent(w.raw, client, 'outreach', 'grant', { channel: 'email' });
    addConsent(w.raw, client, 'outreach', 'withdraw', { channel: 'sms', effectiveAt: '2025-02-01T10:00:00.000Z' });
    r = await w.call('privacy.consents.get', { clientId: client });
    expect(stateOf(r.value, 'outreach', 'email')?.state).toBe('granted');
    expect(stateOf(r.value, 'outreach', 'sms')?.state).toBe('withdrawn');
  });

  it('ignores ledger rows the policy does not know instead of failing the view', async () => {
    addConsent(w.raw, client, 'telepathy', 'grant');
    addConsent(w.raw, client, 'outreach', 'grant', { channel: null });
    addConsent(w.raw, client, 'personalisation', 'grant', { channel: 'email' });
    const r = await w.call('privacy.consents.get', { clientId: client });
    expect(r.ok).toBe(true);
    expect(r.value.history).toEqual([]);
    expect(stateOf(r.value, 'personalisation')?.state).toBe('none');
  });

  it('lets a restricted client withdraw, but not grant', async () => {
    await record({ purpose: 'personalisation' });
    w.raw.prepare("UPDATE person SET status = 'restricted' WHERE id = ?").run(client);
    expect((await record({ purpose: 'outreach', channel: 'email' })).error).toEqual({
      code: 'RESTRICTED',
      message: 'This client’s processing is restricted: lift the restriction before recording a new consent.',
    });
    const withdrawn = await record({ purpose: 'personalisation', action: 'withdraw' });
    expect(withdrawn.ok).toBe(true);
    expect(withdrawn.value.status).toBe('restricted');
  });

  it('keeps the ledger append-only: an UPDATE is refused by the trigger', async () => {
    await record({ purpose: 'personalisation' });
    expect(() => w.raw.prepare("UPDATE consent SET action = 'withdraw'").run()).toThrow(/append-only/);
    expect(() => w.raw.prepare("UPDATE consent SET effective_at = '2020-01-01T00:00:00.000Z'").run()).toThrow(/append-only/);
    const r = await w.call('privacy.consents.get', { clientId: client });
    expect(stateOf(r.value, 'personalisation')?.state).toBe('granted');
  });

  it('never puts the client’s name or the evidence in an error message or the audit log', async () => {
    const results = [
      await record({ purpose: 'personalisation', evidence: 'Éléonore signed at the Dubois residence' }),
      await record({ purpose: 'personalisation', evidence: 'Éléonore signed at the Dubois residence' }),
      await record({ purpose: 'outreach', channel: 'post', action: 'withdraw' }),
    ];
    for (const r of results.filter((x) => !x.ok)) {
      expect(r.error?.message).not.toMatch(/Éléonore|Dubois/);
    }
    const audit = JSON.stringify(w.raw.prepare('SELECT * FROM audit_log').all());
    expect(audit).not.toMatch(/Éléonore|Dubois|residence/);
  });
});
