import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import circleEn from './parts/circle.en.json';
import circleFr from './parts/circle.fr.json';
import editEn from './parts/edit.en.json';
import editFr from './parts/edit.fr.json';
import recordsEn from './parts/records.en.json';
import recordsFr from './parts/records.fr.json';
import { initialLocale, type Locale } from './locale';

export const resources = {
  en: { translation: { ...en, ...editEn, ...circleEn, ...recordsEn } },
  fr: { translation: { ...fr, ...editFr, ...circleFr, ...recordsFr } },
} as const;

function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
}

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

applyDocumentLanguage(i18next.language);
i18next.on('languageChanged', applyDocumentLanguage);

export function currentLocale(): Locale {
  return i18next.language === 'fr' ? 'fr' : 'en';
}

export default i18next;
