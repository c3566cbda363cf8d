/**
 * Which language the app speaks. Before unlock: the last language chosen on this device, else
 * the system's. After unlock: what this advisor last chose, else their profile's locale.
 * Only a language code is kept in localStorage — nothing about clients.
 */
export type Locale = 'en' | 'fr';
export const locales: readonly Locale[] = ['en', 'fr'];

const DEVICE_KEY = 'carnet.locale';
const profileKey = (profileId: string) => `carnet.locale.${profileId}`;

function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'fr';
}

function read(key: string): Locale | null {
  try {
    const value = window.localStorage.getItem(key);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function write(key: string, value: Locale): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage refused (private window, quota): the choice simply lasts for this session.
  }
}

export function systemLocale(): Locale {
  const languages = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function initialLocale(): Locale {
  return read(DEVICE_KEY) ?? systemLocale();
}

/** The locale to use once a profile is open. */
export function profileLocale(profile: { id: string; locale: Locale }): Locale {
  return read(profileKey(profile.id)) ?? profile.locale;
}

/** Remembers an explicit choice for this device and, when a profile is open, for that advisor. */
export function rememberLocale(locale: Locale, profileId?: string): void {
  write(DEVICE_KEY, locale);
  if (profileId) write(profileKey(profileId), locale);
}
