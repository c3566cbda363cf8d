import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/services/index.js';
import { verifyAudit } from '../../../electron/services/privacy/audit.js';
import { snapshotFolder, tempDir } from '../../support/tmp.js';

const PASS = 'la boutique ouvre à dix heures';
const profileInput = { displayName: 'Adèle Fontaine', maison: 'Maison Test', boutique: 'Genève', locale: 'fr' as const, passphrase: PASS };

describe('session — profiles, unlock, lock, rekey, delete', () => {
  let dir: string;
  let cleanup: () => void;
  let core: Core;
  let clock: number;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    clock = Date.parse('2026-11-20T09:00:00.000Z');
    core = createCore({ profilesDir: dir, now: () => new Date(clock) });
  });
  afterEach(async () => {
    await core.session.lock();
    cleanup();
  });

  async function call(channel: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string; retryAfterMs?: number } }> {
    return (await core.router.dispatch(channel, input)) as never;
  }

  async function createAndLock(): Promise<string> {
    const created = await call('session.createProfile', profileInput);
    expect(created.ok).toBe(true);
    await call('session.lock', {});
    return created.value.id as string;
  }

  it('creates a profile as one store file beside a profiles.json that holds no client data', async () => {
    const created = await call('session.createProfile', profileInput);
    expect(created).toMatchObject({ ok: true, value: { displayName: 'Adèle Fontaine', locale: 'fr', demo: false } });
    const id = created.value.id as string;
    expect(fs.existsSync(path.join(dir, `${id}.carnet`))).toBe(true);
    const listing = JSON.parse(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8'));
    expect(Object.keys(listing.profiles[0]).sort()).toEqual(
      ['boutique', 'createdAt', 'demo', 'displayName', 'failedAttempts', 'id', 'lastFailureAt', 'locale', 'maison'].sort(),
    );
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'profiles.json')).mode & 0o777).toBe(0o600);
    expect((await call('session.status', {})).value).toMatchObject({ state: 'unlocked', autoLockMinutes: 10 });
    expect((await call('session.listProfiles', {})).value.profiles).toHaveLength(1);
  });

  it('refuses weak, empty and absurd passphrases with a typed error and writes nothing', async () => {
    for (const passphrase of ['short', 'aaaaaaaaaaaaaaaa', '123456789012345', 'password1234', '']) {
      const result = await call('session.createProfile', { ...profileInput, passphrase });
      expect(result.ok).toBe(false);
      expect(['WEAK_PASSPHRASE', 'INVALID_INPUT']).toContain(result.error?.code);
    }
    const huge = await call('session.createProfile', { ...profileInput, passphrase: 'x'.repeat(1024 * 1024) });
    expect(huge.error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('unlocks with the passphrase; a wrong one is a typed error, leaves the store unchanged, and backs off', async () => {
    const id = await createAndLock();
    const storeFile = path.join(dir, `${id}.carnet`);
    const storeBytes = fs.readFileSync(storeFile);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const wrong = await call('session.unlock', { profileId: id, passphrase: `wrong passphrase ${attempt}` });
      expect(wrong.error?.code).toBe('WRONG_PASSPHRASE');
      expect(wrong.error?.message).not.toContain('wrong passphrase');
    }
    // The fourth attempt must wait, even with the right passphrase, and does not even try.
    const throttled = await call('session.unlock', { profileId: id, passphrase: PASS });
    expect(throttled.error?.code).toBe('THROTTLED');
    expect(throttled.error?.retryAfterMs).toBe(1000);
    expect(fs.readFileSync(storeFile).equals(storeBytes)).toBe(true);
    clock += 1000;
    const again = await call('session.unlock', { profileId: id, passphrase: 'still wrong, sadly' });
    expect(again.error?.code).toBe('WRONG_PASSPHRASE');
    expect((await call('session.unlock', { profileId: id, passphrase: PASS })).error?.retryAfterMs).toBe(2000);
    clock += 2000;
    const ok = await call('session.unlock', { profileId: id, passphrase: PASS });
    expect(ok.ok).toBe(true);
    expect(core.session.registry.get(id)?.failedAttempts).toBe(0);
  });

  it('answers empty and 1 MB passphrases at unlock with typed errors, without touching the store', async () => {
    const id = await createAndLock();
    const before = snapshotFolder(dir);
    expect((await call('session.unlock', { profileId: id, passphrase: '' })).error?.code).toBe('INVALID_INPUT');
    expect((await call('session.unlock', { profileId: id, passphrase: 'é'.repeat(1024 * 1024) })).error?.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await call('session.unlock', { profileId: id, passphrase: 'x'.repeat(2000) })).error?.code).toBe('INVALID_INPUT');
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('refuses a second unlock, and unknown or hostile profile ids', async () => {
    const id = await createAndLock();
    expect((await call('session.unlock', { profileId: id, passphrase: PASS })).ok).toBe(true);
    expect((await call('session.unlock', { profileId: id, passphrase: PASS })).error?.code).toBe('ALREADY_UNLOCKED');
    await call('session.lock', {});
    for (const profileId of ['../../etc/passwd', `${id}/../x`, 'a\\b', '', id.toLowerCase(), `${id}.carnet`]) {
      expect((await call('session.unlock', { profileId, passphrase: PASS })).error?.code).toBe('INVALID_INPUT');
    }
    expect((await call('session.unlock', { profileId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', passphrase: PASS })).error?.code).toBe('PROFILE_NOT_FOUND');
  });

  it('locks: every non-session channel is refused until the next unlock', async () => {
    await createAndLock();
    expect((await call('clients.list', {})).error?.code).toBe('LOCKED');
    expect((await call('clients.get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).error?.code).toBe('LOCKED');
    expect((await call('session.changePassphrase', { current: PASS, next: 'another long passphrase' })).error?.code).toBe('LOCKED');
    expect((await call('session.status', {})).value).toEqual({ state: 'locked', profile: null, autoLockMinutes: null });
  });

  it('changes the passphrase (verified by reopening) and refuses a wrong current one', async () => {
    const id = await createAndLock();
    await call('session.unlock', { profileId: id, passphrase: PASS });
    expect((await call('session.changePassphrase', { current: 'not the current one', next: 'a brand new passphrase' })).error?.code).toBe('WRONG_PASSPHRASE');
    expect((await call('session.changePassphrase', { current: PASS, next: 'weak' })).error?.code).toBe('WEAK_PASSPHRASE');
    expect((await call('session.changePassphrase', { current: PASS, next: 'a brand new passphrase' })).ok).toBe(true);
    expect(core.session.registry.get(id)?.failedAttempts).toBe(0);
    expect((await call('session.status', {})).value.state).toBe('unlocked');
    expect(fs.readdirSync(dir).some((f) => f.includes('rekey-backup'))).toBe(false);
    await call('session.lock', {});
    expect((await call('session.unlock', { profileId: id, passphrase: PASS })).error?.code).toBe('WRONG_PASSPHRASE');
    expect((await call('session.unlock', { profileId: id, passphrase: 'a brand new passphrase' })).ok).toBe(true);
    expect(verifyAudit(core.session.requireStore().raw)).toMatchObject({ valid: true });
  });

  it('backs off guesses of the current passphrase as at unlock, and keeps the demo’s passphrase', async () => {
    const id = await createAndLock();
    await call('session.unlock', { profileId: id, passphrase: PASS });
    for (let i = 0; i < 3; i++) {
      expect((await call('session.changePassphrase', { current: `guess number ${i} here`, next: 'a brand new passphrase' })).error?.code).toBe('WRONG_PASSPHRASE');
    }
    const throttled = await call('session.changePassphrase', { current: PASS, next: 'a brand new passphrase' });
    expect(throttled.error?.code).toBe('THROTTLED');
    await call('session.lock', {});
    clock += 1000;
    const demo = await call('session.openDemo', {});
    expect(demo.ok).toBe(true);
    expect((await call('session.changePassphrase', { current: 'velours-et-soie-2026', next: 'a brand new passphrase' })).error?.code).toBe('INVALID_INPUT');
  });

  it('sets the auto-lock delay within bounds', async () => {
    await call('session.createProfile', profileInput);
    expect((await call('session.setAutoLock', { minutes: 5 })).value).toEqual({ autoLockMinutes: 5 });
    expect((await call('session.status', {})).value.autoLockMinutes).toBe(5);
    expect((await call('session.setAutoLock', { minutes: 0 })).error?.code).toBe('INVALID_INPUT');
    expect((await call('session.setAutoLock', { minutes: 100000 })).error?.code).toBe('INVALID_INPUT');
  });

  it('deletes a profile only while it is unlocked and with the exact name typed, removing its files', async () => {
    const id = await createAndLock();
    expect((await call('session.deleteProfile', { profileId: id, confirmDisplayName: 'Adèle Fontaine' })).error?.code).toBe('LOCKED');
    expect((await call('session.unlock', { profileId: id, passphrase: PASS })).ok).toBe(true);
    const before = snapshotFolder(dir);
    expect((await call('session.deleteProfile', { profileId: id, confirmDisplayName: 'adele fontaine' })).error?.code).toBe('CONFIRMATION_MISMATCH');
    expect(snapshotFolder(dir)).toEqual(before);
    // The same name typed in decomposed form (e + combining accent) is the same name.
    expect((await call('session.deleteProfile', { profileId: id, confirmDisplayName: ' Ade\u0300le Fontaine ' })).ok).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(id))).toEqual([]);
    expect((await call('session.listProfiles', {})).value.profiles).toEqual([]);
  });

  it('survives a damaged profiles.json without losing the stores beside it', async () => {
    const id = await createAndLock();
    fs.writeFileSync(path.join(dir, 'profiles.json'), '{"version": 1, "profiles": [');
    const profiles = (await call('session.listProfiles', {})).value.profiles as { id: string }[];
    expect(profiles.map((p) => p.id)).toEqual([id]);
    expect((await call('session.unlock', { profileId: id, passphrase: PASS })).ok).toBe(true);
  });

  it('reports a damaged or truncated store file as a typed error, and nothing crashes', async () => {
    const id = await createAndLock();
    const file = path.join(dir, `${id}.carnet`);
    fs.writeFileSync(file, 'not a database at all');
    expect((await call('session.unlock', { profileId: id, passphrase: PASS })).error?.code).toBe('NOT_A_STORE');
    fs.rmSync(file);
    expect((await call('session.unlock', { profileId: id, passphrase: PASS })).error?.code).toBe('PROFILE_NOT_FOUND');
  });

  it('records unlock, reads and lock in a valid hash chain with no personal data', async () => {
    const id = await createAndLock();
    await call('session.unlock', { profileId: id, passphrase: PASS });
    await call('clients.get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    const raw = core.session.requireStore().raw;
    const actions = (raw.prepare('SELECT action, outcome FROM audit_log ORDER BY seq').all() as { action: string; outcome: string }[]);
    expect(actions).toEqual([
      { action: 'session.createProfile', outcome: 'ok' },
      { action: 'session.lock', outcome: 'ok' },
      { action: 'session.unlock', outcome: 'ok' },
      { action: 'clients.get', outcome: 'error' },
    ]);
    const text = JSON.stringify(raw.prepare('SELECT * FROM audit_log').all());
    expect(text).not.toContain('Adèle');
    expect(text).not.toContain(PASS);
    expect(verifyAudit(raw)).toEqual({ valid: true, entries: 4, firstBrokenSeq: null });
  });
});
