/**
 * The session: which advisor profile is unlocked, and the store that goes with it. Exactly one
 * profile is unlocked at a time; every non-session channel is refused while none is.
 */
import fs from 'node:fs';
import { CarnetError, type ProfileSummary, type SessionStatus } from '../../contract/index.js';
import { StoreError } from '../../../db/errors.js';
import { closeStore, createStoreFile, openStoreFile, rekeyStore, removeStoreFiles, type RawDatabase } from '../../../db/open.js';
import { attachStore, type Store } from '../../../db/store.js';
import { newId } from '../ids.js';
import { appendAudit } from '../privacy/audit.js';
import { sweepAfterUnlock } from '../privacy/purge.js';
import { DEMO_PASSPHRASE, DEMO_PROFILE } from '../demo/constants.js';
import { generateDemo } from '../demo/generate.js';
import { assessPassphrase, backoffMs, passphraseReasons } from './passphrase.js';
import { ProfileRegistry, type ProfileEntry } from './profiles.js';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;

export interface SessionOptions {
  profilesDir: string;
  nativeBinding?: string;
  /**
   * The core's one clock: every service reads "now" from `SessionService.now()`, so a test can
   * fix time end to end. Defaults to the wall clock.
   */
  now?: () => Date;
  /** Clients in the demo maison opened from the first screen. */
  demoClients?: number;
}

interface Unlocked {
  profile: ProfileEntry;
  store: Store;
}

export function storeErrorToCarnet(error: StoreError): CarnetError {
  switch (error.code) {
    case 'WRONG_PASSPHRASE':
      return new CarnetError('WRONG_PASSPHRASE', 'The passphrase does not open this profile.');
    case 'NOT_A_STORE':
      return new CarnetError('NOT_A_STORE', 'This profile’s file is not a Carnet store, or it is damaged.');
    case 'STORE_NOT_ENCRYPTED':
      return new CarnetError('STORE_NOT_ENCRYPTED', 'This profile’s file is not encrypted; Carnet will not open it.');
    case 'STORE_TRUNCATED':
      return new CarnetError('STORE_TRUNCATED', 'This profile’s file is incomplete (truncated). Restore it from a backup.');
    case 'STORE_CORRUPT':
      return new CarnetError('STORE_CORRUPT', 'This profile’s file is damaged. Restore it from a backup.');
    case 'STORE_MISSING':
      return new CarnetError('PROFILE_NOT_FOUND', 'This profile’s file is missing.');
    default:
      return new CarnetError('INTERNAL', 'The store could not be opened.');
  }
}

function toSummary(entry: ProfileEntry): ProfileSummary {
  return {
    id: entry.id,
    displayName: entry.displayName,
    maison: entry.maison,
    boutique: entry.boutique,
    locale: entry.locale,
    createdAt: entry.createdAt,
    demo: entry.demo,
  };
}

export class SessionService {
  readonly registry: ProfileRegistry;
  private current: Unlocked | null = null;
  private readonly listeners = new Set<(state: 'locked' | 'unlocked') => void>();
  private readonly clock: () => Date;

  constructor(private readonly options: SessionOptions) {
    this.registry = new ProfileRegistry(options.profilesDir);
    this.registry.ensureDir();
    this.clock = options.now ?? (() => new Date());
  }

  /**
   * "Now" for the whole core: audit entries, defaults for dates left out, "not in the future"
   * checks, retention and purge due dates, "today" in the advisor's time zone, ids' time part.
   * Services read it through the request context (`ctx.session.now()`), never the wall clock.
   */
  now(): Date {
    return new Date(this.clock().getTime());
  }

