/**
 * Every privacy channel at the door: refused while locked, typed errors (never INTERNAL) for
 * malformed or hostile input, NOT_FOUND for ids that name no one — and the store and its audit
 * chain intact afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../electron/contract/index.js';
import { openWorld, type World } from './support.js';

const privacyChannels = channelNames.filter((c) => c.startsWith('privacy.'));
const NOBODY = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

const hostile: unknown[] = [
  null,
  'privacy',
  42,
  [],
  [{ clientId: NOBODY }],
  { clientId: NOBODY, extra: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  { clientId: '../../etc/passwd' },
  { clientId: NOBODY.toLowerCase() },
  { clientId: `${NOBODY}\u0000` },
  { clientId: NOBODY, purpose: 'personalisation\u202E', action: 'grant', source: 'in_person', noticeVersion: 'v1' },
  { clientId: NOBODY, purpose: 'outreach', channel: 'email', action: 'grant', source: 'in_person', noticeVersion: '🦄' },
  { locale: 'en-GB' },
  { limit: Number.MAX_SAFE_INTEGER },
  { limit: 10, beforeSeq: -1 },
  { purgeGraceDays: Number.POSITIVE_INFINITY },
  { clientId: NOBODY, restricted: true, reason: '__proto__' },
  { clientId: 'x'.repeat(70_000) },
];

describe('privacy channels at the door', () => {
  let w: World;

  beforeAll(async () => {
    w = await openWorld({ demoClients: 10 });
  });
  afterAll(async () => {
    await w.close();
  });

  it('are all in the contract and the preload list', () => {
    expect(privacyChannels).toEqual([
      'privacy.recordOfProcessing',
      'privacy.consents.get',
      'privacy.consents.record',
      'privacy.pendingPurges',
      'privacy.restrict',
      'privacy.settings.get',
      'privacy.settings.set',
      'privacy.audit.verify',
      'privacy.audit.list',
      'privacy.retention.due',
      'privacy.retention.review',
      'privacy.purge.run',
      'privacy.rights.access',
      'privacy.rights.portability',
      'privacy.rights.rectify',
      'privacy.rights.erase',
      'privacy.rights.object',
      'privacy.requests.open',
      'privacy.requests.list',
      'privacy.requests.complete',
      'privacy.overview',
    ]);
  });

  it('answer typed errors, never INTERNAL, for hostile input', async () => {
    for (const channel of privacyChannels) {
      for (const input of hostile) {
        const r = await w.call(channel, input);
        if (!r.ok) expect(['INVALID_INPUT', 'PAYLOAD_TOO_LARGE', 'NOT_FOUND'], `${channel} ${JSON.stringify(input)?.slice(0, 80)}`).toContain(r.error?.code);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answer NOT_FOUND for well-formed ids that name no one', async () => {
    const base = { clientId: NOBODY };
    expect((await w.call('privacy.consents.get', base)).error?.code).toBe('NOT_FOUND');
    expect((await w.call('privacy.consents.record', { ...base, purpose: 'analytics', action: 'withdraw', source: 'digital', noticeVersion: 'v1' })).error?.code).toBe('NOT_FOUND');
    expect((await w.call('privacy.restrict', { ...base, restricted: false })).error?.code).toBe('NOT_FOUND');
    for (const [channel, input] of [
      ['privacy.retention.review', { ...base, category: 'notes', decision: 'purge' }],
      ['privacy.rights.access', base],
      ['privacy.rights.portability', base],
      ['privacy.rights.rectify', { ...base, field: 'city', value: 'Lyon' }],
      ['privacy.rights.erase', { ...base, confirm: true }],
      ['privacy.rights.object', { ...base, source: 'digital' }],
      ['privacy.requests.open', { ...base, right: 'erasure', receivedAt: '2026-01-05T10:00:00.000Z' }],
      ['privacy.requests.complete', { requestId: NOBODY, outcome: 'refused' }],
    ] as const) {
      expect((await w.call(channel, input)).error?.code, channel).toBe('NOT_FOUND');
    }
  });

  it('leave the store whole and the audit chain valid', async () => {
    expect(w.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await w.call('privacy.audit.verify', {})).value.valid).toBe(true);
  });

  it('are refused while locked', async () => {
    await w.core.session.lock();
    for (const channel of privacyChannels) {
      const valid: Record<string, unknown> = {
        'privacy.recordOfProcessing': { locale: 'en' },
        'privacy.consents.get': { clientId: NOBODY },
        'privacy.consents.record': { clientId: NOBODY, purpose: 'analytics', action: 'withdraw', source: 'digital', noticeVersion: 'v1' },
        'privacy.restrict': { clientId: NOBODY, restricted: true },
        'privacy.settings.set': { purgeGraceDays: 3 },
        'privacy.audit.list': { limit: 5 },
        'privacy.retention.review': { clientId: NOBODY, category: 'notes', decision: 'keep' },
        'privacy.rights.access': { clientId: NOBODY },
        'privacy.rights.portability': { clientId: NOBODY },
        'privacy.rights.rectify': { clientId: NOBODY, field: 'city', value: 'Lyon' },
        'privacy.rights.erase': { clientId: NOBODY, confirm: true },
        'privacy.rights.object': { clientId: NOBODY, source: 'digital' },
        'privacy.requests.open': { clientId: NOBODY, right: 'access', receivedAt: '2026-01-05T10:00:00.000Z' },
        'privacy.requests.complete': { requestId: NOBODY, outcome: 'fulfilled' },
      };
      expect((await w.call(channel, valid[channel] ?? {})).error?.code, channel).toBe('LOCKED');
    }
  });
});
