/** Session: advisor profiles, unlock, lock, passphrase, auto-lock. */
import { z } from 'zod';
import { channels, emptyInput, idSchema, instantSchema, localeSchema } from './common.js';

/** Long enough to refuse absurd input before any key derivation; far above any real passphrase. */
export const PASSPHRASE_MAX = 1024;
export const PASSPHRASE_MIN = 12;

const passphrase = z.string().min(1).max(PASSPHRASE_MAX);
const shortText = z.string().trim().min(1).max(120);

export const profileSummarySchema = z.object({
  id: idSchema,
  displayName: z.string(),
  maison: z.string(),
  boutique: z.string(),
  locale: localeSchema,
  createdAt: instantSchema,
  demo: z.boolean(),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const sessionStatusSchema = z.object({
  state: z.enum(['locked', 'unlocked']),
  profile: profileSummarySchema.nullable(),
  autoLockMinutes: z.number().int().nullable(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 240;

export const sessionContract = channels({
  'session.status': { input: emptyInput, output: sessionStatusSchema, whileLocked: true },
  'session.listProfiles': {
    input: emptyInput,
    output: z.object({ profiles: z.array(profileSummarySchema) }),
    whileLocked: true,
  },
  'session.createProfile': {
    input: z
      .object({
        displayName: shortText,
        maison: shortText,
        boutique: shortText,
        locale: localeSchema,
        timeZone: z.string().min(1).max(64).optional(),
        passphrase,
      })
      .strict(),
    output: profileSummarySchema,
    whileLocked: true,
  },
  'session.unlock': {
    input: z.object({ profileId: idSchema, passphrase }).strict(),
    output: profileSummarySchema,
    whileLocked: true,
  },
  'session.openDemo': { input: emptyInput, output: profileSummarySchema, whileLocked: true },
  'session.lock': { input: emptyInput, output: z.object({ locked: z.literal(true) }), whileLocked: true },
  'session.changePassphrase': {
    input: z.object({ current: passphrase, next: passphrase }).strict(),
    output: z.object({ changed: z.literal(true) }),
  },
  /** Deletes the unlocked profile: proving the passphrase first is what stops a passer-by. */
  'session.deleteProfile': {
    input: z.object({ profileId: idSchema, confirmDisplayName: z.string().max(120) }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  },
  'session.setAutoLock': {
    input: z.object({ minutes: z.number().int().min(AUTO_LOCK_MIN).max(AUTO_LOCK_MAX) }).strict(),
    output: z.object({ autoLockMinutes: z.number().int() }),
  },
});