  /** Main listens to reset the idle timer and to tell the window. */
  onChange(listener: (state: 'locked' | 'unlocked') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(state: 'locked' | 'unlocked'): void {
    for (const listener of this.listeners) listener(state);
  }

  get store(): Store | null {
    return this.current?.store ?? null;
  }

  get profileId(): string | null {
    return this.current?.profile.id ?? null;
  }

  requireStore(): Store {
    if (!this.current) throw new CarnetError('LOCKED', 'Unlock a profile first.');
    return this.current.store;
  }

  audit(action: string, targetIds: readonly string[], outcome: 'ok' | 'error' = 'ok'): void {
    if (!this.current) return;
    appendAudit(this.current.store.raw, {
      at: this.now().toISOString(),
      actor: this.current.profile.id,
      action,
      targetIds,
      outcome,
    });
  }

  status(): SessionStatus {
    if (!this.current) return { state: 'locked', profile: null, autoLockMinutes: null };
    return { state: 'unlocked', profile: toSummary(this.current.profile), autoLockMinutes: this.autoLockMinutes() };
  }

  autoLockMinutes(): number {
    if (!this.current) return DEFAULT_AUTO_LOCK_MINUTES;
    const row = this.current.store.raw.prepare("SELECT value FROM setting WHERE key = 'auto_lock_minutes'").get() as
      | { value: string }
      | undefined;
    const minutes = row ? Number.parseInt(row.value, 10) : Number.NaN;
    return Number.isInteger(minutes) ? minutes : DEFAULT_AUTO_LOCK_MINUTES;
  }

  setAutoLockMinutes(minutes: number): number {
    const store = this.requireStore();
    store.raw
      .prepare("INSERT INTO setting (key, value) VALUES ('auto_lock_minutes', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(String(minutes));
    return minutes;
  }

  listProfiles(): ProfileSummary[] {
    return this.registry
      .read()
      .map(toSummary)
      .sort((a, b) => Number(a.demo) - Number(b.demo) || a.displayName.localeCompare(b.displayName));
  }

  private assertStrong(passphrase: string): void {
    const verdict = assessPassphrase(passphrase);
    if (!verdict.ok) throw new CarnetError('WEAK_PASSPHRASE', passphraseReasons[verdict.reason]);
  }

  private assertLocked(): void {
    if (this.current) throw new CarnetError('ALREADY_UNLOCKED', 'A profile is already unlocked; lock it first.');
  }

  async createProfile(input: {
    displayName: string;
    maison: string;
    boutique: string;
    locale: 'en' | 'fr';
    timeZone?: string | undefined;
    passphrase: string;
    demo?: boolean;
  }): Promise<ProfileSummary> {
    this.assertLocked();
    this.assertStrong(input.passphrase);
    const timeZone = input.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw new CarnetError('INVALID_INPUT', 'Unknown time zone.');
    }
    const id = newId(this.now().getTime());
    const file = this.registry.storePath(id);
    const entry: ProfileEntry = {
      id,
      displayName: input.displayName,
      maison: input.maison,
      boutique: input.boutique,
      locale: input.locale,
      createdAt: this.now().toISOString(),
      demo: input.demo ?? false,
      failedAttempts: 0,
      lastFailureAt: null,
    };
    let store: Store | null = null;
    try {
      const raw = createStoreFile(file, input.passphrase, { nativeBinding: this.options.nativeBinding });
      store = await attachStore(raw);
      raw
        .prepare(
          'INSERT INTO advisor (id, display_name, maison, boutique, locale, time_zone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, entry.displayName, entry.maison, entry.boutique, entry.locale, timeZone, entry.createdAt);
      this.registry.write([...this.registry.read(), entry]);
    } catch (error) {
      await store?.close();
      removeStoreFiles(file);
      if (error instanceof StoreError) throw storeErrorToCarnet(error);
      throw error;
    }
    this.current = { profile: entry, store };
    this.audit('session.createProfile', []);
    this.emit('unlocked');
    return toSummary(entry);
  }

  /** Refuses at once, without deriving any key, while a profile is backing off. */
  private assertNotThrottled(profileId: string): void {
    const entry = this.registry.get(profileId);
    if (!entry) return;
    const wait = backoffMs(entry.failedAttempts);
    if (wait > 0 && entry.lastFailureAt !== null) {
      const retryAfterMs = entry.lastFailureAt + wait - this.now().getTime();
      if (retryAfterMs > 0) {
        throw new CarnetError('THROTTLED', 'Too many attempts. Wait a moment before trying again.', { retryAfterMs });
      }
    }
  }

  private recordFailure(profileId: string): void {
    this.registry.update(profileId, (e) => ({ ...e, failedAttempts: e.failedAttempts + 1, lastFailureAt: this.now().getTime() }));
  }

  async unlock(profileId: string, passphrase: string): Promise<ProfileSummary> {
    this.assertLocked();
    const entry = this.registry.get(profileId);
    if (!entry) throw new CarnetError('PROFILE_NOT_FOUND', 'There is no such profile on this device.');
    this.assertNotThrottled(profileId);
    let raw: RawDatabase;
    try {
      raw = openStoreFile(this.registry.storePath(profileId), passphrase, { nativeBinding: this.options.nativeBinding });
    } catch (error) {
      if (error instanceof StoreError) {
        if (error.code === 'WRONG_PASSPHRASE') this.recordFailure(profileId);
        throw storeErrorToCarnet(error);
      }
      throw error;
    }
    let store: Store;
    try {
      store = await attachStore(raw);
    } catch (error) {
      if (error instanceof StoreError) throw new CarnetError('STORE_CORRUPT', 'This profile could not be brought up to date.');
      throw error;
    }
    const updated =
      entry.failedAttempts > 0
        ? (this.registry.update(profileId, (e) => ({ ...e, failedAttempts: 0, lastFailureAt: null })) ?? entry)
        : entry;
    this.current = { profile: updated, store };
    this.audit('session.unlock', []);
    // Withdrawn data never outlives its grace period; a failure is audited, never blocks the unlock.
    await sweepAfterUnlock(store, this.now(), (action, ids, outcome) => this.audit(action, ids, outcome));
    this.emit('unlocked');
    return toSummary(updated);
  }

  async lock(): Promise<void> {
    const current = this.current;
    if (!current) return;
    this.audit('session.lock', []);
    this.current = null;
    await current.store.close();
    this.emit('locked');
  }

  async changePassphrase(currentPassphrase: string, nextPassphrase: string): Promise<void> {
    const current = this.current;
    if (!current) throw new CarnetError('LOCKED', 'Unlock a profile first.');
    this.assertStrong(nextPassphrase);
    if (current.profile.demo) {
      // The demo opens with its published passphrase; a private one would lock it for good.
      throw new CarnetError('INVALID_INPUT', 'The demo maison keeps its published passphrase.');
    }
    const profileId = current.profile.id;
    const file = this.registry.storePath(profileId);
    // Guessing the current passphrase here backs off exactly as at unlock.
    this.assertNotThrottled(profileId);
    // Prove the current passphrase on a second connection before touching anything.
    try {
      closeStore(openStoreFile(file, currentPassphrase, { nativeBinding: this.options.nativeBinding }));
    } catch (error) {
      if (error instanceof StoreError && error.code === 'WRONG_PASSPHRASE') {
        this.recordFailure(profileId);
        throw new CarnetError('WRONG_PASSPHRASE', 'The current passphrase is not right.');
      }
      throw error;
    }
    this.registry.update(profileId, (e) => ({ ...e, failedAttempts: 0, lastFailureAt: null }));
    this.audit('session.changePassphrase', []);
    const backup = `${file}.rekey-backup`;
    this.current = null;
    await current.store.close();
    fs.copyFileSync(file, backup, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(backup, 0o600);
    let verified = false;
    try {
      const raw = openStoreFile(file, currentPassphrase, { nativeBinding: this.options.nativeBinding });
      try {
        rekeyStore(raw, nextPassphrase);
      } finally {
        closeStore(raw);
      }
      // Verified by reopening with the new passphrase.
      const reopened = openStoreFile(file, nextPassphrase, { nativeBinding: this.options.nativeBinding });
      this.current = { profile: current.profile, store: await attachStore(reopened) };
      verified = true;
    } finally {
      if (verified) {
        fs.rmSync(backup, { force: true });
      } else {
        removeStoreFiles(file);
        fs.renameSync(backup, file);
        const raw = openStoreFile(file, currentPassphrase, { nativeBinding: this.options.nativeBinding });
        this.current = { profile: current.profile, store: await attachStore(raw) };
      }
    }
  }

  async deleteProfile(profileId: string, confirmDisplayName: string): Promise<void> {
    const entry = this.registry.get(profileId);
    if (!entry) throw new CarnetError('PROFILE_NOT_FOUND', 'There is no such profile on this device.');
    // Only the unlocked profile can be deleted: its passphrase has been proven this session.
    if (this.current?.profile.id !== profileId) {
      throw new CarnetError('LOCKED', 'Unlock this profile before deleting it.');
    }
    if (confirmDisplayName.trim().normalize('NFC') !== entry.displayName.normalize('NFC')) {
      throw new CarnetError('CONFIRMATION_MISMATCH', 'Type the profile’s name exactly to confirm.');
    }
    await this.lock();
    removeStoreFiles(this.registry.storePath(profileId));
    this.registry.write(this.registry.read().filter((p) => p.id !== profileId));
  }

  /** Opens the demo maison, writing it first if this device has none. */
  async openDemo(): Promise<ProfileSummary> {
    this.assertLocked();
    const existing = this.registry.read().find((p) => p.demo);
    if (existing) return this.unlock(existing.id, DEMO_PASSPHRASE);
    const summary = await this.createProfile({ ...DEMO_PROFILE, passphrase: DEMO_PASSPHRASE, demo: true });
    const store = this.requireStore();
    try {
      generateDemo(store.raw, {
        seed: 1,
        clients: this.options.demoClients ?? 300,
        // "Today" in the demo advisor's time zone, so today's appointments are still ahead.
        today: new Intl.DateTimeFormat('en-CA', { timeZone: DEMO_PROFILE.timeZone }).format(this.now()),
        advisorId: summary.id,
      });
    } catch (error) {
      // Never leave a half-written demo behind: the next attempt starts clean.
      await this.deleteProfile(summary.id, summary.displayName);
      throw error;
    }
    // The demo's history holds withdrawals from years ago: their grace period is long over.
    await sweepAfterUnlock(store, this.now(), (action, ids, outcome) => this.audit(action, ids, outcome));
    return summary;
  }
}
