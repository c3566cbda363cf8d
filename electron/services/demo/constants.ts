/** The demo maison's profile and its published passphrase (in the README): synthetic data only. */
export const DEMO_PASSPHRASE = 'velours-et-soie-2026';

export const DEMO_PROFILE = {
  displayName: 'Camille Laurent',
  maison: 'Maison Aubrac',
  boutique: 'Paris — Faubourg Saint-Honoré',
  locale: 'en' as const,
  timeZone: 'Europe/Paris',
};
